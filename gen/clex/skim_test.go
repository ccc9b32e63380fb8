package clex

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// expectSkim computes what Skim should say about the declaration at the
// lexer's position, and the tokens it should give, from the tokens Next
// returns: the lexer is the oracle.
func expectSkim(l *Lexer) (Skim, []Token) {
	var s Skim
	var toks []Token
	var prev Token
	depth := 0
	for {
		t := l.Next()
		text := l.Text(t)
		if t.Kind == Punct && (text == ";" || text == "{" || text == "}") {
			s.Term = t
			return s, toks
		}
		toks = append(toks, t)
		if s.Count == 0 {
			s.First = t
		}
		s.Count++
		if t.Kind == Punct {
			switch {
			case s.Open.Kind == EOF:
				if s.Count > 1 && text != "*" {
					s.Open = t
					if text == "(" {
						s.Name, depth = prev, 1
					}
				}
			case depth > 0 && (text == "(" || text == "["):
				depth++
			case depth > 0 && (text == ")" || text == "]"):
				depth--
				if depth == 0 {
					s.Close = t
				}
			}
		}
		prev = t
	}
}

func TestSkimAgreesWithNext(t *testing.T) {
	never := func(string, bool) bool { return false }
	tests := []struct {
		name, src string
		skims     bool
	}{
		{"prototype", "int f(int a, char *b);", true},
		{"specifiers and pointer", "static inline BlockDriverState * coroutine_fn GRAPH_RDLOCK\nbdrv_co_x(BdrvChild *c);", true},
		{"function pointer parameter", "void f(void (*cb)(void *opaque, int ret), void *opaque);", true},
		{"array parameter", "int f(uint8_t buf[BUF_SIZE]);", true},
		{"definition", "int f(void) { return 1; }", true},
		{"no parameter list", "extern int x;", true},
		{"initializer brace", "struct S s = { 1 };", true},
		{"comments", "/* doc\n * more\n */\nint /* a */ f(int a // b\n);", true},
		{"hash inside a line", "int f(int a) # b;", true},
		{"dollar", "int $f(int $a);", true},
		{"stray close brace", "int f }", true},
		{"unclosed parenthesis", "int f(int a;", true},
		{"pointer before name", "*f(x);", true},
		{"parenthesised name", "int (f)(int a);", true},
		{"leading parenthesis", "(f)(int a);", true},
		{"directive", "#define X 1\nint f(void);", false},
		{"number", "int f(int a[16]);", false},
		{"string", "extern \"C\" { int f(void); }", false},
		{"char", "int f(char c = 'a');", false},
		{"ellipsis", "int f(int a, ...);", false},
		{"splice", "int f(int \\\na);", false},
		{"carriage return", "int f(int a);\r\n", true},
		{"carriage return inside", "int\r\nf(int a);", false},
		{"utf-8 identifier", "int f\u00e9(int a);", false},
		{"utf-8 in comment", "int /* \u00e9 */ f(int a);", true},
		{"splice in line comment", "int f(int a); // x \\\ny", true},
		{"splice in line comment before end", "int f(int a // x \\\n);", false},
		{"unterminated comment", "int f(int a); /* x", true},
		{"comment only", "/* x */", false},
		{"empty declaration", ";", false},
		{"no terminator", "int f(int a)", false},
		{"null byte", "int f(int\x00 a);", false},
		{"stray character", "int f(int @a);", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var d1, d2 diag.List
			skim, next := New("t.h", src, &d1), New("t.h", src, &d2)
			skim.guard.step, next.guard.step = -1, -1 // no include guard to track
			var got Skim
			var toks []Token
			ok := skim.Skim(&got, never, &toks)
			if ok != tt.skims {
				t.Fatalf("Skim = %v, want %v", ok, tt.skims)
			}
			if !ok {
				if skim.off != 0 || skim.line != 1 || len(toks) != 0 {
					t.Fatalf("a failed Skim moved the lexer to %d (line %d) or left tokens %v", skim.off, skim.line, toks)
				}
				return
			}
			want, wantToks := expectSkim(next)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Skim disagrees with Next (-Next +Skim):\n%s", diff)
			}
			if diff := cmp.Diff(wantToks, toks); diff != "" {
				t.Errorf("Skim's tokens differ from Next's (-Next +Skim):\n%s", diff)
			}
			// Both lexers go on from the same point in the same state.
			for {
				a, b := skim.Next(), next.Next()
				if a != b || skim.bol != next.bol {
					t.Fatalf("after Skim: %+v (bol %v), after Next: %+v (bol %v)", a, skim.bol, b, next.bol)
				}
				if a.Kind == EOF {
					break
				}
			}
			if diff := cmp.Diff(d2.Items(), d1.Items()); diff != "" {
				t.Errorf("diagnostics differ (-Next +Skim):\n%s", diff)
			}
		})
	}
}

func TestSkimWaitsForTheIncludeGuard(t *testing.T) {
	src := []byte("int f(void);\n")
	var d diag.List
	l := New("t.h", src, &d)
	var s Skim
	if l.Skim(&s, func(string, bool) bool { return false }, nil) {
		t.Error("Skim read the first declaration, before the lexer knew whether the file has an include guard")
	}
}

func TestSkimReject(t *testing.T) {
	src := []byte("static int co_wrapper_mixed * f(int a, int b);")
	var got []string
	var d diag.List
	l := New("t.h", src, &d)
	l.guard.step = -1
	var s Skim
	ok := l.Skim(&s, func(id string, specifier bool) bool {
		if specifier {
			id = "spec:" + id
		}
		got = append(got, id)
		return false
	}, nil)
	want := []string{"static", "int", "spec:static", "co_wrapper_mixed", "spec:int", "spec:co_wrapper_mixed", "f", "int", "a", "int", "b"}
	if !ok || !cmp.Equal(got, want) {
		t.Errorf("Skim = %v, reject calls %q, want %q", ok, got, want)
	}
	l = New("t.h", src, &d)
	l.guard.step = -1
	toks := []Token{{Kind: Ident}} // a token from before, which must stay
	if l.Skim(&s, func(id string, _ bool) bool { return id == "co_wrapper_mixed" }, &toks) || l.off != 0 || !s.Rejected || len(toks) != 1 {
		t.Errorf("a rejected declaration was skimmed, moved the lexer, was not marked rejected or left tokens: %v", toks)
	}
}

func TestCommentEnd(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"*/", 0},
		{" x */", 3},
		{"\n * doc\n * more\n */ int", 17},
		{"/ a / b */", 8},
		{"/", -1},  // "/*/" is not closed
		{"**/", 1}, // "/***/"
		{"", -1},
		{"no end *", -1},
	} {
		if got := commentEnd([]byte(tt.text)); got != tt.want {
			t.Errorf("commentEnd(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
