package clex

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// fastSeeds are inputs at the edges of what Next reads itself and what it
// leaves to scan: each kind of line break, splices, comments and digraphs
// at the end of the input or where a fast path stops, NUL and bytes that
// are not UTF-8, runs of spaces of every length around the eight bytes
// spaces reads at a time, and directives (continued, skipped, guarding).
var fastSeeds = []string{
	"",
	"a",
	"int f(int a, char *b);\n",
	"a\r\nb\rc\n\rd\r",
	"a\\\nb c\\\r\nd e\\\rf \\\n g",
	"ab\\",
	"ab\\\n",
	"x /* c */ y /* c\n */ z /**/",
	"a /*/ b */ c /* d/e * / f // g */ h /***/ i /*/",
	"/**\n * doc/comment\n * with / and *\n */\nint a;",
	"x /* unterminated",
	"x /",
	"x // c \\\n still c\ny",
	"a<:1:> <%%> %:%: <::> a<:b c<",
	"a:",
	"a<",
	"a<%",
	"a:>",
	"a%",
	"a\x00b \x00",
	"a\xffb \xff",
	"a\xc3\xa9 ab\xc3\xa9 abc\xc3\xa9 abcd\xc3\xa9 abcde\xc3\xa9 x\xc3\xa9",
	"a\\\nb ab\\\nc abc\\\nd abcd\\\ne abcde\\\nf x\\",
	"caf\xc3\xa9 \xc3\xa9t\xc3\xa9 a\\u00e9b \\u0300x \\U0001F600",
	"\n \n  \n   \n    \n     \n      \n       \n        \n         \n          \n                 x\n                  y",
	"\t\tx\v\fy\r\n\t z",
	"#define A \\\n  co_wrapper\nb",
	"# /* c */ define \\\n A 1\n",
	"x #y\n  # z\n",
	"%:define A\nx %: y",
	"#if 0\nint a;\n#else\nint b;\n#endif\nint c;\n",
	"#if 1\nint a;\n#elif B\nint b;\n#else\nint c;\n#endif\n",
	"#if 0\n#if 1\n#endif\n#elif 0\n#else\nx\n#endif\n#endif\n",
	"#ifndef A_H\n#define A_H\nint a;\n#endif\n",
	"#ifndef A_H\nint a;\n#define A_H\n#endif\n",
	"#ifndef A_H\n#define A_H\n#endif\nint a;\n",
	"#ifndef A_H\n#define A_H\n#if 0\n#endif\n#endif /* A_H */\n",
	"#if A\n",
	"#endif\n#else\n",
	"x = \"a\\\"b\" 'c' '\\'' \"open\n",
	"0x1fULL 1.5e+3 .5 1\\\n2 ... .. .",
	"a$b _c @ ` \\ \\x",
	"\xEF\xBB\xBFint a;",
}

// FuzzNext holds Next to scan, the loop that reads every token, which
// Next hands all but the commonest tokens to: lexing with scan alone must
// give the same tokens, diagnostics, groups and include guard. Every
// token's line and column must also be what a count of the line breaks
// before it says.
func FuzzNext(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fast := lexAll(src, (*Lexer).Next)
		slow := lexAll(src, (*Lexer).scan)
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Fatalf("%q: Next (+) differs from scan (-):\n%s", src, diff)
		}
		checkPositions(t, src)
	})
}

// TestFastSeeds runs FuzzNext's checks on its seeds, as a table test that
// reports every seed that fails rather than the first.
func TestFastSeeds(t *testing.T) {
	for _, s := range fastSeeds {
		src := []byte(s)
		if diff := cmp.Diff(lexAll(src, (*Lexer).scan), lexAll(src, (*Lexer).Next)); diff != "" {
			t.Errorf("%q: Next (+) differs from scan (-):\n%s", s, diff)
		}
		checkPositions(t, src)
	}
}

// lexAll renders every token next returns from src, with the groups open
// at it, then the diagnostics and whether the file has an include guard.
func lexAll(src []byte, next func(*Lexer) Token) []string {
	var diags diag.List
	l := New("t.c", src, &diags)
	var out []string
	for {
		tok := next(l)
		groups := ""
		for _, c := range l.Conditions() {
			groups += fmt.Sprintf(" %d%q", c.ID, c.Lines)
		}
		out = append(out, fmt.Sprintf("%+v %q%s", tok, l.Text(tok), groups))
		if tok.Kind == EOF {
			break
		}
	}
	for _, d := range diags.Items() {
		out = append(out, strings.TrimSuffix(d.Format(), "\n"))
	}
	return append(out, fmt.Sprintf("guard %v", l.IncludeGuard()))
}

// checkPositions checks each token's Line and Col against a count of the
// line breaks ("\n", "\r\n", a lone "\r") before it. Columns start after
// a byte order mark, which New skips.
func checkPositions(t *testing.T, src []byte) {
	t.Helper()
	var diags diag.List
	l := New("t.c", src, &diags)
	line, lineStart, i := 1, 0, 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		lineStart, i = 3, 3
	}
	for {
		tok := l.Next()
		for ; i < int(tok.Off); i++ {
			if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
				line, lineStart = line+1, i+1
			}
		}
		if int(tok.Line) != line || int(tok.Col) != int(tok.Off)-lineStart+1 {
			t.Fatalf("%q: token %+v %q at %d:%d, want %d:%d", src, tok, l.Text(tok), tok.Line, tok.Col, line, int(tok.Off)-lineStart+1)
		}
		if tok.Kind == EOF {
			return
		}
	}
}

// TestFastClass holds fastClass, made from lists, to what it stands for:
// the bytes Next reads itself are blanks, identifier starts and the
// punctuators of one byte, less those that may start a longer token
// ('%', '.', '/', and '#', a directive at the start of a line), with
// '<' and ':', which may start a digraph, apart.
func TestFastClass(t *testing.T) {
	for i := range 256 {
		c := byte(i)
		var want uint8
		switch {
		case c == ' ' || c == '\t':
			want = fastBlank
		case c == '\n':
			want = fastNewline
		case isIdentStart(c):
			want = fastIdent
		case c == '<' || c == ':':
			want = fastPunctPair
		case isPunct(c) && !strings.ContainsRune("%./#", rune(c)):
			want = fastPunct
		}
		if fastClass[c] != want {
			t.Errorf("fastClass[%q] = %d, want %d", c, fastClass[c], want)
		}
	}
}
