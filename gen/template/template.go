// Package template holds the code QEMU's generator writes for one
// wrapper, each release's as its dialect describes it: written once, as C
// text with slots for what varies, and read two ways.
//
//   - Append appends the text, from a program the text is compiled into
//     once per dialect and kind (compile.go). Package emit prints
//     block-gen.c with it.
//   - Write gives the same text to a Sink piece by piece, with every name
//     in it that a parameter of the wrapper could hide or break, each
//     with its role (model.Role) and scope. Package names records those
//     as the wrapper's Uses, and QEMU's among them as names.QEMU, which
//     package check reads to refuse clashing wrappers.
//
// So the names the templates print are listed nowhere else: a name added
// to a template is a name the checks know, with nothing to keep in step.
// The templates' own text names QEMU's functions, types and macros, the
// locals of the code and the members of the argument struct, each of which
// role says what it is (Write panics at a name it does not know, so every
// test that writes a wrapper catches one), C keywords, and QEMU's members
// of those members (s->poll_state.in_progress), which no parameter can
// hide. What varies is a slot of its own: the wrapper's own text (a slot:
// its return type, its parameters, its names where it defines them), its
// names where the code uses them (a use), and the dialect's expressions
// (exprSlot: lock calls, contexts; expr: the dialect's own), whose names
// Sink.Expr reads.
package template

import (
	"sync"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// A Sink receives the code of one wrapper, in order (Write).
type Sink interface {
	// Text is C text the template or the dialect writes, or the
	// wrapper's own (its return type, its parameters, the names it
	// defines where it defines them): the names in it come separately,
	// as Name.
	Text(string)
	// Name is a name the code uses, with what it is to the code, where
	// the wrapper's parameters could hide or break it; u.Body says
	// whether it is named in the wrapper function's body.
	Name(u model.Use)
	// Expr is an expression of the dialect's (a lock call, a context),
	// as the dialect writes it: a name followed by '(' is a function, any
	// other a macro, and a name after '.', '->' or a parameter's slot
	// "%s" is no name of its own. body is as Name's u.Body.
	Expr(expr string, body bool)
}

// role says what a name the templates' text names is to the generated
// code, and whether the text may name it: QEMU's functions, types and
// macros, the locals of the entry, the bottom half and the wrapper, and
// the members of the argument struct besides the parameters. It is the one
// list of them; the text names nothing else but C keywords and, after a
// member of the argument struct, the members of QEMU's structs
// (s->poll_state.in_progress).
func role(name string) (model.Role, bool) {
	switch name {
	case "BdrvPollCo", "Coroutine", "AioContext":
		return model.RoleType, true
	case "coroutine_fn", "true", "false":
		return model.RoleMacro, true
	case "assert":
		return model.RoleCallMacro, true
	case "aio_wait_kick", "qemu_in_coroutine", "qemu_coroutine_create", "bdrv_poll_co",
		"aio_co_wake", "aio_context_acquire", "aio_context_release",
		"qemu_coroutine_self", "aio_bh_schedule_oneshot", "qemu_coroutine_yield":
		return model.RoleFunction, true
	case "s", "opaque", "ctx":
		return model.RoleLocal, true
	case "poll_state", "co", "ret":
		return model.RoleMember, true
	}
	return 0, false
}

// QEMUName reports whether the templates' own text, in any dialect, names
// name as one of QEMU's functions, types or macros. It is the cheap half
// of names.QEMUNames's pre-test: the other half is the names of the
// dialect's expressions, which the text prints but role does not list.
func QEMUName(name string) bool {
	r, ok := role(name)
	return ok && r >= model.RoleFunction
}

// TextName reports whether the templates' own text, in any dialect,
// names name, in any role: QEMU's names, the code's locals and the
// members of its argument struct. Those and the names of the dialect's
// expressions and of the wrapper itself are all the names Write gives.
func TextName(name string) bool {
	_, ok := role(name)
	return ok
}

// keyword reports whether name is one of the C keywords the templates'
// text writes.
func keyword(name string) bool {
	switch name {
	case "typedef", "struct", "static", "void", "if", "else", "return":
		return true
	}
	return false
}

// Append appends to buf the code that d's generator writes for w and
// returns the extended buffer: the comment naming its target, the argument
// struct, the coroutine entry (co) or bottom half (no_co), and the
// wrapper, up to its closing '}' without a line break. w must be named by
// package names (names.Fill).
func Append(buf []byte, d *dialect.Dialect, w *model.Wrapper) []byte {
	return programFor(d, w.Kind).append(buf, w)
}

// Write writes the same code as Append to s, piece by piece, and each
// name of it that the wrapper's parameters could hide or break as a Name
// or in an Expr. w needs no Uses: package names makes them from what
// Write names. It panics where a template's text names a name role does
// not know.
func Write(s Sink, d *dialect.Dialect, w *model.Wrapper) {
	t := writer{d: d, kind: w.Kind, sink: s, w: w}
	t.write()
}

// programs holds the program of each dialect and kind met, compiled
// once: a run of QEMU master's headers needs two.
var programs struct {
	sync.Mutex
	list []*program
}

// programFor returns the program for a wrapper of kind k in d, compiling
// it the first time.
func programFor(d *dialect.Dialect, k model.Kind) *program {
	programs.Lock()
	defer programs.Unlock()
	for _, p := range programs.list {
		if p.d == d && p.kind == k {
			return p
		}
	}
	p := compile(d, k)
	programs.list = append(programs.list, p)
	return p
}
