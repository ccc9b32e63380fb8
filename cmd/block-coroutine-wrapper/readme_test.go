package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// TestReadmeRules holds the README's tables of warnings and of error kinds
// to diag.Rules: every warning with its default, every error's rule id, in
// the catalogue's order.
func TestReadmeRules(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := func(title string) string {
		_, rest, ok := strings.Cut(string(readme), "\n"+title+"\n")
		if !ok {
			t.Fatalf("README has no %q", title)
		}
		if i := strings.Index(rest, "\n#"); i >= 0 {
			rest = rest[:i]
		}
		return rest
	}
	var wantWarnings, wantErrors, gotWarnings, gotErrors []string
	for _, r := range diag.Rules {
		switch {
		case r.Warning && r.Default:
			wantWarnings = append(wantWarnings, string(r.ID)+" on")
		case r.Warning:
			wantWarnings = append(wantWarnings, string(r.ID)+" `-Wall`")
		default:
			wantErrors = append(wantErrors, string(r.ID))
		}
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `-W([a-z-]+)` \\| ([^|]+) \\|").FindAllStringSubmatch(section("### Warnings"), -1) {
		gotWarnings = append(gotWarnings, m[1]+" "+strings.TrimSpace(m[2]))
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(section("### JSON and SARIF"), -1) {
		gotErrors = append(gotErrors, m[1])
	}
	if diff := cmp.Diff(wantWarnings, gotWarnings); diff != "" {
		t.Errorf("README's warnings table (-diag.Rules +README):\n%s", diff)
	}
	if diff := cmp.Diff(wantErrors, gotErrors); diff != "" {
		t.Errorf("README's table of error rules (-diag.Rules +README):\n%s", diff)
	}
}

// TestReadmeWallExample reruns README's -Wall example as its text says:
// the bundled example with the line declaring bdrv_co_flush deleted and
// coroutine_fn taken off bdrv_co_drain_all. The plain command says
// nothing, and -Wall prints exactly the README's block.
func TestReadmeWallExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- WALL_EXAMPLE -->\n```\n\\$ block-coroutine-wrapper (.*?)\n(.*?)```\n").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no WALL_EXAMPLE block")
	}
	dir := t.TempDir()
	// The bundled example, copied (os.CopyFS needs Go 1.23; go.mod says
	// 1.22).
	src0 := filepath.FromSlash("../../testdata/example")
	err = filepath.WalkDir(src0, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src0, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o777); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	header := filepath.Join(dir, "include/block/block-io.h")
	src, err := os.ReadFile(header)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(src), "\n") {
		if strings.Contains(l, " bdrv_co_flush(") {
			continue // the line declaring it, deleted
		}
		kept = append(kept, strings.Replace(l, "void coroutine_fn bdrv_co_drain_all(", "void bdrv_co_drain_all(", 1))
	}
	if err := os.WriteFile(header, []byte(strings.Join(kept, "")), 0o666); err != nil {
		t.Fatal(err)
	}
	args := strings.Fields(string(m[1]))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "-Wall" }), ""},
		{args, string(m[2])},
	} {
		var stdout, stderr strings.Builder
		if status := run(tc.args, env{Env: diag.Env{Dir: dir}, stdout: &stdout, stderr: &stderr}); status != exitOK {
			t.Errorf("%v: exit %d", tc.args, status)
		}
		if diff := cmp.Diff(tc.want, stderr.String()); diff != "" {
			t.Errorf("%v: stderr (-README +actual):\n%s", tc.args, diff)
		}
	}
}
