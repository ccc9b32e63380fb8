package clex

// Identifiers: ASCII letters and digits (Next reads most of them itself),
// UTF-8 letters as gcc accepts them, and universal character names
// (\u00e9, \U0001F600) in C11's ranges (Annex D).

import (
	"unicode/utf8"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// ident consumes an identifier, including UTF-8 letters. An invalid UTF-8
// sequence ends it with an error.
func (l *Lexer) ident() {
	src := l.src
	for {
		off := l.off // a local: the loop runs over most bytes of a file
		for off < len(src) && byteClass[src[off]]&classIdent != 0 {
			off++
		}
		l.off = off
		if l.off >= len(src) {
			return
		}
		switch c := src[l.off]; {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(src[l.off:])
			if r == utf8.RuneError && size <= 1 {
				l.errorf(diag.Lexical, l.here(1), "invalid UTF-8 byte 0x%02x in an identifier", c)
				l.off++
				continue
			}
			l.off += size
		case c == '\\' && l.isNewline(l.off+1):
			l.splice()
		case c == '\\' && (l.peek(1) == 'u' || l.peek(1) == 'U'):
			l.ucn(false)
		default:
			return
		}
	}
}

// ucn consumes the universal character name at l.off (\u00e9,
// \U0001F600), at the start of an identifier if first, and reports one
// that C11 does not allow there, in gcc's words: an incomplete one, one
// naming a character outside the ranges of Annex D.1, or one of D.2's
// combining characters at the start.
func (l *Lexer) ucn(first bool) {
	n := 4
	if l.src[l.off+1] == 'U' {
		n = 8
	}
	start := l.off
	end := start + 2
	var r rune
	for end < len(l.src) && end < start+2+n && isHex(l.src[end]) {
		r = r<<4 | rune(hexValue(l.src[end]))
		end++
	}
	pos := l.here(end - start)
	text := l.src[start:end]
	l.off = end
	switch {
	case end-start < 2+n:
		l.errorf(diag.Lexical, pos, "incomplete universal character name '%s'", text)
	case !ucnAllowed(r):
		l.errorf(diag.Lexical, pos, "universal character name '%s' is not valid in an identifier", text)
	case first && ucnNotFirst(r):
		l.errorf(diag.Lexical, pos, "universal character name '%s' is not valid at the start of an identifier", text)
	}
}

func isHex(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func hexValue(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// ucnRanges are the characters C11 allows in identifiers (Annex D.1), as
// pairs of first and last. (D.1 leaves out every character below U+00A0,
// so the basic character set and '$' cannot be written as UCNs, and the
// surrogates D800-DFFF.)
var ucnRanges = []rune{
	0x00A8, 0x00A8, 0x00AA, 0x00AA, 0x00AD, 0x00AD, 0x00AF, 0x00AF, 0x00B2, 0x00B5,
	0x00B7, 0x00BA, 0x00BC, 0x00BE, 0x00C0, 0x00D6, 0x00D8, 0x00F6, 0x00F8, 0x00FF,
	0x0100, 0x167F, 0x1681, 0x180D, 0x180F, 0x1FFF, 0x200B, 0x200D, 0x202A, 0x202E,
	0x203F, 0x2040, 0x2054, 0x2054, 0x2060, 0x206F, 0x2070, 0x218F, 0x2460, 0x24FF,
	0x2776, 0x2793, 0x2C00, 0x2DFF, 0x2E80, 0x2FFF, 0x3004, 0x3007, 0x3021, 0x302F,
	0x3031, 0x303F, 0x3040, 0xD7FF, 0xF900, 0xFD3D, 0xFD40, 0xFDCF, 0xFDF0, 0xFE44,
	0xFE47, 0xFFFD, 0x10000, 0x1FFFD, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD, 0x40000, 0x4FFFD,
	0x50000, 0x5FFFD, 0x60000, 0x6FFFD, 0x70000, 0x7FFFD, 0x80000, 0x8FFFD, 0x90000, 0x9FFFD,
	0xA0000, 0xAFFFD, 0xB0000, 0xBFFFD, 0xC0000, 0xCFFFD, 0xD0000, 0xDFFFD, 0xE0000, 0xEFFFD,
}

func ucnAllowed(r rune) bool {
	for i := 0; i < len(ucnRanges); i += 2 {
		if r >= ucnRanges[i] && r <= ucnRanges[i+1] {
			return true
		}
	}
	return false
}

// ucnNotFirst reports whether r may not start an identifier (C11 D.2).
func ucnNotFirst(r rune) bool {
	return r >= 0x0300 && r <= 0x036F || r >= 0x1DC0 && r <= 0x1DFF || r >= 0x20D0 && r <= 0x20FF || r >= 0xFE20 && r <= 0xFE2F
}
