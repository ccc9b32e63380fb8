package ctype_test

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
)

func TestSame(t *testing.T) {
	for _, tc := range []struct {
		a, b        string
		same, param bool // as a type, as a parameter's type
	}{
		{"int", "int", true, true},
		{"unsigned", "unsigned int", true, true},
		{"signed", "int", true, true},
		{"long int", "long", true, true},
		{"long long", "long long int", true, true},
		{"long", "long long", false, false},
		{"unsigned long", "long unsigned int", true, true},
		{"short int", "short", true, true},
		{"char", "char", true, true},
		{"signed char", "char", false, false},
		{"unsigned char", "char unsigned", true, true},
		{"long double", "double", false, false},
		{"double long", "long double", true, true},
		{"const volatile int *", "volatile const int *", true, true},
		{"__restrict int *", "restrict int *", true, true},
		{"register int", "int", true, true},
		{"const int", "int", false, true},
		{"int *const", "int *", false, true},
		{"int *const *", "int **", false, false},
		{"const int *", "int *", false, false},
		{"int (*const)[3]", "int (*)[3]", false, false},
		{"void (*)(void *opaque, int ret)", "void (*)(void *, int)", true, true},
		{"void (*)(const int x)", "void (*)(int)", true, true},
		{"void (*)(struct S *s)", "void (*)(struct S *)", true, true},
		{"void (*)(int64_t)", "void (*)(int)", false, false},
		{"struct BlockDriverState *", "BlockDriverState *", false, false},
		{"int64_t", "long", false, false},
		// Not C, but it must not crash: the check reads whatever a
		// wrapper declares.
		{"char long long double", "char", false, false},
		{"((", ")", false, false},
		{"", "", true, true},
	} {
		if got := ctype.Same(tc.a, tc.b); got != tc.same {
			t.Errorf("Same(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
		if got := ctype.Same(tc.b, tc.a); got != tc.same {
			t.Errorf("Same(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.same)
		}
		if got := ctype.SameParam(tc.a, tc.b); got != tc.param {
			t.Errorf("SameParam(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.param)
		}
	}
}

func TestIsKeyword(t *testing.T) {
	for id, want := range map[string]bool{"int": true, "_Atomic": true, "bool": true, "opaque": false, "int64_t": false, "coroutine_fn": false} {
		if got := ctype.IsKeyword(id); got != want {
			t.Errorf("IsKeyword(%q) = %v, want %v", id, got, want)
		}
	}
}
