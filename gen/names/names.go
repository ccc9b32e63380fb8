// Package names works out, once, every name the code generated for a
// wrapper prints, for a dialect: the function it calls, its argument
// struct, its coroutine entry or bottom half, its context expression and
// its graph lock calls, then every name that code defines and uses. Fill
// writes them into the model.Wrapper, as protogen's newMessage fills
// GoIdent once; the templates print those fields and the checks read them,
// and neither works a name out again.
//
// The names the code uses (Wrapper.Uses, and QEMU's among them, QEMU) are
// listed nowhere: they are recorded from package template, the one text of
// the generated code, as its Write names them, each with its role and
// scope. A name added to a template is a name the checks know. They depend
// on a wrapper's shape (dialect, marker, a result or none, context
// expression), never on its parameters or its own names, so each shape is
// recorded once, for a stand-in, and each wrapper of it shares the
// shape's uses, its own names in them kept by role and named by
// model.Wrapper.Named (TestUsesOfTheShape holds that to a recording of
// each wrapper itself).
package names

import (
	"strings"
	"sync"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/template"
)

// Fill works out, for the dialect d, the names of the code generated for
// w: Target, StructName, Caller, Context, the lock calls, Defines and
// Uses. w's Marker, Name, ReturnType and Params must be set, and Name be
// of the form its kind needs (package check makes sure of that first):
// SUB_REST with a non-empty SUB for a co wrapper, SUB_co_REST for a no_co
// one. A first parameter the dialect's context refuses (see
// dialect.Context.Choose) still gets the expression the templates would
// print. It is FillNames, then FillUses.
func Fill(d *dialect.Dialect, w *model.Wrapper) {
	FillNames(d, w)
	FillUses(d, w)
}

// FillNames is Fill without the uses: what emit prints and what check
// reads of every wrapper. Package check fills the uses (FillUses) only for
// a wrapper with a parameter whose name they might hold (QEMUNames.MayUse),
// which on QEMU master's headers is none: recording the shapes' uses was
// 213,000 instructions of check's 1.62 million.
//
// The names it works out share one string: the target is the start of
// the caller (TARGET_entry, TARGET_bh), and the struct and the context
// follow. Four allocations a wrapper were one in eleven of check's
// instructions on QEMU master's headers, and spread over as many size
// classes, each a fresh page.
func FillNames(d *dialect.Dialect, w *model.Wrapper) {
	first, rest, _ := strings.Cut(w.Name, "_")
	sep, suffix, role := "_co_", "_entry", model.RoleEntry
	if w.Kind == model.NoCo {
		sep, rest, suffix, role = "_", strings.TrimPrefix(rest, "co_"), "_bh", model.RoleBottomHalf
	}
	// The context: a co wrapper's poll state names the parameter itself,
	// a bottom half the member of the argument struct.
	expr, param, _, _ := d.ContextFor(w.Kind).Choose(w.Params)
	prefix, slot := "", -1
	if param != "" {
		if w.Kind == model.NoCo {
			prefix = "s->"
		}
		slot = strings.Index(expr, "%s")
	}

	var b strings.Builder
	b.Grow(len(first) + len(sep) + len(rest) + len(suffix) + len(w.Name) + len(sep) + len(expr) + len(prefix) + len(param))
	b.WriteString(first)
	b.WriteString(sep)
	b.WriteString(rest)
	target := b.Len()
	b.WriteString(suffix)
	caller := b.Len()
	if d.StructNamedAfterTarget {
		model.WriteCamelCase(&b, first, sep, rest)
	} else {
		model.WriteCamelCase(&b, w.Name)
	}
	structName := b.Len()
	if slot >= 0 {
		b.WriteString(expr[:slot])
		b.WriteString(prefix)
		b.WriteString(param)
		b.WriteString(expr[slot+2:])
	}
	s := b.String()
	w.Target, w.Caller, w.StructName = s[:target], s[:caller], s[caller:structName]
	w.Context = expr
	if slot >= 0 {
		w.Context = s[structName:]
	}
	w.Defines = [3]model.Use{{Name: w.Name, Role: model.RoleWrapper}, {Name: w.StructName, Role: model.RoleStruct}, {Name: w.Caller, Role: role}}
	w.LockCall, w.UnlockCall, w.AssumeLock = lockCalls(d, w.Marker)
}

// FillUses sets w.Uses, the names the code generated for w uses besides
// its parameters, for the dialect d. w must be named (FillNames).
func FillUses(d *dialect.Dialect, w *model.Wrapper) {
	// The shape's uses, shared: the wrapper's own names in them are
	// there by role alone (model.Wrapper.Named).
	expr, _, _, _ := d.ContextFor(w.Kind).Choose(w.Params)
	w.Uses = uses(shapeOf(d, w.Marker, w.ReturnsVoid(), expr))
}

// Target returns the function that the wrapper name of kind k calls, as
// every release's generator names it: a co wrapper SUB_REST calls the
// coroutine function SUB_co_REST, a no_co wrapper SUB_co_REST the function
// SUB_REST. name must have that form.
func Target(k model.Kind, name string) string {
	first, rest, _ := strings.Cut(name, "_")
	if k == model.NoCo {
		return first + "_" + strings.TrimPrefix(rest, "co_")
	}
	return first + "_co_" + rest
}

// lockCalls returns the graph lock calls d's templates print for marker
// m: around the target's call in the entry or bottom half, and, for a
// mixed co wrapper, before it calls the target in coroutine context.
func lockCalls(d *dialect.Dialect, m model.Marker) (lock, unlock, assume string) {
	switch {
	case m.Lock == model.NoLock:
	case m.Kind == model.Co:
		if m.Mixed {
			assume = d.AssumeReadLock
		}
		return d.CoReadLock, d.CoReadUnlock, assume
	case m.Lock == model.ReadLock:
		return d.ReadLock, d.ReadUnlock, ""
	case m.Lock == model.WriteLock:
		return d.WriteLock, d.WriteUnlock, ""
	}
	return "", "", ""
}

// shape is what the names a wrapper's code uses depend on, besides the
// wrapper's own: the dialect, what the marker says (its kind, whether
// mixed, its lock: not the marker itself, whose four strings more than
// doubled the cost of looking a shape up, 23,000 instructions to 10,000
// on QEMU master's headers), whether there is a result, and the context
// expression as the dialect writes it, its parameter a slot %s.
type shape struct {
	d       *dialect.Dialect
	kind    model.Kind
	mixed   bool
	lock    model.Lock
	void    bool
	context string
}

// shapeOf returns the shape of a wrapper of marker m for d.
func shapeOf(d *dialect.Dialect, m model.Marker, void bool, context string) shape {
	return shape{d, m.Kind, m.Mixed, m.Lock, void, context}
}

// shapes holds each shape's uses once recorded. There are a few dozen
// shapes per dialect at most.
var shapes struct {
	sync.Mutex
	uses map[shape][]model.Use
}

// uses returns the uses of shape s, recording them the first time: what
// template.Write names for a stand-in wrapper of that shape, with no
// parameters and its own names RoleStruct, RoleTarget and the caller's
// role, which are left without a name.
func uses(s shape) []model.Use {
	shapes.Lock()
	defer shapes.Unlock()
	if u, ok := shapes.uses[s]; ok {
		return u
	}
	m := model.Marker{Kind: s.kind, Mixed: s.mixed, Lock: s.lock}
	w := &model.Wrapper{Marker: m, ReturnType: "int", Name: "wrapper",
		Target: "target", StructName: "Struct", Caller: "caller", Context: s.context}
	if s.void {
		w.ReturnType = "void"
	}
	w.LockCall, w.UnlockCall, w.AssumeLock = lockCalls(s.d, m)
	// A shape's code uses about 30 names, in one allocation.
	r := recorder{uses: make([]model.Use, 0, 48)}
	template.Write(&r, s.d, w)
	// The stand-in's own names, which differ by role, are left out: each
	// wrapper has its own (model.Wrapper.Named).
	for i := range r.uses {
		if u := &r.uses[i]; u.Role < model.RoleLocal {
			u.Name = ""
		}
	}
	if shapes.uses == nil {
		shapes.uses = make(map[shape][]model.Use)
	}
	shapes.uses[s] = r.uses
	return r.uses
}

// recorder is the template's sink that keeps the names the code uses,
// each once for each scope (model.Use.Body) that names it, in the order
// the code first names them.
type recorder struct{ uses []model.Use }

// Text is text: its names come as Name.
func (r *recorder) Text(string) {}

// Name keeps u.
func (r *recorder) Name(u model.Use) { r.add(u) }

// Expr keeps the names of expr.
func (r *recorder) Expr(expr string, body bool) {
	for _, u := range appendNames(nil, expr, body) {
		r.add(u)
	}
}

// add keeps u unless it has it already. A name the code repeats, it
// mostly repeats soon: the search starts from the latest.
func (r *recorder) add(u model.Use) {
	for i := len(r.uses) - 1; i >= 0; i-- {
		if x := &r.uses[i]; x.Role == u.Role && x.Body == u.Body && x.Name == u.Name {
			return
		}
	}
	r.uses = append(r.uses, u)
}

// appendNames appends the names in expr, a C expression of the dialect's:
// a name followed by '(' as a function, any other (NULL) as a macro. The
// parameter's slot %s and the members after '.' or '->' are left out.
func appendNames(uses []model.Use, expr string, body bool) []model.Use {
	for i, j := 0, 0; i < len(expr); i = max(j, i+1) {
		for j = i; j < len(expr) && (expr[j] == '_' || 'a' <= expr[j]|0x20 && expr[j]|0x20 <= 'z' || j > i && '0' <= expr[j] && expr[j] <= '9'); j++ {
		}
		if j > i && (i == 0 || expr[i-1] != '.' && expr[i-1] != '>' && expr[i-1] != '%') {
			u := model.Use{Name: expr[i:j], Role: model.RoleMacro, Body: body}
			if j < len(expr) && expr[j] == '(' {
				u.Role = model.RoleFunction
			}
			uses = append(uses, u)
		}
	}
	return uses
}

// QEMU returns the names of QEMU's functions, types and macros that the
// templates of d print for some wrapper, with their roles. Every
// block-gen.c of d includes the headers that declare them, whatever it
// wraps, so a generated definition of one would clash with QEMU's or,
// where the two agree, replace QEMU's for the code that calls it. They are
// the uses of each marker's shape (with a result or without, the code
// names the same of QEMU's), with the expressions of every context the
// first parameter can select.
func QEMU(d *dialect.Dialect) map[string]model.Role {
	names := make(map[string]model.Role)
	add := func(uses []model.Use) {
		for _, u := range uses {
			if u.Role >= model.RoleFunction {
				names[u.Name] = u.Role
			}
		}
	}
	for _, m := range d.Markers() {
		expr, _, _, _ := d.ContextFor(m.Kind).Choose(nil)
		add(uses(shapeOf(d, m, false, expr)))
	}
	for _, c := range [...]*dialect.Context{&d.Context, d.BHContext} {
		for i := 0; c != nil && i < len(c.Cases); i++ {
			add(appendNames(nil, c.Cases[i].Expr, false))
		}
	}
	return names
}

// QEMUNames looks up the names of QEMU(d) lazily. A run's wrappers almost
// never define one of them, and working QEMU(d) out records every
// marker's shape: about 200,000 instructions on QEMU master's headers
// (the whole run is 8.2 million, 1.7 million of them start-up). So Lookup
// first asks a cheap pre-test that holds every name of QEMU(d): a name
// the templates' text gives a role of QEMU's (template.QEMUName), or a
// name in one of the dialect's expressions (exprs); TestQEMUNamesPreTest
// holds that for every dialect. Only a name that passes has QEMU(d)
// worked out, so the answer is QEMU(d)'s. The zero value is not usable:
// use NewQEMUNames.
type QEMUNames struct {
	d *dialect.Dialect
	// exprNames are the names in d's expressions, once a name was asked;
	// names is QEMU(d), once a name passed the pre-test.
	exprNames []model.Use
	names     map[string]model.Role
	// exprLens has bit n%64 set for each length n of exprNames: most
	// names asked about (parameters, the wrappers' definitions) have
	// none of those lengths. Comparing each with every name of the
	// expressions was 40,000 instructions on QEMU master's headers.
	exprLens uint64
}

// NewQEMUNames returns the lazy lookup of QEMU(d).
func NewQEMUNames(d *dialect.Dialect) *QEMUNames { return &QEMUNames{d: d} }

// Lookup returns the role of name among QEMU(d), and whether it is one.
func (q *QEMUNames) Lookup(name string) (model.Role, bool) {
	if !template.QEMUName(name) && !q.inExprs(name) {
		return 0, false
	}
	if q.names == nil {
		q.names = QEMU(q.d)
	}
	r, ok := q.names[name]
	return r, ok
}

// MayUse reports whether name may be among the uses of w's code (see
// FillUses): a cheap pre-test that holds every name of them, so that
// check records a shape's uses only for a wrapper with a parameter that
// might collide with one. It holds the names of the templates' text
// (template.TextName), those of the dialect's expressions, and w's own.
// TestUsesOfTheShape holds it to the uses of every shape of every dialect.
func (q *QEMUNames) MayUse(w *model.Wrapper, name string) bool {
	return template.TextName(name) || name == w.StructName || name == w.Target || name == w.Caller ||
		name == w.Name || q.inExprs(name)
}

// inExprs reports whether name is a name in one of the dialect's
// expressions.
func (q *QEMUNames) inExprs(name string) bool {
	if q.exprNames == nil {
		q.exprNames = make([]model.Use, 0, 16)
		for _, e := range exprs(q.d) {
			q.exprNames = appendNames(q.exprNames, e, false)
		}
		for _, u := range q.exprNames {
			q.exprLens |= 1 << (len(u.Name) % 64)
		}
	}
	if q.exprLens&(1<<(len(name)%64)) == 0 {
		return false
	}
	for _, u := range q.exprNames {
		if u.Name == name {
			return true
		}
	}
	return false
}

// exprs returns every expression of d's that a template can print, for
// some wrapper: its contexts, where a no_co wrapper schedules its bottom
// half, and its graph lock calls.
func exprs(d *dialect.Dialect) []string {
	es := []string{d.NoCoScheduleContext,
		d.CoReadLock, d.CoReadUnlock, d.AssumeReadLock, d.ReadLock, d.ReadUnlock, d.WriteLock, d.WriteUnlock}
	for _, c := range [...]*dialect.Context{&d.Context, d.BHContext} {
		if c == nil {
			continue
		}
		es = append(es, c.Fixed, c.Otherwise)
		for _, cc := range c.Cases {
			es = append(es, cc.Expr)
		}
	}
	return es
}
