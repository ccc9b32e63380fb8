package template

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Append runs a program: the text compiled once for a dialect and a
// kind, as a list of ops, each a constant run of text (the
// template's pieces, comments and the dialect's expressions joined) and
// the slot printed after it, a loop over the parameters, or a jump over
// the text written under a condition that does not hold. Printing the
// text piece by piece, as the templates spell it, was 554,000
// instructions for QEMU master's 53 wrappers (56 KB of C).

// opKind is what an op does after printing its text.
type opKind uint8

const (
	opText   opKind = iota // nothing
	opSlot                 // print slot
	opEach                 // print each's text for each parameter
	opUnless               // go to op to unless cond holds
	opJump                 // go to op to
)

// op is one step of a program.
type op struct {
	kind opKind
	slot slot
	cond cond
	to   int32
	text string
	each *loop
	// lo and hi bound text in the compiler's buffer until it is done.
	lo, hi int32
}

// loop is a text repeated for each parameter, sep between two, or empty
// where there are none. While compiled, its ops are opText and opSlot;
// then (done) the text is joined around the slots: first, each slot of
// a parameter with the text after it (between, and joint, the end of the
// text, sep and its start, after the last slot, but for the last
// parameter, which gets last). Members are then two pieces a parameter
// rather than three, an initializer four rather than five.
type loop struct {
	sep, empty string
	ops        []op

	first, joint, last string
	slots              []slot
	between            []string // after each slot but the last
}

// done joins the loop's text around its slots, from its ops: each has a
// slot after its text, but the last may not.
func (l *loop) done() {
	for i, o := range l.ops {
		if i == 0 {
			l.first = o.text
		}
		if o.kind != opSlot {
			l.last = o.text
			break
		}
		l.slots = append(l.slots, o.slot)
		if i+1 < len(l.ops) && l.ops[i+1].kind == opSlot {
			l.between = append(l.between, l.ops[i+1].text)
		}
	}
	if len(l.slots) == 0 {
		panic("template: a loop over the parameters prints none of theirs")
	}
	l.joint = l.last + l.sep + l.first
}

// program is the text compiled for one dialect and kind.
type program struct {
	d    *dialect.Dialect
	kind model.Kind
	ops  []op
}

// compile compiles the text for a wrapper of kind k in d.
func compile(d *dialect.Dialect, k model.Kind) *program {
	// A co wrapper's program is 50 ops, 800 bytes of text and 11 ops in
	// its loops, in the current dialect.
	p := &program{d: d, kind: k, ops: make([]op, 0, 64)}
	t := writer{d: d, kind: k, ops: &p.ops, buf: make([]byte, 0, 1024)}
	t.write()
	// Every op's text is a piece of one string.
	text := string(t.buf)
	for i := range p.ops {
		o := &p.ops[i]
		o.text = text[o.lo:o.hi]
		if o.kind == opEach {
			for j := range o.each.ops {
				lo := &o.each.ops[j]
				lo.text = text[lo.lo:lo.hi]
			}
			o.each.done()
		}
	}
	return p
}

// compileParts adds parts (see str) to the ops: a constant text to the
// text of the op before, if that does nothing else yet and starts no
// branch (fresh), and a slot to it likewise (act).
func (t *writer) compileParts(parts []any) {
	for _, p := range parts {
		var s string
		switch p := p.(type) {
		case string:
			s = p
		case comment:
			s = string(p)
		case expr:
			s = string(p)
		case slot:
			t.act(op{kind: opSlot, slot: p})
			continue
		case use:
			t.act(op{kind: opSlot, slot: p.slot})
			continue
		case exprSlot:
			t.act(op{kind: opSlot, slot: slot(p)})
			continue
		default:
			panic("template: a piece of another type")
		}
		if s == "" {
			continue
		}
		lo := int32(len(t.buf))
		t.buf = append(t.buf, s...)
		ops := *t.ops
		if n := len(ops); n > t.fresh && ops[n-1].kind == opText && ops[n-1].hi == lo {
			ops[n-1].hi = int32(len(t.buf))
			continue
		}
		*t.ops = append(ops, op{kind: opText, lo: lo, hi: int32(len(t.buf))})
	}
}

// act adds what o does after its text (print a slot, loop, jump): to the
// op before, if that only prints its text and starts no branch, else as
// an op of its own with no text. It returns the op's index.
func (t *writer) act(o op) int {
	ops := *t.ops
	if n := len(ops); n > t.fresh && ops[n-1].kind == opText {
		last := &ops[n-1]
		last.kind, last.slot, last.cond, last.each = o.kind, o.slot, o.cond, o.each
		return n - 1
	}
	o.lo, o.hi = int32(len(t.buf)), int32(len(t.buf))
	*t.ops = append(ops, o)
	return len(ops)
}

// append appends the code of w to buf.
func (p *program) append(buf []byte, w *model.Wrapper) []byte {
	// The wrapper's slots, looked up once.
	var v [paramDecl]string
	v[returnType], v[wrapperName], v[targetName], v[structName], v[callerName] = w.ReturnType, w.Name, w.Target, w.StructName, w.Caller
	v[context], v[lockCall], v[unlockCall], v[assumeLock] = w.Context, w.LockCall, w.UnlockCall, w.AssumeLock
	ops := p.ops
	for i := 0; i < len(ops); i++ {
		o := &ops[i]
		buf = append(buf, o.text...)
		switch o.kind {
		case opSlot:
			buf = append(buf, v[o.slot]...)
		case opEach:
			buf = o.each.append(buf, w.Params)
		case opUnless:
			// cond.holds, without a call for a slot's.
			if c := o.cond; c == returnsValue && w.ReturnsVoid() || c == mixed && !w.Mixed || c < mixed && c != returnsValue && v[c] == "" {
				i = int(o.to) - 1
			}
		case opJump:
			i = int(o.to) - 1
		}
	}
	return buf
}

// append appends the loop's text for params to buf.
func (l *loop) append(buf []byte, params []model.Param) []byte {
	if len(params) == 0 {
		return append(buf, l.empty...)
	}
	buf = append(buf, l.first...)
	for i := range params {
		p := &params[i]
		if i > 0 {
			buf = append(buf, l.joint...)
		}
		buf = append(buf, paramField(p, l.slots[0])...)
		// Most loops print one slot a parameter; an initializer two.
		for j := 1; j < len(l.slots); j++ {
			buf = append(buf, l.between[j-1]...)
			buf = append(buf, paramField(p, l.slots[j])...)
		}
	}
	return append(buf, l.last...)
}

// paramField returns the text of s, a slot of a parameter's, for p.
func paramField(p *model.Param, s slot) string {
	switch s {
	case paramName:
		return p.Name
	case paramDecl:
		return p.Decl
	}
	return p.Member
}
