// Package atomicfile replaces a file's contents so that a reader, a crash
// or a kill at any moment sees either the old bytes or the new ones, never a
// mix; and leaves a file whose bytes would not change untouched, so its
// modification time tells a build tool (ninja's restat) that nothing
// downstream is stale.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// WriteIfChanged makes the file at path hold data. A file that already
// holds exactly data is not touched, and changed is false. Otherwise data
// goes to a temporary file in the same directory, which is synced and
// renamed over path; a new file gets 0666 less the umask, an existing one
// keeps its permissions. A symbolic link at path stays a link: the file it
// points to is replaced. On error the file at path is as it was and no
// temporary file remains.
//
// An existing path that is a character device (/dev/null, Windows' NUL)
// or a FIFO is opened and written directly, as gcc writes -o /dev/null:
// renaming over it would replace the device node or the pipe by a file.
// changed is then false, as no file was replaced and no modification time
// tells a build tool anything. Any other file that is not regular (a
// directory, a socket, a block device) is an error.
func WriteIfChanged(path string, data []byte) (changed bool, err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	var keep *fs.FileMode // the permissions of the file replaced
	switch info, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return false, err
	case info.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return false, writeDirect(path, data)
	case !info.Mode().IsRegular():
		return false, fmt.Errorf("%s is not a regular file", path)
	default:
		same := false
		if info.Size() == int64(len(data)) {
			same, err = holds(path, info.Size(), func(w io.Writer) error {
				_, err := w.Write(data)
				return err
			})
		}
		if err != nil || same {
			return false, err
		}
		mode := info.Mode().Perm()
		keep = &mode
	}
	tmp, err := create(path)
	if err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if keep != nil {
		if err := tmp.Chmod(*keep); err != nil {
			return false, err
		}
	}
	if _, err := tmp.Write(data); err != nil {
		return false, err
	}
	if err := tmp.Sync(); err != nil {
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := rename(tmp.Name(), path); err != nil {
		return false, err
	}
	// Make the rename itself durable; a failure here changes nothing for
	// a reader, so it is not an error.
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return true, nil
}

// Same reports whether the file at path holds exactly the bytes that
// write gives the writer it is passed, compared a piece at a time as they
// come, so that a caller who needs the new bytes whole only when they
// differ (to write them, or for --check's diff) need not hold them whole
// to find them unchanged. The writer returns an error once they differ,
// which write should return: Same then returns false, nil; any other
// error of write's is Same's. A file that is not regular holds no data; a
// missing one is an error (fs.ErrNotExist).
func Same(path string, write func(io.Writer) error) (bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		return false, nil
	}
	return holds(path, info.Size(), write)
}

// writeDirect writes data to the device or FIFO at path, in place.
func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// holds reports whether the file at path, of size bytes, holds what
// write writes. It reads the file a piece at a time, into one buffer of a
// few pages: an output is often large, and in a process that runs once
// each page of memory it touches first is a page fault (about 3 µs on a
// virtual machine); a buffer the size of QEMU's block-gen.c (56 KB) would
// be fourteen of them.
func holds(path string, size int64, write func(io.Writer) error) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	c := &comparer{file: f, left: size, buf: make([]byte, min(size, 16<<10))}
	switch err := write(c); {
	case errors.Is(err, errDiffers):
		return false, nil
	case err != nil:
		return false, err
	}
	return c.left == 0, nil
}

// errDiffers is what a comparer returns once what it is given differs
// from the file.
var errDiffers = errors.New("atomicfile: the bytes differ from the file's")

// comparer is an io.Writer that compares what it is given with what
// follows in file, of which left bytes are left, through buf.
type comparer struct {
	file io.Reader
	left int64
	buf  []byte
}

func (c *comparer) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		return 0, errDiffers // the file is shorter
	}
	for off := 0; off < len(p); {
		n := min(len(c.buf), len(p)-off)
		if _, err := io.ReadFull(c.file, c.buf[:n]); err != nil || !bytes.Equal(c.buf[:n], p[off:off+n]) {
			// An error: the file is shorter than it was.
			return off, errDiffers
		}
		off += n
	}
	c.left -= int64(len(p))
	return len(p), nil
}

// rename replaces newpath by oldpath (replace, in rename_*.go: retried on
// Windows while another process holds newpath); tests replace it to fail.
var rename = replace

// create makes a new temporary file beside path, named after it so that a
// leftover of a killed run says where it came from.
func create(path string) (f *os.File, err error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.tmp-%d-%08x", base, os.Getpid(), rand.Uint32()))
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return f, err
}
