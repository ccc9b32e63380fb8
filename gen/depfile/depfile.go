// Package depfile writes the Makefile-syntax dependency files that ninja
// reads for a build edge with "deps = gcc": the output, a colon, and every
// file (or directory) whose change must re-run the generator.
//
// Ninja's depfile parser un-escapes only a few sequences, and ends a path
// at characters it cannot hold at all; Format escapes the first kind and
// refuses the second, since a silently truncated path would mean a
// dependency ninja never checks.
package depfile

import (
	"fmt"
	"strings"
)

// Format returns the depfile text listing deps as prerequisites of target,
// one per line. It fails on the first path ninja could not read back.
func Format(target string, deps []string) ([]byte, error) {
	var b strings.Builder
	t, err := Escape(target)
	if err != nil {
		return nil, err
	}
	b.WriteString(t)
	b.WriteString(":")
	for _, d := range deps {
		e, err := Escape(d)
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

// Escape returns path as a depfile spells it: a space as "\ " (with any
// backslashes right before it doubled, so they stay backslashes), "$" as
// "$$" and "#" as "\#". Other backslashes are literal.
func Escape(path string) (string, error) {
	if path == "" {
		return "", &Error{path, "it is empty"}
	}
	if strings.HasSuffix(path, ":") {
		return "", &Error{path, "it ends in ':', which ninja reads as a target"}
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch c {
		case '\n', '\r':
			return "", &Error{path, "it contains a line break"}
		case '\t':
			return "", &Error{path, "it contains a tab"}
		case '\'', '"', '&', ';', '|', '<', '>', '*', '?', '^', '`':
			return "", &Error{path, fmt.Sprintf("it contains %c, at which ninja's depfile parser ends a path", c)}
		case ' ', '#':
			// Backslashes right before a space or '#' would escape it:
			// double them so that they stay literal.
			j := i
			for j > 0 && path[j-1] == '\\' {
				j--
			}
			b.WriteString(strings.Repeat("\\", i-j))
			b.WriteByte('\\')
			b.WriteByte(c)
		case '$':
			b.WriteString("$$")
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}
