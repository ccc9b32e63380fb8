package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

// Paths are taken byte for byte from the command line and written to the
// depfile so that ninja reads each as the same file, or refused.

// argsFileEnv makes the test binary run the tool, as main does, on the
// arguments in the file it names (NUL-terminated), so that ninja can
// start it with arguments that no manifest or shell line could carry
// unchanged.
const argsFileEnv = "BCW_TEST_ARGS_FILE"

func runArgsFile(name string) int {
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	args := strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
	return run(args, env{Env: diag.Env{Dir: "."}, stdout: os.Stdout, stderr: os.Stderr})
}

// header declares one wrapper and its coroutine function, named after n.
func header(n int) []byte {
	return []byte(fmt.Sprintf("int coroutine_fn bdrv_co_odd%d(BlockDriverState *bs);\nint co_wrapper bdrv_odd%d(BlockDriverState *bs);\n", n, n))
}

// writeFile writes a file (here, not in the Unix-only safety_test.go,
// so that the package's tests build for Windows).
func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// put writes a file, making its directory.
func put(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, data)
}

// TestPathArguments runs the tool in-process on paths that kong would
// once have changed: bytes that are not UTF-8 (re-encoded as U+FFFD) and
// a comma in a --scan value (split there).
func TestPathArguments(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("for POSIX hosts: Windows names files in UTF-16, so a name that is not UTF-8 cannot be made there")
	}
	dir := t.TempDir()
	for name, n := range map[string]int{"lat\xe9n/a.h": 1, "c,omma/b.h": 2} {
		put(t, filepath.Join(dir, name), header(n))
	}
	out, dep := "o\xe9.c", "o\xe9.c.d"
	var stderr bytes.Buffer
	args := []string{"-o", out, "--depfile", dep, "lat\xe9n/a.h", "--scan", "c,omma"}
	if code := run(args, env{Env: diag.Env{Dir: dir}, stdout: &stderr, stderr: &stderr}); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, &stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"c,omma", "lat\xe9n", out, dep}; !cmp.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, dep))
	if err != nil {
		t.Fatal(err)
	}
	want := "o\xe9.c: \\\n  lat\xe9n/a.h \\\n  c,omma/b.h \\\n  c,omma\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("depfile (-want +got):\n%s", diff)
	}
}

// oddNames are the names TestOddPathsNinja tries, each in every role:
// output, depfile, named input, scanned directory, file and directory
// found by the scan. refused is what the error must say when the tool
// must refuse the name (then it is only an input and a scanned
// directory, as no manifest could name such an output).
var oddNames = []struct{ name, refused string }{
	{name: "plain"},
	{name: "sp ace"},
	{name: "dol$lar"},
	{name: "ha#sh"},
	{name: "c,omma"},
	{name: "colon:"},
	{name: "in:side"},
	{name: `back\slash`},
	{name: `trail\`},
	{name: `two\\`},
	{name: `sp\ ace`},
	{name: `ha\#sh`},
	{name: `co\:lon`},
	{name: `co\:`},
	{name: `semi\;colon`},
	{name: `quo\'te`},
	{name: "br[ack]{e}(t)s"},
	{name: "caf\xc3\xa9"},
	{name: "lat\xe9n1"},
	{name: "~at@%=!+-_."},
	{name: "it's", refused: "it contains ', at which ninja's depfile parser ends a path"},
	{name: "semi;colon", refused: "it contains ;,"},
	{name: "st*r", refused: "it contains *,"},
	{name: `q"uote`, refused: `it contains ",`},
	{name: "ta\tb", refused: "it contains a tab"},
	{name: "new\nline", refused: "it contains a line break"},
}

// TestOddPathsNinja has real ninja run the tool, with a depfile, on each
// odd name in every role and checks what ninja recorded ("ninja -t
// deps"): every path as given, each the same file as the one made under
// that name, and then a second ninja run with nothing to do. A name the
// tool must refuse fails the build with an error naming the path, and
// nothing is written. The recorded paths are logged for the closing
// note's table (go test -v -run TestOddPathsNinja).
func TestOddPathsNinja(t *testing.T) {
	ctest.Require(t, "ninja-build", "ninja")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range oddNames {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			dir := t.TempDir()
			n := tc.name
			// The paths each name is given or found as, in the order the
			// depfile lists them: named inputs, files read by the scan,
			// then the directories scanned.
			files := []string{n + ".h", filepath.Join(n, "a.h"), filepath.Join("s", n+".h")}
			for k, p := range files {
				put(t, filepath.Join(dir, p), header(k))
			}
			slices.Sort(files[1:])
			made := append(files, n, "s", filepath.Join("s", n))
			if err := os.MkdirAll(filepath.Join(dir, "s", n), 0o777); err != nil {
				t.Fatal(err)
			}
			out := n + ".c"
			if tc.refused != "" {
				out = "block-gen.c"
			}
			args := []string{"-o", out, "--depfile", out + ".d", n + ".h", "--scan", n, "--scan", "s"}
			writeFile(t, filepath.Join(dir, "args"), []byte(strings.Join(args, "\x00")+"\x00"))
			manifest := fmt.Sprintf("rule bcw\n  command = %s=args %s\n  depfile = $out.d\n  deps = gcc\nbuild %s: bcw\n",
				argsFileEnv, ninjaEscape(shellQuote(self)), ninjaEscape(out))
			writeFile(t, filepath.Join(dir, "build.ninja"), []byte(manifest))

			first, err := ninjaIn(dir)
			if tc.refused != "" {
				if err == nil {
					t.Fatalf("%q: ninja built it; the tool should refuse it:\n%s", n, first)
				}
				if !strings.Contains(first, "cannot be listed in a depfile: "+tc.refused) || !strings.Contains(first, gen.ShownPath(n+".h")) {
					t.Errorf("%q: the error does not name the path and say %q:\n%s", n, tc.refused, first)
				}
				for _, f := range []string{out, out + ".d"} {
					if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
						t.Errorf("%q: %s was written", n, f)
					}
				}
				t.Logf("%q: refused: %s", n, tc.refused)
				return
			}
			if err != nil {
				t.Fatalf("%q: %v\n%s", n, err, first)
			}
			deps, err := ninjaIn(dir, "-t", "deps", out)
			if err != nil {
				t.Fatalf("%q: %v\n%s", n, err, deps)
			}
			var got []string
			for _, line := range strings.Split(deps, "\n") {
				if p, ok := strings.CutPrefix(line, "    "); ok {
					got = append(got, p)
				}
			}
			if !cmp.Equal(got, made) {
				t.Fatalf("%q: ninja recorded %q, want %q", n, got, made)
			}
			for _, p := range got {
				if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
					t.Errorf("%q: ninja recorded %q: %v", n, p, err)
				}
			}
			if again, err := ninjaIn(dir); err != nil || !strings.Contains(again, "ninja: no work to do.") {
				t.Errorf("%q: a second ninja run did something (%v):\n%s", n, err, again)
			}
			t.Logf("%q: ninja recorded %q", n, got)
		})
	}
}

func ninjaIn(dir string, args ...string) (string, error) {
	cmd := exec.Command("ninja", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// shellQuote quotes s for /bin/sh, which runs ninja's commands.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ninjaEscape escapes s for a ninja manifest: '$' as "$$", and in a path
// a space as "$ " and ':' as "$:".
func ninjaEscape(s string) string {
	return strings.NewReplacer("$", "$$", " ", "$ ", ":", "$:").Replace(s)
}
