// Package discover finds the annotated headers and sources under
// directories, so that a build lists a directory instead of every file that
// declares a wrapper, and a new annotated header is picked up without
// editing any build file.
package discover

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// File is a file found under a scanned directory.
type File struct {
	// Path is the directory as given joined with the file's path inside
	// it.
	Path string
	Src  []byte
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

// Scan walks each directory in dirs for .h and .c files. Relative paths
// are resolved against root; the paths in the result are spelt as the
// directory was given, joined with the path inside it. A file that
// cannot hold a marker (no "co_wrapper" bytes) is not lexed; the others
// count when they hold a wrapper declaration outside comments, literals and
// dead groups. Files for which skip returns true (inputs named explicitly)
// are left out. Symbolic links are followed; a directory reached twice is
// walked once, so a link loop ends. Hidden directories (".git") are not
// walked.
func Scan(root string, dirs []string, skip func(path string, info fs.FileInfo) bool) (*Result, error) {
	s := &scanner{root: root, skip: skip, seen: map[fileID]bool{}, r: &Result{}}
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
	slices.SortFunc(s.r.Annotated, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	slices.Sort(s.r.Read)
	return s.r, nil
}

type fileID struct{ dev, ino uint64 }

func idOf(info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}

type scanner struct {
	root string
	skip func(string, fs.FileInfo) bool
	seen map[fileID]bool // directories and files already visited
	r    *Result
}

func (s *scanner) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(s.root, p)
}

func (s *scanner) walk(dir string, info fs.FileInfo) error {
	if id, ok := idOf(info); ok {
		if s.seen[id] {
			return nil
		}
		s.seen[id] = true
	}
	s.r.Dirs = append(s.r.Dirs, dir)
	entries, err := os.ReadDir(s.abs(dir))
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		info, err := os.Stat(s.abs(path)) // follows links
		if errors.Is(err, fs.ErrNotExist) {
			continue // a dangling link
		}
		if err != nil {
			return err
		}
		switch {
		case info.IsDir():
			if strings.HasPrefix(name, ".") {
				continue
			}
			if err := s.walk(path, info); err != nil {
				return err
			}
		case info.Mode().IsRegular() && (strings.HasSuffix(name, ".h") || strings.HasSuffix(name, ".c")):
			if err := s.file(path, info); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *scanner) file(path string, info fs.FileInfo) error {
	if id, ok := idOf(info); ok {
		if s.seen[id] {
			return nil // the same file through another link
		}
		s.seen[id] = true
	}
	if s.skip != nil && s.skip(path, info) {
		return nil
	}
	src, err := os.ReadFile(s.abs(path))
	if err != nil {
		return err
	}
	s.r.Read = append(s.r.Read, path)
	if bytes.Contains(src, []byte(model.MarkerStem)) && parse.HasWrapper(path, src) {
		s.r.Annotated = append(s.r.Annotated, File{Path: path, Src: src})
	}
	return nil
}
