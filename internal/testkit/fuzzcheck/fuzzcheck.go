// Package fuzzcheck holds what the fuzz targets of the generator share: the
// bound on the work one input may cause, a runner that turns a panic or a
// hang into a test failure carrying a stack, and an oracle for source
// positions that is independent of the lexer.
//
// It is test support only; nothing in the generator imports it.
package fuzzcheck

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// MaxInput is the largest input a fuzz target examines. Real headers are a
// few tens of KiB; larger inputs only slow the fuzzer down without reaching
// new code.
const MaxInput = 64 << 10

// Deadline is how long one input may take before the fuzz target calls it
// a hang. Every input of MaxInput bytes takes well under a second, so ten
// leaves room for a loaded machine and coverage instrumentation while still
// failing on a loop that does not end.
const Deadline = 10 * time.Second

// Run calls fn and fails t if fn panics or does not return within limit.
// Running fn on its own goroutine is what lets a hang be reported as a
// failure with the stacks of every goroutine, instead of the fuzzer
// waiting forever; a panic is reported with fn's stack.
//
// fn must not use t: FailNow works only on the test's goroutine. Let fn
// run the code under test and store its results, and check them after Run
// returns.
func Run(t testing.TB, limit time.Duration, fn func()) {
	t.Helper()
	type outcome struct {
		panicked bool
		value    any
		stack    []byte
	}
	done := make(chan outcome, 1)
	go func() {
		returned := false
		defer func() {
			if returned {
				done <- outcome{}
				return
			}
			// A panic, or runtime.Goexit (recover returns nil).
			done <- outcome{panicked: true, value: recover(), stack: debug.Stack()}
		}()
		fn()
		returned = true
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case o := <-done:
		if o.panicked {
			t.Fatalf("panic: %v\n%s", o.value, o.stack)
		}
	case <-timer.C:
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Fatalf("no result after %v: a hang or a blow-up\n%s", limit, buf)
	}
}

// Lines maps byte offsets of one source file to the line and column the
// lexer must report, computed the simple way: a line ends at "\n", "\r\n"
// or a lone "\r"; columns count bytes from 1; a UTF-8 byte order mark at
// the start is not part of line 1.
type Lines struct {
	starts []int // offset of each line's first byte
	ends   []int // offset of each line's break (or len(src))
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	l := &Lines{}
	start := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	for i := start; i < len(src); i++ {
		if src[i] != '\n' && src[i] != '\r' {
			continue
		}
		l.starts, l.ends = append(l.starts, start), append(l.ends, i)
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++ // "\r\n" is one break
		}
		start = i + 1
	}
	l.starts, l.ends = append(l.starts, start), append(l.ends, len(src))
	return l
}

// Count is the number of lines; a file ending in a line break has an empty
// last line, where the end-of-file position lies.
func (l *Lines) Count() int { return len(l.starts) }

// Pos returns the 1-based line and column of the byte at off (off may be
// len(src), the end of the file).
func (l *Lines) Pos(off int) (line, col int) {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - l.starts[i] + 1
}

// Offset returns the byte offset of line:col, which must satisfy Contains.
func (l *Lines) Offset(line, col int) int { return l.starts[line-1] + col - 1 }

// Contains reports whether line:col points at a byte of a line, or just
// past its last byte (where "expected ';'" or an end-of-file message
// points).
func (l *Lines) Contains(line, col int) bool {
	if line < 1 || line > len(l.starts) || col < 1 {
		return false
	}
	return col <= l.ends[line-1]-l.starts[line-1]+1
}

// CheckDiags fails t for every diagnostic (or note) whose position is not
// inside the file it names. files maps each input name to its lines; a
// diagnostic naming another file is a failure too.
func CheckDiags(t testing.TB, files map[string]*Lines, items []diag.Diagnostic) {
	t.Helper()
	var check func(d diag.Diagnostic)
	check = func(d diag.Diagnostic) {
		lines, ok := files[d.Pos.File]
		switch {
		case !ok:
			t.Errorf("diagnostic names a file that is not an input: %q", d.Format())
		case !lines.Contains(d.Pos.Line, d.Pos.Col):
			t.Errorf("diagnostic position %d:%d is outside %s (%d lines): %q", d.Pos.Line, d.Pos.Col, d.Pos.File, lines.Count(), d.Format())
		}
		if d.Msg == "" {
			t.Errorf("diagnostic without a message at %s", d.Pos)
		}
		// diag.Format promises one line per diagnostic; tools that read
		// "file:line:col: error: message" depend on it.
		if strings.ContainsAny(d.Msg, "\n\r") {
			t.Errorf("diagnostic message spans lines: %q", d.Format())
		}
		for _, n := range d.Notes {
			check(n)
		}
	}
	for _, d := range items {
		check(d)
	}
}

// Describe renders diagnostics for a failure message.
func Describe(items []diag.Diagnostic) string {
	var b bytes.Buffer
	for _, d := range items {
		fmt.Fprint(&b, d.Format())
	}
	return b.String()
}
