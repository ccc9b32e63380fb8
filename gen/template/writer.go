package template

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// slot is a field of the wrapper, or of one of its parameters, that the
// text prints.
type slot uint8

// The slots.
const (
	returnType slot = iota + 1
	wrapperName
	targetName
	structName
	callerName
	context
	lockCall
	unlockCall
	assumeLock
	paramDecl
	paramName
	paramMember
)

// of returns the text of s for w, and its parameter p in a loop.
func (s slot) of(w *model.Wrapper, p *model.Param) string {
	switch s {
	case returnType:
		return w.ReturnType
	case wrapperName:
		return w.Name
	case targetName:
		return w.Target
	case structName:
		return w.StructName
	case callerName:
		return w.Caller
	case context:
		return w.Context
	case lockCall:
		return w.LockCall
	case unlockCall:
		return w.UnlockCall
	case assumeLock:
		return w.AssumeLock
	case paramDecl:
		return p.Decl
	case paramName:
		return p.Name
	case paramMember:
		return p.Member
	}
	panic("template: no such slot")
}

// cond is what a part of the text is written under (when): the wrapper
// returns a value, or one of its slots (a lock call, the context) is not
// empty.
type cond uint8

// The conditions besides has(slot): the wrapper does not return void; it
// is mixed.
const (
	returnsValue cond = 0
	mixed        cond = cond(paramMember) + 1
)

// has returns the condition that the slot s is not empty.
func has(s slot) cond { return cond(s) }

// holds reports whether c holds for w.
func (c cond) holds(w *model.Wrapper) bool {
	switch c {
	case returnsValue:
		return !w.ReturnsVoid()
	case mixed:
		return w.Mixed
	}
	return slot(c).of(w, nil) != ""
}

// writer reads the text (text.go) one of two ways. With a sink, it gives
// the sink the code of the wrapper w, piece by piece, with the names of
// the template's text (Write). Without, it compiles the text for a
// dialect and a kind into a program (compile), which Append runs for each
// wrapper of those.
type writer struct {
	d    *dialect.Dialect
	kind model.Kind
	// body: the wrapper function's body is being written.
	body bool

	// Write's: the sink, the wrapper and, in a loop, its parameter.
	sink  Sink
	w     *model.Wrapper
	param *model.Param
	// Where the text given to the sink stands, for scan: after '.' or
	// '->' (access), after a member reached so (member), and after '.'
	// or '->' following such a member (chained: QEMU's member of the
	// argument struct's, as in s->poll_state.in_progress).
	access, member, chained bool

	// compile's: where ops go (the program's, or a loop's), and the first
	// of them that a piece may not be joined to (it starts a branch).
	ops   *[]op
	fresh int
	// buf holds the ops' text as it is compiled, each op's from lo to hi.
	buf []byte
}

// str writes parts: a string is the template's text, a slot the
// wrapper's own text, a use one of its names where the code uses it, a
// comment a comment's text, an expr or exprSlot an expression of the
// dialect's.
func (t *writer) str(parts ...any) {
	if t.sink == nil {
		t.compileParts(parts)
		return
	}
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			t.scan(p)
			t.sink.Text(p)
			continue
		case comment:
			t.sink.Text(string(p))
		case expr:
			t.sink.Text(string(p))
			t.sink.Expr(string(p), t.body)
		case slot:
			t.sink.Text(p.of(t.w, t.param))
		case use:
			name := p.slot.of(t.w, t.param)
			t.sink.Text(name)
			t.sink.Name(model.Use{Name: name, Role: p.role, Body: t.body})
		case exprSlot:
			e := slot(p).of(t.w, t.param)
			t.sink.Text(e)
			t.sink.Expr(e, t.body)
		default:
			panic("template: a piece of another type")
		}
		t.access, t.member, t.chained = false, false, false
	}
}

// P writes parts (as str) and a line break.
func (t *writer) P(parts ...any) {
	t.str(parts...)
	t.str("\n")
}

// L writes a line of the template's text alone, s and a line break.
func (t *writer) L(s string) {
	t.str(s, "\n")
}

// each writes parts for each parameter (slots of the parameter's among
// them), sep between two, or empty where there are none.
func (t *writer) each(sep, empty string, parts ...any) {
	if t.sink == nil {
		l := &loop{sep: sep, empty: empty, ops: make([]op, 0, 4)}
		outer, fresh := t.ops, t.fresh
		t.ops, t.fresh = &l.ops, 0
		t.compileParts(parts)
		t.ops, t.fresh = outer, fresh
		t.act(op{kind: opEach, each: l})
		return
	}
	for i := range t.w.Params {
		if i > 0 {
			t.str(sep)
		}
		t.param = &t.w.Params[i]
		t.str(parts...)
	}
	t.param = nil
	if len(t.w.Params) == 0 {
		t.str(empty)
	}
}

// when writes what yes writes if c holds for the wrapper, else what no
// does (no may be nil).
func (t *writer) when(c cond, yes, no func()) {
	if t.sink != nil {
		if c.holds(t.w) {
			yes()
		} else if no != nil {
			no()
		}
		return
	}
	unless := t.act(op{kind: opUnless, cond: c})
	t.fresh = len(*t.ops)
	yes()
	if no != nil {
		jump := t.act(op{kind: opJump})
		(*t.ops)[unless].to = int32(len(*t.ops))
		t.fresh = len(*t.ops)
		no()
		(*t.ops)[jump].to = int32(len(*t.ops))
	} else {
		(*t.ops)[unless].to = int32(len(*t.ops))
	}
	t.fresh = len(*t.ops)
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
