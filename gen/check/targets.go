package check

import (
	"fmt"

	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// function is a function declared in one of the inputs.
type function struct {
	file *parse.File
	fn   *parse.Function
}

// targets warns where a wrapper and the function it calls disagree, which
// would otherwise surface as a puzzling error in block-gen.c or, worse, a
// silent conversion: a different return type, number or types of
// parameters; a target no input declares; a co wrapper's target not
// declared coroutine_fn. Types are compared as spelt, after normalisation
// (see ctype.Same), so two names of one type through a typedef differ;
// such a warning is the price of not preprocessing. A declaration in
// another branch of the wrapper's own #if group does not count. A wrapper
// that calls another wrapper is not checked: it is an error (see together)
// unless the two lie in different branches of an #if group, where the
// generated code is all there is to check against.
func targets(files []*parse.File, wrappers []model.File, diags *diag.List) {
	n := 0
	for _, f := range wrappers {
		n += len(f.Wrappers)
	}
	// One entry for each wrapper's name and target, in one map: whether
	// a wrapper is so named, and the declarations of a target, in input
	// order, chained through decls. Two maps and a slice for each target
	// were 160,000 instructions on QEMU master's headers.
	index := make(map[string]int32, 2*n)
	entries := make([]entry, 0, 2*n)
	at := func(name string) int32 {
		i, ok := index[name]
		if !ok {
			i = int32(len(entries))
			index[name] = i
			entries = append(entries, entry{first: -1, last: -1})
		}
		return i
	}
	// The entry of each wrapper's target, in order, not looked up again.
	targetOf := make([]int32, 0, n)
	for _, f := range wrappers {
		for _, w := range f.Wrappers {
			entries[at(w.Name)].generated = true
			t := at(w.Target)
			entries[t].target = true
			targetOf = append(targetOf, t)
		}
	}
	decls := make([]declaration, 0, n)
	for _, f := range files {
		for i := range f.Functions {
			fn := &f.Functions[i]
			j, ok := index[fn.Name]
			if !ok || !entries[j].target {
				continue
			}
			e := &entries[j]
			d := int32(len(decls))
			decls = append(decls, declaration{function: function{f, fn}, next: -1})
			if e.last >= 0 {
				decls[e.last].next = d
			} else {
				e.first = d
			}
			e.last = d
		}
	}
	k := 0
	for _, f := range wrappers {
		for _, w := range f.Wrappers {
			if e := &entries[targetOf[k]]; !e.generated {
				target(w, decls, e.first, diags)
			}
			k++
		}
	}
}

// entry is what targets knows of a name: a wrapper is so named
// (generated), a wrapper calls it (target), and the first and last of its
// declarations in decls, -1 if none.
type entry struct {
	generated, target bool
	first, last       int32
}

// declaration is a declaration of a target, and the index of the next
// one of the same name in decls, -1 if none; once read, its prototype
// (read: it was asked for; nil if it could not be read), so that wrappers
// with one target (in different branches of an #if group) read it once.
type declaration struct {
	function
	next  int32
	read  bool
	proto *parse.Proto
}

// prototype returns the prototype of d, reading it the first time.
func (d *declaration) prototype() (*parse.Proto, bool) {
	if !d.read {
		p, ok := d.file.Prototype(d.fn)
		d.read = true
		if ok {
			d.proto = p
		}
	}
	return d.proto, d.proto != nil
}

// target checks w against the declarations of its target, those in decls
// from first on, chained by next: the first that can be read is compared
// with w, and any may carry coroutine_fn.
func target(w *model.Wrapper, decls []declaration, first int32, diags *diag.List) {
	var proto *parse.Proto
	found, coroutineFn := false, false
	for i := first; i >= 0; i = decls[i].next {
		d := &decls[i]
		if d.file.Name == w.Pos.File && model.Exclusive(w.Conditions, d.fn.Conditions) {
			continue
		}
		found = true
		p, ok := d.prototype()
		if !ok {
			continue
		}
		if proto == nil {
			compare(w, p, diags)
			proto = p
		}
		coroutineFn = p.CoroutineFn
		if w.Kind != model.Co || coroutineFn {
			break
		}
	}
	switch {
	case !found:
		diags.Add(diag.Warnf(diag.UndeclaredTarget, w.Pos, "'%s' calls '%s', which no input declares", w.Name, w.Target))
	case proto != nil && w.Kind == model.Co && !coroutineFn:
		warn(diags, diag.MissingCoroutineFn, w.Pos, proto, "'%s' runs '%s' in a coroutine, but '%s' is not declared coroutine_fn", w.Name, w.Target, w.Target)
	}
}

// compare warns where w and the prototype of its target disagree.
func compare(w *model.Wrapper, proto *parse.Proto, diags *diag.List) {
	if !ctype.Same(w.ReturnType, proto.ReturnType) {
		warn(diags, diag.TargetReturnType, w.Pos, proto, "'%s' returns '%s', but '%s', which it calls, returns '%s'", w.Name, w.ReturnType, w.Target, proto.ReturnType)
	}
	if proto.Unspecified {
		return
	}
	if len(w.Params) != len(proto.Params) || proto.Variadic {
		takes := fmt.Sprint(len(proto.Params))
		if proto.Variadic {
			takes += " and more"
		}
		warn(diags, diag.TargetArgumentCount, w.Pos, proto, "'%s' passes %d arguments, but '%s' takes %s", w.Name, len(w.Params), w.Target, takes)
		return
	}
	for i, p := range w.Params {
		if !ctype.SameParam(p.Type, proto.Params[i]) {
			warn(diags, diag.TargetParameterType, p.Pos, proto, "parameter %d of '%s' is '%s', but '%s' takes '%s' there", i+1, w.Name, p.Type, w.Target, proto.Params[i])
		}
	}
}

// warn adds the warning id at pos with a note at the target's declaration.
func warn(diags *diag.List, id diag.ID, pos diag.Pos, proto *parse.Proto, format string, args ...any) {
	diags.Add(diag.Warnf(id, pos, format, args...).Note(note(proto.Pos, proto.Name)))
}
