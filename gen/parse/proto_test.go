package parse_test

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

func TestSameType(t *testing.T) {
	for _, tc := range []struct {
		a, b        string
		same, param bool // as a type, as a parameter's type
	}{
		{"int", "int", true, true},
		{"unsigned", "unsigned int", true, true},
		{"long int", "long", true, true},
		{"signed char", "char", false, false},
		{"long double", "double", false, false},
		{"const volatile int *", "volatile const int *", true, true},
		{"const int", "int", false, true},
		{"int *const", "int *", false, true},
		{"const int *", "int *", false, false},
		{"void (*)(void *opaque, int ret)", "void (*)(void *, int)", true, true},
		{"int64_t", "long", false, false},
	} {
		if got := parse.SameType(tc.a, tc.b); got != tc.same {
			t.Errorf("SameType(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
		if got := parse.SameParamType(tc.a, tc.b); got != tc.param {
			t.Errorf("SameParamType(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.param)
		}
	}
}
