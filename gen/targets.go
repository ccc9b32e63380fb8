package gen

import (
	"fmt"
	"hash/maphash"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/internal/chunks"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// spanRef is one function declaration: which input, which of its spans.
type spanRef struct {
	input int32
	span  *parse.Span
}

// targetDecls are the declarations of one target, in input order: the
// first, and the rare others; and whether a wrapper has the target's name.
type targetDecls struct {
	first     spanRef
	more      *[]spanRef // a pointer: there is one targetDecls per wrapper
	isWrapper bool
}

// indexTargets finds the declarations of the functions the wrappers call
// among spans (each input's function declarations), and returns them for
// each wrapper, in the order of files. Only targets are indexed: a header
// declares many functions, and most are not called by any wrapper, so a
// name is looked up only if it passes a filter of the targets' hashes.
func indexTargets(inputs []Input, files []emit.File, spans []chunks.List[parse.Span]) []*targetDecls {
	n := 0
	for _, f := range files {
		n += len(f.Wrappers)
	}
	index := make(map[string]*targetDecls, n)
	slots := make([]targetDecls, n) // one allocation for every entry
	perWrapper := make([]*targetDecls, 0, n)
	filter := newNameFilter(n)
	for _, f := range files {
		for _, w := range f.Wrappers {
			t, ok := index[w.Target]
			if !ok {
				t = &slots[0]
				slots = slots[1:]
				index[w.Target] = t
				filter.add(w.Target)
			}
			perWrapper = append(perWrapper, t)
		}
	}
	for _, f := range files {
		for _, w := range f.Wrappers {
			if !filter.mayHave(w.Name) {
				continue
			}
			if t, ok := index[w.Name]; ok {
				t.isWrapper = true
			}
		}
	}
	for i := range spans {
		src := inputs[i].Src
		for s := range spans[i].All() {
			name := s.Name(src)
			if !filter.mayHave(name) {
				continue
			}
			if t, ok := index[name]; ok {
				ref := spanRef{int32(i), s}
				if t.first.span == nil {
					t.first = ref
				} else {
					if t.more == nil {
						t.more = new([]spanRef)
					}
					*t.more = append(*t.more, ref)
				}
			}
		}
	}
	return perWrapper
}

// nameFilter is a set of names that may answer "maybe" for a name it does
// not hold (a Bloom filter of one hash): cheaper to ask than a map, and it
// fits in a processor cache where the map does not.
type nameFilter struct {
	seed maphash.Seed
	bits []uint64
	mask uint64
}

func newNameFilter(n int) *nameFilter {
	size := uint64(1) << 10 // bits, about 16 a name
	for size < uint64(n)*16 && size < 1<<26 {
		size <<= 1
	}
	return &nameFilter{seed: maphash.MakeSeed(), bits: make([]uint64, size/64), mask: size - 1}
}

func (f *nameFilter) add(name string) {
	h := maphash.String(f.seed, name) & f.mask
	f.bits[h/64] |= 1 << (h % 64)
}

func (f *nameFilter) mayHave(name string) bool {
	h := maphash.String(f.seed, name) & f.mask
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// checkTargets warns where a wrapper and the function it calls disagree,
// which would otherwise surface as a puzzling error in block-gen.c or, worse,
// a silent conversion: a different return type, number or types of
// parameters; a target no input declares; a co wrapper's target not
// declared coroutine_fn. Types are compared as spelt, after normalisation
// (see parse.TypeKey), so two names of one type through a typedef differ;
// such a warning is the price of not preprocessing. A declaration in
// another branch of the wrapper's own #if group does not count. A wrapper
// that calls another wrapper is not checked: it is an error (see checkAll)
// unless the two lie in different branches of an #if group, where the
// generated code is all there is to check against.
func checkTargets(inputs []Input, files []emit.File, spans []chunks.List[parse.Span], diags *diag.List) {
	targets := indexTargets(inputs, files, spans)
	var reader parse.Prototypes
	k := 0
	for _, f := range files {
		for _, w := range f.Wrappers {
			decls := targets[k]
			k++
			if decls.isWrapper {
				continue
			}
			var proto *parse.Proto
			found, coroutineFn := false, false
			var more []spanRef
			if decls.more != nil {
				more = *decls.more
			}
			for i := -1; decls.first.span != nil && i < len(more); i++ {
				fn := decls.first
				if i >= 0 {
					fn = more[i]
				}
				in := inputs[fn.input]
				if in.Name == w.Pos.File && exclusiveSpan(w.Conditions, fn.span.Conditions()) {
					continue
				}
				found = true
				if proto == nil {
					// Most targets are declared like their wrapper: the
					// text tells, and nothing needs reading.
					if same, coFn, ok := parse.SameSignature(fn.span, in.Src, w.ReturnType, w.ParamsText); ok && same {
						coroutineFn = coFn
						if w.Kind != model.Co || coroutineFn {
							break
						}
						proto = &parse.Proto{Name: w.Target, Pos: fn.span.NamePos(in.Name, in.Src)}
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
	params := w.Params(nil)
	if !parse.SameType(w.ReturnType, proto.ReturnType) {
		warn(diags, w.Pos, proto, "'%s' returns '%s', but '%s', which it calls, returns '%s'", w.Name, w.ReturnType, w.Target, proto.ReturnType)
	}
	if proto.Unspecified {
		return
	}
	if len(params) != len(proto.Params) || proto.Variadic {
		takes := fmt.Sprint(len(proto.Params))
		if proto.Variadic {
			takes += " and more"
		}
		warn(diags, w.Pos, proto, "'%s' passes %d arguments, but '%s' takes %s", w.Name, len(params), w.Target, takes)
		return
	}
	for i, p := range params {
		if !parse.SameParamType(p.Type(), proto.Params[i]) {
			warn(diags, p.Pos(w.Pos.File), proto, "parameter %d of '%s' is '%s', but '%s' takes '%s' there", i+1, w.Name, p.Type(), w.Target, proto.Params[i])
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
