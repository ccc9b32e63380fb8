package clex_test

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

func TestIncludeGuard(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		guard bool
	}{
		{"guarded", "#ifndef A_H\n#define A_H\nint a;\n#endif\n", true},
		{"comments around", "/* c */\n#ifndef A_H\n#define A_H\nint a;\n#endif /* A_H */\n// end\n", true},
		{"nested groups inside", "#ifndef A_H\n#define A_H\n#ifdef B\nint b;\n#endif\n#endif\n", true},
		{"empty body", "#ifndef A_H\n#define A_H\n#endif\n", true},
		{"include first", "#include <x.h>\n#ifndef A_H\n#define A_H\n#endif\n", false},
		{"token first", "int a;\n#ifndef A_H\n#define A_H\n#endif\n", false},
		{"other macro defined", "#ifndef A_H\n#define B_H\nint a;\n#endif\n", false},
		{"token before define", "#ifndef A_H\nint a;\n#define A_H\n#endif\n", false},
		{"token after endif", "#ifndef A_H\n#define A_H\n#endif\nint a;\n", false},
		{"directive after endif", "#ifndef A_H\n#define A_H\n#endif\n#define C\n", false},
		{"else in the guard", "#ifndef A_H\n#define A_H\n#else\n#endif\n", true},
		{"ifdef is no guard", "#ifdef A_H\n#define A_H\n#endif\n", false},
		{"unterminated", "#ifndef A_H\n#define A_H\nint a;\n", false},
		{"two groups", "#ifndef A_H\n#define A_H\n#endif\n#ifndef B_H\n#endif\n", false},
		{"empty file", "", false},
	} {
		var diags diag.List
		l := clex.New("t.h", []byte(tc.src), &diags)
		for l.Next().Kind != clex.EOF {
		}
		if got := l.IncludeGuard(); got != tc.guard {
			t.Errorf("%s: IncludeGuard() = %v, want %v", tc.name, got, tc.guard)
		}
	}
}
