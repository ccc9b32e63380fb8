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
	defined := definitions{
		first: make(map[string]int32, 3*n),
		all:   make([]definition, 0, 3*n),
	}
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
			own := defined.of(w.Name)
			if prev, ok := defined.find(own, w); ok && prev.Role == model.RoleWrapper {
				report(diag.Duplicate, w, prev.w, "duplicate wrapper '%s'", w.Name)
				continue
			}
			if callee, ok := defined.find(defined.of(w.Target), w); ok && callee.Role == model.RoleWrapper {
				report(diag.WrapperCallsItself, w, callee.w, "wrapper '%s' calls '%s', which is itself a generated wrapper: the two would call each other forever", w.Name, w.Target)
				continue
			}
			for i, def := range w.Defines {
				prevs := own
				if i > 0 {
					prevs = defined.of(def.Name)
				}
				if prev, ok := defined.find(prevs, w); ok {
					report(diag.Duplicate, w, prev.w, "'%s' would be defined twice in block-gen.c: as %s of '%s' and as %s of '%s'", def.Name, def.Role, w.Name, prev.Role, prev.w.Name)
					continue
				}
				defined.add(prevs, def, w)
			}
			checked = append(checked, w)
		}
	}
	// A target that another wrapper's code defines as its coroutine entry
	// or bottom half, declared before or after the caller. (A target is
	// never a struct's name: those have no '_'.)
	for _, w := range checked {
		if fn, ok := defined.find(defined.of(w.Target), w); ok && fn.Role != model.RoleWrapper {
			report(diag.WrapperCallsItself, w, fn.w, "wrapper '%s' calls '%s', which block-gen.c defines as %s of '%s'", w.Name, w.Target, fn.Role, fn.w.Name)
		}
	}
}

// definitions indexes the definitions of block-gen.c by name: all of
// them, in order, and the first of each name, from which the others of
// that name are chained (next); a name has more than one only in
// different branches of an #if group. A map of each name's slice was
// 16 KB for QEMU master's 159 definitions, and a slice for each name to
// allocate; a map of indexes is 6 KB.
type definitions struct {
	first map[string]int32
	all   []definition
}

// definition is a name the code generated for w defines, and the index
// in all of the next definition of that name, -1 if none.
type definition struct {
	model.Use
	w    *model.Wrapper
	next int32
}

// of returns the index of the first definition of name, -1 if none.
func (ds *definitions) of(name string) int32 {
	if i, ok := ds.first[name]; ok {
		return i
	}
	return -1
}

// add adds u, a definition of w's, after the definitions of its name,
// the first of which is head (-1 if none).
func (ds *definitions) add(head int32, u model.Use, w *model.Wrapper) {
	i := int32(len(ds.all))
	ds.all = append(ds.all, definition{u, w, -1})
	if head < 0 {
		ds.first[u.Name] = i
		return
	}
	for ds.all[head].next >= 0 {
		head = ds.all[head].next
	}
	ds.all[head].next = i
}

// find returns one of the definitions of a name, from head on, that can
// be compiled in together with w, preferring a wrapper or struct to a
// function the templates define.
func (ds *definitions) find(head int32, w *model.Wrapper) (definition, bool) {
	var fn definition
	found := false
	for i := head; i >= 0; i = ds.all[i].next {
		d := &ds.all[i]
		if d.w.Pos.File == w.Pos.File && model.Exclusive(d.w.Conditions, w.Conditions) {
			continue
		}
		if d.Role != model.RoleEntry && d.Role != model.RoleBottomHalf {
			return *d, true
		}
		if !found {
			fn, found = *d, true
		}
	}
	return fn, found
}
