package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// rules are what checking a declaration needs of the dialect d.
type rules struct {
	d    *dialect.Dialect
	qemu *names.QEMUNames // QEMU(d)'s names, worked out only if asked
}

// wrapper turns one declaration into a wrapper of the dialect r.d: it
// checks what the declaration says, then, once its name has the form the
// generator names from (a co wrapper SUB_REST calls SUB_co_REST, a no_co
// wrapper SUB_co_REST calls SUB_REST), has package names fill in every
// name of its generated code, and checks those.
func (r *rules) wrapper(decl *parse.Decl, w *model.Wrapper, diags *diag.List) bool {
	d, m := r.d, decl.Marker
	*w = model.Wrapper{
		Marker:      m,
		ReturnType:  decl.ReturnType,
		Name:        decl.Name,
		CoroutineFn: decl.CoroutineFn,
		Params:      decl.Params,
		Conditions:  decl.Conditions,
		Pos:         decl.NamePos,
	}
	fail := func(e diag.Diagnostic) bool {
		diags.Add(e)
		return false
	}
	failf := func(id diag.ID, pos diag.Pos, format string, args ...any) bool {
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
	case model.NoCo:
		if !hasThird || second != "co" {
			return failf(diag.WrapperName, decl.NamePos, "no_co wrapper name '%s' is not of the form SUB_co_REST: the wrapper SUB_co_REST calls the function SUB_REST", name)
		}
	}
	names.FillNames(d, w)
	if !contextOK(w, d) {
		return fail(contextError(w, d))
	}

	// The definitions share file scope with QEMU's names.
	for _, def := range w.Defines {
		if role, clash := r.qemu.Lookup(def.Name); clash {
			return failf(diag.Duplicate, w.Pos, "'%s' would be defined in block-gen.c as %s of '%s', but the generated code uses QEMU's %s of that name", def.Name, def.Role, name, role)
		}
	}

	// Parameter names share scopes with the names of the generated code.
	ok := true
	for i := range w.Params {
		p := &w.Params[i]
		if u, clash := r.paramClash(w, p); clash {
			e := diag.Errorf(diag.ParameterCollision, p.Pos, "parameter '%s' of '%s' collides with %s; rename the parameter", p.Name, name, u)
			diags.Add(renameFix(e, p, freeName(w, p)))
			ok = false
		}
		if q, dup := firstNamed(w.Params[:i], p.Name); dup {
			diags.Errorf(diag.DuplicateParameter, p.Pos, "duplicate parameter name '%s' in '%s' (first at %d:%d)", p.Name, name, q.Line, q.Col)
			ok = false
		}
	}
	return ok
}

// paramClash is paramClash, with the shape's uses filled in only where
// they might hold p's name (names.QEMUNames.MayUse).
func (r *rules) paramClash(w *model.Wrapper, p *model.Param) (model.Use, bool) {
	if !r.qemu.MayUse(w, p.Name) && !predefined(p.Name) {
		return model.Use{}, false
	}
	if w.Uses == nil {
		names.FillUses(r.d, w)
	}
	return paramClash(w, p)
}

// predefined reports whether name is one of the object-like macros of the
// C headers every block-gen.c includes, which no parameter may be named.
func predefined(name string) bool {
	switch name {
	case "true", "false", "NULL":
		return true
	}
	return false
}

// firstNamed returns the position of the first of params named name, and
// whether there is one. A wrapper has a handful of parameters: searching
// them costs less than the map per wrapper it replaces (about 1,000
// instructions a wrapper on QEMU master's headers, 50,000 in all).
func firstNamed(params []model.Param, name string) (diag.Pos, bool) {
	for i := range params {
		if params[i].Name == name {
			return params[i].Pos, true
		}
	}
	return diag.Pos{}, false
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

// contextOK reports whether the context expressions of d's templates
// accept w's first parameter: up to 7.2 a type they know; up to 8.1 the
// name they hard-code.
func contextOK(w *model.Wrapper, d *dialect.Dialect) bool {
	_, _, _, ok := d.ContextFor(w.Kind).Choose(w.Params)
	return ok
}

// contextError is the error for a first parameter that d's context
// refuses.
func contextError(w *model.Wrapper, d *dialect.Dialect) diag.Diagnostic {
	accepts := func(e *dialect.Dialect) bool { return contextOK(w, e) }
	c := d.ContextFor(w.Kind)
	_, _, cc, _ := c.Choose(w.Params)
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
	return e.Fix(diag.Pos{File: p.Pos.File, Line: p.Pos.Line, Col: p.NameCol, Len: len(p.Name), LineStart: p.Pos.LineStart}, name)
}

// freeName returns a name for p that collides with nothing that the code
// generated for w uses (w.Uses) and with no other parameter: p's name with
// "_arg" after it, and a number if that is taken.
func freeName(w *model.Wrapper, p *model.Param) string {
	for i := 1; ; i++ {
		q := *p
		q.Name = p.Name + "_arg"
		if i > 1 {
			q.Name += strconv.Itoa(i)
		}
		_, clash := paramClash(w, &q)
		if !clash && !slices.ContainsFunc(w.Params, func(o model.Param) bool { return o.Name == q.Name }) {
			return q.Name
		}
	}
}

// paramClash returns what the parameter p would hide or break among the
// names w's code uses (w.Uses), and whether it would: a name the wrapper's body
// names; a member of the argument struct, which p would become too; an
// object-like macro, which would expand in p's declaration, such as those
// of the C headers every block-gen.c includes through qemu/osdep.h (true,
// false, NULL) whether or not the templates print them; a function-like
// macro only where p is declared as a function, its name followed by '('.
// Names the parameters' scope does not reach (in the entry, the bottom
// half, at file scope) are not hidden by one.
func paramClash(w *model.Wrapper, p *model.Param) (model.Use, bool) {
	name := p.Name
	for i := range w.Uses {
		// Only the wrapper's own names are named on the way (most uses
		// are not): 128,000 instructions to 112,000 on QEMU master's
		// headers.
		u := &w.Uses[i]
		if u.Role < model.RoleLocal {
			if n := w.Named(*u); n.Name == name && n.Body {
				return n, true
			}
			continue
		}
		if u.Name == name && (u.Role == model.RoleMember || u.Role == model.RoleMacro || u.Body && u.Role != model.RoleCallMacro ||
			u.Role == model.RoleCallMacro && strings.Contains(strings.ReplaceAll(p.Decl, " ", ""), name+"(")) {
			return *u, true
		}
	}
	if predefined(name) {
		return model.Use{Name: name, Role: model.RoleMacro}, true
	}
	return model.Use{}, false
}
