// Package template holds the code QEMU's generator writes for one
// wrapper, each release's as its dialect describes it: written once, as C
// text with slots for what varies, and read two ways.
//
//   - Append appends the text. Package emit prints block-gen.c with it.
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
// hide. What varies is a slot of its own: the wrapper's own text (own: its
// return type, its parameters, its names where it defines them), its names
// where the code uses them (a model.Use), and the dialect's expressions
// (expr: lock calls, contexts), whose names Sink.Expr reads.
package template

import (
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

// own is the wrapper's own text: no name of it is a use.
type own string

// expr is an expression of the dialect's (Sink.Expr).
type expr string

// comment is the text of a C comment, which names nothing.
type comment string

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
	t := newWriter(d, w)
	t.buf = buf
	t.write()
	return t.buf
}

// Write writes the same code as Append to s, piece by piece, and each
// name of it that the wrapper's parameters could hide or break as a Name
// or in an Expr. w needs no Uses: package names makes them from what
// Write names. It panics where a template's text names a name role does
// not know.
func Write(s Sink, d *dialect.Dialect, w *model.Wrapper) {
	t := newWriter(d, w)
	t.sink = s
	t.write()
}

func newWriter(d *dialect.Dialect, w *model.Wrapper) writer {
	t := writer{d: d, w: w,
		st:     model.Use{Name: w.StructName, Role: model.RoleStruct},
		target: model.Use{Name: w.Target, Role: model.RoleTarget},
		caller: model.Use{Name: w.Caller, Role: model.RoleEntry},
	}
	if w.Kind == model.NoCo {
		t.caller.Role = model.RoleBottomHalf
	}
	return t
}

// writer writes one wrapper's code: its text to buf, or its pieces to
// sink if that is set.
type writer struct {
	buf  []byte
	sink Sink
	d    *dialect.Dialect
	w    *model.Wrapper
	// The wrapper's names where the code uses them.
	st, target, caller model.Use
	// body: the wrapper function's body is being written.
	body bool
	// Where the text given to the sink stands, for scan: after '.' or
	// '->' (access), after a member reached so (member), and after '.'
	// or '->' following such a member (chained: QEMU's member of the
	// argument struct's, as in s->poll_state.in_progress).
	access, member, chained bool
}

// str writes parts: a string is the template's text, an own the
// wrapper's, a comment a comment's, an expr an expression of the
// dialect's and a model.Use a name the code uses, in the scope being
// written.
func (t *writer) str(parts ...any) {
	if t.sink != nil {
		t.pieces(parts)
		return
	}
	t.buf = appendParts(t.buf, parts)
}

// P writes parts (as str) and a line break.
func (t *writer) P(parts ...any) {
	if t.sink != nil {
		t.pieces(parts)
		t.pieces([]any{"\n"})
		return
	}
	// Not through str: P writes most of a wrapper's lines, and the call
	// saved, with the string tried first in appendParts, is 40,000
	// instructions of Append's 595,000 on QEMU master's headers.
	t.buf = append(appendParts(t.buf, parts), '\n')
}

// appendParts appends the text of parts, as str writes it, to buf. The
// template's text, most of the pieces, is tried first: one comparison
// rather than the type switch's table. Converting a piece to any
// allocates nothing (the slice of parts stays on the caller's stack).
func appendParts(buf []byte, parts []any) []byte {
	for _, p := range parts {
		if s, ok := p.(string); ok {
			buf = append(buf, s...)
			continue
		}
		switch p := p.(type) {
		case own:
			buf = append(buf, p...)
		case comment:
			buf = append(buf, p...)
		case expr:
			buf = append(buf, p...)
		case model.Use:
			buf = append(buf, p.Name...)
		default:
			panic("template: a piece of another type")
		}
	}
	return buf
}

// L writes a line of the template's text alone, s and a line break: P
// without the pieces to tell apart, which Append copies as it is.
func (t *writer) L(s string) {
	if t.sink != nil {
		t.P(s)
		return
	}
	t.buf = append(append(t.buf, s...), '\n')
}

// pieces gives parts to the sink, the names of the template's text too.
func (t *writer) pieces(parts []any) {
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			t.scan(p)
			t.sink.Text(p)
			continue
		case own:
			t.sink.Text(string(p))
		case comment:
			t.sink.Text(string(p))
		case expr:
			t.sink.Text(string(p))
			t.sink.Expr(string(p), t.body)
		case model.Use:
			t.sink.Text(p.Name)
			p.Body = t.body
			t.sink.Name(p)
		default:
			panic("template: a piece of another type")
		}
		t.access, t.member, t.chained = false, false, false
	}
}

// scan gives the sink the names of s, the template's text, which goes on
// from the text before it: each identifier but the keywords and QEMU's
// members of the argument struct's members, with its role.
func (t *writer) scan(s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
		case identStart[c]:
			j := i + 1
			for j < len(s) && identByte[s[j]] {
				j++
			}
			t.name(s[i:j])
			i = j - 1
		case c == '.' || c == '-' && i+1 < len(s) && s[i+1] == '>':
			t.access, t.chained, t.member = true, t.member, false
			if c == '-' {
				i++
			}
		default:
			t.access, t.member, t.chained = false, false, false
		}
	}
}

// identStart and identByte are the bytes that start and continue a C
// identifier (the templates' text is ASCII).
var identStart, identByte = func() (start, cont [256]bool) {
	for c := range 256 {
		letter := c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z'
		start[c], cont[c] = letter, letter || '0' <= c && c <= '9'
	}
	return start, cont
}()

// name gives the sink id, an identifier of the template's text.
func (t *writer) name(id string) {
	access, chained := t.access, t.chained
	t.access, t.member, t.chained = false, access, false
	if keyword(id) || access && chained {
		return
	}
	r, ok := role(id)
	if !ok || access && r != model.RoleMember {
		panic("template: a template names '" + id + "', which template.role does not know as such")
	}
	// A member is the struct's, wherever the code names it.
	t.sink.Name(model.Use{Name: id, Role: r, Body: t.body && r != model.RoleMember})
}

// signature writes the line defining the wrapper: its return type, middle
// and name, and its parameter list as declared ("void" when empty, so that
// the definition is a prototype), then the body's '{'.
func (t *writer) signature(middle string) {
	w := t.w
	t.str(own(w.ReturnType), middle, own(w.Name), "(")
	if len(w.Params) == 0 {
		t.str("void")
	}
	for i, p := range w.Params {
		if i > 0 {
			t.str(", ")
		}
		t.str(own(p.Decl))
	}
	t.L(")")
	t.L("{")
	t.body = true
}

// call writes a line calling the target with the parameters, each after
// prefix: indent + before + target(args);
func (t *writer) call(indent, before, prefix string) {
	t.str(indent, before, t.target, "(")
	for i, p := range t.w.Params {
		if i > 0 {
			t.str(", ")
		}
		t.str(prefix, own(p.Name))
	}
	t.L(");")
}

// members writes one struct member line per parameter.
func (t *writer) members() {
	for _, p := range t.w.Params {
		t.P("    ", own(p.Member), ";")
	}
}

// initializers writes one designated initializer per parameter, indented
// by ind and more.
func (t *writer) initializers(ind, more string) {
	for _, p := range t.w.Params {
		t.P(ind, more, ".", own(p.Name), " = ", own(p.Name), ",")
	}
}

// returnField writes the line of the struct member holding the result:
// only its indentation for void.
func (t *writer) returnField() {
	if t.w.ReturnsVoid() {
		t.L("    ")
		return
	}
	t.P("    ", own(t.w.ReturnType), " ret;")
}

// getResult is what stores the target's result in the struct; "" for
// void.
func (t *writer) getResult() string {
	if t.w.ReturnsVoid() {
		return ""
	}
	return "s->ret = "
}

// returnResult writes the line that returns the result kept in the
// struct, indented by ind; only the indentation for void.
func (t *writer) returnResult(ind string) {
	if t.w.ReturnsVoid() {
		t.P(ind)
		return
	}
	t.P(ind, "return s.ret;")
}

// lockCall writes the line of a lock call: indent, call and ';', or an
// empty line (the template's slot, without its indentation) where call is
// "".
func (t *writer) lockCall(indent, call string) {
	if call == "" {
		t.P()
		return
	}
	t.P(indent, expr(call), ";")
}

// write writes the wrapper's code: the comment naming its target, then
// a co or a no_co wrapper's.
func (t *writer) write() {
	t.P(comment("/*\n * Wrappers for "), own(t.w.Target), comment("\n */"))
	t.P()
	if t.w.Kind == model.NoCo {
		t.noCo()
	} else {
		t.co()
	}
}

// co writes a co wrapper: the struct, the coroutine entry, and the function
// that creates the coroutine and polls until it is done. Up to 7.2
// (ResultInPollState) the result travels in the poll state.
func (t *writer) co() {
	w, s, old := t.w, own(t.w.StructName), t.d.ResultInPollState
	t.P("typedef struct ", s, " {")
	t.L("    BdrvPollCo poll_state;")
	if !old {
		t.returnField()
	}
	t.members()
	t.P("} ", s, ";")
	t.P()
	t.P("static void coroutine_fn ", own(w.Caller), "(void *opaque)")
	t.L("{")
	t.P("    ", t.st, " *s = opaque;")
	t.P()
	if old {
		t.call("    ", "s->poll_state.ret = ", "s->")
	} else {
		t.lockCall("    ", w.LockCall)
		t.call("    ", t.getResult(), "s->")
		t.lockCall("    ", w.UnlockCall)
	}
	t.L("    s->poll_state.in_progress = false;")
	t.P()
	t.L("    aio_wait_kick();")
	t.L("}")
	t.P()
	t.signature(" ")
	if w.Mixed {
		coRet := "return "
		if w.ReturnsVoid() {
			coRet = ""
		}
		t.L("    if (qemu_in_coroutine()) {")
		if !old {
			t.str("        ")
			t.lockCall("", w.AssumeLock)
		}
		t.call("        ", coRet, "")
		t.L("    } else {")
		t.pollBlock("        ")
		t.L("    }")
	} else {
		t.pollBlock("    ")
	}
	t.str("}")
}

// pollBlock writes the part of a co wrapper that runs outside coroutine
// context, indented by ind.
func (t *writer) pollBlock(ind string) {
	w := t.w
	t.P(ind, t.st, " s = {")
	t.P(ind, "    .poll_state.", t.d.PollStateField, " = ", expr(w.Context), ",")
	t.P(ind, "    .poll_state.in_progress = true,")
	t.P()
	t.initializers(ind, "    ")
	t.P(ind, "};")
	if !w.Mixed {
		t.P(ind, "assert(!qemu_in_coroutine());")
	}
	t.P()
	t.P(ind, "s.poll_state.co = qemu_coroutine_create(", t.caller, ", &s);")
	t.P()
	if t.d.ResultInPollState {
		t.P(ind, "return bdrv_poll_co(&s.poll_state);")
		return
	}
	t.P(ind, "bdrv_poll_co(&s.poll_state);")
	t.returnResult(ind)
}

// noCo writes a no_co wrapper: the struct, the bottom half that calls the
// target in the main loop, and the coroutine function that schedules it and
// yields until it is done.
func (t *writer) noCo() {
	w, s, d := t.w, own(t.w.StructName), t.d
	t.P("typedef struct ", s, " {")
	t.L("    Coroutine *co;")
	t.returnField()
	t.members()
	t.P("} ", s, ";")
	t.P()
	t.P("static void ", own(w.Caller), "(void *opaque)")
	t.L("{")
	t.P("    ", t.st, " *s = opaque;")
	// A bottom half holds the AioContext where the release's did (8.1,
	// 8.2): there, and only there, the wrapper has a context.
	bhCtx := w.Context != ""
	if bhCtx {
		t.P("    AioContext *ctx = ", expr(w.Context), ";")
	}
	t.P()
	if d.BHLockSlots {
		t.lockCall("    ", w.LockCall)
	}
	if bhCtx {
		t.L("    aio_context_acquire(ctx);")
	}
	t.call("    ", t.getResult(), "s->")
	if bhCtx {
		t.L("    aio_context_release(ctx);")
	}
	if d.BHLockSlots {
		t.lockCall("    ", w.UnlockCall)
	}
	t.P()
	t.L("    aio_co_wake(s->co);")
	t.L("}")
	t.P()
	t.signature(" coroutine_fn ")
	t.P("    ", t.st, " s = {")
	t.L("        .co = qemu_coroutine_self(),")
	t.initializers("        ", "")
	t.L("    };")
	t.L("    assert(qemu_in_coroutine());")
	t.P()
	t.P("    aio_bh_schedule_oneshot(", expr(d.NoCoScheduleContext), ", ", t.caller, ", &s);")
	t.L("    qemu_coroutine_yield();")
	t.P()
	t.returnResult("    ")
	t.str("}")
}
