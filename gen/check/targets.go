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
	generated := make(map[string]bool, n)
	declared := make(map[string][]function, n) // by target, in input order
	for _, f := range wrappers {
		for _, w := range f.Wrappers {
			generated[w.Name] = true
			declared[w.Target] = nil
		}
	}
	for _, f := range files {
		for i := range f.Functions {
			fn := &f.Functions[i]
			if fns, ok := declared[fn.Name]; ok {
				declared[fn.Name] = append(fns, function{f, fn})
			}
		}
	}
	for _, f := range wrappers {
		for _, w := range f.Wrappers {
			if !generated[w.Target] {
				target(w, declared[w.Target], diags)
			}
		}
	}
}

// target checks w against the declarations of its target, fns: the first
// that can be read is compared with w, and any may carry coroutine_fn.
func target(w *model.Wrapper, fns []function, diags *diag.List) {
	var first *parse.Proto
	found, coroutineFn := false, false
	for _, f := range fns {
		if f.file.Name == w.Pos.File && model.Exclusive(w.Conditions, f.fn.Conditions) {
			continue
		}
		found = true
		p, ok := f.file.Prototype(f.fn)
		if !ok {
			continue
		}
		if first == nil {
			compare(w, p, diags)
			first = p
		}
		coroutineFn = p.CoroutineFn
		if w.Kind != model.Co || coroutineFn {
			break
		}
	}
	switch {
	case !found:
		diags.Add(diag.Warnf(diag.UndeclaredTarget, w.Pos, "'%s' calls '%s', which no input declares", w.Name, w.Target))
	case first != nil && w.Kind == model.Co && !coroutineFn:
		warn(diags, diag.MissingCoroutineFn, w.Pos, first, "'%s' runs '%s' in a coroutine, but '%s' is not declared coroutine_fn", w.Name, w.Target, w.Target)
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
