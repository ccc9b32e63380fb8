package clex

import (
	"unicode"
	"unicode/utf8"
)

// guardState follows the shape of an include guard: "#ifndef X" and
// "#define X" before anything else, and the #endif of that group after
// everything else.
type guardState struct {
	step   int // 0 start, 1 saw #ifndef, 2 saw #define, 3 saw its #endif, -1 none
	name   string
	endOff int // offset of the guard's #endif
	// plain is Lexer.plain when the guard last had to see no other
	// token: at the start, and at its #endif.
	plain int
}

// IncludeGuard reports, once Next has returned EOF, whether the file is
// wrapped in an include guard; its group is then the outermost condition
// of every point and is not a condition of anything in the file.
func (l *Lexer) IncludeGuard() bool { return l.guard.step == 3 && l.plain == l.guard.plain }

// trackGuard advances the include guard detection with a directive Next
// is about to return. The tokens that are not directives are only counted
// (Lexer.plain): one of them before the guard's #define or after its
// #endif means the file has none.
func (l *Lexer) trackGuard(t Token) {
	g := &l.guard
	if g.step < 0 {
		return
	}
	if g.step != 2 && l.plain != g.plain {
		g.step = -1
		return
	}
	if g.step == 2 && len(l.conds) != 0 {
		return // only an #endif that closes every group can end the guard
	}
	// The directive's first two words, as bytes.Fields splits them,
	// without making the slice of all of them.
	hash := 1
	if t.Digraph {
		hash = 2 // "%:"
	}
	name, rest := nextField(l.str[int(t.Off)+hash : t.End])
	switch g.step {
	case 0:
		if arg, _ := nextField(rest); name == "ifndef" && arg != "" {
			g.step, g.name = 1, arg
			return
		}
	case 1:
		if arg, _ := nextField(rest); name == "define" && arg == g.name {
			g.step = 2
			return
		}
	case 2:
		if name == "endif" {
			g.step, g.endOff, g.plain = 3, int(t.Off), l.plain
		}
		return
	case 3:
		if int(t.Off) == g.endOff {
			return
		}
	}
	g.step = -1
}

// nextField returns the first run of s that is not white space (as
// unicode.IsSpace says, the split of bytes.Fields) and what follows it.
func nextField(s string) (field, rest string) {
	i := spanSpace(s, 0, true)
	j := spanSpace(s, i, false)
	return s[i:j], s[j:]
}

// spanSpace returns the end of the run of s from i whose runes are white
// space if space is set, or are not if it is clear.
func spanSpace(s string, i int, space bool) int {
	for i < len(s) {
		c, n := s[i], 1
		isSpace := c == ' ' || c >= '\t' && c <= '\r'
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace != space {
			break
		}
		i += n
	}
	return i
}
