package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// TestShimOnWindows proves the shim's Windows code without a Windows
// machine: it cross-compiles meson/shim.c with MinGW and runs it under wine
// around a stand-in for the Go binary (testdata/shim/child.c), in a
// directory whose name has a space. Ninja must see the generator's exit
// status and output, get them only once the generator is done, and the
// generator must get its arguments as they were given.
//
// It runs on a Linux host with x86_64-w64-mingw32-gcc and wine, in
// $WINEPREFIX if that is set (CI prepares one) and otherwise in a new
// prefix of its own, whose first start takes several seconds.
func TestShimOnWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("runs on the build host: it cross-compiles the shim with MinGW and runs it under wine")
	}
	ctest.Require(t, "gcc-mingw-w64-x86-64-win32", "x86_64-w64-mingw32-gcc")
	ctest.Require(t, "wine wine64", "wine")
	w := newWine(t)

	root := ctest.Root(t)
	dir := filepath.Join(t.TempDir(), "go binary")
	child := filepath.Join(dir, "block-coroutine-wrapper.exe")
	mingw(t, child, "-municode", filepath.Join("testdata", "shim", "child.c"))
	shim := buildShim(t, filepath.Join(dir, "shim"), child, root)

	tricky := []string{
		"two words", `a"quote`, `"`, `trailing\`, `trailing\\`, `tail space\ `,
		`back\"slash`, `x\\"y`, `\\server\share`, "", " ", "\ttab", "é ü", "日本",
		"--depfile", "C:\\Program Files\\qemu\\block-gen.c.d", `-DX="1 2"`,
	}
	for _, tc := range []struct {
		name  string
		args  []string
		exit  int
		sleep time.Duration
	}{
		{"no arguments, exit status 0", nil, 0, 0},
		{"arguments as given, exit status 1", tricky, 1, 0},
		{"waits for a slow generator", []string{"-o", "block-gen.c"}, 1, 1500 * time.Millisecond},
		{"any exit status", []string{"x"}, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := filepath.Join(t.TempDir(), "done")
			cmd := w.command(shim, tc.args...)
			cmd.Env = append(cmd.Env,
				"CHILD_EXIT="+strconv.Itoa(tc.exit),
				"CHILD_SLEEP_MS="+strconv.Itoa(int(tc.sleep/time.Millisecond)),
				"CHILD_DONE="+winPath(done))
			start := time.Now()
			stdout, stderr, err := w.run(t, cmd)
			elapsed := time.Since(start)

			if got := exitStatus(t, err); got != tc.exit {
				t.Errorf("exit status %d, want %d (the generator's)", got, tc.exit)
			}
			if _, err := os.Stat(done); err != nil {
				t.Errorf("the shim returned before the generator was done (after %v): %v", elapsed, err)
			}
			if elapsed < tc.sleep {
				t.Errorf("the shim returned after %v; the generator takes %v", elapsed, tc.sleep)
			}
			if diff := cmp.Diff(childLines(tc.args), stdout); diff != "" {
				t.Errorf("arguments the generator got, on stdout (-want +got):\n%s\nstderr:\n%s", diff, stderr)
			}
			if stderr != "child: this is stderr\n" {
				t.Errorf("stderr is %q, want the generator's", stderr)
			}
		})
	}

	t.Run("a missing binary: status 127 and a message", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "missing.exe")
		_, stderr, err := w.run(t, w.command(buildShim(t, filepath.Join(dir, "shim-missing"), missing, root)))
		if got := exitStatus(t, err); got != 127 {
			t.Errorf("exit status %d, want 127", got)
		}
		if want := "block-coroutine-wrapper: cannot run " + winPath(missing); !strings.Contains(stderr, want) {
			t.Errorf("stderr is %q, want it to say %q", stderr, want)
		}
	})
}

// buildShim compiles meson/shim.c for Windows into out.exe, running binary
// as meson.build's bcw-shim.h would say.
func buildShim(t *testing.T, out, binary, root string) string {
	t.Helper()
	inc := t.TempDir()
	header := fmt.Sprintf("#define BCW_GO_BINARY %s\n", strconv.Quote(winPath(binary)))
	if err := os.WriteFile(filepath.Join(inc, "bcw-shim.h"), []byte(header), 0o666); err != nil {
		t.Fatal(err)
	}
	mingw(t, out+".exe", "-I", inc, filepath.Join(root, "meson", "shim.c"))
	return out + ".exe"
}

// mingw compiles C for Windows with the flags the generated code gets.
func mingw(t *testing.T, out string, args ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(out), 0o777); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("x86_64-w64-mingw32-gcc", append(append(append([]string{}, ctest.Flags...), "-o", out), args...)...)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("%s: %v\n%s", cmd, err, out)
	}
}

// childLines is what testdata/shim/child.c prints for args.
func childLines(args []string) string {
	var b strings.Builder
	for _, a := range args {
		b.WriteString("arg")
		for _, u := range utf16.Encode([]rune(a)) {
			fmt.Fprintf(&b, " %04x", u)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func exitStatus(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// winPath is the path wine's drive Z:, the Unix root, gives a file.
func winPath(p string) string {
	return "Z:" + strings.ReplaceAll(p, "/", `\`)
}

// wine runs Windows programs in one wine prefix.
type wine struct {
	env []string
}

func newWine(t *testing.T) *wine {
	t.Helper()
	// UTF-8, so that wine passes non-ASCII arguments on unchanged.
	w := &wine{env: append(os.Environ(), "WINEDEBUG=-all", "LC_ALL=C.UTF-8")}
	if os.Getenv("WINEPREFIX") != "" {
		return w
	}
	prefix := t.TempDir()
	w.env = append(w.env, "WINEPREFIX="+prefix)
	start := time.Now()
	init := exec.Command("wineboot", "--init")
	init.Env = w.env
	if out, err := init.CombinedOutput(); err != nil {
		t.Fatalf("wineboot --init: %v\n%s", err, out)
	}
	t.Logf("a new wine prefix: %v", time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() {
		// Its wineserver would write to the prefix after it is removed.
		kill := exec.Command("wineserver", "--kill")
		kill.Env = w.env
		kill.Run()
	})
	return w
}

// run runs cmd and returns its stdout and stderr. They go to files, not
// pipes: the processes wine starts in the background inherit them and keep
// a pipe open for seconds after the program is done.
func (w *wine) run(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, err error) {
	t.Helper()
	dir := t.TempDir()
	var files [2]*os.File
	for i, name := range []string{"stdout", "stderr"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		files[i] = f
	}
	cmd.Stdout, cmd.Stderr = files[0], files[1]
	err = cmd.Run()
	out, _ := os.ReadFile(files[0].Name())
	errOut, _ := os.ReadFile(files[1].Name())
	return string(out), string(errOut), err
}

func (w *wine) command(prog string, args ...string) *exec.Cmd {
	cmd := exec.Command("wine", append([]string{prog}, args...)...)
	cmd.Env = append([]string{}, w.env...)
	return cmd
}
