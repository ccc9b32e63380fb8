// Package atomicfile replaces a file's contents so that a reader, a crash
// or a kill at any moment sees either the old bytes or the new ones, never a
// mix; and leaves a file whose bytes would not change untouched, so its
// modification time tells a build tool that nothing downstream is stale.
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

// WriteIfChanged makes the file at path hold data. If it already does, the
// file is not touched and changed is false. Otherwise data goes to a new
// temporary file in the same directory, which is synced and renamed over
// path. On error the file at path is as it was and the temporary file is
// gone.
func WriteIfChanged(path string, data []byte) (changed bool, err error) {
	same, mode, err := holds(path, data)
	if err != nil {
		return false, err
	}
	if same {
		return false, nil
	}
	return true, replace(path, data, mode)
}

// holds reports whether the regular file at path holds exactly data, and
// the permissions a replacement should keep (none if path does not exist).
func holds(path string, data []byte) (same bool, mode fs.FileMode, err error) {
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
	if fi.Size() != int64(len(data)) {
		return false, mode, nil
	}
	// Compare in chunks so that a large output is not held twice.
	buf := make([]byte, 64<<10)
	rest := data
	for {
		n, err := io.ReadFull(f, buf)
		if n > len(rest) || !bytes.Equal(buf[:n], rest[:n]) {
			return false, mode, nil
		}
		rest = rest[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(rest) == 0, mode, nil
		}
		if err != nil {
			return false, 0, err
		}
	}
}

// noMode stands for "no permissions to keep": a new file gets 0666 less the
// umask, as a compiler's outputs do.
const noMode fs.FileMode = 1 << 31

// replace writes data to a temporary file beside path and renames it over
// path.
func replace(path string, data []byte, mode fs.FileMode) (err error) {
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
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
