package cmdline

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"", nil},
		{"-o out.c a.h", []string{"-o", "out.c", "a.h"}},
		{"  -o\tout.c\n a.h \n", []string{"-o", "out.c", "a.h"}},
		{"'inc dir/a.h' b.h", []string{"inc dir/a.h", "b.h"}},
		{"a'b c'd", []string{"ab cd"}},
		{"'' x", []string{"", "x"}},
	} {
		if got := Split(t, tc.line); !cmp.Equal(got, tc.want) {
			t.Errorf("Split(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}
