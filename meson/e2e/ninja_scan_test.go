package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// ninjaScanManifest is a build.ninja that runs the tool as Meson's
// custom_target with a depfile does (Meson's CUSTOM_COMMAND_DEP rule:
// deps = gcc, restat = 1), with the output inside the scanned directory
// inc and the depfile beside build.ninja.
const ninjaScanManifest = `rule bcw
  command = %s -o $out --depfile $out.d --scan inc
  depfile = $out.d
  deps = gcc
  restat = 1
build inc/g.c: bcw
`

// TestNinjaOutputInScan has real ninja run the tool with its output inside
// the directory it scans, and every later build do nothing until an input
// changes. Before, the second depfile named inc/g.c as its own input, and
// from the third build on ninja stopped at "dependency cycle: inc/g.c ->
// inc/g.c"; and renaming the output into inc made inc newer than the
// output, so the second build ran the tool again.
func TestNinjaOutputInScan(t *testing.T) {
	ctest.Require(t, "ninja-build", "ninja")
	ctest.Require(t, "golang (Go 1.22 or later, https://go.dev/dl/)", "go")
	bin := buildTool(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inc", "a.h"), "int co_wrapper bdrv_a(BlockDriverState *bs);\n")
	// Meson writes the depfile in the build directory, apart from the
	// sources; the output is put inside inc here on purpose.
	manifest := strings.Replace(ninjaScanManifest, "%s", bin, 1)
	manifest = strings.ReplaceAll(manifest, "$out.d", "g.d")
	writeFile(t, filepath.Join(dir, "build.ninja"), manifest)

	ran := func(t *testing.T) bool {
		t.Helper()
		out, err := ninjaRun(dir, "-d", "explain")
		if err != nil {
			t.Fatalf("ninja: %v\n%s", err, out)
		}
		return !strings.Contains(out, "ninja: no work to do.")
	}
	// settle lets the clock move past the file system's timestamp
	// granularity, so that an edit is seen as newer than the last build.
	settle := func() { time.Sleep(50 * time.Millisecond) }

	if !ran(t) {
		t.Fatal("the first build did nothing")
	}
	for i := 2; i <= 4; i++ {
		if ran(t) {
			t.Fatalf("build %d ran the tool again; it should have nothing to do", i)
		}
	}
	deps, err := ninjaRun(dir, "-t", "deps", "inc/g.c")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(deps, "    inc/g.c\n") || strings.Contains(deps, "g.d\n") {
		t.Errorf("ninja recorded the tool's own output or depfile as an input:\n%s", deps)
	}
	if !strings.Contains(deps, "    inc/a.h\n") || !strings.Contains(deps, "    inc\n") {
		t.Errorf("ninja did not record the header and the scanned directory:\n%s", deps)
	}

	// A new annotated header in the scanned directory regenerates; then
	// nothing again.
	settle()
	writeFile(t, filepath.Join(dir, "inc", "b.h"), "int co_wrapper bdrv_b(BlockDriverState *bs);\n")
	if !ran(t) {
		t.Fatal("a new header in inc did not regenerate inc/g.c")
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "inc", "g.c")), "int bdrv_b(BlockDriverState *bs)") {
		t.Error("inc/g.c lacks the new header's wrapper")
	}
	for i := 0; i < 2; i++ {
		if ran(t) {
			t.Fatal("after regenerating, a build ran the tool again")
		}
	}

	// A header that does not change the output: the tool runs once, keeps
	// inc/g.c, and restat stops there.
	settle()
	writeFile(t, filepath.Join(dir, "inc", "plain.h"), "/* no wrappers */\n")
	if !ran(t) {
		t.Fatal("a new file in inc did not run the tool")
	}
	if ran(t) {
		t.Fatal("after a run that kept inc/g.c, a build ran the tool again")
	}
}

// TestNinjaDepfileInScan: a depfile inside the scanned directory, which
// ninja deletes after each build and so makes the directory newer than the
// output, is refused with a message naming the directory, and nothing is
// written.
func TestNinjaDepfileInScan(t *testing.T) {
	ctest.Require(t, "ninja-build", "ninja")
	ctest.Require(t, "golang (Go 1.22 or later, https://go.dev/dl/)", "go")
	bin := buildTool(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inc", "a.h"), "int co_wrapper bdrv_a(BlockDriverState *bs);\n")
	writeFile(t, filepath.Join(dir, "build.ninja"), strings.Replace(ninjaScanManifest, "%s", bin, 1))
	out, err := ninjaRun(dir)
	if err == nil {
		t.Fatalf("ninja built it; the tool should refuse the depfile:\n%s", out)
	}
	if !strings.Contains(out, "inc/g.c.d: error: the depfile is inside the scanned directory inc") {
		t.Errorf("the error does not name the depfile and the directory:\n%s", out)
	}
	for _, f := range []string{"inc/g.c", "inc/g.c.d"} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written", f)
		}
	}
}

// buildTool builds the tool into a temporary directory and returns its
// path.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "block-coroutine-wrapper")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/block-coroutine-wrapper")
	cmd.Dir = ctest.Root(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func ninjaRun(dir string, args ...string) (string, error) {
	cmd := exec.Command("ninja", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}
