// Package qemutree finds the QEMU source tree that an input belongs to and
// the release it is, so that the tool generates for that release without
// being told: a QEMU tree swaps scripts/block-coroutine-wrapper.py for the
// tool and passes no new flag.
//
// A QEMU source tree is a directory holding a top-level meson.build whose
// project() is 'qemu' and a VERSION file. Every QEMU release since 5.2 (the
// first with the generator) has both at its root, and nothing else in the
// tree declares project('qemu'). VERSION holds the version as QEMU spells
// it ("8.2.0", or "10.2.50" in a development tree), which
// dialect.ForVersion maps to a dialect as it maps --qemu.
//
// Finding costs one stat of VERSION per directory from the input up to the
// file system's root (directories already asked are remembered), and one
// read of the two files where a VERSION is found.
package qemutree

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// Tree is a QEMU source tree found above an input.
type Tree struct {
	// Root is the tree's directory. It and the two paths below are
	// spelled as the input that led to them: relative to the working
	// directory if the input was ("..", "../meson.build"), absolute if it
	// was absolute, so that a depfile lists them as ninja names them.
	Root                string
	MesonBuild, Version string
	// Release is VERSION's text without its line break: "8.2.0".
	Release string
	// Dialect is the release's dialect, as dialect.ForVersion maps it.
	Dialect *dialect.Dialect
}

// Error is a VERSION that cannot be read or does not name a release with a
// generator. Path is spelled as Tree.Version.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Finder finds the trees of inputs. It remembers each directory it has
// asked about, so that the inputs of one tree cost one walk.
type Finder struct {
	dir   string               // what relative paths are resolved against
	trees map[string]*found    // absolute directory → the tree it lies in
	roots map[string]*rootInfo // absolute directory → whether it is a root
}

type found struct {
	root string // absolute root, "" if none
	info *rootInfo
}

type rootInfo struct {
	release string
	dialect *dialect.Dialect
	err     error
}

// NewFinder returns a Finder that resolves relative paths against dir, the
// working directory of the run.
func NewFinder(dir string) *Finder {
	return &Finder{dir: dir, trees: map[string]*found{}, roots: map[string]*rootInfo{}}
}

// Find returns the tree that the file at path lies in, or, if isDir, the
// tree of the directory path itself (it may be the root): the nearest
// ancestor that is a QEMU tree's root. It returns nil, nil outside any
// tree, and an *Error if the nearest root's VERSION cannot be read or
// parsed: that is never taken as "no tree", which would silently generate
// for another release.
func (f *Finder) Find(path string, isDir bool) (*Tree, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(f.dir, path)
	}
	abs = filepath.Clean(abs)
	if !isDir {
		abs = filepath.Dir(abs)
	}
	fd := f.find(abs)
	if fd.root == "" {
		return nil, nil
	}
	root := fd.root
	if !filepath.IsAbs(path) {
		if rel, err := filepath.Rel(f.dir, fd.root); err == nil {
			root = rel
		}
	}
	t := &Tree{Root: spell(path, root), MesonBuild: spell(path, filepath.Join(root, "meson.build")),
		Version: spell(path, filepath.Join(root, "VERSION")), Release: fd.info.release, Dialect: fd.info.dialect}
	if fd.info.err != nil {
		return nil, &Error{Path: t.Version, Err: fd.info.err}
	}
	return t, nil
}

// spell returns p, a path found from the input path, with the separator
// the input was written with: on Windows, '/' unless the input holds a
// '\\' (as package discover spells the paths it finds), so that messages
// and the depfile read the same on every host for the same command line.
func spell(input, p string) string {
	if runtime.GOOS == "windows" && !strings.Contains(input, `\`) {
		return filepath.ToSlash(p)
	}
	return p
}

// find returns the tree the absolute directory dir lies in.
func (f *Finder) find(dir string) *found {
	if fd, ok := f.trees[dir]; ok {
		return fd
	}
	var fd *found
	if info := f.root(dir); info != nil {
		fd = &found{root: dir, info: info}
	} else if parent := filepath.Dir(dir); parent != dir {
		fd = f.find(parent)
	} else {
		fd = &found{}
	}
	f.trees[dir] = fd
	return fd
}

// root returns what the directory dir's VERSION says if dir is the root of
// a QEMU tree, nil if it is not one.
func (f *Finder) root(dir string) *rootInfo {
	if info, ok := f.roots[dir]; ok {
		return info
	}
	var info *rootInfo
	if _, err := os.Stat(filepath.Join(dir, "VERSION")); !errors.Is(err, fs.ErrNotExist) && IsQEMUProject(filepath.Join(dir, "meson.build")) {
		info = readVersion(filepath.Join(dir, "VERSION"))
	}
	f.roots[dir] = info
	return info
}

// errIsDir is reading a directory, spelt as Linux (and the driver's own
// messages) spell it on every host.
var errIsDir = errors.New("is a directory")

// readVersion reads a VERSION file: one line, the version as QEMU spells
// it.
func readVersion(path string) *rootInfo {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if info, serr := os.Stat(path); serr == nil && info.IsDir() {
			err = errIsDir // Windows would say "Invalid function."
		}
		return &rootInfo{err: fmt.Errorf("cannot read the QEMU release: %w", err)}
	}
	release := string(bytes.TrimRight(data, "\r\n"))
	d, err := dialect.ForVersion(release)
	if err != nil {
		return &rootInfo{release: release, err: fmt.Errorf("cannot tell the QEMU release: %w", err)}
	}
	return &rootInfo{release: release, dialect: d}
}

// IsQEMUProject reports whether the file at path is the meson.build of a
// project called 'qemu': its first statement, after comments and blank
// lines, is project('qemu', ...). Meson requires project() to come first.
// A file that cannot be read is not one.
func IsQEMUProject(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	// The call is near the top: QEMU's comes after at most a few lines of
	// comments. Reading a bounded head keeps a large meson.build cheap.
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(fh, head)
	return DeclaresQEMU(head[:n])
}

// DeclaresQEMU reports whether the text of a meson.build starts, after
// comments ('#' to the end of the line) and blanks, with
// project('qemu'.
func DeclaresQEMU(src []byte) bool {
	for {
		src = bytes.TrimLeft(src, " \t\r\n")
		if len(src) == 0 || src[0] != '#' {
			break
		}
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			src = src[i:]
		} else {
			src = nil
		}
	}
	rest, ok := bytes.CutPrefix(src, []byte("project"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if rest, ok = bytes.CutPrefix(rest, []byte("(")); !ok {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte("'qemu'"))
}
