package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// Meson cannot ask Go for these, so the top-level meson.build repeats them;
// these tests (no meson needed) keep the copies right.

func readMesonBuild(t *testing.T) string {
	t.Helper()
	return readFile(t, filepath.Join(ctest.Root(t), "meson.build"))
}

// The project version is what find_program('block-coroutine-wrapper',
// version: ...) compares against when the tool comes from the subproject.
func TestMesonVersionIsGenVersion(t *testing.T) {
	m := regexp.MustCompile(`(?m)^\s*version: '([^']*)'`).FindStringSubmatch(readMesonBuild(t))
	if m == nil {
		t.Fatal("meson.build: no version: in project()")
	}
	if m[1] != gen.Version {
		t.Errorf("meson.build says version %q, gen.Version is %q", m[1], gen.Version)
	}
}

// meson test runs one program per reference dialect; a new
// testdata/reference/qemu-X.Y must be added to the list.
func TestMesonListsEveryReferenceDialect(t *testing.T) {
	m := regexp.MustCompile(`reference_dialects = \[([^\]]*)\]`).FindStringSubmatch(readMesonBuild(t))
	if m == nil {
		t.Fatal("meson.build: no reference_dialects = [...]")
	}
	var listed []string
	for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllStringSubmatch(m[1], -1) {
		listed = append(listed, q[1])
	}
	entries, err := os.ReadDir(filepath.Join(ctest.Root(t), "testdata", "reference"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if v, ok := strings.CutPrefix(e.Name(), "qemu-"); ok && e.IsDir() {
			dirs = append(dirs, v)
		}
	}
	slices.Sort(listed)
	if !slices.Equal(listed, dirs) {
		t.Errorf("meson.build lists dialects %q, testdata/reference has %q", listed, dirs)
	}
}
