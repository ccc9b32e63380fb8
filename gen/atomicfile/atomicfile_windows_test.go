package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Windows refuses to replace a file another process has open without
// sharing its deletion, as Go's os.Open opens it (and most editors,
// scanners and compilers). The tests hold the output open that way.

// TestReplaceWaitsForAReader replaces an output a reader lets go of after
// a moment: the retry gets through.
func TestReplaceWaitsForAReader(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	if err := os.WriteFile(path, []byte("old\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(300*time.Millisecond, func() { reader.Close() })
	start := time.Now()
	changed, err := WriteIfChanged(path, []byte("new\n"))
	if err != nil || !changed {
		t.Fatalf("WriteIfChanged = %v, %v; want the file replaced once the reader is gone", changed, err)
	}
	t.Logf("replaced after %v", time.Since(start).Round(time.Millisecond))
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("file holds %q, want the new bytes", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %v, want only out.c", entries)
	}
}

// TestReplaceRefusedWhileHeld holds the output open throughout: after the
// retries the error names the file and says why, and the file keeps its
// old bytes.
func TestReplaceRefusedWhileHeld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	if err := os.WriteFile(path, []byte("old\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	start := time.Now()
	changed, err := WriteIfChanged(path, []byte("new\n"))
	elapsed := time.Since(start)
	if err == nil || changed {
		t.Fatalf("WriteIfChanged = %v, %v; want an error while the file is held open", changed, err)
	}
	t.Logf("gave up after %v: %v", elapsed.Round(time.Millisecond), err)
	for _, want := range []string{path, "another process has the file open", "keeps its old contents"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
	if elapsed < time.Second || elapsed > 10*time.Second {
		t.Errorf("gave up after %v, want about 2 s of retries", elapsed)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("file holds %q, want the old bytes", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
}

// TestNUL writes to Windows' NUL device in place, as /dev/null is
// written on other systems.
func TestNUL(t *testing.T) {
	for _, name := range []string{"NUL", "nul"} {
		changed, err := WriteIfChanged(name, []byte("int x;\n"))
		if err != nil || changed {
			t.Errorf("WriteIfChanged(%s) = %v, %v; want false, nil", name, changed, err)
		}
	}
}
