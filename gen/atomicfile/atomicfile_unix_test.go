//go:build unix

package atomicfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestDevicesWrittenInPlace writes to /dev/null and to a FIFO as gcc's
// -o does: the node stays what it was, the reader of the FIFO gets the
// bytes, and no temporary file is made beside it.
func TestDevicesWrittenInPlace(t *testing.T) {
	t.Run("/dev/null", func(t *testing.T) {
		changed, err := WriteIfChanged("/dev/null", []byte("int x;\n"))
		if err != nil || changed {
			t.Fatalf("WriteIfChanged(/dev/null) = %v, %v; want false, nil", changed, err)
		}
		if info, err := os.Stat("/dev/null"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a character device: %v, %v", info.Mode(), err)
		}
	})
	t.Run("FIFO", func(t *testing.T) {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "out.c")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		got := make(chan string, 1)
		go func() {
			r, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			defer r.Close()
			b, _ := io.ReadAll(r)
			got <- string(b)
		}()
		changed, err := WriteIfChanged(fifo, []byte("int x;\n"))
		if err != nil || changed {
			t.Fatalf("WriteIfChanged(FIFO) = %v, %v; want false, nil", changed, err)
		}
		if s := <-got; s != "int x;\n" {
			t.Errorf("the FIFO's reader got %q, want %q", s, "int x;\n")
		}
		if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v, %v", info.Mode(), err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("the directory holds %d entries, want only the FIFO", len(entries))
		}
	})
}
