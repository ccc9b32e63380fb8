package main

import (
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/golden"
)

// Bad input that a txtar archive cannot hold: a file no one can read, and
// lines of ten megabytes. The same promise holds as for the catalogue in
// testdata/malformed: a positioned error, the right exit status, and a
// previous output and depfile left exactly as they were.

// withPrevious writes a previous block-gen.c and depfile into dir and
// returns a check that they are unchanged, modification times included.
func withPrevious(t *testing.T, dir string) func() {
	t.Helper()
	files := map[string][]byte{
		"block-gen.c":   []byte("/* the previous, good block-gen.c */\n"),
		"block-gen.c.d": []byte("block-gen.c: old.h\n"),
	}
	golden.Lay(t, dir, files)
	return func() {
		t.Helper()
		for name, data := range files {
			p := filepath.Join(dir, name)
			got, err := os.ReadFile(p)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s changed: %q, %v", name, got, err)
			}
			if info, err := os.Stat(p); err != nil || !info.ModTime().Equal(past) {
				t.Errorf("%s was rewritten", name)
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	}
}

func runExpect(t *testing.T, dir string, args []string, wantExit int, wantStderr string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run(args, env{Env: diag.Env{Dir: dir}, stdout: &stdout, stderr: &stderr})
	t.Logf("run took %v", time.Since(start))
	if code != wantExit {
		t.Errorf("exit %d, want %d", code, wantExit)
	}
	if diff := cmp.Diff(wantStderr, stderr.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

// TestUnreadableInput gives a socket as input: it cannot be read, by root
// either, which a file with mode 000 can.
func TestUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	unchanged := withPrevious(t, dir)
	l, err := net.Listen("unix", filepath.Join(dir, "sock.h"))
	if err != nil {
		t.Skipf("cannot make a socket here: %v", err)
	}
	defer l.Close()
	runExpect(t, dir, []string{"-o", "block-gen.c", "--depfile", "block-gen.c.d", "sock.h"}, exitBadInput,
		"sock.h: error: cannot read the file: no such device or address\n")
	unchanged()
}

// TestHugeLines reads single lines of ten megabytes: one with an error at
// its far end, reported at its column, and one of valid declarations.
func TestHugeLines(t *testing.T) {
	const size = 10 << 20
	var bad bytes.Buffer
	bad.WriteString("int coroutine_fn bdrv_co_x(BlockDriverState *bs);int co_wrapper bdrv_x(BlockDriverState *bs);")
	for bad.Len() < size {
		bad.WriteString(" int unused_declaration;")
	}
	col := bad.Len() + 2 // after the space
	bad.WriteString(` "never closed`)

	var good bytes.Buffer
	good.WriteString("int coroutine_fn bdrv_co_y(BlockDriverState *bs, int n);")
	good.WriteString("int co_wrapper bdrv_y(BlockDriverState *bs, int n);")
	for good.Len() < size {
		good.WriteString(" int f(int a, char *b[]);")
	}
	good.WriteString("\n")

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.h"), bad.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.h"), good.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	t.Run("error at the end", func(t *testing.T) {
		unchanged := withPrevious(t, dir)
		runExpect(t, dir, []string{"-o", "block-gen.c", "--depfile", "block-gen.c.d", "--no-diagnostics-show-caret", "bad.h"}, exitBadInput,
			"bad.h:1:"+itoa(col)+": error: missing terminating \" character\n")
		unchanged()
	})
	t.Run("its excerpt", func(t *testing.T) {
		// The line is cut to the width of a build log around the caret.
		var stderr bytes.Buffer
		run([]string{"-o", "block-gen.c", "bad.h"}, env{Env: diag.Env{Dir: dir}, stdout: io.Discard, stderr: &stderr})
		lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "bad.h:1:"+itoa(col)+": error:") {
			t.Fatalf("stderr:\n%.1000s", stderr.String())
		}
		for _, l := range lines[1:] {
			if len(l) > diag.PipeWidth {
				t.Errorf("an excerpt line of %d bytes, want at most %d", len(l), diag.PipeWidth)
			}
		}
		if caret := strings.IndexByte(lines[2], '^'); caret < 0 || !strings.HasPrefix(lines[1][caret:], `"never closed`) {
			t.Errorf("the caret is not under the quote:\n%s", stderr.String())
		}
	})
	t.Run("valid", func(t *testing.T) {
		runExpect(t, dir, []string{"-o", "out.c", "good.h"}, exitOK, "")
		out, err := os.ReadFile(filepath.Join(dir, "out.c"))
		if err != nil || !bytes.Contains(out, []byte("int bdrv_y(BlockDriverState *bs, int n)\n")) {
			t.Errorf("the wrapper was not generated: %v", err)
		}
	})
}

// TestManyParameters declares a wrapper with 100,000 parameters and a
// duplicate at the end: the work stays linear.
func TestManyParameters(t *testing.T) {
	var b strings.Builder
	b.WriteString("int co_wrapper bdrv_many(BlockDriverState *bs")
	for i := range 100000 {
		b.WriteString(", int p" + itoa(i))
	}
	b.WriteString(", int p7);\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "many.h"), []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	col := len(b.String()) - len("int p7);\n") + 1
	runExpect(t, dir, []string{"-o", "block-gen.c", "--no-diagnostics-show-caret", "many.h"}, exitBadInput,
		"many.h:1:"+itoa(col)+": error: duplicate parameter name 'p7' in 'bdrv_many' (first at 1:"+itoa(strings.Index(b.String(), "int p7,")+1)+")\n")
}

func itoa(n int) string { return strconv.Itoa(n) }
