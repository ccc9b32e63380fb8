// Command suite runs the project's tests, as go test does, and ends with
// one line that counts them and says what was skipped and why:
//
//	go run ./internal/testkit/suite                # go test ./...
//	go run ./internal/testkit/suite -run TestX ./gen/...
//
// go test ./... prints nothing but "ok" for a package that passes, so a
// test that skipped because meson, ninja, gcc or wine is missing says so
// only under -v, and a machine without them passes the suite while
// testing much less. This runs go test -json with the arguments given,
// which are go test's (with flags, name the packages too; with no
// arguments, ./...), prints what go test would print without -v (each
// package's "ok" or "FAIL" line, the output of the tests that failed),
// and then
//
//	412 passed, 0 failed, 23 skipped: meson is not installed (apt-get install -y meson) [20]; …
//
// counting tests and subtests, with every distinct skip reason (the last
// line the test logged, without its file:line) and how many tests gave it.
// With -v among the arguments, every test's output is printed, as go test
// -v prints it. The exit status is go test's.
//
// CI (.ci/run) runs it with BCW_REQUIRE_E2E=1, under which a missing
// program fails its tests instead of skipping them.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs go test -json with args and summarises its output on stdout;
// go test's own stderr (build errors before Go 1.24) goes to stderr. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	verbose := slices.Contains(args, "-v") || slices.Contains(args, "-test.v")
	if len(args) == 0 {
		args = []string{"./..."}
	}
	cmd := exec.Command("go", append([]string{"test", "-json"}, args...)...)
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(stderr, "suite:", err)
		return 2
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(stderr, "suite:", err)
		return 2
	}
	s := newSummary(stdout, verbose)
	readErr := s.read(out)
	err = cmd.Wait()
	fmt.Fprintln(stdout, s.line())
	if readErr != nil {
		fmt.Fprintln(stderr, "suite: reading go test -json:", readErr)
		return 2
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintln(stderr, "suite:", err)
		return 2
	case s.failed > 0:
		return 1 // go test exits 1 then; this would be a bug of go test's
	}
	return 0
}
