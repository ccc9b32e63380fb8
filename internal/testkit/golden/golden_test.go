package golden

import (
	"bytes"
	"os"
	"path/filepath"
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

func TestLay(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"a.h": []byte("int x;\n"), "include/block/b.h": nil}
	Lay(t, dir, files)
	for name, want := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s holds %q, want %q", name, got, want)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().Equal(Past) {
			t.Errorf("%s was modified at %v, want %v", name, info.ModTime(), Past)
		}
	}
}
