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
		same, err := holds(path, info.Size(), data)
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

// Same reports whether the file at path holds exactly data, reading it a
// piece at a time as WriteIfChanged does, so that a caller who needs the
// old bytes only when they differ (--check's diff) does not read a large
// file whole to find it unchanged. A file that is not regular holds no
// data; a missing one is an error (fs.ErrNotExist).
func Same(path string, data []byte) (bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if !info.Mode().IsRegular() {
		return false, nil
	}
	return holds(path, info.Size(), data)
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

// holds reports whether the file at path, of size bytes, holds data. It
// reads the file a piece at a time, into one buffer of a few pages: an
// output is often large, it is already in memory once, and in a process
// that runs once each page of memory it touches first is a page fault
// (about 3 µs on a virtual machine); a buffer the size of QEMU's
// block-gen.c (56 KB) would be fourteen of them.
func holds(path string, size int64, data []byte) (bool, error) {
	if size != int64(len(data)) {
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, min(len(data), 16<<10))
	for off := 0; off < len(data); {
		n, err := io.ReadFull(f, buf[:min(len(buf), len(data)-off)])
		if err != nil {
			return false, nil // shorter than it was: it differs
		}
		if !bytes.Equal(buf[:n], data[off:off+n]) {
			return false, nil
		}
		off += n
	}
	return true, nil
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
