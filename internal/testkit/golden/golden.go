// Package golden is what every test that runs a golden archive needs:
// Split turns its command line (the -- args -- section) into arguments,
// and Lay lays its files out in a directory, aged to Past. The golden
// driver, the malformed-input test and the compile test in
// cmd/block-coroutine-wrapper and the old/new differential run them.
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Past is the modification time Lay gives every file, so that a run that
// rewrites one is seen to, even on a file system with coarse timestamps.
var Past = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// Lay writes files (by slash-separated path) under dir, making the
// directories they need, each with the modification time Past. A file
// that cannot be written fails the test t.
func Lay(t testing.TB, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, Past, Past); err != nil {
			t.Fatal(err)
		}
	}
}

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
