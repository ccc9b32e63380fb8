// Package depfile writes the Makefile-syntax dependency files that ninja
// reads for a build edge with "deps = gcc": the output, a colon, and every
// file (or directory) whose change must re-run the generator.
//
// What ninja reads back is the authority: its depfile parser (ninja 1.11,
// src/depfile_parser.in.cc) and then its path canonicalisation
// (CanonicalizePath in src/util.cc). Every path is written byte for byte
// in a spelling that parser reads back as the same path, and a path no
// spelling survives is refused: a silently misread path would be a
// dependency ninja never checks, or one it finds missing on every build.
package depfile

import (
	"fmt"
	"runtime"
	"strings"
)

// Convention is how the ninja that reads a depfile divides a path into
// names: the one of the host it runs on.
type Convention int

const (
	// POSIX: '/' separates names; '\' is a byte of a name like any other.
	POSIX Convention = iota
	// Windows: '\' and '/' both separate names, and a path may begin with
	// a drive letter and its colon (C:\src\x.h).
	Windows
)

// Host is the convention of the host this program runs on, from
// runtime.GOOS.
var Host = conventionOf(runtime.GOOS)

func conventionOf(goos string) Convention {
	if goos == "windows" {
		return Windows
	}
	return POSIX
}

// Format returns the depfile text listing deps as prerequisites of target,
// one per line, spelt with c.Escape. It fails with an *Error on the first
// path that ninja could not read back.
func (c Convention) Format(target string, deps []string) ([]byte, error) {
	var b strings.Builder
	t, err := c.Escape(target)
	if err != nil {
		return nil, err
	}
	b.WriteString(t)
	b.WriteString(":")
	for _, d := range deps {
		e, err := c.Escape(d)
		if err != nil {
			return nil, err
		}
		b.WriteString(" \\\n  ")
		b.WriteString(e)
	}
	b.WriteString("\n")
	return []byte(b.String()), nil
}

// Error is a path a depfile cannot represent.
type Error struct {
	Path   string
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%q cannot be listed in a depfile: %s", e.Path, e.Reason)
}

// plain reports whether ninja's depfile parser takes b as text wherever it
// stands (its plain-text class; \x80-\xff lets any UTF-8 or other
// non-ASCII byte through).
func plain(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80 ||
		strings.IndexByte("+,/_:.~(){}%=@[]!-", b) >= 0
}

// Escape returns path spelt so that ninja's depfile parser, and then its
// canonicalisation, read it back as the same path, or an *Error naming why
// none does. A run of N backslashes before the byte it stands next to
// reads back as follows, so each such run is written as the parser needs:
//
//   - before a space, 2N+1 backslashes read as N and the space (N=0: "\ ");
//   - before '#', N+1 backslashes read as N and the '#' ("\#");
//   - before ':', N+1 backslashes read as N and the ':' when N > 0;
//   - before '$', N > 0 backslashes and one '$' read as written; with
//     none, "$$" reads as '$';
//   - before any other byte but a line break, N > 0 backslashes and the
//     byte read as written. With none, only plain bytes do: a tab, a
//     quote, '&', ';', '|', '<', '>', '*', '?', '^' or '`' would end the
//     path there, so such a path is refused.
//
// A path ending in ':' would read as a target, and one ending in '\'
// would escape the separator after it: both get a '/' appended, which
// ninja's canonicalisation drops (inc/old: is written inc/old:/). Under
// Windows, where a trailing '\' is a separator, trailing separators are
// dropped instead. A line break can never be written, and neither can a
// path that ninja's canonicalisation would turn into another (misread).
func (c Convention) Escape(path string) (string, error) {
	if path == "" {
		return "", &Error{path, "it is empty"}
	}
	if why := misread(path, c); why != "" {
		return "", &Error{path, why}
	}
	p := path
	if c == Windows {
		p = strings.TrimRight(p, `\/`)
	}
	var b strings.Builder
	bs := 0 // backslashes read and not written yet
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch == '\\':
			bs++
			continue
		case ch == '\n' || ch == '\r' || ch == 0:
			return "", &Error{path, "it contains a line break or a NUL byte, which no depfile can hold"}
		case ch == ' ':
			b.WriteString(strings.Repeat(`\`, 2*bs+1))
		case ch == '#' || ch == ':' && bs > 0:
			b.WriteString(strings.Repeat(`\`, bs+1))
		case ch == '$' && bs == 0:
			b.WriteByte('$')
		case bs > 0 || plain(ch) || ch == '$':
			b.WriteString(strings.Repeat(`\`, bs))
		case ch == '\t':
			return "", &Error{path, "it contains a tab"}
		default:
			shown := string(rune(ch))
			if ch < ' ' || ch == 0x7f {
				shown = fmt.Sprintf("the byte %#02x", ch)
			}
			return "", &Error{path, "it contains " + shown + ", at which ninja's depfile parser ends a path"}
		}
		b.WriteByte(ch)
		bs = 0
	}
	b.WriteString(strings.Repeat(`\`, bs))
	if bs > 0 || p[len(p)-1] == ':' {
		b.WriteByte('/')
	}
	return b.String(), nil
}

// misread says why ninja's canonicalisation (CanonicalizePath, which
// works on the spelling alone: "." names dropped, ".." taking away the name
// before it) would turn p into another directory, or "" if it would not.
// It turns a root directory into an empty path, which ninja cannot even
// record, and under Windows C:\ into C: (the drive's current directory),
// and lets ".." take away a drive.
func misread(p string, c Convention) string {
	isSep := func(r rune) bool { return r == '/' || c == Windows && r == '\\' }
	drive := c == Windows && len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
	var names []string
	ups := 0 // leading "..", which ninja keeps
	for _, n := range strings.FieldsFunc(p, isSep) {
		switch {
		case n == ".":
		case n == ".." && len(names) == 0:
			ups++
		case n == "..":
			names = names[:len(names)-1]
			if drive && len(names) == 0 {
				return "its '..' takes away its drive, and ninja 1.11 reads what is left as another directory"
			}
		default:
			names = append(names, n)
		}
	}
	switch {
	case ups > 0:
	case len(names) == 0 && isSep(rune(p[0])):
		return "it is a root directory, which ninja 1.11 reads as an empty path (or, from \\\\, as /)"
	case drive && len(names) == 1 && len(names[0]) == 2 && len(p) > 2:
		return "it is a drive's root directory, which ninja 1.11 reads as the drive's current directory"
	}
	return ""
}
