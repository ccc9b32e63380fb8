// Package discover finds the annotated headers and sources under
// directories, so that a build lists a directory instead of every file that
// declares a wrapper, and a new annotated header is picked up without
// editing any build file.
package discover

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// File is a file found under a scanned directory.
type File struct {
	// Path is the directory as given joined with the file's path inside
	// it (see Scan for the separator).
	Path string
	Src  []byte
	// Parsed is Src as parse.Read read it, to find out whether it declares
	// a wrapper, and Diags the problems it reported: generation takes
	// both instead of reading the file a second time.
	Parsed *parse.File
	Diags  diag.List
}

// Result is what a scan found.
type Result struct {
	// Annotated holds the files declaring at least one wrapper, in sorted
	// path order.
	Annotated []File
	// Read lists every candidate file read, annotated or not, and Dirs
	// every directory walked: a build must re-run the generator when one
	// of the files changes or a directory gains or loses an entry.
	Read, Dirs []string
}

// Scan walks each directory in dirs for .h and .c files and reads each
// candidate with parse.Read, misspelt markers matched against known (the
// markers of the release generated for; see parse.Read). Paths are
// resolved against root with Abs. A file that
// cannot hold a marker (no "co_wrapper" bytes) is not lexed; the others
// count when they hold a wrapper declaration outside comments, literals and
// dead groups. Files for which skip returns true (inputs named explicitly)
// are left out. Symbolic links are followed; a file or directory reached
// again, through a link or another name, is recognised with os.SameFile
// (device and inode; on Windows, volume and file index) and visited once,
// so a link loop ends. Hidden directories (".git") are not walked.
//
// The paths in the result are spelt as the directory was given, cleaned,
// with "/" between the names below it, so that messages, --list and the
// order of the inputs are the same on every host; on Windows a directory
// given with a backslash gets backslashes throughout instead. Annotated
// and Read are sorted as if every separator were "/".
func Scan(root string, dirs []string, known []model.Marker, skip func(path string, info fs.FileInfo) bool) (*Result, error) {
	s := &scanner{root: root, known: known, skip: skip, seen: visited{}, r: &Result{}}
	for _, dir := range dirs {
		info, err := os.Stat(s.abs(dir))
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			return nil, &fs.PathError{Op: "scan", Path: dir, Err: errors.New("not a directory")}
		}
		if err := s.walk(dir, info); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(s.r.Annotated, func(a, b File) int { return comparePaths(a.Path, b.Path) })
	slices.SortFunc(s.r.Read, comparePaths)
	return s.r, nil
}

// comparePaths orders paths as strings with every separator read as "/",
// so that Windows, whose separator is `\`, sorts as the other hosts do.
func comparePaths(a, b string) int {
	return strings.Compare(filepath.ToSlash(a), filepath.ToSlash(b))
}

// visited holds the files and directories a scan has been through. Go
// has no portable file identity to use as a map key, only os.SameFile, so
// they are kept in buckets of what two stats of one file agree on (kind,
// size, modification time), and os.SameFile is asked only within a bucket.
type visited map[visitKey][]fs.FileInfo

type visitKey struct {
	dir         bool
	size, mtime int64
}

// first records info and reports whether its file was not visited before.
// info must come from os.Stat (os.SameFile needs that).
func (v visited) first(info fs.FileInfo) bool {
	k := visitKey{info.IsDir(), info.Size(), info.ModTime().UnixNano()}
	for _, seen := range v[k] {
		if os.SameFile(seen, info) {
			return false
		}
	}
	v[k] = append(v[k], info)
	return true
}

type scanner struct {
	root  string
	known []model.Marker // what a misspelt marker is matched against
	skip  func(string, fs.FileInfo) bool
	seen  visited
	r     *Result
	buf   []byte // the file being read
}

func (s *scanner) abs(p string) string { return Abs(s.root, p) }

// Abs returns p as the system finds it when root is the working directory:
// an absolute p as it is, a relative one joined to root. On Windows a p
// starting with a separator ("\inc") is on root's drive, and one with a
// drive letter and no separator after it ("D:inc", relative to that
// drive's working directory) is left to the system. Plain
// filepath.Join(root, p) would make "inc" of the first and ".\D:inc" of the
// second.
func Abs(root, p string) string {
	switch {
	case filepath.IsAbs(p) || filepath.VolumeName(p) != "":
		return p
	case p != "" && os.IsPathSeparator(p[0]): // Windows: rooted on the current drive
		return filepath.VolumeName(root) + p
	}
	return filepath.Join(root, p)
}

// join returns the path of name inside dir, spelt as Scan says.
func join(dir, name string) string {
	p := filepath.Join(dir, name)
	if runtime.GOOS == "windows" && !strings.Contains(dir, `\`) {
		p = filepath.ToSlash(p)
	}
	return p
}

func (s *scanner) walk(dir string, info fs.FileInfo) error {
	if !s.seen.first(info) {
		return nil
	}
	s.r.Dirs = append(s.r.Dirs, dir)
	entries, err := os.ReadDir(s.abs(dir))
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		hidden, source := strings.HasPrefix(name, "."), strings.HasSuffix(name, ".h") || strings.HasSuffix(name, ".c")
		// The directory entry's type spares a stat of what is not walked
		// or read; a link is followed to find out what it is.
		switch t := e.Type(); {
		case t.IsDir() && hidden, t.IsRegular() && !source, t&^(fs.ModeDir|fs.ModeSymlink) != 0:
			continue
		case t.IsRegular():
			if err := s.file(join(dir, name)); err != nil {
				return err
			}
			continue
		}
		path := join(dir, name)
		info, err := os.Stat(s.abs(path)) // follows links
		if errors.Is(err, fs.ErrNotExist) {
			continue // a dangling link
		}
		if err != nil {
			return err
		}
		switch {
		case info.IsDir():
			if hidden {
				continue
			}
			if err := s.walk(path, info); err != nil {
				return err
			}
		case info.Mode().IsRegular() && source:
			if err := s.file(path); err != nil {
				return err
			}
		}
	}
	return nil
}

// file reads the file at path, unless it was read before under another
// name or skip says so, and keeps it if it declares a wrapper. Most files
// do not: they are read into one buffer, reused, and an annotated one takes
// the buffer with it, as its parse shares the bytes.
func (s *scanner) file(path string) error {
	f, err := os.Open(s.abs(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // gone since the directory was read, as a dangling link is
	}
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !s.seen.first(info) {
		return nil // the same file through another link
	}
	if s.skip != nil && s.skip(path, info) {
		return nil
	}
	// Room for the file as the stat saw it and one more byte, to see the
	// end in one read; more if it grew since.
	s.buf = slices.Grow(s.buf[:0], int(info.Size())+1)
	for {
		if len(s.buf) == cap(s.buf) {
			s.buf = slices.Grow(s.buf, 4096)
		}
		want := cap(s.buf) - len(s.buf)
		n, err := f.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err == io.EOF || n < want && int64(len(s.buf)) >= info.Size() {
			break // a short read of a regular file is its end: spare the read that says so
		}
		if err != nil {
			return err
		}
	}
	s.r.Read = append(s.r.Read, path)
	if !bytes.Contains(s.buf, []byte(model.MarkerStem)) {
		return nil
	}
	var diags diag.List
	if parsed := parse.Read(path, s.buf, s.known, &diags); parsed.DeclaresWrapper() {
		s.r.Annotated = append(s.r.Annotated, File{Path: path, Src: s.buf, Parsed: parsed, Diags: diags})
		s.buf = nil
	}
	return nil
}
