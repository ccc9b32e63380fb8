package atomicfile_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/gen/atomicfile"
)

func writer(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

var past = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

func TestWriteIfChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	for _, tc := range []struct {
		name        string
		existing    *string
		data        string
		wantChanged bool
	}{
		{"new file", nil, "hello\n", true},
		{"same bytes", ptr("hello\n"), "hello\n", false},
		{"longer", ptr("hello\n"), "hello\nworld\n", true},
		{"shorter", ptr("hello\nworld\n"), "hello\n", true},
		{"same length, other bytes", ptr("hello\n"), "HELLO\n", true},
		{"empty to empty", ptr(""), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(path)
			if tc.existing != nil {
				if err := os.WriteFile(path, []byte(*tc.existing), 0o640); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(path, past, past)
			}
			changed, err := atomicfile.WriteIfChanged(path, writer(tc.data))
			if err != nil || changed != tc.wantChanged {
				t.Fatalf("WriteIfChanged = %v, %v; want %v", changed, err, tc.wantChanged)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tc.data {
				t.Errorf("file holds %q, want %q", got, tc.data)
			}
			info, _ := os.Stat(path)
			if !changed && !info.ModTime().Equal(past) {
				t.Error("an unchanged file was rewritten")
			}
			if tc.existing != nil && info.Mode().Perm() != 0o640 {
				t.Errorf("permissions %v, want the old file's 0640", info.Mode().Perm())
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the directory holds %d entries, want only out.c", len(entries))
			}
		})
	}
}

func ptr(s string) *string { return &s }

// TestWriteErrorKeepsOld fails the writer half way: the old file is intact
// and no temporary file remains.
func TestWriteErrorKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	os.WriteFile(path, []byte("old\n"), 0o666)
	boom := errors.New("boom")
	_, err := atomicfile.WriteIfChanged(path, func(w io.Writer) error {
		io.WriteString(w, "new start")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	keptOld(t, dir, path)
}

// TestSymlinkStaysALink replaces the file a link points to, not the link.
func TestSymlinkStaysALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.c")
	link := filepath.Join(dir, "link.c")
	os.WriteFile(target, []byte("old\n"), 0o666)
	if err := os.Symlink("real.c", link); err != nil {
		t.Skip(err)
	}
	if _, err := atomicfile.WriteIfChanged(link, writer("new\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new\n" {
		t.Errorf("the link's target holds %q", got)
	}
}

// TestLargeOutputsDifferAnywhere writes outputs of several 64 KiB compare
// buffers, in writes of odd sizes, that differ from the old file at its
// start, at a buffer boundary, inside a later buffer and at its very end:
// the bytes that matched before a difference come from the old file, so
// each place must give exactly the new bytes.
func TestLargeOutputsDifferAnywhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	old := make([]byte, 300000)
	for i := range old {
		old[i] = byte('a' + i%26)
	}
	for _, at := range []int{0, 1, 65535, 65536, 65537, 200000, len(old) - 1} {
		if err := os.WriteFile(path, old, 0o666); err != nil {
			t.Fatal(err)
		}
		data := bytes.Clone(old)
		data[at] = '#'
		changed, err := atomicfile.WriteIfChanged(path, func(w io.Writer) error {
			for rest := data; len(rest) > 0; {
				n := min(len(rest), 7777)
				if _, err := w.Write(rest[:n]); err != nil {
					return err
				}
				rest = rest[n:]
			}
			return nil
		})
		if err != nil || !changed {
			t.Fatalf("difference at %d: WriteIfChanged = %v, %v", at, changed, err)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
			t.Fatalf("difference at %d: the file does not hold the new bytes", at)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("difference at %d: the directory holds %v", at, entries)
		}
	}
}

// TestAbort leaves the old file and no temporary file, after a difference
// was written.
func TestAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	os.WriteFile(path, []byte("old\n"), 0o666)
	w, err := atomicfile.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "new\n")
	w.Abort()
	w.Abort() // twice is harmless
	if _, err := w.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	keptOld(t, dir, path)
}

// keptOld checks that path still holds "old\n" and that dir holds nothing
// else: no temporary file was left behind.
func keptOld(t *testing.T, dir, path string) {
	t.Helper()
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("file holds %q, want the old bytes", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
}

func TestHolds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	big := bytes.Repeat([]byte("0123456789abcdef"), 10000) // several compare buffers
	for _, tc := range []struct {
		name     string
		existing []byte // nil: no file
		data     []byte
		want     bool
	}{
		{"no file", nil, []byte("x"), false},
		{"same", []byte("hello\n"), []byte("hello\n"), true},
		{"same, large", big, big, true},
		{"file longer", []byte("hello\nworld\n"), []byte("hello\n"), false},
		{"file shorter", []byte("hello\n"), []byte("hello\nworld\n"), false},
		{"last byte differs, large", big, append(bytes.Clone(big[:len(big)-1]), '!'), false},
		{"both empty", []byte{}, []byte{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(path)
			if tc.existing != nil {
				os.WriteFile(path, tc.existing, 0o666)
			}
			got, err := atomicfile.Holds(path, writer(string(tc.data)))
			if err != nil || got != tc.want {
				t.Errorf("Holds = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
