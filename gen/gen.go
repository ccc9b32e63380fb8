// Package gen generates QEMU's block-gen.c: the C code of coroutine wrappers
// declared with markers such as co_wrapper_mixed_bdrv_rdlock.
//
// The flow is input → scan → model → emit → write, one package a step:
//
//   - package clex splits C source into tokens, skipping comments, literals,
//     preprocessor lines and "#if 0" groups;
//   - package parse finds the top-level declarations that carry a marker and
//     reads their return type, name and parameters;
//   - this package checks each declaration against the rules of a dialect
//     (package dialect) and turns it into a model.Wrapper, then checks the
//     wrappers of all inputs against each other;
//   - package emit prints the wrappers as C, byte for byte as QEMU's
//     scripts/block-coroutine-wrapper.py does after its banner;
//   - package atomicfile replaces the output only when its bytes change,
//     through a temporary file and a rename.
//
// Generate does the middle three steps in memory. Nothing is written unless
// every input is read and every wrapper is valid.
//
// Generate and Result.Write use a goroutine per processor besides the
// caller's (reading marked declarations, checking targets, rendering
// pieces of the output); every result is put back in source order, so the
// output does not depend on how they are scheduled.
package gen

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/internal/chunks"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// Tool is the program name written into the banner.
const Tool = "block-coroutine-wrapper"

// Version is the tool's version, written into the banner.
const Version = "0.1.0"

// Input is one input file: the name to print in messages and its bytes.
type Input struct {
	Name string
	Src  []byte
}

// Result is what Generate found: the checked wrappers and the problems.
type Result struct {
	// Files holds each input's checked wrappers, in input order.
	Files []emit.File
	// Diags holds every problem found, errors and warnings.
	Diags   diag.List
	dialect *dialect.Dialect
}

// OK reports whether the inputs had no errors, so that there is an output
// to write.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// Write writes the complete block-gen.c, banner included, to w. It must
// only be called when OK.
func (r *Result) Write(w io.Writer) error {
	if !r.OK() {
		panic("gen: Write called on a result with errors")
	}
	if _, err := io.WriteString(w, emit.Banner(Tool, Version, r.dialect)); err != nil {
		return err
	}
	return emit.Write(w, r.dialect, r.Files)
}

// Bytes returns the complete block-gen.c, or nil when there are errors.
func (r *Result) Bytes() []byte {
	if !r.OK() {
		return nil
	}
	var b bytes.Buffer
	r.Write(&b) // a bytes.Buffer never fails
	return b.Bytes()
}

// Generate reads the inputs, in order, and checks their wrappers for the
// dialect d. The inputs' bytes must not change while the result is in use:
// the model shares their memory.
func Generate(inputs []Input, d *dialect.Dialect) *Result {
	r := &Result{dialect: d}
	for _, in := range inputs {
		r.Diags.RankFile(in.Name)
	}
	rd := startReading(inputs, d)
	spans := make([]chunks.List[parse.Span], len(inputs))
	guarded := make([]bool, len(inputs))
	for i, in := range inputs {
		if len(in.Src) > math.MaxInt32 {
			r.Diags.Errorf(diag.Pos{File: in.Name}, "input of %d bytes is too large: the limit is 2 GiB", len(in.Src))
			continue
		}
		lex := clex.New(in.Name, in.Src, &r.Diags)
		info := parse.File(lex, &r.Diags, parse.Sink{
			Batch:    func(b *parse.Batch) *parse.Batch { return rd.submit(i, b) },
			Function: func(s parse.Span) { spans[i].Add(s) },
		})
		guarded[i] = info.IncludeGuard
	}
	r.Files = rd.finish(&r.Diags)
	for i, f := range r.Files {
		if guarded[i] {
			for _, w := range f.Wrappers {
				w.Conditions = w.Conditions[1:]
			}
		}
	}
	// The wrappers are checked against each other and against the
	// functions they call at the same time, on two goroutines. The
	// warnings about targets would only add noise to errors.
	var targetDiags diag.List
	checkingTargets := !r.Diags.HasErrors()
	done := make(chan struct{})
	go func() {
		defer close(done)
		if checkingTargets {
			checkTargets(inputs, r.Files, spans, &targetDiags)
		}
	}()
	checkAll(r.Files, &r.Diags)
	<-done
	if !r.Diags.HasErrors() {
		r.Diags.Append(&targetDiags)
	}
	return r
}

// check turns one declaration into a wrapper named and checked for the
// dialect d.
func check(decl *parse.Decl, d *dialect.Dialect, diags *diag.List) (model.Wrapper, bool) {
	m := decl.Marker
	w := model.Wrapper{
		Kind:        m.Kind,
		Mixed:       m.Mixed,
		Lock:        m.Lock,
		Marker:      m.Name,
		ReturnType:  decl.ReturnType,
		Name:        decl.Name,
		CoroutineFn: decl.CoroutineFn,
		ParamsText:  decl.ParamsText,
		Pos:         decl.NamePos,
	}
	ok := true
	fail := func(pos diag.Pos, format string, args ...any) {
		diags.Errorf(pos, format, args...)
		ok = false
	}

	if !d.HasMarker(m.Name) {
		fail(decl.MarkerPos, "%s", markerMissing(m, d))
		return w, false
	}
	if d.IntOnly && decl.ReturnType != "int" {
		fail(decl.ReturnPos, "the generator of %s only wraps functions returning int, not '%s' (any return type came with QEMU 8.0)", d.Releases, decl.ReturnType)
		return w, false
	}

	name := decl.Name
	// The name's '_'-separated words: first, second, and whether there are
	// more (a name has at least one).
	first, rest, hasRest := strings.Cut(name, "_")
	second, _, hasThird := strings.Cut(rest, "_")
	if first == "" || (hasRest && (rest == "" || rest[0] == '_' || strings.HasSuffix(rest, "_") || strings.Contains(rest, "__"))) {
		fail(decl.NamePos, "wrapper name '%s' has an empty word: the generated struct is named after its '_'-separated words", name)
		return w, false
	}
	if d.NamePrefix != "" && !strings.HasPrefix(name, d.NamePrefix) {
		fail(decl.NamePos, "the generator of %s needs wrapper names to start with '%s', not '%s' (any prefix came with QEMU 6.1)", d.Releases, d.NamePrefix, name)
		return w, false
	}
	switch m.Kind {
	case model.Co:
		if !hasRest {
			fail(decl.NamePos, "co wrapper name '%s' has no '_': the wrapper SUB_REST calls the coroutine function SUB_co_REST", name)
			return w, false
		}
		if (second == "co" && hasThird) || (d.CoAnywhereForbidden && strings.Contains(name, "_co_")) {
			fail(decl.NamePos, "co wrapper name '%s' contains '_co_': the wrapper SUB_REST calls the coroutine function SUB_co_REST, so the wrapper's own name must not have it", name)
			return w, false
		}
		w.Target = first + "_co_" + rest
	case model.NoCo:
		if !hasThird || second != "co" {
			fail(decl.NamePos, "no_co wrapper name '%s' is not of the form SUB_co_REST: the wrapper SUB_co_REST calls the function SUB_REST", name)
			return w, false
		}
		w.Target = first + "_" + rest[len("co_"):]
	}
	w.StructName = model.CamelCase(name)
	if d.StructNamedAfterTarget {
		w.StructName = model.CamelCase(w.Target)
	}
	if !checkContext(&w, decl.Params, d, diags) {
		return w, false
	}

	// Parameter names share scopes with names of the generated code.
	var seen map[string]diag.Pos // only for long lists: short ones compare pairwise
	if len(decl.Params) > 8 {
		seen = make(map[string]diag.Pos, len(decl.Params))
	}
	for i := range decl.Params {
		p := &decl.Params[i]
		pname := p.Name()
		if what := collision(&w, pname); what != "" {
			fail(p.Pos(w.Pos.File), "parameter '%s' of '%s' collides with %s; rename the parameter", pname, name, what)
		}
		first, dup := diag.Pos{}, false
		if seen != nil {
			first, dup = seen[pname]
			if !dup {
				seen[pname] = p.Pos(w.Pos.File)
			}
		} else {
			for j := range decl.Params[:i] {
				if q := &decl.Params[j]; q.Name() == pname {
					first, dup = q.Pos(w.Pos.File), true
					break
				}
			}
		}
		if dup {
			fail(p.Pos(w.Pos.File), "duplicate parameter name '%s' in '%s' (first at %d:%d)", pname, name, first.Line, first.Col)
		}
	}
	return w, ok
}

// keepParams gives w the parameters of decl: as text where ParamsText
// splits into them (model.SplitParams), as most do, and otherwise as a copy
// in arena (decl's are reused for the next declaration). scratch is memory
// for the split.
func keepParams(w *model.Wrapper, decl *parse.Decl, arena *chunks.Arena[model.Param], scratch *[]model.Param) {
	if len(decl.Params) == 0 {
		return
	}
	split, ok := model.SplitParams(decl.ParamsText, decl.ParamsLine, decl.ParamsCol, *scratch)
	*scratch = split
	if ok && slices.EqualFunc(split, decl.Params, model.Param.Equal) {
		w.SetParamsSplit(decl.ParamsLine, decl.ParamsCol)
		return
	}
	ps := arena.Alloc(len(decl.Params))
	copy(ps, decl.Params)
	w.SetParams(ps)
}

// condCache converts the lexer's view of the groups around a declaration
// into the model's. The lexer hands out one snapshot for every declaration
// between two directives, so the last conversion is kept and shared.
type condCache struct {
	in  []clex.Condition
	out []model.Condition
}

func (c *condCache) convert(cs []clex.Condition) []model.Condition {
	if len(cs) == 0 {
		return nil
	}
	if len(c.in) == len(cs) && &c.in[0] == &cs[0] {
		return c.out
	}
	out := make([]model.Condition, len(cs))
	for i, x := range cs {
		out[i] = model.Condition{ID: x.ID, Lines: x.Lines}
	}
	c.in, c.out = cs, out
	return out
}

// markerMissing explains why the dialect d has no marker m.
func markerMissing(m model.Marker, d *dialect.Dialect) string {
	switch {
	case m.Removed != "":
		return fmt.Sprintf("'%s' was renamed 'co_wrapper_mixed' in QEMU %s: write 'co_wrapper_mixed', or generate for an older release with --qemu", m.Name, m.Removed)
	case d.HasMarker("generated_co_wrapper"):
		return fmt.Sprintf("'%s' came with QEMU %s; the generator of %s knows only 'generated_co_wrapper'", m.Name, m.Introduced, d.Releases)
	}
	return fmt.Sprintf("'%s' came with QEMU %s; the generator of %s does not know it", m.Name, m.Introduced, d.Releases)
}

// checkContext checks what the dialect's context expressions need of the
// first parameter: up to 7.2 a type the generator knows; up to 8.1 the
// name its templates hard-code.
func checkContext(w *model.Wrapper, params []model.Param, d *dialect.Dialect, diags *diag.List) bool {
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
		if len(params) > 0 {
			first = &params[0]
		}
		var cc dialect.ContextCase
		ok := false
		if first != nil {
			cc, ok = c.Case(first.Type())
		}
		if !ok && c.Otherwise == "" {
			var types []string
			for _, cc := range c.Cases {
				types = append(types, "'"+cc.Type+cc.Name+"'")
			}
			pos, what := w.Pos, "no parameters"
			if first != nil {
				pos, what = first.Pos(w.Pos.File), "'"+first.Decl()+"'"
			}
			diags.Errorf(pos, "the generator of %s needs the first parameter of '%s' to be %s, not %s", d.Releases, w.Name, strings.Join(types, " or "), what)
			return false
		}
		if ok && cc.Name != "" && cc.Name != first.Name() {
			diags.Errorf(first.Pos(w.Pos.File), "the generator of %s writes '%s' whatever the first parameter is called, so the generated C would not compile with '%s': name it '%s' (QEMU %s fixed this)",
				d.Releases, fmt.Sprintf(cc.Expr, cc.Name), first.Name(), cc.Name, dialect.FixedNamesUntil())
			return false
		}
	}
	return true
}

// calledByWrapper reports whether name is one of the functions and macros
// the body of a generated wrapper names, in any dialect; a parameter of the
// same name would hide it there.
func calledByWrapper(name string) bool {
	switch name {
	case "qemu_in_coroutine", "qemu_coroutine_create", "qemu_coroutine_self",
		"qemu_coroutine_yield", "bdrv_poll_co", "assume_graph_lock",
		"aio_bh_schedule_oneshot", "qemu_get_current_aio_context",
		"qemu_get_aio_context", "bdrv_get_aio_context", "blk_get_aio_context",
		"blk_bs", "assert", "true", "false", "NULL":
		return true
	}
	return false
}

// collision names what a parameter called name would collide with in the
// code generated for w, or returns "".
func collision(w *model.Wrapper, name string) string {
	switch {
	case name == "s":
		return "the generated local variable 's'"
	case name == "poll_state" && w.Kind == model.Co:
		return "the generated struct member 'poll_state'"
	case name == "co" && w.Kind == model.NoCo:
		return "the generated struct member 'co'"
	case name == "ret" && !w.ReturnsVoid():
		return "the generated struct member 'ret'"
	case name == w.Target:
		return fmt.Sprintf("the function '%s' that the wrapper calls", w.Target)
	case calledByWrapper(name):
		return fmt.Sprintf("'%s', which the generated wrapper calls", name)
	case name == w.Name:
		return "the wrapper itself"
	case name == w.StructName:
		return fmt.Sprintf("the generated struct type '%s'", w.StructName)
	}
	// The coroutine entry or bottom half, TARGET_entry or TARGET_bh, without
	// building either name.
	if rest, ok := strings.CutPrefix(name, w.Target); ok {
		switch {
		case rest == "_entry" && w.Kind == model.Co:
			return fmt.Sprintf("the generated coroutine entry '%s'", name)
		case rest == "_bh" && w.Kind == model.NoCo:
			return fmt.Sprintf("the generated bottom half '%s'", name)
		}
	}
	return ""
}

// checkAll checks the wrappers of all files against each other: every name
// the generated code defines must be defined once, and no wrapper may call
// another generated wrapper. Each problem is reported once, at the later
// declaration, with a note at the earlier one.
func checkAll(files []emit.File, diags *diag.List) {
	// Definitions name their wrapper by its index in all.
	n := 0
	for _, f := range files {
		n += len(f.Wrappers)
	}
	all := make([]*model.Wrapper, 0, n)
	for _, f := range files {
		all = append(all, f.Wrappers...)
	}
	// Every name block-gen.c defines, with what defines it. Coroutine
	// entries and bottom halves are kept under their target's name (so no
	// string is built for them); the rare wrapper or struct whose own name
	// ends like one is also kept under the name without the suffix.
	defined, derived := newDefs(all, 2*n), newDefs(all, n)
	suffixed := [...]*defs{entryDef: newDefs(all, 0), bhDef: newDefs(all, 0)}
	report := func(w, earlier *model.Wrapper, msg string) {
		diags.Add(diag.Diagnostic{
			Pos: w.Pos, Severity: diag.Error, Msg: msg,
			Notes: []diag.Diagnostic{{Pos: earlier.Pos, Severity: diag.Note, Msg: fmt.Sprintf("'%s' is declared here", earlier.Name)}},
		})
	}
	twice := func(w *model.Wrapper, name string, kind defKind, prev def) {
		report(w, all[prev.idx], fmt.Sprintf("'%s' would be defined twice in block-gen.c: as %s of '%s' and as %s of '%s'", name, kind, w.Name, prev.kind, all[prev.idx].Name))
	}
	// find returns an earlier definition of name that can be compiled in
	// together with w's, and whether defined has name at all.
	find := func(name string, w *model.Wrapper) (d def, clash, exists bool) {
		if d, clash, exists = defined.find(name, w); clash {
			return d, true, true
		}
		for _, k := range []defKind{entryDef, bhDef} {
			if base, ok := strings.CutSuffix(name, k.suffix()); ok {
				if d, ok, _ := derived.find(base, w); ok && d.kind == k {
					return d, true, exists
				}
			}
		}
		return def{}, false, exists
	}
	define := func(name string, d def, exists bool) {
		defined.add(name, d, exists)
		for _, k := range []defKind{entryDef, bhDef} {
			if base, ok := strings.CutSuffix(name, k.suffix()); ok {
				_, _, exists := suffixed[k].find(base, all[d.idx])
				suffixed[k].add(base, d, exists)
			}
		}
	}
	for i, w := range all {
		idx := int32(i)
		prev, dup, exists := find(w.Name, w)
		if dup && prev.kind == wrapperDef {
			report(w, all[prev.idx], fmt.Sprintf("duplicate wrapper '%s'", w.Name))
			continue
		}
		if callee, ok, _ := find(w.Target, w); ok && callee.kind == wrapperDef {
			report(w, all[callee.idx], fmt.Sprintf("wrapper '%s' calls '%s', which is itself a generated wrapper: the two would call each other forever", w.Name, w.Target))
			continue
		}
		if dup {
			twice(w, w.Name, wrapperDef, prev)
		} else {
			define(w.Name, def{idx, wrapperDef}, exists)
		}
		if prev, dup, exists := find(w.StructName, w); dup {
			twice(w, w.StructName, structDef, prev)
		} else {
			define(w.StructName, def{idx, structDef}, exists)
		}
		kind := entryDef
		if w.Kind == model.NoCo {
			kind = bhDef
		}
		prev, dup, exists = derived.find(w.Target, w)
		if dup && prev.kind == kind {
			twice(w, w.Target+kind.suffix(), kind, prev)
		} else if prev, dup, _ := suffixed[kind].find(w.Target, w); dup {
			twice(w, w.Target+kind.suffix(), kind, prev)
		} else {
			derived.add(w.Target, def{idx, kind}, exists)
		}
	}
}

// def is a name block-gen.c defines: for which wrapper (its index in the
// list of all wrappers, so that the maps of many entries stay small) and
// as what.
type def struct {
	idx  int32
	kind defKind
}

// defs indexes definitions by name. A name is usually defined once; the
// rare further definitions (in other branches of an #if) are kept apart
// so that the common case costs one map entry.
type defs struct {
	all   []*model.Wrapper
	first map[string]def
	more  map[string][]def
}

func newDefs(all []*model.Wrapper, size int) *defs {
	return &defs{all: all, first: make(map[string]def, size), more: map[string][]def{}}
}

// add adds a definition of name; exists says whether ds has name already
// (from find, so that the common case costs one map access).
func (ds *defs) add(name string, d def, exists bool) {
	if exists {
		ds.more[name] = append(ds.more[name], d)
		return
	}
	ds.first[name] = d
}

// find returns a definition of name that can be compiled in together with
// w (one in another branch of w's #if group cannot), and whether ds has
// any definition of name.
func (ds *defs) find(name string, w *model.Wrapper) (d def, clash, exists bool) {
	if len(ds.first) == 0 {
		return def{}, false, false
	}
	d, exists = ds.first[name]
	if !exists {
		return def{}, false, false
	}
	if !exclusive(ds.all[d.idx], w) {
		return d, true, true
	}
	for _, d := range ds.more[name] {
		if !exclusive(ds.all[d.idx], w) {
			return d, true, true
		}
	}
	return def{}, false, true
}

// defKind is what a name in block-gen.c is.
type defKind uint8

const (
	wrapperDef defKind = iota
	structDef
	entryDef
	bhDef
)

func (k defKind) String() string {
	return [...]string{"the wrapper", "the struct", "the coroutine entry", "the bottom half"}[k]
}

// suffix is what the generated name adds to the target's: "_entry", "_bh".
func (k defKind) suffix() string {
	switch k {
	case entryDef:
		return "_entry"
	case bhDef:
		return "_bh"
	}
	return ""
}

// exclusive reports whether a and b lie in different branches of one #if
// group of one file, so that no configuration compiles both.
func exclusive(a, b *model.Wrapper) bool {
	return a.Pos.File == b.Pos.File && exclusiveBranches(a.Conditions, b.Conditions)
}

// exclusiveBranches reports whether two points of one file, inside the
// groups a and b (outermost first), lie in different branches of a group.
func exclusiveBranches(a, b []model.Condition) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].ID != b[i].ID {
			return false
		}
		if len(a[i].Lines) != len(b[i].Lines) {
			return true
		}
	}
	return false
}
