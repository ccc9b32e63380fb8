//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var sourceLine = regexp.MustCompile(`^ +[0-9]+ \| `)

// TestTerminal runs the binary with stderr on a real terminal, a
// pseudo-terminal that util-linux's script(1) opens, to prove main's
// wiring: a terminal on stderr gets colour by default and cuts excerpts
// to its width, and the same run with stderr on a file gets neither.
func TestTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("no script(1)")
	}
	if err := exec.Command("script", "-qec", "true", "/dev/null").Run(); err != nil {
		t.Skipf("script(1) cannot open a terminal here: %v", err)
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	var rest strings.Builder
	for i := range 6 { // lines of 60 to 200 columns
		fmt.Fprintf(&rest, ", int padding%d", i)
	}
	src := "int coroutine_fn bdrv_co_long(BlockDriverState *bs, int64_t offset" + rest.String() + ");\n" +
		"int co_wrapper bdrv_long(BlockDriverState *bs, int offset" + rest.String() + ");\n"
	if err := os.WriteFile(filepath.Join(dir, "e.h"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	run := func(shell string) string {
		t.Helper()
		cmd := exec.Command("script", "-qec", shell, "/dev/null")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TERM=xterm", "NO_COLOR=", "CLICOLOR_FORCE=", "COLUMNS=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", shell, err, out)
		}
		return strings.ReplaceAll(string(out), "\r\n", "\n")
	}
	tty := run("stty cols 60 rows 24; " + bin + " --list e.h >/dev/null")
	if !strings.Contains(tty, "\x1b[1;35mwarning:") {
		t.Errorf("a terminal on stderr got no colour:\n%q", tty)
	}
	for _, line := range strings.Split(tty, "\n") {
		if sourceLine.MatchString(line) && !strings.HasSuffix(line, "...") {
			t.Errorf("an excerpt line was not cut to the terminal's 60 columns: %q", line)
		}
	}
	piped := run(bin + " --list e.h >/dev/null 2>err.txt; cat err.txt")
	if strings.Contains(piped, "\x1b") || strings.Contains(piped, "...") {
		t.Errorf("stderr on a file got colour or a cut line:\n%q", piped)
	}
}
