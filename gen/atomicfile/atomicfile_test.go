package atomicfile_test

import (
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
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("file holds %q after a failed write", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
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
