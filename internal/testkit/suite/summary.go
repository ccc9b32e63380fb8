package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// event is one line of go test -json (cmd/test2json's TestEvent). The
// build events (Action "build-output" and "build-fail", ImportPath) are
// Go 1.24's; before it, build errors go to go test's stderr.
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string
}

// summary turns go test -json's events into go test's own output without
// -v, counting as it goes.
type summary struct {
	w       io.Writer
	verbose bool

	passed, failed, skipped int
	// The output of each running test, by package and name, printed if
	// it fails (or, verbose, as it comes); the tests in the order they
	// started.
	out     map[[2]string][]string
	started [][2]string
	// Skip reasons in first-seen order, with the tests that gave each.
	reasons []string
	skips   map[string][]string
}

func newSummary(w io.Writer, verbose bool) *summary {
	return &summary{w: w, verbose: verbose, out: map[[2]string][]string{}, skips: map[string][]string{}}
}

// read reads go test -json output to its end. A line that is not JSON
// (go test writes some build failures plainly) is printed as it is.
func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Action == "" {
			fmt.Fprintln(s.w, sc.Text())
			continue
		}
		s.add(e)
	}
	return sc.Err()
}

// The lines test2json passes on that go test without -v does not print:
// the framing of each test and a package's "PASS".
var framing = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME) |PASS\n$)`)

// add takes one event.
func (s *summary) add(e event) {
	key := [2]string{e.Package, e.Test}
	switch {
	case e.Action == "build-output":
		io.WriteString(s.w, e.Output)
	case e.Test == "" && e.Action == "output":
		// The package's own lines: "ok  \tpkg\t1.2s", "FAIL\tpkg …",
		// "?   \tpkg\t[no test files]", and what a TestMain prints.
		if s.verbose || !framing.MatchString(e.Output) {
			io.WriteString(s.w, e.Output)
		}
	case e.Test == "" && e.Action == "fail":
		// A package that fails with tests still running (a timeout, a
		// panic, os.Exit) gives them no end event: they failed with it,
		// and their output says how.
		s.unfinished(e.Package)
	case e.Test == "":
	case e.Action == "run":
		s.started = append(s.started, key)
		s.out[key] = nil
	case e.Action == "output":
		if s.verbose {
			io.WriteString(s.w, e.Output)
		}
		s.out[key] = append(s.out[key], e.Output)
	case e.Action == "pass":
		s.passed++
		delete(s.out, key)
	case e.Action == "fail":
		s.failed++
		if !s.verbose {
			for _, line := range s.out[key] {
				if !framing.MatchString(line) {
					io.WriteString(s.w, line)
				}
			}
		}
		delete(s.out, key)
	case e.Action == "skip":
		s.skipped++
		reason := skipReason(s.out[key])
		if len(s.skips[reason]) == 0 {
			s.reasons = append(s.reasons, reason)
		}
		s.skips[reason] = append(s.skips[reason], e.Test)
		delete(s.out, key)
	}
}

// unfinished counts the tests of pkg that started and never ended as
// failed, and prints their output, in the order they started.
func (s *summary) unfinished(pkg string) {
	for _, key := range s.started {
		out, running := s.out[key]
		if key[0] != pkg || !running {
			continue
		}
		s.failed++
		if !s.verbose {
			for _, line := range out {
				if !framing.MatchString(line) {
					io.WriteString(s.w, line)
				}
			}
		}
		delete(s.out, key)
	}
}

// A line the testing package logged: indented, after file:line.
var logged = regexp.MustCompile(`^\s+\S+\.go:\d+: `)

// skipReason returns why a test skipped: the last line it logged, which
// is t.Skip's message, without the file:line the testing package puts
// before it.
func skipReason(lines []string) string {
	text := strings.Split(strings.TrimRight(strings.Join(lines, ""), "\n"), "\n")
	for i := len(text) - 1; i >= 0; i-- {
		l := text[i]
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "--- SKIP") || framing.MatchString(l+"\n") {
			continue
		}
		if loc := logged.FindStringIndex(l); loc != nil {
			return strings.TrimSpace(l[loc[1]:])
		}
		return strings.TrimSpace(l)
	}
	return "(no reason given)"
}

// line returns the closing line: the counts, then each skip reason with
// how many tests gave it and the first few of them, the most frequent
// reason first.
func (s *summary) line() string {
	line := fmt.Sprintf("%d passed, %d failed, %d skipped", s.passed, s.failed, s.skipped)
	if len(s.reasons) == 0 {
		return line
	}
	reasons := append([]string(nil), s.reasons...)
	sort.SliceStable(reasons, func(i, j int) bool { return len(s.skips[reasons[i]]) > len(s.skips[reasons[j]]) })
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		tests := s.skips[r]
		const shown = 3
		names := strings.Join(tests[:min(len(tests), shown)], ", ")
		if len(tests) > shown {
			names += fmt.Sprintf(" and %d more", len(tests)-shown)
		}
		parts[i] = fmt.Sprintf("%s (%s)", r, names)
	}
	return line + ": " + strings.Join(parts, "; ")
}
