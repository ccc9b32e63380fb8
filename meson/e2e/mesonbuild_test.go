package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/depfile"
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

// meson/go-build.py writes the depfile of the Go binary in Python (Meson
// runs Python on every host; a Go helper would have to be built first), so
// it repeats part of gen/depfile's escaping: where it accepts a path it must
// spell it as depfile.POSIX.Escape does, and it may refuse only what that
// accepts with a backslash (which it leaves out, see its escape()).
func TestGoBuildEscapesAsDepfile(t *testing.T) {
	ctest.Require(t, "python3", "python3")
	paths := []string{
		"plain/path.go", "/abs/a b/x.go", "a  b", "a#b", "a$b", "$$", "C:/x/y.go", "[x]{y}(z)%=@!,+~",
		"ünï/cödé.go", "x:", "inc/old:", "tab\there", "new\nline", "nul\x00", `q"uote`, "it's", "a&b", "a;b",
		"a|b", "a<b", "a>b", "a*b", "a?b", "a^b", "a`b", "del\x7f", "bell\x07",
		`a\ b`, `a\#b`, `trail\`, `back\slash`,
	}
	const script = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("go_build", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
for p in json.load(sys.stdin):
    try:
        print(json.dumps(m.escape(p)))
    except m.DepfileError:
        print("null")
`
	in, err := json.Marshal(paths)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", "-c", script, filepath.Join(ctest.Root(t), "meson", "go-build.py"))
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v", cmd, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(paths) {
		t.Fatalf("go-build.py escaped %d paths, want %d:\n%s", len(lines), len(paths), out)
	}
	for i, p := range paths {
		var py *string
		if err := json.Unmarshal([]byte(lines[i]), &py); err != nil {
			t.Fatal(err)
		}
		goEsc, goErr := depfile.POSIX.Escape(p)
		switch {
		case py == nil && goErr == nil && !strings.Contains(p, `\`):
			t.Errorf("%q: go-build.py refuses it, depfile.Escape gives %q", p, goEsc)
		case py != nil && goErr != nil:
			t.Errorf("%q: go-build.py gives %q, depfile.Escape refuses it: %v", p, *py, goErr)
		case py != nil && *py != goEsc:
			t.Errorf("%q: go-build.py gives %q, depfile.Escape %q", p, *py, goEsc)
		}
	}
}

// meson/README.md shows QEMU's block/meson.build in the forms the QEMU
// tests build: each must be there as the test has it, so that what a
// reader copies is what was tried.
func TestREADMEShowsTheTestedForms(t *testing.T) {
	readme := readFile(t, filepath.Join(ctest.Root(t), "meson", "README.md"))
	forms, err := filepath.Glob(filepath.Join("testdata", "qemu", "block", "meson.build.*"))
	if err != nil || len(forms) == 0 {
		t.Fatalf("no forms in testdata/qemu/block: %v", err)
	}
	for _, f := range forms {
		if !strings.Contains(readme, "```meson\n"+readFile(t, f)+"```\n") {
			t.Errorf("meson/README.md does not show %s as a meson block, verbatim", f)
		}
	}
}

// The newest version CHANGELOG.md describes is the tool's.
func TestChangelogNamesTheVersion(t *testing.T) {
	log := readFile(t, filepath.Join(ctest.Root(t), "CHANGELOG.md"))
	m := regexp.MustCompile(`(?m)^## \[([^\]]+)\]`).FindAllStringSubmatch(log, -1)
	var versions []string
	for _, v := range m {
		if v[1] != "Unreleased" {
			versions = append(versions, v[1])
		}
	}
	if len(versions) == 0 || versions[0] != gen.Version {
		t.Errorf("CHANGELOG.md's newest version is %q, gen.Version is %q", versions, gen.Version)
	}
	if !strings.Contains(log, "\n["+gen.Version+"]: ") {
		t.Errorf("CHANGELOG.md has no link for [%s]", gen.Version)
	}
}

// TestMesonSetupWarnsNothing configures the project with
// --fatal-meson-warnings, which some packagers and CIs use and which makes
// any Meson warning (a deprecated feature, a feature newer than
// meson_version) abort the setup: top-level with the default options and
// with those a packager sets, and as the subproject of a parent.
func TestMesonSetupWarnsNothing(t *testing.T) {
	requireMeson(t)
	root := ctest.Root(t)
	env := goCacheEnv(os.Environ())
	for _, opts := range [][]string{
		nil,
		{"--prefix=/usr", "--buildtype=plain", "-Dstrip=true", "-Dtests=false", "-Dpkgconfig.relocatable=true"},
	} {
		build := filepath.Join(t.TempDir(), "build")
		args := append([]string{"setup", "--fatal-meson-warnings"}, opts...)
		if out := run(t, root, env, "meson", append(args, build)...); strings.Contains(out, "WARNING") {
			t.Errorf("meson %s warns:\n%s", strings.Join(args, " "), out)
		}
	}
	p := newParent(t)
	if out := p.cmd(t, "meson", "setup", "--fatal-meson-warnings", "--wrap-mode=forcefallback", p.build); strings.Contains(out, "WARNING") {
		t.Errorf("meson setup of a parent warns:\n%s", out)
	}
}

// TestMesonCompileBuildsTheTool checks what meson compile builds: the Go
// binary, and with -Dtests=false nothing else, as a packager wants; with
// the tests, meson test builds them (build_by_default: false leaves them
// to it from Meson 1.7 on; Meson 1.0 to 1.6 put every test's program in
// "all" whatever build_by_default says).
func TestMesonCompileBuildsTheTool(t *testing.T) {
	requireMeson(t)
	root := ctest.Root(t)
	env := goCacheEnv(os.Environ())
	build := filepath.Join(t.TempDir(), "build")
	run(t, root, env, "meson", "setup", "-Dtests=false", build)
	cmds := strings.Split(strings.TrimSpace(run(t, root, env, "ninja", "-C", build, "-t", "commands", "all")), "\n")
	if len(cmds) != 1 || !strings.Contains(cmds[0], "go-build.py") {
		t.Errorf("with -Dtests=false, meson compile runs %d commands, want only go-build.py:\n%s",
			len(cmds), strings.Join(cmds, "\n"))
	}

	// Every program of the default build but the Go binary is
	// build_by_default: false, so that from Meson 1.7 on "all" is the tool
	// alone.
	build = filepath.Join(t.TempDir(), "build")
	run(t, root, env, "meson", "setup", build)
	var targets []struct {
		Name           string
		BuildByDefault bool `json:"build_by_default"`
	}
	if err := json.Unmarshal([]byte(run(t, root, env, "meson", "introspect", "--targets", build)), &targets); err != nil {
		t.Fatal(err)
	}
	var byDefault []string
	for _, tg := range targets {
		if tg.BuildByDefault {
			byDefault = append(byDefault, tg.Name)
		}
	}
	if !slices.Equal(byDefault, []string{"block-coroutine-wrapper-go"}) {
		t.Errorf("targets built by default: %q, want only the Go binary", byDefault)
	}
}
