package check

import (
	"fmt"
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
	fail := func(pos diag.Pos, format string, args ...any) (*model.Wrapper, bool) {
		diags.Errorf(pos, format, args...)
		return nil, false
	}

	if !d.HasMarker(m) {
		return fail(decl.MarkerPos, "%s", markerMissing(m, d))
	}
	if d.IntOnly && decl.ReturnType != "int" {
		return fail(decl.ReturnPos, "the generator of %s only wraps functions returning int, not '%s' (any return type came with QEMU 8.0)", d.Releases, decl.ReturnType)
	}

	name := decl.Name
	// The name's '_'-separated words: first, second, and whether there are
	// more (a name has at least one).
	first, rest, hasRest := strings.Cut(name, "_")
	second, _, hasThird := strings.Cut(rest, "_")
	if first == "" || (hasRest && (rest == "" || rest[0] == '_' || strings.HasSuffix(rest, "_") || strings.Contains(rest, "__"))) {
		return fail(decl.NamePos, "wrapper name '%s' has an empty word: the generated struct is named after its '_'-separated words", name)
	}
	if d.NamePrefix != "" && !strings.HasPrefix(name, d.NamePrefix) {
		return fail(decl.NamePos, "the generator of %s needs wrapper names to start with '%s', not '%s' (any prefix came with QEMU 6.1)", d.Releases, d.NamePrefix, name)
	}
	switch m.Kind {
	case model.Co:
		if !hasRest {
			return fail(decl.NamePos, "co wrapper name '%s' has no '_': the wrapper SUB_REST calls the coroutine function SUB_co_REST", name)
		}
		if (second == "co" && hasThird) || (d.CoAnywhereForbidden && strings.Contains(name, "_co_")) {
			return fail(decl.NamePos, "co wrapper name '%s' contains '_co_': the wrapper SUB_REST calls the coroutine function SUB_co_REST, so the wrapper's own name must not have it", name)
		}
		w.Target = first + "_co_" + rest
	case model.NoCo:
		if !hasThird || second != "co" {
			return fail(decl.NamePos, "no_co wrapper name '%s' is not of the form SUB_co_REST: the wrapper SUB_co_REST calls the function SUB_REST", name)
		}
		w.Target = first + "_" + rest[len("co_"):]
	}
	w.StructName = emit.StructName(d, w.Name, w.Target)
	if !checkContext(w, d, diags) {
		return nil, false
	}

	// The definitions share file scope with QEMU's names.
	for _, def := range emit.Definitions(w) {
		if role, clash := r.qemu[def.Name]; clash {
			return fail(w.Pos, "'%s' would be defined in block-gen.c as %s of '%s', but the generated code uses QEMU's %s of that name", def.Name, def.Role, name, role)
		}
	}

	// Parameter names share scopes with the names of the generated code.
	ok := true
	r.uses = emit.AppendUses(r.uses[:0], d, w)
	seen := make(map[string]diag.Pos, len(w.Params))
	for i, p := range w.Params {
		if u, clash := emit.ParamClash(r.uses, &w.Params[i]); clash {
			diags.Errorf(p.Pos, "parameter '%s' of '%s' collides with %s; rename the parameter", p.Name, name, u)
			ok = false
		}
		if q, dup := seen[p.Name]; dup {
			diags.Errorf(p.Pos, "duplicate parameter name '%s' in '%s' (first at %d:%d)", p.Name, name, q.Line, q.Col)
			ok = false
		} else {
			seen[p.Name] = p.Pos
		}
	}
	return w, ok
}

// markerMissing explains why the dialect d has no marker m.
func markerMissing(m model.Marker, d *dialect.Dialect) string {
	known := d.Markers()
	switch {
	case m.Removed != "":
		return fmt.Sprintf("'%s' was renamed 'co_wrapper_mixed' in QEMU %s: write 'co_wrapper_mixed', or generate for an older release with --qemu", m.Name, m.Removed)
	case len(known) == 1:
		return fmt.Sprintf("'%s' came with QEMU %s; the generator of %s knows only '%s'", m.Name, m.Introduced, d.Releases, known[0].Name)
	}
	return fmt.Sprintf("'%s' came with QEMU %s; the generator of %s does not know it", m.Name, m.Introduced, d.Releases)
}

// checkContext checks what the dialect's context expressions need of the
// first parameter: up to 7.2 a type the generator knows; up to 8.1 the
// name its templates hard-code.
func checkContext(w *model.Wrapper, d *dialect.Dialect, diags *diag.List) bool {
	var contexts []*dialect.Context
	if w.Kind == model.Co {
		contexts = append(contexts, &d.Context)
	} else if d.BHContext != nil {
		contexts = append(contexts, d.BHContext)
	}
	for _, c := range contexts {
		if c.Fixed != "" {
			continue
		}
		var first *model.Param
		if len(w.Params) > 0 {
			first = &w.Params[0]
		}
		var cc dialect.ContextCase
		ok := false
		if first != nil {
			cc, ok = c.Case(first.Type)
		}
		if !ok && c.Otherwise == "" {
			var types []string
			for _, cc := range c.Cases {
				types = append(types, "'"+cc.Type+cc.Name+"'")
			}
			pos, what := w.Pos, "no parameters"
			if first != nil {
				pos, what = first.Pos, "'"+first.Decl+"'"
			}
			diags.Errorf(pos, "the generator of %s needs the first parameter of '%s' to be %s, not %s", d.Releases, w.Name, strings.Join(types, " or "), what)
			return false
		}
		if ok && cc.Name != "" && cc.Name != first.Name {
			diags.Errorf(first.Pos, "the generator of %s writes '%s' whatever the first parameter is called, so the generated C would not compile with '%s': name it '%s' (QEMU %s fixed this)",
				d.Releases, fmt.Sprintf(cc.Expr, cc.Name), first.Name, cc.Name, dialect.FixedNamesUntil())
			return false
		}
	}
	return true
}
