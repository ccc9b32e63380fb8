package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctest"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// standIns declares the types golden inputs use that the test runtime does
// not define.
const standIns = `typedef struct BdrvDirtyBitmap BdrvDirtyBitmap;
typedef struct BdrvCheckResult BdrvCheckResult;
typedef enum BdrvCheckMode { BDRV_FIX_LEAKS = 1 } BdrvCheckMode;
typedef struct BlockZoneDescriptor BlockZoneDescriptor;
`

// TestGoldenOutputsCompile checks that every block-gen.c a golden archive
// expects compiles with gcc -Wall -Wextra -Werror against the test
// runtime's headers, with the wrappers and the functions they call
// declared as the model says.
func TestGoldenOutputsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gcc")
	}
	rt := ctest.Runtime(t)
	for _, path := range goldenPaths(t) {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range ar.Files {
			files[f.Name] = f.Data
		}
		if strings.TrimSpace(string(files["want/exit"])) != "0" {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, data := range files {
				if name == "args" || strings.HasPrefix(name, "want/") {
					continue
				}
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o666); err != nil {
					t.Fatal(err)
				}
			}
			// The inputs as the CLI finds them, scanned directories
			// included.
			j, err := parseJob(splitArgs(t, string(files["args"])), env{dir: dir, stdout: io.Discard, stderr: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			if j.list != "" {
				t.Skip("--list writes no C")
			}
			var diags diag.List
			inputs, _ := j.read(&diags)
			r := gen.Generate(inputs, j.dialect)
			if diags.HasErrors() || !r.OK() {
				t.Fatal(diags.Items(), r.Diags.Items())
			}
			want, ok := files["want/"+j.out]
			if !ok {
				want, ok = files[j.out] // an output that was already up to date
			}
			if !ok {
				t.Fatalf("no want/%s", j.out)
			}
			if err := os.WriteFile(filepath.Join(dir, "bcw-decls.h"), []byte(declarations(r)), 0o666); err != nil {
				t.Fatal(err)
			}
			src := filepath.Join(dir, "compiled-block-gen.c")
			if err := os.WriteFile(src, want, 0o666); err != nil {
				t.Fatal(err)
			}
			ctest.SyntaxOnly(t, []string{filepath.Join(rt, "include"), dir}, src)
		})
	}
}

// declarations is a bcw-decls.h declaring every wrapper of r and the
// function each one calls.
func declarations(r *gen.Result) string {
	var b strings.Builder
	b.WriteString("#include \"bcw/runtime.h\"\n" + standIns)
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			var decls []string
			for _, p := range w.Params {
				decls = append(decls, p.Decl)
			}
			list := strings.Join(decls, ", ")
			if list == "" {
				list = "void"
			}
			co, noCo := "coroutine_fn ", ""
			if w.Kind == model.NoCo {
				co, noCo = "", "coroutine_fn "
			}
			b.WriteString(w.ReturnType + " " + noCo + w.Name + "(" + list + ");\n")
			b.WriteString(w.ReturnType + " " + co + w.Target + "(" + list + ");\n")
		}
	}
	return b.String()
}

// TestBundledExample runs the README's command on testdata/example, a
// header set in QEMU's style: no diagnostic at all (target checking finds
// every function the wrappers call, with matching types), and C that
// compiles with and without the conditional part.
func TestBundledExample(t *testing.T) {
	root := ctest.Root(t)
	out := filepath.Join(t.TempDir(), "block-gen.c")
	var stdout, stderr strings.Builder
	args := []string{"-o", out, "--scan", "testdata/example"}
	if code := run(args, env{dir: root, stdout: &stdout, stderr: &stderr}); code != exitOK || stderr.Len() > 0 || stdout.Len() > 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	if testing.Short() {
		return
	}
	j, err := parseJob(args, env{dir: root, stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	inputs, _ := j.read(&diags)
	r := gen.Generate(inputs, j.dialect)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bcw-decls.h"), []byte(declarations(r)), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, defines := range [][]string{nil, {"-DCONFIG_LINUX"}} {
		ctest.SyntaxOnly(t, []string{filepath.Join(ctest.Runtime(t), "include"), dir}, out, defines...)
	}
}
