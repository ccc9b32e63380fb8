package discover_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/discover"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
)

func write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

const decl = "int co_wrapper bdrv_x(BlockDriverState *bs);\n"

func TestScan(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"inc/b.h":          decl,
		"inc/a/z.h":        decl,
		"inc/a/plain.h":    "int x;\n",
		"inc/a/comment.h":  "/* co_wrapper */\n",
		"inc/a/misspelt.h": "int co_wrapper_mixd bdrv_y(BlockDriverState *bs);\n",
		"inc/aB.h":         decl, // after inc/a/ if '/' sorts, before if '\\' did
		"inc/named.h":      decl,
		"inc/.git/h.h":     decl,
		"inc/readme.txt":   decl,
		"other/c.c":        decl,
	})
	// A second name for b.h: hard links work on every host, symbolic
	// ones not everywhere (TestScanSymlinks).
	if err := os.Link(filepath.Join(root, "inc/b.h"), filepath.Join(root, "inc/b-again.h")); err != nil {
		t.Fatal(err)
	}

	named, err := os.Stat(filepath.Join(root, "inc/named.h"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := discover.Scan(root, []string{"inc", "other"}, nil, func(_ string, info fs.FileInfo) bool {
		return os.SameFile(info, named)
	})
	if err != nil {
		t.Fatal(err)
	}
	// A misspelt marker counts, so that its error is reported; b.h is
	// read once, under the name met first in sorted order.
	if diff := cmp.Diff([]string{"inc/a/misspelt.h", "inc/a/z.h", "inc/aB.h", "inc/b-again.h", "other/c.c"}, annotated(res)); diff != "" {
		t.Errorf("annotated files (-want +got):\n%s", diff)
	}
	wantRead := []string{"inc/a/comment.h", "inc/a/misspelt.h", "inc/a/plain.h", "inc/a/z.h", "inc/aB.h", "inc/b-again.h", "other/c.c"}
	if diff := cmp.Diff(wantRead, res.Read); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"inc", "inc/a", "other"}, res.Dirs); diff != "" {
		t.Errorf("directories walked (-want +got):\n%s", diff)
	}
	// Each annotated file comes read, as generation takes it: the valid
	// declaration in its Decls, the misspelt marker's error in its Diags.
	for _, f := range res.Annotated {
		misspelt := f.Path == "inc/a/misspelt.h"
		switch {
		case f.Parsed == nil || f.Parsed.Name != f.Path:
			t.Errorf("%s: parsed as %+v", f.Path, f.Parsed)
		case misspelt && (len(f.Parsed.Decls) != 0 || !f.Diags.HasErrors()):
			t.Errorf("%s: %d declarations, diagnostics %v; want none and an error", f.Path, len(f.Parsed.Decls), f.Diags.Items())
		case !misspelt && (len(f.Parsed.Decls) != 1 || f.Diags.Len() != 0):
			t.Errorf("%s: %d declarations, diagnostics %v; want 1 and none", f.Path, len(f.Parsed.Decls), f.Diags.Items())
		}
	}
}

func annotated(res *discover.Result) []string {
	var paths []string
	for _, f := range res.Annotated {
		paths = append(paths, f.Path)
	}
	return paths
}

// TestScanSpelling checks how the paths found are spelt for each way of
// naming the directory, and that the order does not depend on it. On
// Windows the same cases run with backslashes and drive letters too.
func TestScanSpelling(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"inc/a/z.h": decl, "inc/aB.h": decl, "inc/b.h": decl})
	type test struct {
		dir   string
		found []string // in the order Scan returns them
	}
	tests := []test{
		{"inc", []string{"inc/a/z.h", "inc/aB.h", "inc/b.h"}},
		{"./inc/", []string{"inc/a/z.h", "inc/aB.h", "inc/b.h"}},
		{"inc/a/..", []string{"inc/a/z.h", "inc/aB.h", "inc/b.h"}},
		{filepath.ToSlash(root) + "/inc", []string{
			filepath.ToSlash(root) + "/inc/a/z.h", filepath.ToSlash(root) + "/inc/aB.h", filepath.ToSlash(root) + "/inc/b.h"}},
	}
	if runtime.GOOS == "windows" {
		vol := filepath.VolumeName(root)
		rooted := strings.TrimPrefix(root, vol) // \Users\...: on root's drive
		tests = append(tests,
			test{`.\inc\`, []string{`inc\a\z.h`, `inc\aB.h`, `inc\b.h`}},
			test{`inc\a\..`, []string{`inc\a\z.h`, `inc\aB.h`, `inc\b.h`}},
			test{root + `\inc`, []string{root + `\inc\a\z.h`, root + `\inc\aB.h`, root + `\inc\b.h`}},
			test{rooted + `\inc`, []string{rooted + `\inc\a\z.h`, rooted + `\inc\aB.h`, rooted + `\inc\b.h`}},
		)
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			res, err := discover.Scan(root, []string{tc.dir}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.found, annotated(res)); diff != "" {
				t.Errorf("annotated files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.found, res.Read); diff != "" {
				t.Errorf("files read (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAbs(t *testing.T) {
	tests := []struct{ root, p, want string }{
		{"/work", "inc", "/work/inc"},
		{"/work", "./inc/../x.h", "/work/x.h"},
		{"/work", "/usr/include", "/usr/include"},
		{".", "inc", "inc"},
	}
	if runtime.GOOS == "windows" {
		tests = []struct{ root, p, want string }{
			{`C:\work`, `inc`, `C:\work\inc`},
			{`C:\work`, `inc/x.h`, `C:\work\inc\x.h`},
			{`C:\work`, `D:\src\x.h`, `D:\src\x.h`},
			{`C:\work`, `D:/src/x.h`, `D:/src/x.h`},
			{`C:\work`, `\include`, `C:\include`},
			{`C:\work`, `/include`, `C:/include`},
			{`C:\work`, `D:inc`, `D:inc`},
			{`C:\work`, `\\srv\share\x.h`, `\\srv\share\x.h`},
			{`.`, `\include`, `\include`},
			{`.`, `inc`, `inc`},
		}
	}
	for _, tc := range tests {
		if got := discover.Abs(tc.root, tc.p); got != tc.want {
			t.Errorf("Abs(%q, %q) = %q, want %q", tc.root, tc.p, got, tc.want)
		}
	}
}

// TestScanSymlinks follows links to files and directories, reads a file
// reached under two names once, ends a loop and passes over a dangling
// link.
func TestScanSymlinks(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"inc/b.h": decl, "inc/a/z.h": decl, "elsewhere/far.h": decl})
	symlink(t, "../inc", filepath.Join(root, "inc/a/loop"))          // a loop back up
	symlink(t, "missing.h", filepath.Join(root, "inc/dangling.h"))   // dangling
	symlink(t, "b.h", filepath.Join(root, "inc/b-again.h"))          // a second name
	symlink(t, "../elsewhere", filepath.Join(root, "inc/elsewhere")) // a directory outside

	res, err := discover.Scan(root, []string{"inc"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"inc/a/z.h", "inc/b-again.h", "inc/elsewhere/far.h"}
	if diff := cmp.Diff(want, annotated(res)); diff != "" {
		t.Errorf("annotated files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"inc", "inc/a", "inc/elsewhere"}, res.Dirs); diff != "" {
		t.Errorf("directories walked (-want +got):\n%s", diff)
	}
}

// symlink makes a symbolic link, or skips the test where the system cannot:
// Windows without the privilege (Developer Mode), and wine 8, which reports
// success and makes no link.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("this system cannot make symbolic links: %v", err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Skipf("this system cannot make symbolic links: os.Symlink succeeded, but %s is no link (%v)", link, err)
	}
}

func TestScanErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"file.h": decl})
	if _, err := discover.Scan(root, []string{"nowhere"}, nil, nil); err == nil {
		t.Error("scanning a missing directory succeeded")
	}
	if _, err := discover.Scan(root, []string{"file.h"}, nil, nil); err == nil {
		t.Error("scanning a file succeeded")
	}
}

// BenchmarkScan discovers the annotated headers of a synthetic tree the
// size of QEMU's include/ and block/ together: 1,500 files of 6 KB (9 MB)
// in 40 directories, 1% of them annotated.
func BenchmarkScan(b *testing.B) {
	root := b.TempDir()
	st, err := synth.Tree(root, 1500, 6000, 100)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := discover.Scan(root, []string{"."}, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Annotated) != st.Annotated {
			b.Fatalf("found %d annotated files, want %d", len(res.Annotated), st.Annotated)
		}
	}
}
