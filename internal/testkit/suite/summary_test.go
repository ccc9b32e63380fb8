package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A go test -json stream (as Go 1.22 to 1.26 write it) of two packages:
// one passes with a skip and a subtest, one fails.
const stream = `{"Action":"start","Package":"m/a"}
{"Action":"run","Package":"m/a","Test":"TestOK"}
{"Action":"output","Package":"m/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"output","Package":"m/a","Test":"TestOK","Output":"    a_test.go:9: a log line\n"}
{"Action":"output","Package":"m/a","Test":"TestOK","Output":"--- PASS: TestOK (0.00s)\n"}
{"Action":"pass","Package":"m/a","Test":"TestOK"}
{"Action":"run","Package":"m/a","Test":"TestMeson"}
{"Action":"output","Package":"m/a","Test":"TestMeson","Output":"=== RUN   TestMeson\n"}
{"Action":"output","Package":"m/a","Test":"TestMeson","Output":"    ctest.go:42: meson is not installed (apt-get install -y meson)\n"}
{"Action":"output","Package":"m/a","Test":"TestMeson","Output":"--- SKIP: TestMeson (0.00s)\n"}
{"Action":"skip","Package":"m/a","Test":"TestMeson"}
{"Action":"run","Package":"m/a","Test":"TestMore"}
{"Action":"run","Package":"m/a","Test":"TestMore/sub"}
{"Action":"output","Package":"m/a","Test":"TestMore/sub","Output":"    e2e_test.go:7: building\n"}
{"Action":"output","Package":"m/a","Test":"TestMore/sub","Output":"    ctest.go:42: meson is not installed (apt-get install -y meson)\n"}
{"Action":"output","Package":"m/a","Test":"TestMore/sub","Output":"    --- SKIP: TestMore/sub (0.00s)\n"}
{"Action":"skip","Package":"m/a","Test":"TestMore/sub"}
{"Action":"output","Package":"m/a","Test":"TestMore","Output":"--- PASS: TestMore (0.00s)\n"}
{"Action":"pass","Package":"m/a","Test":"TestMore"}
{"Action":"run","Package":"m/a","Test":"TestUnix"}
{"Action":"output","Package":"m/a","Test":"TestUnix","Output":"=== RUN   TestUnix\n"}
{"Action":"output","Package":"m/a","Test":"TestUnix","Output":"--- SKIP: TestUnix (0.00s)\n"}
{"Action":"skip","Package":"m/a","Test":"TestUnix"}
{"Action":"output","Package":"m/a","Output":"PASS\n"}
{"Action":"output","Package":"m/a","Output":"ok  \tm/a\t0.012s\n"}
{"Action":"pass","Package":"m/a"}
{"Action":"output","Package":"m/b","Output":"?   \tm/b\t[no test files]\n"}
{"Action":"skip","Package":"m/b"}
{"Action":"run","Package":"m/c","Test":"TestBad"}
{"Action":"output","Package":"m/c","Test":"TestBad","Output":"=== RUN   TestBad\n"}
{"Action":"output","Package":"m/c","Test":"TestBad","Output":"    c_test.go:5: got 1, want 2\n"}
{"Action":"output","Package":"m/c","Test":"TestBad","Output":"--- FAIL: TestBad (0.00s)\n"}
{"Action":"fail","Package":"m/c","Test":"TestBad"}
{"Action":"output","Package":"m/c","Output":"FAIL\n"}
{"Action":"output","Package":"m/c","Output":"FAIL\tm/c\t0.010s\n"}
{"Action":"fail","Package":"m/c"}
# m/d
d.go:3:1: syntax error
{"ImportPath":"m/e","Action":"build-output","Output":"e.go:1:1: expected 'package'\n"}
{"ImportPath":"m/e","Action":"build-fail"}
`

func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		name    string
		verbose bool
		want    string
	}{
		{"as go test prints it", false, `ok  	m/a	0.012s
?   	m/b	[no test files]
    c_test.go:5: got 1, want 2
--- FAIL: TestBad (0.00s)
FAIL
FAIL	m/c	0.010s
# m/d
d.go:3:1: syntax error
e.go:1:1: expected 'package'
2 passed, 1 failed, 3 skipped: meson is not installed (apt-get install -y meson) (TestMeson, TestMore/sub); (no reason given) (TestUnix)
`},
		{"as go test -v prints it", true, `=== RUN   TestOK
    a_test.go:9: a log line
--- PASS: TestOK (0.00s)
=== RUN   TestMeson
    ctest.go:42: meson is not installed (apt-get install -y meson)
--- SKIP: TestMeson (0.00s)
    e2e_test.go:7: building
    ctest.go:42: meson is not installed (apt-get install -y meson)
    --- SKIP: TestMore/sub (0.00s)
--- PASS: TestMore (0.00s)
=== RUN   TestUnix
--- SKIP: TestUnix (0.00s)
PASS
ok  	m/a	0.012s
?   	m/b	[no test files]
=== RUN   TestBad
    c_test.go:5: got 1, want 2
--- FAIL: TestBad (0.00s)
FAIL
FAIL	m/c	0.010s
# m/d
d.go:3:1: syntax error
e.go:1:1: expected 'package'
2 passed, 1 failed, 3 skipped: meson is not installed (apt-get install -y meson) (TestMeson, TestMore/sub); (no reason given) (TestUnix)
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			s := newSummary(&out, tc.verbose)
			if err := s.read(strings.NewReader(stream)); err != nil {
				t.Fatal(err)
			}
			out.WriteString(s.line() + "\n")
			if diff := cmp.Diff(tc.want, out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLineNamesAFewTestsPerReason(t *testing.T) {
	s := newSummary(&strings.Builder{}, false)
	for _, name := range []string{"T1", "T2", "T3", "T4", "T5"} {
		s.add(event{Action: "output", Package: "p", Test: name, Output: "    x_test.go:1: no wine\n"})
		s.add(event{Action: "skip", Package: "p", Test: name})
	}
	s.add(event{Action: "output", Package: "p", Test: "T6", Output: "    x_test.go:1: not on Windows\n"})
	s.add(event{Action: "skip", Package: "p", Test: "T6"})
	s.add(event{Action: "pass", Package: "p", Test: "T7"})
	want := "1 passed, 0 failed, 6 skipped: no wine (T1, T2, T3 and 2 more); not on Windows (T6)"
	if got := s.line(); got != want {
		t.Errorf("line:\n got %q\nwant %q", got, want)
	}
}

// A package that times out: the test running then has no end event, and
// go test's panic is in its output.
func TestTimedOutPackage(t *testing.T) {
	const timedOut = `{"Action":"run","Package":"m/e2e","Test":"TestQuick"}
{"Action":"pass","Package":"m/e2e","Test":"TestQuick"}
{"Action":"run","Package":"m/e2e","Test":"TestSlow"}
{"Action":"output","Package":"m/e2e","Test":"TestSlow","Output":"=== RUN   TestSlow\n"}
{"Action":"output","Package":"m/e2e","Test":"TestSlow","Output":"panic: test timed out after 10m0s\n"}
{"Action":"output","Package":"m/e2e","Test":"TestSlow","Output":"\trunning tests:\n"}
{"Action":"output","Package":"m/e2e","Output":"FAIL\tm/e2e\t600.027s\n"}
{"Action":"fail","Package":"m/e2e"}
`
	var out strings.Builder
	s := newSummary(&out, false)
	if err := s.read(strings.NewReader(timedOut)); err != nil {
		t.Fatal(err)
	}
	out.WriteString(s.line() + "\n")
	want := "FAIL\tm/e2e\t600.027s\npanic: test timed out after 10m0s\n\trunning tests:\n1 passed, 1 failed, 0 skipped\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
