// Package atomicfile replaces a file's contents so that a reader, a crash
// or a kill at any moment sees either the old bytes or the new ones, never a
// mix; and leaves a file whose bytes would not change untouched, so its
// modification time tells a build tool that nothing downstream is stale.
package atomicfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// WriteIfChanged makes the file at path hold what write produces, through
// a Writer: an unchanged file is not touched and changed is false. On error
// the file at path is as it was and no temporary file remains.
func WriteIfChanged(path string, write func(io.Writer) error) (changed bool, err error) {
	w, err := Create(path)
	if err != nil {
		return false, err
	}
	if err := write(w); err != nil {
		w.Abort()
		return false, err
	}
	return w.Commit()
}

// Holds reports whether the file at path holds exactly what write produces,
// comparing the bytes as they are produced: neither is held whole. A file
// that does not exist holds nothing.
func Holds(path string, write func(io.Writer) error) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	c := &comparer{r: f, buf: make([]byte, 64<<10)}
	switch err := write(c); {
	case errors.Is(err, errDiffers):
		return false, nil
	case err != nil:
		return false, err
	}
	// Everything written matched; the file must not be longer.
	n, _ := f.Read(c.buf[:1])
	return n == 0, nil
}

// errDiffers stops a comparison at the first difference.
var errDiffers = errors.New("differs")

// comparer is a writer that checks what is written against a reader.
type comparer struct {
	r   io.Reader
	buf []byte
}

func (c *comparer) Write(p []byte) (int, error) {
	for done := 0; done < len(p); {
		chunk := p[done:min(len(p), done+len(c.buf))]
		if _, err := io.ReadFull(c.r, c.buf[:len(chunk)]); err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return done, errDiffers
			}
			return done, err
		}
		if !bytes.Equal(c.buf[:len(chunk)], chunk) {
			return done, errDiffers
		}
		done += len(chunk)
	}
	return len(p), nil
}

// A Writer replaces the contents of a file in one pass over the new bytes:
// while they match the file's, it only compares; at the first difference it
// starts a temporary file in the same directory, copies the matching part
// from the old file and goes on writing there. Commit then syncs the
// temporary file and renames it over the old one, or, when every byte
// matched, leaves the file untouched. Nothing is held whole in memory.
type Writer struct {
	path    string
	mode    fs.FileMode
	old     *os.File  // the existing file, while the output matches it
	cmp     *comparer // reading old
	matched int64     // bytes written that matched old
	tmp     *os.File
	bw      *bufio.Writer
	err     error
}

// Create returns a Writer for the file at path. A symbolic link stays a
// link: the file it points to is replaced.
func Create(path string) (*Writer, error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	w := &Writer{path: path, mode: noMode}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return w, nil
	}
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is not a regular file", path)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	w.old, w.mode, w.cmp = f, fi.Mode().Perm(), &comparer{r: f, buf: make([]byte, 64<<10)}
	return w, nil
}

// Write compares p with the old file or writes it to the replacement.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	done := 0
	if w.tmp == nil && w.old != nil {
		n, err := w.cmp.Write(p)
		w.matched += int64(n)
		done = n
		switch {
		case err == nil:
			return len(p), nil
		case !errors.Is(err, errDiffers):
			w.err = err
			return done, err
		}
		// The rest of p is new: what came before it is in the old file.
		if w.err = w.start(); w.err != nil {
			return done, w.err
		}
	}
	if w.tmp == nil && w.old == nil {
		if w.err = w.start(); w.err != nil {
			return done, w.err
		}
	}
	if done < len(p) {
		if _, w.err = w.bw.Write(p[done:]); w.err != nil {
			return done, w.err
		}
	}
	return len(p), nil
}

// start creates the temporary file and fills it with the bytes that matched
// the old file.
func (w *Writer) start() (err error) {
	dir, base := filepath.Split(w.path)
	if dir == "" {
		dir = "."
	}
	var f *os.File
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.tmp-%d-%08x", base, os.Getpid(), rand.Uint32()))
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	w.tmp, w.bw = f, bufio.NewWriterSize(f, 256<<10)
	if w.mode != noMode {
		if err := f.Chmod(w.mode); err != nil {
			return err
		}
	}
	if w.old != nil {
		if _, err := w.old.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.CopyN(w.bw, w.old, w.matched); err != nil {
			return err
		}
		w.old.Close()
		w.old = nil
	}
	return nil
}

// Commit makes the file hold what was written and reports whether its
// bytes changed. On error, or after Abort, the file is as it was and no
// temporary file remains.
func (w *Writer) Commit() (changed bool, err error) {
	defer func() {
		if err != nil {
			w.Abort()
		}
	}()
	if w.err != nil {
		return false, w.err
	}
	if w.tmp == nil && w.old != nil {
		// Everything written matched; the file must not be longer.
		if n, _ := w.old.Read(w.cmp.buf[:1]); n == 0 {
			w.old.Close()
			w.old = nil
			return false, nil
		}
	}
	if w.tmp == nil {
		if err := w.start(); err != nil {
			return false, err
		}
	}
	if err := w.bw.Flush(); err != nil {
		return false, err
	}
	if err := w.tmp.Sync(); err != nil {
		return false, err
	}
	if err := w.tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Rename(w.tmp.Name(), w.path); err != nil {
		return false, err
	}
	w.tmp = nil
	// Make the rename itself durable; a failure here changes nothing for
	// a reader, so it is not an error.
	dir, _ := filepath.Split(w.path)
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return true, nil
}

// Abort gives up: the file stays as it was and the temporary file, if any,
// is removed. It may be called more than once, and after Commit.
func (w *Writer) Abort() {
	if w.old != nil {
		w.old.Close()
		w.old = nil
	}
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
		w.tmp = nil
	}
	if w.err == nil {
		w.err = errors.New("atomicfile: aborted")
	}
}

// noMode stands for "no permissions to keep": a new file gets 0666 less the
// umask, as a compiler's outputs do.
const noMode fs.FileMode = 1 << 31
