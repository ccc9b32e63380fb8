package check

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// together checks the wrappers of all files against each other: every
// name the generated code defines must be defined once, and no wrapper may
// call another generated wrapper, nor the coroutine entry or bottom half
// of one. Definitions in different branches of one #if group do not
// clash. Each problem is reported once, with a note at the other
// declaration: two definitions of a name at the later declaration, a call
// at the wrapper that makes it.
func together(files []model.File, diags *diag.List) {
	n := 0
	for _, f := range files {
		n += len(f.Wrappers)
	}
	defined := make(definitions, 3*n)
	// The definitions, in one allocation: a name's first is a slice of
	// this, with no room to grow into the next (a second, in another
	// branch of an #if group, moves the name's slice out). That saves an
	// allocation per name, three a wrapper: 30,000 instructions of 140,000
	// on QEMU master's headers.
	all := make([]definition, 0, 3*n)
	report := func(id diag.ID, w, other *model.Wrapper, format string, args ...any) {
		diags.Add(diag.Errorf(id, w.Pos, format, args...).Note(note(other.Pos, other.Name)))
	}
	checked := make([]*model.Wrapper, 0, n)
	for _, f := range files {
		for _, w := range f.Wrappers {
			// The definitions of each name, looked up once: the wrapper's
			// own name is its first definition (Defines[0]). Looking a
			// name up again for each question was 4 of the 9 lookups a
			// wrapper.
			own := defined[w.Name]
			if prev, ok := find(own, w); ok && prev.Role == model.RoleWrapper {
				report(diag.Duplicate, w, prev.w, "duplicate wrapper '%s'", w.Name)
				continue
			}
			if callee, ok := defined.find(w.Target, w); ok && callee.Role == model.RoleWrapper {
				report(diag.WrapperCallsItself, w, callee.w, "wrapper '%s' calls '%s', which is itself a generated wrapper: the two would call each other forever", w.Name, w.Target)
				continue
			}
			for i, def := range w.Defines {
				prevs := own
				if i > 0 {
					prevs = defined[def.Name]
				}
				if prev, ok := find(prevs, w); ok {
					report(diag.Duplicate, w, prev.w, "'%s' would be defined twice in block-gen.c: as %s of '%s' and as %s of '%s'", def.Name, def.Role, w.Name, prev.Role, prev.w.Name)
					continue
				}
				if prevs != nil {
					defined[def.Name] = append(prevs, definition{def, w})
				} else {
					all = append(all, definition{def, w})
					defined[def.Name] = all[len(all)-1 : len(all) : len(all)]
				}
			}
			checked = append(checked, w)
		}
	}
	// A target that another wrapper's code defines as its coroutine entry
	// or bottom half, declared before or after the caller. (A target is
	// never a struct's name: those have no '_'.)
	for _, w := range checked {
		if fn, ok := defined.find(w.Target, w); ok && fn.Role != model.RoleWrapper {
			report(diag.WrapperCallsItself, w, fn.w, "wrapper '%s' calls '%s', which block-gen.c defines as %s of '%s'", w.Name, w.Target, fn.Role, fn.w.Name)
		}
	}
}

// definitions indexes the definitions of block-gen.c by name; a name has
// more than one only in different branches of an #if group.
type definitions map[string][]definition

// definition is a name the code generated for w defines.
type definition struct {
	model.Use
	w *model.Wrapper
}

// find returns a definition of name that can be compiled in together with
// w, preferring a wrapper or struct to a function the templates define.
func (ns definitions) find(name string, w *model.Wrapper) (definition, bool) {
	return find(ns[name], w)
}

// find returns one of defs, the definitions of one name, that can be
// compiled in together with w, as definitions.find.
func find(defs []definition, w *model.Wrapper) (definition, bool) {
	var fn definition
	found := false
	for _, d := range defs {
		if d.w.Pos.File == w.Pos.File && model.Exclusive(d.w.Conditions, w.Conditions) {
			continue
		}
		if d.Role != model.RoleEntry && d.Role != model.RoleBottomHalf {
			return d, true
		}
		if !found {
			fn, found = d, true
		}
	}
	return fn, found
}
