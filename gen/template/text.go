package template

import "github.com/bcwtool/block-coroutine-wrapper/gen/model"

// The text of the templates, as each release's generator wrote it (see
// writer for the two ways it is read): the wrapper's own text and names
// are slots, what varies with the wrapper besides its kind is a condition
// (when), and its parameters are a loop (each).

// The pieces of the text besides the template's own (a string): the
// wrapper's own text (a slot), the wrapper's names where the code uses
// them (use), a comment's text, and the dialect's expressions, a slot of
// the wrapper (exprSlot) or the dialect's own (expr).
type (
	comment  string
	expr     string
	exprSlot slot
	use      struct {
		slot slot
		role model.Role
	}
)

// The wrapper's names where the code uses them.
var (
	structUse = use{structName, model.RoleStruct}
	targetUse = use{targetName, model.RoleTarget}
)

// callerUse is the wrapper's coroutine entry or bottom half where the code
// uses it.
func (t *writer) callerUse() use {
	if t.kind == model.NoCo {
		return use{callerName, model.RoleBottomHalf}
	}
	return use{callerName, model.RoleEntry}
}

// signature writes the line defining the wrapper: its return type, middle
// and name, and its parameter list as declared ("void" when empty, so that
// the definition is a prototype), then the body's '{'.
func (t *writer) signature(middle string) {
	t.str(returnType, middle, wrapperName, "(")
	t.each(", ", "void", paramDecl)
	t.L(")")
	t.L("{")
	t.body = true
}

// call writes a line calling the target with the parameters, each after
// prefix: indent + before + result + target(args), where result is
// written only if the wrapper returns a value.
func (t *writer) call(indent, before, result, prefix string) {
	t.str(indent, before)
	if result != "" {
		t.when(returnsValue, func() { t.str(result) }, nil)
	}
	t.str(targetUse, "(")
	t.each(", ", "", prefix, paramName)
	t.L(");")
}

// members writes one struct member line per parameter.
func (t *writer) members() {
	t.each("", "", "    ", paramMember, ";\n")
}

// initializers writes one designated initializer per parameter, indented
// by ind and more.
func (t *writer) initializers(ind, more string) {
	t.each("", "", ind, more, ".", paramName, " = ", paramName, ",\n")
}

// returnField writes the line of the struct member holding the result:
// only its indentation for void.
func (t *writer) returnField() {
	t.when(returnsValue, func() { t.P("    ", returnType, " ret;") }, func() { t.L("    ") })
}

// returnResult writes the line that returns the result kept in the
// struct, indented by ind; only the indentation for void.
func (t *writer) returnResult(ind string) {
	t.when(returnsValue, func() { t.P(ind, "return s.ret;") }, func() { t.P(ind) })
}

// lockCall writes the line of a lock call: indent, call and ';', or an
// empty line (the template's slot, without its indentation) where the
// wrapper has no such call.
func (t *writer) lockCall(indent string, call slot) {
	t.when(has(call), func() { t.P(indent, exprSlot(call), ";") }, func() { t.P() })
}

// write writes the wrapper's code: the comment naming its target, then
// a co or a no_co wrapper's.
func (t *writer) write() {
	t.P(comment("/*\n * Wrappers for "), targetName, comment("\n */"))
	t.P()
	if t.kind == model.NoCo {
		t.noCo()
	} else {
		t.co()
	}
}

// co writes a co wrapper: the struct, the coroutine entry, and the function
// that creates the coroutine and polls until it is done. Up to 7.2
// (ResultInPollState) the result travels in the poll state.
func (t *writer) co() {
	old := t.d.ResultInPollState
	t.P("typedef struct ", structName, " {")
	t.L("    BdrvPollCo poll_state;")
	if !old {
		t.returnField()
	}
	t.members()
	t.P("} ", structName, ";")
	t.P()
	t.P("static void coroutine_fn ", callerName, "(void *opaque)")
	t.L("{")
	t.P("    ", structUse, " *s = opaque;")
	t.P()
	if old {
		t.call("    ", "s->poll_state.ret = ", "", "s->")
	} else {
		t.lockCall("    ", lockCall)
		t.call("    ", "", "s->ret = ", "s->")
		t.lockCall("    ", unlockCall)
	}
	t.L("    s->poll_state.in_progress = false;")
	t.P()
	t.L("    aio_wait_kick();")
	t.L("}")
	t.P()
	t.signature(" ")
	t.when(mixed, func() {
		t.L("    if (qemu_in_coroutine()) {")
		if !old {
			t.str("        ")
			t.lockCall("", assumeLock)
		}
		t.call("        ", "", "return ", "")
		t.L("    } else {")
		t.pollBlock("        ", true)
		t.L("    }")
	}, func() {
		t.pollBlock("    ", false)
	})
	t.str("}")
}

// pollBlock writes the part of a co wrapper that runs outside coroutine
// context, indented by ind, for a mixed wrapper or not.
func (t *writer) pollBlock(ind string, mixed bool) {
	d := t.d
	t.P(ind, structUse, " s = {")
	t.P(ind, "    .poll_state.", d.PollStateField, " = ", exprSlot(context), ",")
	t.P(ind, "    .poll_state.in_progress = true,")
	t.P()
	t.initializers(ind, "    ")
	t.P(ind, "};")
	if !mixed {
		t.P(ind, "assert(!qemu_in_coroutine());")
	}
	t.P()
	t.P(ind, "s.poll_state.co = qemu_coroutine_create(", t.callerUse(), ", &s);")
	t.P()
	if d.ResultInPollState {
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
	d := t.d
	t.P("typedef struct ", structName, " {")
	t.L("    Coroutine *co;")
	t.returnField()
	t.members()
	t.P("} ", structName, ";")
	t.P()
	t.P("static void ", callerName, "(void *opaque)")
	t.L("{")
	t.P("    ", structUse, " *s = opaque;")
	// A bottom half holds the AioContext where the release's did (8.1,
	// 8.2): there, and only there, the wrapper has a context.
	bhCtx := has(context)
	t.when(bhCtx, func() { t.P("    AioContext *ctx = ", exprSlot(context), ";") }, nil)
	t.P()
	if d.BHLockSlots {
		t.lockCall("    ", lockCall)
	}
	t.when(bhCtx, func() { t.L("    aio_context_acquire(ctx);") }, nil)
	t.call("    ", "", "s->ret = ", "s->")
	t.when(bhCtx, func() { t.L("    aio_context_release(ctx);") }, nil)
	if d.BHLockSlots {
		t.lockCall("    ", unlockCall)
	}
	t.P()
	t.L("    aio_co_wake(s->co);")
	t.L("}")
	t.P()
	t.signature(" coroutine_fn ")
	t.P("    ", structUse, " s = {")
	t.L("        .co = qemu_coroutine_self(),")
	t.initializers("        ", "")
	t.L("    };")
	t.L("    assert(qemu_in_coroutine());")
	t.P()
	t.P("    aio_bh_schedule_oneshot(", expr(d.NoCoScheduleContext), ", ", t.callerUse(), ", &s);")
	t.L("    qemu_coroutine_yield();")
	t.P()
	t.returnResult("    ")
	t.str("}")
}
