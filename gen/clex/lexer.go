// Package clex splits C source into tokens, as far as a reader of top-level
// declarations needs: comments, string and character literals and line
// splices are consumed exactly as a C compiler would, preprocessor directives
// come out as single tokens, and groups that a literal "#if 0" (or the dead
// branch of "#if 1") removes are skipped.
//
// The lexer does not expand macros. It keeps the stack of open conditional
// groups so that unbalanced "#if"/"#endif" are reported, and it reports the
// other things that make a file unreadable for a compiler (unterminated
// comments and literals, NUL bytes, invalid UTF-8 in code) to a diag.List.
package clex

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Lexer produces the tokens of one file.
type Lexer struct {
	file  string
	src   []byte
	str   string // src without a copy, for token texts
	diags *diag.List

	off       int  // next byte to read
	line      int  // line of src[off]
	lineStart int  // offset of the first byte of line
	bol       bool // only whitespace and comments since the start of the line
	spliced   bool // a line splice was consumed since the token started

	conds []cond // open conditional groups, innermost last

	// replay is the directive that ended a skipped group, which is the
	// token after the one that opened the group. The lexer is put back on
	// its '#', so that no check for it slows down every other token, and
	// directive returns it from here and resumes at resume (the position
	// after its line) rather than reading it again. Its Kind is EOF when
	// there is none.
	replay Token
	resume struct{ off, line, lineStart int }

	// snapshot caches Conditions between changes of conds.
	snapshot      []model.Condition
	snapshotValid bool

	guard guardState
	// plain counts the tokens returned that are not directives, for the
	// include guard (trackGuard): counting costs every token one
	// instruction, looking at the guard's state five.
	plain int
}

// New returns a lexer for src, which came from file. Problems are added to
// diags. A UTF-8 byte order mark at the start is skipped.
//
// Token texts share src's memory, so src must not change while they are in
// use. A source of MaxSize bytes or more is reported to diags as
// unreadable and read as an empty one.
func New(file string, src []byte, diags *diag.List) *Lexer {
	if tooLarge(file, len(src), diags) {
		src = src[:0]
	}
	l := &Lexer{file: file, src: src, str: unsafe.String(unsafe.SliceData(src), len(src)), diags: diags, line: 1, bol: true}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		l.off = 3
		l.lineStart = 3
	}
	return l
}

// Reset makes l a lexer for src that starts at offset off, which is at
// line and column col (1-based, in bytes), reusing l's memory: for reading
// one declaration again without the file before it.
func (l *Lexer) Reset(file string, src []byte, diags *diag.List, off, line, col int) {
	*l = Lexer{file: file, src: src, str: unsafe.String(unsafe.SliceData(src), len(src)), diags: diags,
		off: off, line: line, lineStart: off - (col - 1), bol: col == 1, conds: l.conds[:0]}
	l.guard.step = -1
}

// Source returns the source as a string sharing its memory.
func (l *Lexer) Source() string { return l.str }

// Text returns the text of t as written, line splices included. It shares
// the source's memory.
func (l *Lexer) Text(t Token) string { return l.str[t.Off:t.End] }

// tooLarge reports a source of n bytes that New refuses (MaxSize).
func tooLarge(file string, n int, diags *diag.List) bool {
	if n < MaxSize {
		return false
	}
	diags.Errorf(diag.Unreadable, diag.Pos{File: file}, "cannot read the file: it is %d bytes long, and a file must be shorter than %d bytes (2 GiB)", n, MaxSize)
	return true
}

// here returns the position of the byte at l.off, a range n bytes long.
func (l *Lexer) here(n int) diag.Pos {
	return diag.Pos{File: l.file, Line: l.line, Col: l.off - l.lineStart + 1, Len: n, LineStart: l.lineStart}
}

func (l *Lexer) errorf(id diag.ID, pos diag.Pos, format string, args ...any) {
	l.diags.Errorf(id, pos, format, args...)
}

// newline consumes the line break at l.off ("\n", "\r\n" or a lone "\r")
// and starts a new line.
func (l *Lexer) newline() {
	if l.src[l.off] == '\r' && l.off+1 < len(l.src) && l.src[l.off+1] == '\n' {
		l.off++
	}
	l.off++
	l.line++
	l.lineStart = l.off
}

func (l *Lexer) isNewline(i int) bool {
	return i < len(l.src) && (l.src[i] == '\n' || l.src[i] == '\r')
}

// splice consumes a backslash-newline at l.off if there is one.
func (l *Lexer) splice() bool {
	if l.off < len(l.src) && l.src[l.off] == '\\' && l.isNewline(l.off+1) {
		l.off++
		l.newline()
		l.spliced = true
		return true
	}
	return false
}

// Next returns the next token of a compiled-in region. At the end of input
// it reports conditional groups left open and returns a token of kind EOF
// (repeatedly, if called again).
//
// Next itself reads only what most of a header is made of: blanks, "\n",
// ASCII identifiers and the one-byte punctuators that start no longer
// token. Anything else (comments, directives, literals, numbers, "\r",
// splices, digraphs, stray bytes, the end of the input) goes to scan, which
// reads every token; Next stops at the first byte it does not know, so
// that what scan sees is what it would have seen had it read the blanks
// before itself (FuzzNext holds the two to each other). Kept small, Next
// needs a small stack frame and few spills: on QEMU's seven headers the
// lexer took 1.64M instructions (about 25 a byte) as one loop, 0.74M split
// so (callgrind).
func (l *Lexer) Next() (t Token) {
	src, off := l.src, l.off
	for uint(off) < uint(len(src)) {
		// Classes in the order of their frequency; an if rather than a
		// switch, which the compiler would turn into a binary search.
		k := fastClass[src[off]]
		if k == fastIdent {
			start := off
			off++
			// Four bytes a round, each without a bounds check of its own:
			// 6 instructions a byte rather than 9 (identifiers are half of
			// a header's bytes); the last three bytes of the input one at
			// a time. stop is the class of the byte after the identifier.
			var stop uint8
		ident:
			for {
				if off >= len(src)-3 {
					for ; off < len(src); off++ {
						if stop = byteClass[src[off]]; stop&classIdent == 0 {
							break
						}
					}
					break
				}
				w := src[off : off+4]
				switch {
				case byteClass[w[0]]&classIdent == 0:
					stop = byteClass[w[0]]
					break ident
				case byteClass[w[1]]&classIdent == 0:
					stop = byteClass[w[1]]
					off++
					break ident
				case byteClass[w[2]]&classIdent == 0:
					stop = byteClass[w[2]]
					off += 2
					break ident
				case byteClass[w[3]]&classIdent == 0:
					stop = byteClass[w[3]]
					off += 3
					break ident
				}
				off += 4
			}
			if stop&classIdentMore != 0 {
				off = start // UTF-8 letters, splices, UCNs: scan's ident reads them
				break
			}
			l.off = off
			l.bol = false
			l.plain++
			t.Kind = Ident
			t.Off, t.End = int32(start), int32(off)
			t.Line, t.Col = int32(l.line), int32(start-l.lineStart+1)
			return t
		}
		if k == fastBlank {
			off++
			continue
		}
		if k == fastPunctPair && off+1 < len(src) {
			// '<' and ':' are punctuators of one byte unless they start a
			// digraph ("<:", "<%", ":>").
			c, d := src[off], src[off+1]
			if d == ':' && c == '<' || d == '%' && c == '<' || d == '>' && c == ':' {
				break
			}
			k = fastPunct
		}
		if k == fastPunct {
			l.off = off + 1
			l.bol = false
			l.plain++
			t.Kind = Punct
			t.Off, t.End = int32(off), int32(off+1)
			t.Line, t.Col = int32(l.line), int32(off-l.lineStart+1)
			return t
		}
		if k != fastNewline {
			break
		}
		off++
		l.line++
		l.lineStart = off
		l.bol = true
		off = spaces(src, off) // indentation
	}
	l.off = off
	return l.scan()
}

// spaces returns the offset of the first byte at or after off that is not
// a space, eight bytes at a time: a line of a declaration continued under
// its '(' starts with 20 or 30 of them.
func spaces(src []byte, off int) int {
	for off < len(src)-7 {
		if x := binary.LittleEndian.Uint64(src[off:off+8]) ^ 0x2020202020202020; x != 0 {
			return off + bits.TrailingZeros64(x)/8
		}
		off += 8
	}
	for off < len(src) && src[off] == ' ' {
		off++
	}
	return off
}

// fastClass sorts the bytes for Next: which it reads itself, and how.
// Made from lists rather than by asking isIdentStart and isPunct of each
// of the 256 bytes, which cost every run 5,000 instructions at start-up;
// TestFastClass holds it to them.
var fastClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = fastIdent, fastIdent
	}
	t['_'], t['$'] = fastIdent, fastIdent
	t[' '], t['\t'], t['\n'] = fastBlank, fastBlank, fastNewline
	t['<'], t[':'] = fastPunctPair, fastPunctPair
	for _, c := range "()[]{},;*=&|^!~>+-?" { // isPunct's but '<', ':' and those that start longer ones
		t[c] = fastPunct
	}
	return t
}()

// The classes of fastClass. Zero is every byte that Next leaves to scan.
const (
	fastBlank = 1 + iota
	fastNewline
	fastIdent
	fastPunct     // a punctuator of one byte that starts no longer one
	fastPunctPair // '<' or ':', which may start a digraph
)

// scan reads the next token wherever Next cannot: it knows every token.
// It is one loop, rather than a loop around a function returning "no token
// yet": whitespace, comments and skipped groups go round it (continue
// scan). Every directive is shown to the include guard detection
// (trackGuard) first, and every other token but EOF counted (plain).
func (l *Lexer) scan() Token {
	src := l.src
scan:
	for {
		if l.off >= len(src) {
			return l.eof()
		}
		// Blanks, line breaks and comments, in a loop here rather than one
		// call each: they are most of a header's bytes. Spaces, tabs and
		// "\n" first, in a loop of their own.
		off := l.off
		for off < len(src) && byteClass[src[off]]&classBlank != 0 {
			if src[off] == '\n' {
				l.line++
				l.lineStart = off + 1
				l.bol = true
			}
			off++
		}
		l.off = off
		if off >= len(src) {
			continue // the end: EOF, after open groups are reported
		}
		c := src[off]
		if byteClass[c]&classTrivia == 0 {
			goto token // most tokens follow a space or a line break
		}
		for {
			switch {
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				off := l.off + 1 // a local: indentation is many bytes
				for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
					off++
				}
				l.off = off
			case c == '\n':
				l.off++
				l.line++
				l.lineStart = l.off
				l.bol = true
			case c == '\r':
				l.newline()
				l.bol = true
			case c == '\\' && l.isNewline(l.off+1):
				l.splice()
			case c == '/' && l.peek(1) == '*':
				l.blockComment()
			case c == '/' && l.peek(1) == '/':
				l.lineComment()
			default:
				goto token
			}
			if l.off >= len(src) {
				continue scan // the end: EOF, after open groups are reported
			}
			c = src[l.off]
		}
	token:
		if l.bol && (c == '#' || c == '%') && l.hash() > 0 {
			t := l.directive()
			if l.guard.step >= 0 {
				l.trackGuard(t)
			}
			return t
		}

		start, line, col := l.off, l.line, l.off-l.lineStart+1
		l.bol = false
		l.spliced = false
		kind := Punct
		digraph := false
		switch {
		case isIdentStart(c):
			kind = Ident
			off := l.off + 1
			for off < len(src) && byteClass[src[off]]&classIdent != 0 {
				off++
			}
			l.off = off
			if off < len(src) && (src[off] >= utf8.RuneSelf || src[off] == '\\') {
				l.ident() // UTF-8 letters, line splices
			}
		case isDigit(c) || (c == '.' && isDigit(l.peek(1))):
			kind = Number
			l.number()
		case c == '"' || c == '\'':
			kind = String
			if c == '\'' {
				kind = Char
			}
			if !l.literal(c) {
				// The range runs to the end of the line, as gcc's does.
				n := bytes.IndexAny(src[start:l.off], "\r\n")
				if n < 0 {
					n = l.off - start
				}
				l.errorf(diag.Lexical, diag.Pos{File: l.file, Line: line, Col: col, Len: n, LineStart: start - col + 1}, "missing terminating %c character", c)
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(src[l.off:])
			if r == utf8.RuneError && size <= 1 {
				l.errorf(diag.Lexical, l.here(1), "invalid UTF-8 byte 0x%02x", c)
				l.off++
				continue scan
			}
			// gcc accepts UTF-8 letters in identifiers.
			kind = Ident
			l.ident()
		case c == 0:
			l.errorf(diag.Lexical, l.here(1), "null character in the file")
			l.off++
			continue scan
		case c == '.' && l.peek(1) == '.' && l.peek(2) == '.':
			l.off += 3
		case (c == '<' || c == ':' || c == '%') && l.digraph() > 0:
			digraph = true
			l.off += l.digraph()
		case c == '\\' && (l.peek(1) == 'u' || l.peek(1) == 'U'):
			// A universal character name starts an identifier (C11 6.4.2.1);
			// one that cannot is reported and read as one all the same, so
			// that the parser adds nothing about it.
			kind = Ident
			l.ucn(true)
			l.ident()
		case isPunct(c):
			l.off++
		default:
			kind = Other
			l.off++
		}
		l.plain++
		return token(kind, l.spliced, digraph, start, l.off, line, col)
	}
}

// eof reports the conditional groups left open at the end of the input and
// returns the EOF token.
func (l *Lexer) eof() Token {
	for i := len(l.conds) - 1; i >= 0; i-- {
		c := l.conds[i]
		l.errorf(diag.Conditional, c.pos, "unterminated #%s: no #endif before the end of the file", c.name)
	}
	if len(l.conds) > 0 {
		l.conds = nil
		l.guard.step = -1
		l.changed()
	}
	return token(EOF, false, false, len(l.src), len(l.src), l.line, l.off-l.lineStart+1)
}

func (l *Lexer) peek(n int) byte {
	if l.off+n < len(l.src) {
		return l.src[l.off+n]
	}
	return 0
}

// digraphs are the punctuators C11 6.4.6p3 spells with two characters
// (and "%:%:" with four), and the tokens they are.
var digraphs = map[string]string{"<:": "[", ":>": "]", "<%": "{", "%>": "}", "%:": "#", "%:%:": "##"}

// Punctuator returns the punctuator a Punct token's text spells: the text
// itself, or the token a digraph stands for ("<:" is "[").
func Punctuator(text string) string {
	if p, ok := digraphs[text]; ok {
		return p
	}
	return text
}

// digraph returns the length of the digraph at l.off, or 0.
func (l *Lexer) digraph() int {
	switch c, d := l.peek(0), l.peek(1); {
	case c == '%' && d == ':' && l.peek(2) == '%' && l.peek(3) == ':':
		return 4
	case c == '<' && (d == ':' || d == '%'), c == ':' && d == '>', c == '%' && (d == '>' || d == ':'):
		return 2
	}
	return 0
}

// Byte classes, looked up rather than computed: identifiers are most of
// the tokens.
const (
	classIdentStart = 1 << iota
	classDigit
	classBlank     // ' ', '\t' and '\n': the blanks Next skips in its first loop
	classTrivia    // a byte that may start what scan skips before a token: a blank, '\v', '\f', '\r', '\\' (a splice), '/' (a comment)
	classLine      // a byte that restOfLine must look at: a line break, '\\', '/', a quote, NUL
	classIdentMore // a byte that may go on an identifier beyond the ASCII letters and digits: a UTF-8 byte, '\\' (a splice or a UCN)

	classIdent = classIdentStart | classDigit
)

var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= classIdentStart
		t[c-'a'+'A'] |= classIdentStart
	}
	t['_'] |= classIdentStart
	t['$'] |= classIdentStart
	for c := '0'; c <= '9'; c++ {
		t[c] |= classDigit
	}
	t[' '] |= classBlank
	t['\t'] |= classBlank
	t['\n'] |= classBlank
	for _, c := range " \t\n\v\f\r\\/" {
		t[c] |= classTrivia
	}
	t['\\'] |= classIdentMore
	for _, c := range "\n\r\\/\"'\x00" {
		t[c] |= classLine
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] |= classIdentMore
	}
	return t
}()

func isIdentStart(c byte) bool { return byteClass[c]&classIdentStart != 0 }

func isDigit(c byte) bool { return byteClass[c]&classDigit != 0 }

func isIdentByte(c byte) bool { return byteClass[c]&classIdent != 0 }

func isPunct(c byte) bool {
	switch c {
	case '(', ')', '[', ']', '{', '}', ',', ';', '*', '=', '&', '|', '^', '!', '~', '<', '>',
		'+', '-', '/', '%', '?', ':', '.', '#':
		return true
	}
	return false
}
