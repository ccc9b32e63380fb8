package gen

import (
	"fmt"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// function is where an input declares or defines an ordinary function.
type function struct {
	input int
	span  parse.Span
}

// key identifies a declaration.
func (f function) key() [2]int { return [2]int{f.input, f.span.Off} }

// checkTargets warns where a wrapper and the function it calls disagree,
// which would otherwise surface as a puzzling error in block-gen.c or, worse,
// a silent conversion: a different return type, number or types of
// parameters; a target no input declares; a co wrapper's target not
// declared coroutine_fn. Types are compared as spelt, after normalisation
// (see parse.TypeKey), so two names of one type through a typedef differ;
// such a warning is the price of not preprocessing.
func checkTargets(inputs []Input, files []emit.File, functions map[string][]function, diags *diag.List) {
	protos := map[[2]int]*parse.Proto{}
	wrappers := map[string]bool{}
	for _, f := range files {
		for _, w := range f.Wrappers {
			wrappers[w.Name] = true
		}
	}
	for _, f := range files {
		for _, w := range f.Wrappers {
			if wrappers[w.Target] {
				continue // an error already: the two would call each other
			}
			decls := compatible(inputs, w, functions[w.Target])
			if len(decls) == 0 {
				diags.Warnf(w.Pos, "'%s' calls '%s', which no input declares", w.Name, w.Target)
				continue
			}
			first := decls[0]
			proto, ok := protos[first.key()]
			if !ok {
				in := inputs[first.input]
				proto, _ = parse.Prototype(in.Name, in.Src, first.span)
				protos[first.key()] = proto
			}
			if proto == nil {
				continue // not a declaration this reader understands
			}
			compare(w, proto, diags)
			if w.Kind == model.Co && !anyCoroutineFn(inputs, decls, protos) {
				warn(diags, w.Pos, proto, "'%s' runs '%s' in a coroutine, but '%s' is not declared coroutine_fn", w.Name, w.Target, w.Target)
			}
		}
	}
}

func compare(w *model.Wrapper, proto *parse.Proto, diags *diag.List) {
	if rt := parse.TypeKey(w.ReturnType); rt != proto.ReturnType {
		warn(diags, w.Pos, proto, "'%s' returns '%s', but '%s', which it calls, returns '%s'", w.Name, w.ReturnType, w.Target, proto.ReturnType)
	}
	if proto.Unspecified {
		return
	}
	if len(w.Params) != len(proto.Params) || proto.Variadic {
		takes := fmt.Sprint(len(proto.Params))
		if proto.Variadic {
			takes += " and more"
		}
		warn(diags, w.Pos, proto, "'%s' passes %d arguments, but '%s' takes %s", w.Name, len(w.Params), w.Target, takes)
		return
	}
	for i, p := range w.Params {
		if t := parse.ParamTypeKey(p.Type); t != proto.Params[i] {
			warn(diags, p.Pos, proto, "parameter %d of '%s' is '%s', but '%s' takes '%s' there", i+1, w.Name, p.Type, w.Target, proto.Params[i])
		}
	}
}

// compatible returns the declarations that can be compiled in together
// with w: not those in another branch of the #if group w lies in.
func compatible(inputs []Input, w *model.Wrapper, decls []function) []function {
	out := decls[:0:0]
	for _, d := range decls {
		if inputs[d.input].Name == w.Pos.File && exclusiveBranches(w.Conditions, conditionsOf(d.span)) {
			continue
		}
		out = append(out, d)
	}
	return out
}

func conditionsOf(s parse.Span) []model.Condition {
	var c condCache
	return c.convert(s.Conditions)
}

// anyCoroutineFn reports whether some declaration of the target carries
// coroutine_fn.
func anyCoroutineFn(inputs []Input, decls []function, protos map[[2]int]*parse.Proto) bool {
	if p := protos[decls[0].key()]; p != nil && p.CoroutineFn {
		return true
	}
	for _, d := range decls[1:] {
		in := inputs[d.input]
		if p, ok := parse.Prototype(in.Name, in.Src, d.span); ok && p.CoroutineFn {
			return true
		}
	}
	return false
}

// warn adds a warning at pos with a note at the target's declaration.
func warn(diags *diag.List, pos diag.Pos, proto *parse.Proto, format string, args ...any) {
	diags.Add(diag.Diagnostic{
		Pos: pos, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...),
		Notes: []diag.Diagnostic{{Pos: proto.Pos, Severity: diag.Note, Msg: fmt.Sprintf("'%s' is declared here", proto.Name)}},
	})
}
