package gen

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestReadFiles holds readFiles to os.ReadFile: each file's bytes, in one
// buffer that no file's bytes can grow into, and the error of each that
// cannot be read; a file whose size says 0 but that holds bytes (Linux's
// /proc) is read to its end.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{write("a.h", "int a;\n"), write("empty.h", ""), filepath.Join(dir, "missing.h"), dir, write("b.h", "int b;\n")}
	if runtime.GOOS == "linux" {
		paths = append(paths, "/proc/self/cmdline")
	}
	srcs, errs := readFiles(paths)
	for i, p := range paths {
		want, wantErr := os.ReadFile(p)
		if (errs[i] != nil) != (wantErr != nil) {
			t.Errorf("%s: error %v, want %v", p, errs[i], wantErr)
			continue
		}
		if wantErr == nil && !bytes.Equal(srcs[i], want) {
			t.Errorf("%s: %q, want %q", p, srcs[i], want)
		}
	}
	// An append to one file's bytes must not overwrite the next file's.
	if cap(srcs[0]) != len(srcs[0]) {
		t.Errorf("a.h: capacity %d, length %d", cap(srcs[0]), len(srcs[0]))
	}
	if !errors.Is(errs[2], fs.ErrNotExist) {
		t.Errorf("missing file: error %v", errs[2])
	}
	if runtime.GOOS == "linux" && len(srcs[len(srcs)-1]) == 0 {
		t.Errorf("/proc/self/cmdline: read nothing")
	}
}
