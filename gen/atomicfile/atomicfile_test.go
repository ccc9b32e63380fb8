package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

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
		{"new empty file", nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(path)
			if tc.existing != nil {
				if err := os.WriteFile(path, []byte(*tc.existing), 0o640); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(path, past, past)
			}
			var before os.FileMode // as the system reports 0640 (Windows: 0666)
			if info, err := os.Stat(path); err == nil {
				before = info.Mode().Perm()
			}
			changed, err := WriteIfChanged(path, []byte(tc.data))
			if err != nil || changed != tc.wantChanged {
				t.Fatalf("WriteIfChanged = %v, %v; want %v", changed, err, tc.wantChanged)
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != tc.data {
				t.Errorf("file holds %q (%v), want %q", got, err, tc.data)
			}
			info, _ := os.Stat(path)
			if !changed && !info.ModTime().Equal(past) {
				t.Error("an unchanged file was rewritten")
			}
			if tc.existing != nil && info.Mode().Perm() != before {
				t.Errorf("permissions %v, want the old file's %v", info.Mode().Perm(), before)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the directory holds %d entries, want only out.c", len(entries))
			}
		})
	}
}

func ptr(s string) *string { return &s }

// TestFailureKeepsOld makes each step that can fail fail: the old file is
// intact, the error is returned, and no temporary file remains.
func TestFailureKeepsOld(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir, path string)
	}{
		{"rename fails", func(t *testing.T, dir, path string) {
			rename = func(string, string) error { return boom }
			t.Cleanup(func() { rename = replace })
		}},
		{"directory not writable", func(t *testing.T, dir, path string) {
			if os.Geteuid() == 0 {
				t.Skip("root writes into read-only directories")
			}
			if runtime.GOOS == "windows" {
				t.Skip("Windows ignores the read-only attribute of a directory")
			}
			os.Chmod(dir, 0o555)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.c")
			if err := os.WriteFile(path, []byte("old\n"), 0o666); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, dir, path)
			if changed, err := WriteIfChanged(path, []byte("new\n")); err == nil || changed {
				t.Fatalf("WriteIfChanged = %v, %v; want an error", changed, err)
			}
			if got, _ := os.ReadFile(path); string(got) != "old\n" {
				t.Errorf("file holds %q, want the old bytes", got)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("a temporary file was left behind: %v", entries)
			}
		})
	}
}

// TestNotARegularFile refuses to replace a directory.
func TestNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteIfChanged(dir, []byte("x")); err == nil {
		t.Fatal("a directory was replaced")
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
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Skipf("this system cannot make symbolic links: os.Symlink succeeded, but %s is no link (%v)", link, err)
	}
	if _, err := WriteIfChanged(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new\n" {
		t.Errorf("the link's target holds %q", got)
	}
}

// TestKeepsPermissions keeps an existing file's permissions whatever the
// umask would give a new one (on Windows, which has only a read-only
// attribute, each is reported as 0666).
func TestKeepsPermissions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.c")
	// 0444 last: the next WriteFile could not open it. Windows replaces
	// no read-only file unless told to (rename_windows.go).
	for _, perm := range []os.FileMode{0o666, 0o600, 0o755, 0o444} {
		if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, perm); err != nil {
			t.Fatal(err)
		}
		before, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := WriteIfChanged(path, []byte("new\n")); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != before.Mode().Perm() {
			t.Errorf("permissions after replacing a %v file: %v (%v)", before.Mode().Perm(), info.Mode().Perm(), err)
		}
	}
}

// TestLargeFilesCompared compares outputs larger than one read with the
// file on disk: the same bytes leave it alone, a difference anywhere
// (first byte, across a read boundary, last byte) replaces it.
func TestLargeFilesCompared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.c")
	old := make([]byte, 600<<10)
	for i := range old {
		old[i] = byte('a' + i%26)
	}
	for _, at := range []int{-1, 0, 256<<10 - 1, 256 << 10, len(old) - 1} {
		if err := os.WriteFile(path, old, 0o666); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, past, past)
		data := append([]byte(nil), old...)
		if at >= 0 {
			data[at] = '#'
		}
		changed, err := WriteIfChanged(path, data)
		if err != nil || changed != (at >= 0) {
			t.Fatalf("difference at %d: WriteIfChanged = %v, %v", at, changed, err)
		}
		got, _ := os.ReadFile(path)
		info, _ := os.Stat(path)
		if string(got) != string(data) || (at < 0) != info.ModTime().Equal(past) {
			t.Errorf("difference at %d: the file holds the wrong bytes or was touched needlessly", at)
		}
	}
}

// TestSame holds Same to a byte-for-byte comparison, across the pieces
// it reads, and to an error for a missing file only.
func TestSame(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.c")
	big := make([]byte, 40<<10) // more than one piece
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	changed := append([]byte(nil), big...)
	changed[len(changed)-1] ^= 1
	for _, tc := range []struct {
		name       string
		file, data []byte
		want       bool
	}{
		{"same", big, big, true},
		{"last byte differs", big, changed, false},
		{"longer", big[:100], big[:101], false},
		{"shorter", big[:101], big[:100], false},
		{"empty", nil, nil, true},
	} {
		if err := os.WriteFile(path, tc.file, 0o666); err != nil {
			t.Fatal(err)
		}
		for _, piece := range []int{1 << 30, 5000, 7} {
			if got, err := Same(path, pieces(tc.data, piece)); got != tc.want || err != nil {
				t.Errorf("%s, in pieces of %d bytes: Same = %v, %v; want %v, nil", tc.name, piece, got, err, tc.want)
			}
		}
	}
	if same, err := Same(dir, pieces(nil, 1)); same || err != nil {
		t.Errorf("a directory: Same = %v, %v; want false, nil", same, err)
	}
	if _, err := Same(filepath.Join(dir, "missing"), pieces(nil, 1)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: Same's error %v, want one of fs.ErrNotExist", err)
	}
	failed := errors.New("failed")
	if same, err := Same(path, func(io.Writer) error { return failed }); same || err != failed {
		t.Errorf("write failing: Same = %v, %v; want false, %v", same, err, failed)
	}
}

// pieces returns a write func for Same that writes data in pieces of n
// bytes, and stops at the writer's first error, as emit.Print does.
func pieces(data []byte, n int) func(io.Writer) error {
	return func(w io.Writer) error {
		for len(data) > 0 {
			k := min(n, len(data))
			if _, err := w.Write(data[:k]); err != nil {
				return err
			}
			data = data[k:]
		}
		return nil
	}
}
