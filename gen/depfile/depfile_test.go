package depfile_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/depfile"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"include/block/block-io.h", "include/block/block-io.h"},
		{"../a b/c.h", `../a\ b/c.h`},
		{"cost$.h", "cost$$.h"},
		{"issue#3.h", `issue\#3.h`},
		{`back\slash.h`, `back\slash.h`},
		{`trail\ space.h`, `trail\\\ space.h`},
		{"C:/x.h", "C:/x.h"},
		{"(x)+{y}[z]@%=!,~.h", "(x)+{y}[z]@%=!,~.h"},
		{"caf\xc3\xa9.h", "caf\xc3\xa9.h"},
	} {
		got, err := depfile.Escape(tc.path)
		if err != nil || got != tc.want {
			t.Errorf("Escape(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
	}
}

func TestEscapeRefuses(t *testing.T) {
	for _, path := range []string{"", "a\nb", "a\tb", "it's.h", `say"hi".h`, "a&b", "a;b", "a|b", "a<b", "a>b", "a*b", "a?b", "a^b", "a`b", "dir:"} {
		if got, err := depfile.Escape(path); err == nil {
			t.Errorf("Escape(%q) = %q, want an error", path, got)
		} else if !strings.Contains(err.Error(), "cannot be listed in a depfile") {
			t.Errorf("Escape(%q): unhelpful error %q", path, err)
		}
	}
}

func TestFormat(t *testing.T) {
	got, err := depfile.Format("block-gen.c", []string{"a.h", "dir b/c.h", "inc"})
	if err != nil {
		t.Fatal(err)
	}
	want := "block-gen.c: \\\n  a.h \\\n  dir\\ b/c.h \\\n  inc\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := depfile.Format("out.c", []string{"ok.h", "bad\t.h"}); err == nil {
		t.Error("Format accepted a path with a tab")
	}
}

// TestNinjaReadsItBack has ninja itself parse a depfile with awkward names
// and checks what it recorded, so the escaping is proved against the
// parser that matters.
func TestNinjaReadsItBack(t *testing.T) {
	ctest.Require(t, "ninja-build", "ninja")
	dir := t.TempDir()
	names := []string{"plain.h", "a b.h", "cost$.h", "issue#3.h", `back\slash.h`, `trail\ space.h`, "dir with space/x.h"}
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	dep, err := depfile.Format("out", names)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "deps.in"), dep, 0o666); err != nil {
		t.Fatal(err)
	}
	ninja := "rule gen\n  command = cp deps.in out.d && touch out\n  depfile = out.d\n  deps = gcc\nbuild out: gen\n"
	if err := os.WriteFile(filepath.Join(dir, "build.ninja"), []byte(ninja), 0o666); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		cmd := exec.Command("ninja", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("ninja %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run()
	var got []string
	for _, line := range strings.Split(run("-t", "deps", "out"), "\n")[1:] {
		if line = strings.TrimSpace(line); line != "" {
			got = append(got, line)
		}
	}
	want := slices.Clone(names)
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths ninja recorded (-want +got):\n%s", diff)
	}
}
