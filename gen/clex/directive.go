package clex

import (
	"bytes"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// cond is an open #if/#ifdef/#ifndef group.
type cond struct {
	pos     diag.Pos
	name    string // "if", "ifdef" or "ifndef", for messages
	sawElse bool
	// taken is set once a branch of the group was known to be compiled in,
	// so that every later branch is dead.
	taken bool
	// lines are the group's directive lines up to the current branch.
	lines []string
}

// Conditions returns the groups open at the current point, outermost
// first; nil outside any. A group's ID is made from the position of its
// opening directive. The result is shared and must not be modified.
func (l *Lexer) Conditions() []model.Condition {
	if !l.snapshotValid {
		l.snapshot = nil
		if len(l.conds) > 0 {
			l.snapshot = make([]model.Condition, 0, len(l.conds)) // one allocation, not one per doubling
		}
		for _, c := range l.conds {
			// The line alone: no two directives open on one line, and
			// Line<<32 | Col was Col alone where int has 32 bits (linux/386,
			// linux/arm), which merged sibling groups.
			l.snapshot = append(l.snapshot, model.Condition{ID: c.pos.Line, Lines: c.lines})
		}
		l.snapshotValid = true
	}
	return l.snapshot
}

// changed notes that conds changed, so the next Conditions is a new slice
// (earlier snapshots stay as they were).
func (l *Lexer) changed() { l.snapshotValid = false }

// restOfLine consumes the rest of a logical line, the line break excluded:
// comments (which may span lines), literals (tolerating unterminated ones,
// as skipped text and directives may hold apostrophes) and splices.
func (l *Lexer) restOfLine() {
	src := l.src
	for l.off < len(src) {
		// Most bytes of a line are none of the ones below: a loop of its
		// own, without a switch, for them.
		off := l.off
		for off < len(src) && byteClass[src[off]]&classLine == 0 {
			off++
		}
		l.off = off
		if off >= len(src) {
			return
		}
		c := src[off]
		switch {
		case c == '\n' || c == '\r':
			return
		case c == '\\' && l.isNewline(l.off+1):
			l.splice()
		case c == '/' && l.peek(1) == '*':
			l.blockComment()
		case c == '/' && l.peek(1) == '/':
			l.lineComment()
		case c == '"' || c == '\'':
			l.literal(c)
		case c == 0:
			l.errorf(diag.Lexical, l.here(1), "null character in the file")
			l.off++
		default:
			l.off++
		}
	}
}

// directiveWord reads the directive name after '#', skipping blanks and
// comments, and leaves l.off after it.
func (l *Lexer) directiveWord() string {
	l.skipBlanks()
	start := l.off
	for l.off < len(l.src) && isIdentByte(l.src[l.off]) {
		l.off++
	}
	return l.str[start:l.off]
}

// skipBlanks skips spaces, tabs, splices and comments on the current
// logical line.
func (l *Lexer) skipBlanks() {
	for l.off < len(l.src) {
		switch c := l.src[l.off]; {
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			l.off++
		case c == '\\' && l.isNewline(l.off+1):
			l.splice()
		case c == '/' && l.peek(1) == '*':
			l.blockComment()
		default:
			return
		}
	}
}

// directive handles a preprocessor line starting at l.off ('#'). A
// conditional directive updates the group stack and may skip a dead group.
// Every directive of a compiled-in region is returned as a token.
func (l *Lexer) directive() Token {
	if l.replay.Kind == Directive && l.off == int(l.replay.Off) {
		t := l.replay
		l.replay = Token{}
		l.off, l.line, l.lineStart = l.resume.off, l.resume.line, l.resume.lineStart
		l.bol = true
		return t
	}
	start, line, col := l.off, l.line, l.off-l.lineStart+1
	pos := diag.Pos{File: l.file, Line: line, Col: col, LineStart: l.lineStart}
	hash := l.hash()
	l.off += hash
	name := l.directiveWord()
	pos.Len = l.off - start // '#' to the end of the name
	exprStart := l.off
	l.restOfLine()
	tok := token(Directive, bytes.IndexByte(l.src[start:l.off], '\\') >= 0, hash == 2, start, l.off, line, col)
	expr := l.src[exprStart:l.off]

	switch name {
	case "if", "ifdef", "ifndef":
		c := cond{pos: pos, name: name, lines: []string{l.lineText(start, int(tok.End))}}
		v := unknown
		if name == "if" {
			v = evalLiteral(expr)
		}
		c.taken = v == isTrue
		l.conds = append(l.conds, c)
		l.changed()
		if v == isFalse {
			l.skipGroup()
		}
	case "elif", "else":
		if len(l.conds) == 0 {
			l.errorf(diag.Conditional, pos, "#%s without #if", name)
			break
		}
		c := l.branch(pos, name, l.lineText(start, int(tok.End)))
		// Reaching #elif/#else here means the branch before it was
		// compiled in; whether that branch was certainly taken decides
		// whether this one is dead.
		v := isTrue
		if name == "elif" {
			v = evalLiteral(expr)
		}
		switch {
		case c.taken || v == isFalse:
			l.skipGroup()
		case v == isTrue:
			c.taken = true
		}
	case "endif":
		if len(l.conds) == 0 {
			l.errorf(diag.Conditional, pos, "#endif without #if")
			break
		}
		l.conds = l.conds[:len(l.conds)-1]
		l.changed()
	}
	l.bol = true
	return tok
}

// branch records an #elif or #else (name, at pos, spelt text) of the
// innermost open group and returns the group.
func (l *Lexer) branch(pos diag.Pos, name, text string) *cond {
	c := &l.conds[len(l.conds)-1]
	if c.sawElse {
		l.errorf(diag.Conditional, pos, "#%s after #else", name)
	}
	if name == "else" {
		c.sawElse = true
	}
	// A new slice: earlier snapshots share the old one.
	c.lines = append(c.lines[:len(c.lines):len(c.lines)], text)
	l.changed()
	return c
}

// lineText is a directive line as written, without trailing blanks. It
// shares the source's memory, as token texts do.
func (l *Lexer) lineText(start, end int) string {
	return strings.TrimRight(l.str[start:end], " \t\r")
}

// skipGroup skips a dead group: everything up to the #elif, #else or #endif
// that belongs to the innermost open group. Nested groups are skipped whole.
// If an #elif or #else opens a branch that may be compiled in, lexing
// resumes after it.
func (l *Lexer) skipGroup() {
	depth := 0
	src := l.src
	for l.off < len(src) {
		// At the start of a line: find out whether it is a directive.
		l.skipBlanks()
		if l.off >= len(src) {
			break
		}
		hash := l.hash()
		if hash == 0 {
			l.restOfLine()
			if l.off < len(src) {
				l.newline()
			}
			continue
		}
		pos := l.here(0)
		start := l.off
		l.off += hash
		name := l.directiveWord()
		pos.Len = l.off - start
		exprStart := l.off
		l.restOfLine()
		expr := src[exprStart:l.off]
		end := token(Directive, bytes.IndexByte(src[start:l.off], '\\') >= 0, hash == 2, start, l.off, pos.Line, pos.Col)
		if l.off < len(src) {
			l.newline()
		}
		switch name {
		case "if", "ifdef", "ifndef":
			depth++
		case "endif":
			if depth == 0 {
				l.conds = l.conds[:len(l.conds)-1]
				l.changed()
				l.replayLater(end, pos.LineStart)
				return
			}
			depth--
		case "elif", "else":
			if depth > 0 {
				continue
			}
			c := l.branch(pos, name, l.lineText(start, int(end.End)))
			if c.taken {
				continue
			}
			v := isTrue
			if name == "elif" {
				v = evalLiteral(expr)
			}
			if v == isFalse {
				continue
			}
			c.taken = v == isTrue
			l.replayLater(end, pos.LineStart)
			return
		}
	}
}

// replayLater makes end, the directive that ended a skipped group and
// began at the line that starts at lineStart, the next token (see
// Lexer.replay).
func (l *Lexer) replayLater(end Token, lineStart int) {
	l.replay = end
	l.resume.off, l.resume.line, l.resume.lineStart = l.off, l.line, l.lineStart
	l.off, l.line, l.lineStart = int(end.Off), int(end.Line), lineStart
}

type truth int

const (
	unknown truth = iota
	isTrue
	isFalse
)

// evalLiteral evaluates a conditional expression that is a plain integer
// literal, possibly parenthesised and followed by a comment; anything else
// depends on the configuration and is unknown.
func evalLiteral(expr []byte) truth {
	// Drop comments and blanks.
	var b []byte
	for i := 0; i < len(expr); i++ {
		switch {
		case expr[i] == '/' && i+1 < len(expr) && expr[i+1] == '*':
			j := bytes.Index(expr[i+2:], []byte("*/"))
			if j < 0 {
				return unknown
			}
			i += j + 3
		case expr[i] == '/' && i+1 < len(expr) && expr[i+1] == '/':
			i = len(expr)
		case expr[i] == '\\' || expr[i] == ' ' || expr[i] == '\t' || expr[i] == '\n' || expr[i] == '\r':
		default:
			b = append(b, expr[i])
		}
	}
	for len(b) >= 2 && b[0] == '(' && b[len(b)-1] == ')' {
		b = b[1 : len(b)-1]
	}
	b = bytes.TrimRight(b, "uUlL")
	if len(b) == 0 || !isDigit(b[0]) {
		return unknown
	}
	zero := true
	for i, c := range b {
		switch {
		case c == '0':
		case isDigit(c), i > 0 && (c|0x20 >= 'a' && c|0x20 <= 'f'):
			zero = false
		case i == 1 && c|0x20 == 'x':
		default:
			return unknown
		}
	}
	if zero {
		return isFalse
	}
	return isTrue
}

// hash returns the length of the '#' that begins a directive at l.off: 1
// for '#', 2 for its digraph "%:" (C11 6.4.6p3), 0 for neither.
func (l *Lexer) hash() int {
	switch {
	case l.peek(0) == '#':
		return 1
	case l.peek(0) == '%' && l.peek(1) == ':':
		return 2
	}
	return 0
}
