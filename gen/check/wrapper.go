package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// rules are what checking a declaration needs of the dialect d.
type rules struct {
	d    *dialect.Dialect
	qemu map[string]emit.Role // emit.QEMUNames(d)
	uses []emit.Use           // reused for each wrapper's emit.AppendUses
}

// wrapper turns one declaration into a wrapper named and checked for the
// dialect r.d, as its generator names it: the target of a co wrapper
// SUB_REST is SUB_co_REST, that of a no_co wrapper SUB_co_REST is SUB_REST.
func (r *rules) wrapper(decl *parse.Decl, diags *diag.List) (*model.Wrapper, bool) {
	d, m := r.d, decl.Marker
	w := &model.Wrapper{
		Marker:      m,
		ReturnType:  decl.ReturnType,
		Name:        decl.Name,
		CoroutineFn: decl.CoroutineFn,
		Params:      decl.Params,
		Conditions:  decl.Conditions,
		Pos:         decl.NamePos,
	}
	fail := func(e diag.Diagnostic) (*model.Wrapper, bool) {
		diags.Add(e)
		return nil, false
	}
	failf := func(id diag.ID, pos diag.Pos, format string, args ...any) (*model.Wrapper, bool) {
		return fail(diag.Errorf(id, pos, format, args...))
	}

	if !d.HasMarker(m) {
		return fail(markerMissing(m, d, decl.MarkerPos))
	}
	if d.IntOnly && decl.ReturnType != "int" {
		return fail(refuse(d, decl.ReturnPos, func(e *dialect.Dialect) bool { return !e.IntOnly },
			"only wraps functions returning int, not '%s'", decl.ReturnType))
	}

	name := decl.Name
	// The name's '_'-separated words: first, second, and whether there are
	// more (a name has at least one).
	first, rest, hasRest := strings.Cut(name, "_")
	second, _, hasThird := strings.Cut(rest, "_")
	if first == "" || (hasRest && (rest == "" || rest[0] == '_' || strings.HasSuffix(rest, "_") || strings.Contains(rest, "__"))) {
		return failf(diag.WrapperName, decl.NamePos, "wrapper name '%s' has an empty word: the generated struct is named after its '_'-separated words", name)
	}
	if !strings.HasPrefix(name, d.NamePrefix) {
		return fail(refuse(d, decl.NamePos, func(e *dialect.Dialect) bool { return strings.HasPrefix(name, e.NamePrefix) },
			"needs wrapper names to start with '%s', not '%s'", d.NamePrefix, name))
	}
	switch m.Kind {
	case model.Co:
		if !hasRest {
			return failf(diag.WrapperName, decl.NamePos, "co wrapper name '%s' has no '_': the wrapper SUB_REST calls the coroutine function SUB_co_REST", name)
		}
		if (second == "co" && hasThird) || (d.CoAnywhereForbidden && strings.Contains(name, "_co_")) {
			return failf(diag.WrapperName, decl.NamePos, "co wrapper name '%s' contains '_co_': the wrapper SUB_REST calls the coroutine function SUB_co_REST, so the wrapper's own name must not have it", name)
		}
		w.Target = first + "_co_" + rest
	case model.NoCo:
		if !hasThird || second != "co" {
			return failf(diag.WrapperName, decl.NamePos, "no_co wrapper name '%s' is not of the form SUB_co_REST: the wrapper SUB_co_REST calls the function SUB_REST", name)
		}
		w.Target = first + "_" + rest[len("co_"):]
	}
	w.StructName = emit.StructName(d, w.Name, w.Target)
	if _, _, bad := firstParam(w, d); bad {
		return fail(contextError(w, d))
	}

	// The definitions share file scope with QEMU's names.
	for _, def := range emit.Definitions(w) {
		if role, clash := r.qemu[def.Name]; clash {
			return failf(diag.Duplicate, w.Pos, "'%s' would be defined in block-gen.c as %s of '%s', but the generated code uses QEMU's %s of that name", def.Name, def.Role, name, role)
		}
	}

	// Parameter names share scopes with the names of the generated code.
	ok := true
	r.uses = emit.AppendUses(r.uses[:0], d, w)
	seen := make(map[string]diag.Pos, len(w.Params))
	for i := range w.Params {
		p := &w.Params[i]
		if u, clash := emit.ParamClash(r.uses, p); clash {
			e := diag.Errorf(diag.ParameterCollision, p.Pos, "parameter '%s' of '%s' collides with %s; rename the parameter", p.Name, name, u)
			diags.Add(renameFix(e, p, r.freeName(w, p)))
			ok = false
		}
		if q, dup := seen[p.Name]; dup {
			diags.Errorf(diag.DuplicateParameter, p.Pos, "duplicate parameter name '%s' in '%s' (first at %d:%d)", p.Name, name, q.Line, q.Col)
			ok = false
		} else {
			seen[p.Name] = p.Pos
		}
	}
	return w, ok
}

// refuse returns the error that the generator of d refuses a declaration,
// as the message says, naming the first later release whose generator
// accepts it (accepts answers that for a dialect), if there is one. Every
// restriction of a release goes through here, and the release comes from
// the dialects' table, so none can be forgotten or misnamed.
func refuse(d *dialect.Dialect, pos diag.Pos, accepts func(*dialect.Dialect) bool, format string, args ...any) diag.Diagnostic {
	msg := "the generator of " + d.Releases + " " + fmt.Sprintf(format, args...)
	if later := d.Lifted(accepts); later != "" {
		msg += " (accepted from QEMU " + later + " on)"
	}
	return diag.Errorf(diag.Release, pos, "%s", msg)
}

// markerMissing explains why the dialect d has no marker m, found at pos,
// with the marker to write instead where there is one.
func markerMissing(m model.Marker, d *dialect.Dialect, pos diag.Pos) diag.Diagnostic {
	if m.RenamedTo != "" && !dialect.Before(d.Name, m.Removed) {
		return diag.Errorf(diag.Release, pos, "'%s' was renamed '%s' in QEMU %s: write '%s', or generate for an older release with --qemu", m.Name, m.RenamedTo, m.Removed, m.RenamedTo).
			Fix(pos, m.RenamedTo)
	}
	has := func(e *dialect.Dialect) bool { return e.HasMarker(m) }
	known := d.Markers()
	if len(known) > 1 {
		return refuse(d, pos, has, "does not know '%s'", m.Name)
	}
	e := refuse(d, pos, has, "knows only '%s', not '%s'", known[0].Name, m.Name)
	if known[0].Kind == m.Kind && known[0].Mixed == m.Mixed && known[0].Lock == m.Lock {
		e = e.Fix(pos, known[0].Name) // the same marker by its old name
	}
	return e
}

// firstParam checks what the context expressions of d's templates need of
// w's first parameter: up to 7.2 a type they know; up to 8.1 the name they
// hard-code. It returns the context that w's first parameter fails and the
// case its type matched, if any; bad is false if nothing fails.
func firstParam(w *model.Wrapper, d *dialect.Dialect) (c *dialect.Context, cc dialect.ContextCase, bad bool) {
	c = d.BHContext
	if w.Kind == model.Co {
		c = &d.Context
	}
	if c == nil || c.Fixed != "" {
		return nil, cc, false
	}
	ok := false
	if len(w.Params) > 0 {
		cc, ok = c.Case(w.Params[0].Type)
	}
	if !ok {
		return c, cc, c.Otherwise == ""
	}
	return c, cc, cc.Name != "" && cc.Name != w.Params[0].Name
}

// contextError is the error for a first parameter that firstParam finds
// bad for d.
func contextError(w *model.Wrapper, d *dialect.Dialect) diag.Diagnostic {
	accepts := func(e *dialect.Dialect) bool { _, _, bad := firstParam(w, e); return !bad }
	c, cc, _ := firstParam(w, d)
	if cc.Type == "" {
		var types []string
		for _, cc := range c.Cases {
			types = append(types, "'"+cc.Type+cc.Name+"'")
		}
		pos, what := w.Pos, "no parameters"
		if len(w.Params) > 0 {
			pos, what = w.Params[0].Pos, "'"+w.Params[0].Decl+"'"
		}
		return refuse(d, pos, accepts, "needs the first parameter of '%s' to be %s, not %s", w.Name, strings.Join(types, " or "), what)
	}
	first := &w.Params[0]
	e := refuse(d, first.Pos, accepts, "writes '%s' whatever the first parameter is called, so the generated C would not compile with '%s': name it '%s'",
		fmt.Sprintf(cc.Expr, cc.Name), first.Name, cc.Name)
	return renameFix(e, first, cc.Name)
}

// renameFix returns e with a fix-it that renames the parameter p to name,
// if p's name is on the line where p starts.
func renameFix(e diag.Diagnostic, p *model.Param, name string) diag.Diagnostic {
	if p.NameCol == 0 {
		return e
	}
	return e.Fix(diag.Pos{File: p.Pos.File, Line: p.Pos.Line, Col: p.NameCol, Len: len(p.Name)}, name)
}

// freeName returns a name for p that collides with nothing that the code
// generated for w uses (r.uses) and with no other parameter: p's name with
// "_arg" after it, and a number if that is taken.
func (r *rules) freeName(w *model.Wrapper, p *model.Param) string {
	for i := 1; ; i++ {
		q := *p
		q.Name = p.Name + "_arg"
		if i > 1 {
			q.Name += strconv.Itoa(i)
		}
		_, clash := emit.ParamClash(r.uses, &q)
		if !clash && !slices.ContainsFunc(w.Params, func(o model.Param) bool { return o.Name == q.Name }) {
			return q.Name
		}
	}
}
