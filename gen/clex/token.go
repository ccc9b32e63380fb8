package clex

// Tokens: their kinds, and the 20 bytes that say where each lies.

import "math"

// Kind classifies a token.
type Kind uint8

// The token kinds.
const (
	EOF       Kind = iota
	Ident          // identifier or keyword
	Number         // preprocessing number
	String         // string literal, quotes included
	Char           // character literal, quotes included
	Punct          // punctuator; "..." and the digraphs are one token, every other is one byte
	Directive      // a whole preprocessor line, continuations included
	Other          // a byte that is not part of any C token, such as '@'
)

var kindNames = [...]string{"end of file", "identifier", "number", "string literal", "character literal", "punctuator", "preprocessor directive", "stray character"}

func (k Kind) String() string { return kindNames[k] }

// Token is a token's kind and where it lies in the source. Its text is
// src[Off:End]; the bytes between two consecutive tokens are the whitespace,
// comments and skipped lines that separated them. Line and Col are 1-based;
// Col counts bytes.
//
// Its fields are grouped in four, 20 bytes in all, because the compiler
// keeps a struct of at most four fields and 32 bytes in registers (what
// cmd/compile calls SSA-able): as seven fields of 40 bytes, a Token went
// through memory on every return from Next and every append to a buffer,
// some 25 instructions a copy on QEMU's seven headers (callgrind). The
// offsets and lines are int32, which is why New refuses a file of
// MaxSize bytes or more.
type Token struct {
	Kind Kind
	Marks
	Range
	Place
}

// Marks are what a token's text may hold beyond its spelling.
type Marks struct {
	// Spliced is set when the token's text may hold a line splice
	// (backslash-newline), which its spelling leaves out; without it, the
	// text is the spelling.
	Spliced bool
	// Digraph is set on a punctuator written as a digraph ("<:"), which
	// is the token Punctuator returns ("["); on a directive, that its
	// '#' is written "%:".
	Digraph bool
}

// Range is where a token's text lies: src[Off:End].
type Range struct{ Off, End int32 }

// Place is the line and column of a token's first byte, 1-based; Col
// counts bytes.
type Place struct{ Line, Col int32 }

// MaxSize is the size from which New refuses a file: a Token's offsets,
// lines and columns (at most the file's size plus one) are int32.
const MaxSize = math.MaxInt32

// token makes a Token of its fields; the ints fit, since New refuses a
// source of MaxSize bytes or more.
func token(kind Kind, spliced, digraph bool, off, end, line, col int) Token {
	return Token{Kind: kind, Marks: Marks{spliced, digraph}, Range: Range{int32(off), int32(end)}, Place: Place{int32(line), int32(col)}}
}
