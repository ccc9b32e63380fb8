package clex_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// conditions renders each identifier of src with the groups open around
// it, as "name: line[directive|directive] ..." (the group's ID, the line of
// its opening directive, then its directive lines up to the current
// branch), and the diagnostics after them.
func conditions(src string) []string {
	var diags diag.List
	l := clex.New("t.c", []byte(src), &diags)
	var out []string
	for t := l.Next(); t.Kind != clex.EOF; t = l.Next() {
		if t.Kind != clex.Ident {
			continue
		}
		var groups []string
		for _, c := range l.Conditions() {
			groups = append(groups, fmt.Sprintf("%d[%s]", c.ID, strings.Join(c.Lines, "|")))
		}
		out = append(out, l.Text(t)+": "+strings.Join(groups, " "))
	}
	for _, d := range diags.Items() {
		out = append(out, strings.TrimSuffix(d.Format(), "\n"))
	}
	return out
}

func TestConditions(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"none", "a b", []string{"a: ", "b: "}},
		{"ifdef and its else", "#ifdef A\na\n#else\nb\n#endif\nc", []string{
			"a: 1[#ifdef A]", "b: 1[#ifdef A|#else]", "c: ",
		}},
		{"nested", "#if X\n  #ifndef Y\na\n  #endif\nb\n#endif", []string{
			"a: 1[#if X] 2[#ifndef Y]", "b: 1[#if X]",
		}},
		{"elif chain", "#if A\na\n#elif B\nb\n#elif C\nc\n#endif", []string{
			"a: 1[#if A]", "b: 1[#if A|#elif B]", "c: 1[#if A|#elif B|#elif C]",
		}},
		{"trailing blanks dropped, comments kept", "#if A /* x */  \na\n#endif", []string{
			"a: 1[#if A /* x */]",
		}},
		{"dead branch skipped, its directive kept", "#if 0\nx\n#elif B\nb\n#endif", []string{
			"b: 1[#if 0|#elif B]",
		}},
		{"taken branch ends the chain", "#if 1\na\n#elif B\nx\n#else\ny\n#endif\nz", []string{
			"a: 1[#if 1]", "z: ",
		}},
		{"elif 1 after unknown", "#if A\na\n#elif 1\nb\n#else\nx\n#endif", []string{
			"a: 1[#if A]", "b: 1[#if A|#elif 1]",
		}},
		{"unterminated: the group closes at the end", "#ifdef A\na", []string{
			"a: 1[#ifdef A]",
			"t.c:1:1: error: unterminated #ifdef: no #endif before the end of the file",
		}},
		// An #else is taken when reached, so a second one is dead.
		{"else after else", "#ifdef A\n#else\na\n#else\nb\n#endif", []string{
			"a: 1[#ifdef A|#else]",
			"t.c:4:1: error: #else after #else",
		}},
		{"else without if", "#else\na", []string{
			"a: ", "t.c:1:1: error: #else without #if",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, conditions(tc.src)); diff != "" {
				t.Errorf("conditions of %q (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// TestConditionsSnapshots checks that a slice Conditions returned stays
// as it was when the groups change afterwards.
func TestConditionsSnapshots(t *testing.T) {
	var diags diag.List
	l := clex.New("t.c", []byte("#ifdef A\na\n#else\nb\n#endif\n"), &diags)
	l.Next() // #ifdef A
	l.Next() // a
	first := l.Conditions()
	l.Next() // #else
	l.Next() // b
	if got := strings.Join(first[0].Lines, "|"); got != "#ifdef A" {
		t.Errorf("the first snapshot became %q", got)
	}
	if got := strings.Join(l.Conditions()[0].Lines, "|"); got != "#ifdef A|#else" {
		t.Errorf("the second snapshot is %q", got)
	}
}

// TestIfLiteral checks which conditions the lexer decides: plain integer
// literals, possibly parenthesised or commented; anything else is kept.
func TestIfLiteral(t *testing.T) {
	for _, tc := range []struct {
		cond string
		want string // "dead", "live" (known true) or "kept" (unknown)
	}{
		{"0", "dead"}, {"00", "dead"}, {"0x0", "dead"}, {"0L", "dead"}, {"0u", "dead"},
		{"(0)", "dead"}, {"((0))", "dead"}, {"0 /* off */", "dead"}, {"0 // off", "dead"},
		{"/* c */ 0", "dead"}, {"0\\\n", "dead"},
		{"1", "live"}, {"2", "live"}, {"0x10", "live"}, {"1UL", "live"}, {"(1)", "live"},
		{"A", "kept"}, {"defined(A)", "kept"}, {"0 + 1", "kept"}, {"!0", "kept"},
		{"", "kept"}, {"1.0", "kept"}, {"0g", "kept"},
	} {
		src := "#if " + tc.cond + "\nx\n#else\ny\n#endif\n"
		var diags diag.List
		l := clex.New("t.c", []byte(src), &diags)
		var idents []string
		for tok := l.Next(); tok.Kind != clex.EOF; tok = l.Next() {
			if tok.Kind == clex.Ident {
				idents = append(idents, l.Text(tok))
			}
		}
		got := map[string]string{"y": "dead", "x": "live", "x y": "kept"}[strings.Join(idents, " ")]
		if got != tc.want {
			t.Errorf("#if %q: tokens %q, a %s condition; want %s", tc.cond, idents, got, tc.want)
		}
	}
}
