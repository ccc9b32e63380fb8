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

// WriteIfChanged makes the file at path hold what write produces. write is
// called once to compare its output with the file and, unless it is the
// same, once more to fill a new temporary file in the same directory, which
// is synced and renamed over path; so write must produce the same bytes
// each time. An unchanged file is not touched and changed is false. The
// output is streamed, never held whole. On error the file at path is as it
// was and no temporary file remains.
func WriteIfChanged(path string, write func(io.Writer) error) (changed bool, err error) {
	// A symbolic link stays a link: the file it points to is replaced.
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	same, mode, err := holds(path, write)
	if err != nil {
		return false, err
	}
	if same {
		return false, nil
	}
	return true, replace(path, write, mode)
}

// errDiffers stops the comparison at the first difference.
var errDiffers = errors.New("differs")

// comparer is a writer that checks what is written against a reader.
type comparer struct {
	r   io.Reader
	buf []byte
}

func (c *comparer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		chunk := min(len(p), len(c.buf))
		if _, err := io.ReadFull(c.r, c.buf[:chunk]); err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return 0, errDiffers
			}
			return 0, err
		}
		if !bytes.Equal(c.buf[:chunk], p[:chunk]) {
			return 0, errDiffers
		}
		p = p[chunk:]
	}
	return n, nil
}

// holds reports whether the regular file at path holds exactly what write
// produces, and the permissions a replacement should keep (noMode if path
// does not exist).
func holds(path string, write func(io.Writer) error) (same bool, mode fs.FileMode, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, noMode, nil
	}
	if err != nil {
		return false, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, 0, err
	}
	if !fi.Mode().IsRegular() {
		return false, 0, fmt.Errorf("%s is not a regular file", path)
	}
	mode = fi.Mode().Perm()
	c := &comparer{r: f, buf: make([]byte, 64<<10)}
	switch err := write(c); {
	case errors.Is(err, errDiffers):
		return false, mode, nil
	case err != nil:
		return false, 0, err
	}
	// Everything written matched; the file must not be longer.
	if n, _ := f.Read(c.buf[:1]); n > 0 {
		return false, mode, nil
	}
	return true, mode, nil
}

// noMode stands for "no permissions to keep": a new file gets 0666 less the
// umask, as a compiler's outputs do.
const noMode fs.FileMode = 1 << 31

// replace writes to a temporary file beside path and renames it over path.
func replace(path string, write func(io.Writer) error, mode fs.FileMode) (err error) {
	dir, base := filepath.Split(path)
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
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if mode != noMode {
		if err = f.Chmod(mode); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// Make the rename itself durable; a failure here changes nothing for
	// a reader, so it is not an error.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
