package clex_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// tokens renders the tokens of src as "line:col kind text" lines, and the
// diagnostics after them.
func tokens(src string) []string {
	var diags diag.List
	l := clex.New("t.c", []byte(src), &diags)
	var out []string
	for {
		t := l.Next()
		if t.Kind == clex.EOF {
			break
		}
		out = append(out, fmt.Sprintf("%d:%d %s %q", t.Line, t.Col, t.Kind, l.Text(t)))
	}
	for _, d := range diags.Items() {
		out = append(out, strings.TrimSuffix(d.Format(), "\n"))
	}
	return out
}

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"declaration", "int co_wrapper f(void *p, ...);", []string{
			`1:1 identifier "int"`, `1:5 identifier "co_wrapper"`, `1:16 identifier "f"`,
			`1:17 punctuator "("`, `1:18 identifier "void"`, `1:23 punctuator "*"`,
			`1:24 identifier "p"`, `1:25 punctuator ","`, `1:27 punctuator "..."`,
			`1:30 punctuator ")"`, `1:31 punctuator ";"`,
		}},
		{"comments vanish", "a /* b\n c */ d // e\nf", []string{
			`1:1 identifier "a"`, `2:7 identifier "d"`, `3:1 identifier "f"`,
		}},
		{"line comment continued", "// a \\\nb\nc", []string{`3:1 identifier "c"`}},
		{"literals", `x = "a\"b" 'c' '\''`, []string{
			`1:1 identifier "x"`, `1:3 punctuator "="`, `1:5 string literal "\"a\\\"b\""`,
			`1:12 character literal "'c'"`, `1:16 character literal "'\\''"`,
		}},
		{"numbers", "0x1fULL 1.5e+3 .5", []string{
			`1:1 number "0x1fULL"`, `1:9 number "1.5e+3"`, `1:16 number ".5"`,
		}},
		{"directive with continuation", "#define A \\\n  co_wrapper\nb", []string{
			"1:1 preprocessor directive \"#define A \\\\\\n  co_wrapper\"", `3:1 identifier "b"`,
		}},
		{"digraphs are one token each", "a<:1:> <%%> %:%: <::> a<:b", []string{
			`1:1 identifier "a"`, `1:2 punctuator "<:"`, `1:4 number "1"`, `1:5 punctuator ":>"`,
			`1:8 punctuator "<%"`, `1:10 punctuator "%>"`, `1:13 punctuator "%:%:"`,
			`1:18 punctuator "<:"`, `1:20 punctuator ":>"`, `1:23 identifier "a"`, `1:24 punctuator "<:"`, `1:26 identifier "b"`,
		}},
		{"not digraphs", "a < : b %= c : > d", []string{
			`1:1 identifier "a"`, `1:3 punctuator "<"`, `1:5 punctuator ":"`, `1:7 identifier "b"`,
			`1:9 punctuator "%"`, `1:10 punctuator "="`, `1:12 identifier "c"`, `1:14 punctuator ":"`,
			`1:16 punctuator ">"`, `1:18 identifier "d"`,
		}},
		{"a directive spelt %:", "%:if 0\nx\n%:else\ny\n%:endif\n  %: define A\nb %: c", []string{
			`1:1 preprocessor directive "%:if 0"`, `3:1 preprocessor directive "%:else"`, `4:1 identifier "y"`, `5:1 preprocessor directive "%:endif"`,
			`6:3 preprocessor directive "%: define A"`, `7:1 identifier "b"`, `7:3 punctuator "%:"`, `7:6 identifier "c"`,
		}},
		{"universal character names in identifiers", `caf\u00e9 \u00e9t\u00E9 \U0001F600 x\u0300`, []string{
			`1:1 identifier "caf\\u00e9"`, `1:11 identifier "\\u00e9t\\u00E9"`, `1:25 identifier "\\U0001F600"`, `1:36 identifier "x\\u0300"`,
		}},
		{"universal character names C11 does not allow", `\u0041 \u0300x y\u00e \U0000D800 \x`, []string{
			`1:1 identifier "\\u0041"`, `1:8 identifier "\\u0300x"`, `1:16 identifier "y\\u00e"`,
			`1:23 identifier "\\U0000D800"`, `1:34 stray character "\\"`, `1:35 identifier "x"`,
			"t.c:1:1: error: universal character name '\\u0041' is not valid in an identifier",
			"t.c:1:8: error: universal character name '\\u0300' is not valid at the start of an identifier",
			"t.c:1:17: error: incomplete universal character name '\\u00e'",
			"t.c:1:23: error: universal character name '\\U0000D800' is not valid in an identifier",
		}},
		{"directive after a comment", "/* x */ # include <a.h>\nb", []string{
			`1:9 preprocessor directive "# include <a.h>"`, `2:1 identifier "b"`,
		}},
		{"hash mid-line is punctuation", "a # b", []string{
			`1:1 identifier "a"`, `1:3 punctuator "#"`, `1:5 identifier "b"`,
		}},
		{"if 0 skipped", "#if 0\nx\n#endif\ny", []string{
			`1:1 preprocessor directive "#if 0"`, `3:1 preprocessor directive "#endif"`, `4:1 identifier "y"`,
		}},
		{"if 0 else", "#if 0\nx\n#else\ny\n#endif", []string{
			`1:1 preprocessor directive "#if 0"`, `3:1 preprocessor directive "#else"`,
			`4:1 identifier "y"`, `5:1 preprocessor directive "#endif"`,
		}},
		{"if 1 else", "#if 1\nx\n#else\ny\n#endif\nz", []string{
			`1:1 preprocessor directive "#if 1"`, `2:1 identifier "x"`,
			`3:1 preprocessor directive "#else"`, `5:1 preprocessor directive "#endif"`,
			`6:1 identifier "z"`,
		}},
		{"ifdef keeps both branches", "#ifdef A\nx\n#else\ny\n#endif", []string{
			`1:1 preprocessor directive "#ifdef A"`, `2:1 identifier "x"`,
			`3:1 preprocessor directive "#else"`, `4:1 identifier "y"`,
			`5:1 preprocessor directive "#endif"`,
		}},
		{"nested groups inside if 0", "#if 0\n#ifdef A\n#else\n#endif\n#elif 0\n#else\nw\n#endif", []string{
			`1:1 preprocessor directive "#if 0"`, `6:1 preprocessor directive "#else"`,
			`7:1 identifier "w"`, `8:1 preprocessor directive "#endif"`,
		}},
		{"comment hides endif in skipped group", "#if 0\n/*\n#endif\n*/\n#endif\nv", []string{
			`1:1 preprocessor directive "#if 0"`, `5:1 preprocessor directive "#endif"`,
			`6:1 identifier "v"`,
		}},
		{"bom and crlf", "\xEF\xBB\xBFa\r\nb\rc", []string{
			`1:1 identifier "a"`, `2:1 identifier "b"`, `3:1 identifier "c"`,
		}},
		{"utf8 identifier", "caf\xC3\xA9 x", []string{`1:1 identifier "café"`, `1:7 identifier "x"`}},
		{"stray characters", "a @ \\ b", []string{
			`1:1 identifier "a"`, `1:3 stray character "@"`, `1:5 stray character "\\"`, `1:7 identifier "b"`,
		}},
		{"number split by a splice", "[1\\\n6e\\\n+1]", []string{
			`1:1 punctuator "["`, `1:2 number "1\\\n6e\\\n+1"`, `3:3 punctuator "]"`,
		}},
		{"escaped backslash before a splice", "\"a\\\\\\\nb\" c", []string{
			"1:1 string literal \"\\\"a\\\\\\\\\\\\\\nb\\\"\"", `2:4 identifier "c"`,
		}},
		{"nul in a string", "\"a\x00b\" c", []string{
			"1:1 string literal \"\\\"a\\x00b\\\"\"", `1:7 identifier "c"`,
			`t.c:1:3: error: null character in the file`,
		}},
		{"unterminated string", "\"abc\nd", []string{
			`1:1 string literal "\"abc"`, `2:1 identifier "d"`,
			`t.c:1:1: error: missing terminating " character`,
		}},
		{"unterminated comment", "a /* b", []string{
			`1:1 identifier "a"`, `t.c:1:3: error: unterminated comment`,
		}},
		{"slashes inside comments", "a /*/ b */ c /* d/e * / f // g */ h /***/ i", []string{
			`1:1 identifier "a"`, `1:12 identifier "c"`, `1:35 identifier "h"`, `1:43 identifier "i"`,
		}},
		{"a comment's own slash does not end it", "a /*/", []string{
			`1:1 identifier "a"`, `t.c:1:3: error: unterminated comment`,
		}},
		{"doc comment", "/**\n * a/b\n * c\n */\n  x /**/y/**/\n", []string{
			`5:3 identifier "x"`, `5:9 identifier "y"`,
		}},
		{"indentation of every length", "a\n b\n        c\n         d\n                 e\n\t f \n", []string{
			`1:1 identifier "a"`, `2:2 identifier "b"`, `3:9 identifier "c"`, `4:10 identifier "d"`,
			`5:18 identifier "e"`, `6:3 identifier "f"`,
		}},
		{"identifiers of every length at the end", "abcdefghij_$09 abcdefgh abcdefg abc", []string{
			`1:1 identifier "abcdefghij_$09"`, `1:16 identifier "abcdefgh"`, `1:25 identifier "abcdefg"`, `1:33 identifier "abc"`,
		}},
		{"identifier ending where UTF-8 or a splice goes on", "abcde\xC3\xA9f abcd\\\nef abc\\u00e9", []string{
			`1:1 identifier "abcdeéf"`, `1:10 identifier "abcd\\\nef"`, `2:4 identifier "abc\\u00e9"`,
		}},
		{"UTF-8 after each byte of a round", "a\u00e9 ab\u00e9 abc\u00e9 abcd\u00e9 abcde\u00e9 x\u00e9", []string{
			`1:1 identifier "aé"`, `1:5 identifier "abé"`, `1:10 identifier "abcé"`, `1:16 identifier "abcdé"`,
			`1:23 identifier "abcdeé"`, `1:31 identifier "xé"`,
		}},
		{"digraph openers at the end", "a<", []string{`1:1 identifier "a"`, `1:2 punctuator "<"`}},
		{"colon at the end", "a:", []string{`1:1 identifier "a"`, `1:2 punctuator ":"`}},
		{"nul and invalid utf8", "a\x00b \xFF c\xFEd", []string{
			`1:1 identifier "a"`, `1:3 identifier "b"`, `1:7 identifier "c\xfed"`,
			`t.c:1:2: error: null character in the file`,
			`t.c:1:5: error: invalid UTF-8 byte 0xff`,
			`t.c:1:8: error: invalid UTF-8 byte 0xfe in an identifier`,
		}},
		{"unbalanced conditionals", "#endif\n#if A\n#else\n#elif B\n", []string{
			`1:1 preprocessor directive "#endif"`, `2:1 preprocessor directive "#if A"`,
			`3:1 preprocessor directive "#else"`, `4:1 preprocessor directive "#elif B"`,
			`t.c:1:1: error: #endif without #if`,
			`t.c:2:1: error: unterminated #if: no #endif before the end of the file`,
			`t.c:4:1: error: #elif after #else`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tokens(tc.src)); diff != "" {
				t.Errorf("tokens of %q (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// TestEOFRepeats checks that Next keeps returning EOF at the end.
func TestEOFRepeats(t *testing.T) {
	var diags diag.List
	l := clex.New("t.c", []byte("#if A\n"), &diags)
	for range 3 {
		for l.Next().Kind != clex.EOF {
		}
	}
	if n := diags.Len(); n != 1 {
		t.Errorf("got %d diagnostics, want the unterminated #if once", n)
	}
}

// TestSpliced checks which tokens are marked as holding a line splice.
func TestSpliced(t *testing.T) {
	var diags diag.List
	src := "co_wra\\\npper x \"a\\\nb\" y 1\\\n2 #"
	l := clex.New("t.c", []byte(src), &diags)
	var got []string
	for tok := l.Next(); tok.Kind != clex.EOF; tok = l.Next() {
		got = append(got, fmt.Sprintf("%q %v", l.Text(tok), tok.Spliced))
	}
	want := []string{`"co_wra\\\npper" true`, `"x" false`, `"\"a\\\nb\"" true`, `"y" false`, `"1\\\n2" true`, `"#" false`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens of %q (-want +got):\n%s", src, diff)
	}
}

// TestReset reads one declaration again from its offset, line and column,
// as parse.File.Prototype does: the same tokens at the same positions,
// without the groups and the diagnostics of the file before it.
func TestReset(t *testing.T) {
	src := []byte("#ifdef A\n\"open\n  int f(int a);\n#endif\n")
	var diags diag.List
	l := clex.New("t.c", src, &diags)
	var first []clex.Token
	for tok := l.Next(); tok.Kind != clex.EOF; tok = l.Next() {
		if tok.Line == 3 {
			first = append(first, tok)
		}
	}
	off := first[0].Off
	var again diag.List
	l.Reset("t.c", src, &again, int(off), 3, 3)
	var second []clex.Token
	// Up to the ';', as Prototype reads: what follows is not read.
	end := first[len(first)-1].Off
	first = first[:len(first)-1]
	for tok := l.Next(); tok.Off < end; tok = l.Next() {
		second = append(second, tok)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("tokens read again (-first +again):\n%s", diff)
	}
	if len(l.Conditions()) != 0 || again.Len() != 0 || diags.Len() == 0 {
		t.Errorf("after Reset: conditions %v, diagnostics %v (the file's: %d)", l.Conditions(), again.Items(), diags.Len())
	}
}

// TestDiagnosticLineStart checks that every position the lexer reports
// carries the offset of its line, which an excerpt reads the line from.
func TestDiagnosticLineStart(t *testing.T) {
	for _, src := range []string{
		"a\n  \"open\nb",
		"a\r\nb /* c",
		"x\n#else\n",
		"x\ry\n \x00\n",
		"x\\\ny \"a\\\nb\n",
		"#if A\n#else\n#elif 1\n#endif\n",
		"q\n  \xFF\n",
	} {
		var diags diag.List
		l := clex.New("t.c", []byte(src), &diags)
		for l.Next().Kind != clex.EOF {
		}
		if diags.Len() == 0 {
			t.Errorf("%q: no diagnostic to check", src)
		}
		for _, d := range diags.Items() {
			p := d.Pos
			if p.Line <= 1 {
				continue
			}
			if p.LineStart <= 0 || p.LineStart > len(src) || !strings.ContainsRune("\r\n", rune(src[p.LineStart-1])) {
				t.Errorf("%q: %s: LineStart %d is no line start", src, d.Format(), p.LineStart)
				continue
			}
			// The line starts where a count of line breaks puts it.
			n := 1
			for i := 0; i < p.LineStart; i++ {
				if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
					n++
				}
			}
			if n != p.Line {
				t.Errorf("%q: %s: LineStart %d starts line %d", src, d.Format(), p.LineStart, n)
			}
		}
	}
}
