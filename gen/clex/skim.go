package clex

import "bytes"

// Skim is what Lexer.Skim learns about one top-level declaration without
// handing out its tokens: enough to tell whether it declares a function and
// where its name and parameter list are.
type Skim struct {
	// First is the declaration's first token and Term the ';', '{' or '}'
	// that ends it; Count is the number of tokens from First to Term,
	// Term excluded.
	First, Term Token
	Count       int
	// Rejected is set when Skim gave up because reject said so.
	Rejected bool
	// Open is the first punctuator after First that is not '*' (Kind EOF if
	// there is none before Term). When it is '(', Name is the token before
	// it and Close the ')' that closes it (Kind EOF if none does before
	// Term).
	Open, Name, Close Token
}

// Skim reads one top-level declaration from the current point up to the
// ';', '{' or '}' that ends it, as Next would token by token but without
// building tokens, and returns what it saw in s. reject is called with
// each identifier (specifier=false) and again, with specifier=true, with
// each one that no '(' precedes and an identifier or '*' follows, as a
// declaration specifier is; it returning true makes Skim give up, setting
// s.Rejected. reject may be nil. With toks not nil, Skim also appends the
// declaration's tokens, Term excluded, to *toks, as Next would return them.
//
// Skim only reads the plain text most declarations are made of: words,
// punctuators, blanks, "\n" line breaks and comments. At anything else (a
// directive, a literal, a number, a line splice, "\r", a byte outside
// ASCII, the end of the file) or where the lexer still has state to track
// (a pending directive, an include guard to recognise), it returns false
// and leaves the lexer where it was, for Next to read the declaration.
func (l *Lexer) Skim(s *Skim, reject func(id string, specifier bool) bool, toks *[]Token) bool {
	if l.pending != nil || (l.guard.step >= 0 && l.guard.step != 2) {
		return false
	}
	src := l.src
	off, line, lineStart, bol := l.off, l.line, l.lineStart, l.bol
	*s = Skim{}
	var start int
	if toks != nil {
		start = len(*toks)
	}
	fail := func() bool {
		if toks != nil {
			*toks = (*toks)[:start]
		}
		return false
	}
	depth := 0 // of brackets after Open, while looking for Close
	sawParen := false
	var prev Token
	for off < len(src) {
		c := src[off]
		switch {
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			off++
			continue
		case c == '\n':
			off++
			line++
			lineStart = off
			bol = true
			continue
		case c == '/' && off+1 < len(src) && src[off+1] == '*':
			end := commentEnd(src[off+2:])
			if end < 0 {
				return fail()
			}
			body := src[off+2 : off+2+end]
			if bytes.IndexByte(body, '\r') >= 0 {
				return fail()
			}
			if n := bytes.Count(body, []byte("\n")); n > 0 {
				line += n
				lineStart = off + 2 + bytes.LastIndexByte(body, '\n') + 1
			}
			off += 2 + end + 2
			continue
		case c == '/' && off+1 < len(src) && src[off+1] == '/':
			end := bytes.IndexByte(src[off:], '\n')
			if end < 0 {
				return fail()
			}
			if bytes.IndexByte(src[off:off+end], '\\') >= 0 || bytes.IndexByte(src[off:off+end], '\r') >= 0 {
				return fail()
			}
			off += end
			continue
		case c == '#' && bol:
			return fail()
		}

		t := Token{Off: int32(off), Line: int32(line), Col: int32(off - lineStart + 1)}
		switch {
		case byteClass[c]&classIdentStart != 0:
			off++
			for off < len(src) && byteClass[src[off]] != 0 {
				off++
			}
			if off < len(src) && (src[off] >= 0x80 || src[off] == '\\') {
				return fail()
			}
			t.Kind, t.End = Ident, int32(off)
			if reject != nil && reject(l.str[t.Off:t.End], false) {
				s.Rejected = true
				return fail()
			}
		case c == ';' || c == '{' || c == '}':
			t.Kind, t.End = Punct, int32(off+1)
			if s.Count == 0 {
				return fail() // an empty declaration: nothing to gain
			}
			s.Term = t
			l.off, l.line, l.lineStart, l.bol = off+1, line, lineStart, false
			return true
		case c != '.' && c != '\\' && isPunct(c):
			off++
			t.Kind, t.End = Punct, int32(off)
		default:
			// A literal, a number, '.', a splice, "\r", a byte that is not
			// ASCII or not C: Next knows what to make of it.
			return fail()
		}
		bol = false
		if reject != nil && !sawParen && prev.Kind == Ident && (t.Kind == Ident || c == '*') && reject(l.str[prev.Off:prev.End], true) {
			s.Rejected = true
			return fail()
		}
		if toks != nil {
			*toks = append(*toks, t)
		}

		if s.Count == 0 {
			s.First = t
		}
		s.Count++
		if t.Kind == Punct {
			sawParen = sawParen || c == '('
			switch {
			case s.Open.Kind == EOF:
				if s.Count > 1 && c != '*' {
					s.Open = t
					if c == '(' {
						s.Name, depth = prev, 1
					}
				}
			case depth > 0 && (c == '(' || c == '['):
				depth++
			case depth > 0 && (c == ')' || c == ']'):
				depth--
				if depth == 0 {
					s.Close = t
				}
			}
		}
		prev = t
	}
	return fail()
}

// commentEnd returns the offset of the "*/" that closes a block comment
// whose text after "/*" is b, or -1. It looks for the '/', which comment
// text seldom holds, rather than for the '*' that starts every line of a
// doc comment.
func commentEnd(b []byte) int {
	for from := 0; ; {
		i := bytes.IndexByte(b[from:], '/')
		if i < 0 {
			return -1
		}
		if i += from; i > 0 && b[i-1] == '*' {
			return i - 1
		}
		from = i + 1
	}
}
