// Package ctest builds and runs C for tests: generated block-gen.c files
// together with the test runtime in testdata/runtime, compiled as QEMU
// would compile them, with warnings as errors.
//
// A missing compiler skips the test with a message naming what to install,
// unless BCW_REQUIRE_E2E=1 is set (as CI sets it), which makes it a
// failure.
package ctest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Flags are the compiler flags every build uses.
var Flags = []string{"-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g"}

// Require skips (or, with BCW_REQUIRE_E2E=1, fails) the test unless every
// named program is on PATH. install names the Debian packages to install.
// On Windows it always skips: see below.
func Require(t testing.TB, install string, programs ...string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("skipped on Windows: tests that need " + strings.Join(programs, ", ") +
			" run on the Unix hosts (the C runtime in testdata/runtime is POSIX, with ucontext;" +
			" the Meson, ninja and go-build.py tests drive a Unix build); the Windows Meson shim" +
			" is tested under wine from Linux (meson/e2e)")
	}
	for _, prog := range programs {
		if _, err := exec.LookPath(prog); err != nil {
			msg := prog + " is not installed (apt-get install -y " + install + ")"
			if os.Getenv("BCW_REQUIRE_E2E") == "1" {
				t.Fatal(msg + "; BCW_REQUIRE_E2E=1 makes this a failure")
			}
			t.Skip(msg)
		}
	}
}

// CC returns the C compiler to use ($CC, else gcc), after Require.
func CC(t testing.TB) string {
	t.Helper()
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	Require(t, "gcc", cc)
	return cc
}

// Root returns the module's root directory, found from the working
// directory of the test.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Runtime returns the directory of the C test runtime.
func Runtime(t testing.TB) string {
	return filepath.Join(Root(t), "testdata", "runtime")
}

// Build compiles sources into the program out, with Flags, extra flags and
// the include directories, and fails the test with the compiler's output if
// it does not compile cleanly.
func Build(t testing.TB, out string, includes, sources []string, extra ...string) {
	t.Helper()
	args := append([]string{}, Flags...)
	args = append(args, extra...)
	for _, inc := range includes {
		args = append(args, "-I", inc)
	}
	args = append(args, "-o", out)
	args = append(args, sources...)
	compile(t, args)
}

// SyntaxOnly checks that source compiles cleanly, without building it.
func SyntaxOnly(t testing.TB, includes []string, source string, extra ...string) {
	t.Helper()
	args := append([]string{}, Flags...)
	args = append(args, "-fsyntax-only")
	args = append(args, extra...)
	for _, inc := range includes {
		args = append(args, "-I", inc)
	}
	compile(t, append(args, source))
}

// Accepts reports whether source compiles cleanly, as SyntaxOnly checks
// it, and otherwise returns the compiler's output: for C whose validity
// is the question, such as a fuzzer's input.
func Accepts(t testing.TB, includes []string, source string, extra ...string) (bool, string) {
	t.Helper()
	args := append([]string{}, Flags...)
	args = append(args, "-fsyntax-only")
	args = append(args, extra...)
	for _, inc := range includes {
		args = append(args, "-I", inc)
	}
	out, err := exec.Command(CC(t), append(args, source)...).CombinedOutput()
	return err == nil && len(bytes.TrimSpace(out)) == 0, string(out)
}

func compile(t testing.TB, args []string) {
	t.Helper()
	cmd := exec.Command(CC(t), args...)
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("%s: %v\n%s", cmd, err, out)
	}
}

// Run runs a built program and returns its output; a non-zero exit fails
// the test.
func Run(t testing.TB, prog string) string {
	t.Helper()
	out, err := exec.Command(prog).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", prog, err, out)
	}
	return string(out)
}
