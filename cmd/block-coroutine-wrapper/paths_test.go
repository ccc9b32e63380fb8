package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Paths are taken byte for byte from the command line.

// header declares one wrapper and its coroutine function, named after n.
func header(n int) []byte {
	return []byte(fmt.Sprintf("int coroutine_fn bdrv_co_odd%d(BlockDriverState *bs);\nint co_wrapper bdrv_odd%d(BlockDriverState *bs);\n", n, n))
}

// put writes a file, making its directory.
func put(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, data)
}

// TestPathArguments runs the tool in-process on paths that kong would
// once have changed: bytes that are not UTF-8 (re-encoded as U+FFFD) and
// a comma in a --scan value (split there).
func TestPathArguments(t *testing.T) {
	dir := t.TempDir()
	for name, n := range map[string]int{"lat\xe9n/a.h": 1, "c,omma/b.h": 2} {
		put(t, filepath.Join(dir, name), header(n))
	}
	out, dep := "o\xe9.c", "o\xe9.c.d"
	var stderr bytes.Buffer
	args := []string{"-o", out, "--depfile", dep, "lat\xe9n/a.h", "--scan", "c,omma"}
	if code := run(args, env{dir: dir, stdout: &stderr, stderr: &stderr}); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, &stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"c,omma", "lat\xe9n", out, dep}; !cmp.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, dep))
	if err != nil {
		t.Fatal(err)
	}
	want := "o\xe9.c: \\\n  lat\xe9n/a.h \\\n  c,omma/b.h \\\n  c,omma\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("depfile (-want +got):\n%s", diff)
	}
}
