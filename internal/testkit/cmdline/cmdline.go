// Package cmdline splits the command lines of the golden archives (their
// -- args -- section) into arguments, for every test that runs them: the
// golden driver and the compile test in cmd/block-coroutine-wrapper, and
// the old/new differential.
package cmdline

import (
	"strings"
	"testing"
)

// Split splits line on blanks (spaces, tabs, line breaks); 'single
// quotes' keep blanks, and a pair of them alone is an empty argument. An
// unterminated quote fails the test t.
func Split(t testing.TB, line string) []string {
	t.Helper()
	var args []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range strings.TrimSpace(line) {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case !quoted && (r == ' ' || r == '\t' || r == '\n'):
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("args: unterminated quote in %q", line)
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args
}
