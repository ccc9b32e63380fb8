package clex

// Numbers, string and character literals, and comments: what Next hands
// to scan beyond identifiers and punctuators.

import (
	"bytes"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// number consumes a preprocessing number, line splices included: "1\\
// <newline>6" is the number 16 to a compiler.
func (l *Lexer) number() {
	src := l.src
	var last byte // the number's last byte, splices left out
	for l.off < len(src) {
		c := src[l.off]
		switch {
		case c == '\\' && l.isNewline(l.off+1):
			l.splice()
			continue
		case (c == '+' || c == '-') && (last|0x20 == 'e' || last|0x20 == 'p'):
		case isIdentByte(c) || c == '.':
		default:
			return
		}
		last = c
		l.off++
	}
}

// literal consumes a string or character literal opened by quote at l.off.
// It reports whether the literal was closed on its line; an unclosed one
// ends before the line break. A NUL byte inside is reported, since it would
// otherwise reach the generated file.
func (l *Lexer) literal(quote byte) bool {
	src := l.src
	l.off++
	for l.off < len(src) {
		c := src[l.off]
		switch {
		case c == quote:
			l.off++
			return true
		case c == '\\' && l.isNewline(l.off+1):
			l.splice()
		case c == '\\':
			// An escape: the backslash, any line splices after it (gcc
			// removes them first), then the escaped character.
			l.off++
			for l.splice() {
			}
			if l.off < len(src) && !l.isNewline(l.off) {
				l.off++
			}
		case c == '\n' || c == '\r':
			return false
		case c == 0:
			l.errorf(diag.Lexical, l.here(1), "null character in the file")
			l.off++
		default:
			l.off++
		}
	}
	return false
}

// blockComment consumes a /* */ comment; an unterminated one is an error
// and ends the file.
func (l *Lexer) blockComment() {
	start := l.off + 2
	// The first "*/" after the "/*", found by its '/': a search for "*/"
	// stops at the '*' that starts every line of a doc comment, and took
	// 760 instructions a comment on QEMU's headers; comments hold few '/'.
	for i := start; ; i++ {
		j := bytes.IndexByte(l.src[i:], '/')
		if j < 0 {
			break
		}
		if i += j; i > start && l.src[i-1] == '*' {
			l.lines(start, i-1)
			l.off = i + 1
			return
		}
	}
	l.errorf(diag.Lexical, l.here(2), "unterminated comment")
	l.lines(start, len(l.src))
	l.off = len(l.src)
}

// lines counts the line breaks of src[start:end] ("\n", "\r\n" or a lone
// "\r"), which the lexer skipped whole.
func (l *Lexer) lines(start, end int) {
	text := l.src[start:end]
	if bytes.IndexByte(text, '\r') < 0 {
		if n := bytes.Count(text, []byte("\n")); n > 0 {
			l.line += n
			l.lineStart = start + bytes.LastIndexByte(text, '\n') + 1
		}
		return
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '\r' || text[i] == '\n' {
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			l.line++
			l.lineStart = start + i + 1
		}
	}
}

// lineComment consumes a // comment, continued by backslash-newlines.
func (l *Lexer) lineComment() {
	for {
		i := bytes.IndexAny(l.src[l.off:], "\\\n\r")
		if i < 0 {
			l.off = len(l.src)
			return
		}
		l.off += i
		if l.src[l.off] != '\\' {
			return
		}
		if !l.splice() {
			l.off++
		}
	}
}
