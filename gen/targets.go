package gen

import (
	"fmt"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
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

// functions indexes the ordinary function declarations of all inputs by
// name. There are many (every prototype of every input), so the map holds
// only a small index into one slice, and the rare further declarations of
// a name are kept apart.
type functions struct {
	index map[string]int32
	list  []function
	more  map[string][]int32
}

func (fs *functions) add(f function) {
	if fs.index == nil {
		fs.index, fs.more = map[string]int32{}, map[string][]int32{}
	}
	i := int32(len(fs.list))
	fs.list = append(fs.list, f)
	if _, ok := fs.index[f.span.Name]; ok {
		fs.more[f.span.Name] = append(fs.more[f.span.Name], i)
		return
	}
	fs.index[f.span.Name] = i
}

// all returns the declarations of name, in input order: the first, and
// the indices of the rare others.
func (fs *functions) all(name string) (first function, ok bool, more []int32) {
	i, ok := fs.index[name]
	if !ok {
		return function{}, false, nil
	}
	return fs.list[i], true, fs.more[name]
}

// checkTargets warns where a wrapper and the function it calls disagree,
// which would otherwise surface as a puzzling error in block-gen.c or, worse,
// a silent conversion: a different return type, number or types of
// parameters; a target no input declares; a co wrapper's target not
// declared coroutine_fn. Types are compared as spelt, after normalisation
// (see parse.TypeKey), so two names of one type through a typedef differ;
// such a warning is the price of not preprocessing. A declaration in
// another branch of the wrapper's own #if group does not count.
func checkTargets(inputs []Input, files []emit.File, fns *functions, isWrapper func(string) bool, diags *diag.List) {
	var reader parse.Prototypes
	for _, f := range files {
		for _, w := range f.Wrappers {
			if isWrapper(w.Target) {
				continue // an error already: the two would call each other
			}
			var proto *parse.Proto
			found, coroutineFn := false, false
			first, ok, more := fns.all(w.Target)
			for i := -1; ok && i < len(more); i++ {
				fn := first
				if i >= 0 {
					fn = fns.list[more[i]]
				}
				in := inputs[fn.input]
				if in.Name == w.Pos.File && exclusiveSpan(w.Conditions, fn.span.Conditions) {
					continue
				}
				found = true
				if proto == nil {
					// Most targets are declared like their wrapper: the
					// text tells, and nothing needs reading.
					if same, coFn, ok := parse.SameSignature(fn.span, w.ReturnType, w.ParamsText); ok && same {
						coroutineFn = coFn
						if w.Kind != model.Co || coroutineFn {
							break
						}
						proto = &parse.Proto{Name: fn.span.Name, Pos: namePos(in.Name, fn.span)}
						continue
					}
				}
				p, ok := reader.Read(in.Name, in.Src, fn.span)
				if !ok {
					continue
				}
				if proto == nil {
					compare(w, p, diags) // against the first compatible declaration
					proto = p.Clone()
				}
				coroutineFn = p.CoroutineFn
				if w.Kind != model.Co || coroutineFn {
					break // any declaration may carry coroutine_fn
				}
			}
			switch {
			case !found:
				diags.Warnf(w.Pos, "'%s' calls '%s', which no input declares", w.Name, w.Target)
			case proto != nil && w.Kind == model.Co && !coroutineFn:
				warn(diags, w.Pos, proto, "'%s' runs '%s' in a coroutine, but '%s' is not declared coroutine_fn", w.Name, w.Target, w.Target)
			}
		}
	}
}

// namePos is the position of the declared name in span, which follows its
// specifiers.
func namePos(file string, span parse.Span) diag.Pos {
	pos := diag.Pos{File: file, Line: span.Line, Col: span.Col + len(span.Specifiers)}
	if i := strings.LastIndexByte(span.Specifiers, '\n'); i >= 0 {
		pos.Line += strings.Count(span.Specifiers, "\n")
		pos.Col = len(span.Specifiers) - i
	}
	return pos
}

// exclusiveSpan is exclusiveBranches for a wrapper and a declaration of
// its file.
func exclusiveSpan(w []model.Condition, s []clex.Condition) bool {
	for i := 0; i < len(w) && i < len(s); i++ {
		if w[i].ID != s[i].ID {
			return false
		}
		if len(w[i].Lines) != len(s[i].Lines) {
			return true
		}
	}
	return false
}

func compare(w *model.Wrapper, proto *parse.Proto, diags *diag.List) {
	if !parse.SameType(w.ReturnType, proto.ReturnType) {
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
		if !parse.SameParamType(p.Type, proto.Params[i]) {
			warn(diags, p.Pos, proto, "parameter %d of '%s' is '%s', but '%s' takes '%s' there", i+1, w.Name, p.Type, w.Target, proto.Params[i])
		}
	}
}

// warn adds a warning at pos with a note at the target's declaration.
func warn(diags *diag.List, pos diag.Pos, proto *parse.Proto, format string, args ...any) {
	diags.Add(diag.Diagnostic{
		Pos: pos, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...),
		Notes: []diag.Diagnostic{{Pos: proto.Pos, Severity: diag.Note, Msg: fmt.Sprintf("'%s' is declared here", proto.Name)}},
	})
}
