package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// TestOutputDevNull writes the output and the depfile to the null device
// (/dev/null; Windows' NUL), as gcc takes -o /dev/null to only check: the
// run succeeds, the device stays a device, and nothing is written beside
// the inputs. A bad input still fails.
func TestOutputDevNull(t *testing.T) {
	const good = "int coroutine_fn bdrv_co_out(BlockDriverState *bs);\nint co_wrapper bdrv_out(BlockDriverState *bs);\n"
	const bad = "int co_wrapper_mixd bdrv_out(BlockDriverState *bs);\n"
	for _, tc := range []struct {
		name     string
		src      string
		args     []string
		wantExit int
	}{
		{"-o", good, []string{"-o", os.DevNull, "e.h"}, exitOK},
		{"-o and --depfile", good, []string{"-o", os.DevNull, "--depfile", os.DevNull, "e.h"}, exitOK},
		{"--depfile only", good, []string{"-o", "g.c", "--depfile", os.DevNull, "e.h"}, exitOK},
		{"--scan", good, []string{"-o", os.DevNull, "--depfile", os.DevNull, "--scan", "."}, exitOK},
		{"bad input", bad, []string{"-o", os.DevNull, "e.h"}, exitBadInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "e.h"), []byte(tc.src), 0o666); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, env{Env: diag.Env{Dir: dir}, stdout: &stdout, stderr: &stderr}); got != tc.wantExit {
				t.Fatalf("exit %d, want %d; stderr:\n%s", got, tc.wantExit, stderr.String())
			}
			if tc.wantExit == exitOK && stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
				t.Fatalf("%s is no longer a character device: %v", os.DevNull, err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := "e.h"
			if tc.name == "--depfile only" {
				want = "e.h g.c"
			}
			if got := strings.Join(names, " "); got != want {
				t.Errorf("the directory holds %s, want %s", got, want)
			}
		})
	}
}
