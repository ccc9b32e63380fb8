package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/golden"
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
	ctest.CC(t) // before anything else: a host without gcc skips here
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
		t.Run(strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), goldenRoot+"/"), ".txtar"), func(t *testing.T) {
			t.Parallel()
			skipPOSIXNames(t, files)
			dir := t.TempDir()
			for name, data := range files {
				if name == "args" || name == "env" || name == "terminal" || name == "cwd" || strings.HasPrefix(name, "want/") {
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
			cwd := strings.TrimSpace(string(files["cwd"]))
			j, err := parseJobOrSkip(t, golden.Split(t, string(files["args"])), env{Env: diag.Env{Dir: filepath.Join(dir, cwd)}, stdout: io.Discard, stderr: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			if j.cfg.List != "" {
				t.Skip("--list writes no C")
			}
			// The wrappers as a run finds them, writing nothing: the
			// Config completed (QEMU's form OUT.c INPUT... split) before
			// it is made to list.
			if err := j.cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			cfg := j.cfg
			cfg.List, cfg.Check, cfg.Depfile = gen.ListText, false, ""
			r, err := gen.Run(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if r.Diags.HasErrors() {
				t.Fatal(r.Diags.Items())
			}
			out := filepath.ToSlash(filepath.Join(cwd, j.cfg.Output))
			want, ok := files["want/"+out]
			if j.cfg.Output == gen.StdoutName {
				want, ok = files["want/stdout"]
			}
			if !ok {
				want, ok = files[out] // an output that was already up to date
			}
			if !ok {
				t.Fatalf("no want/%s", j.cfg.Output)
			}
			// Compiled apart from the inputs: an archive laid out as a
			// QEMU tree has a block/coroutines.h of its own, which would
			// hide the runtime's from a file beside it.
			cdir := t.TempDir()
			if err := os.WriteFile(filepath.Join(cdir, "bcw-decls.h"), []byte(declarations(r)), 0o666); err != nil {
				t.Fatal(err)
			}
			src := filepath.Join(cdir, "compiled-block-gen.c")
			if err := os.WriteFile(src, want, 0o666); err != nil {
				t.Fatal(err)
			}
			for _, defines := range configurations(r) {
				ctest.SyntaxOnly(t, []string{filepath.Join(rt, "include"), cdir}, src, defines...)
			}
		})
	}
}

// parseJobOrSkip reads a command line, skipping the test for --help and
// --version, which write no C.
func parseJobOrSkip(t *testing.T, args []string, e env) (j *job, err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(exit); !ok {
				panic(r)
			}
			t.Skip("the command line prints and exits: no C to compile")
		}
	}()
	return parseJob(args, e)
}

// declarations is a bcw-decls.h declaring every wrapper of r and the
// function each one calls, inside the wrapper's #if groups.
func declarations(r *gen.Report) string {
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
			for _, c := range w.Conditions {
				b.WriteString(strings.Join(c.Lines, "\n") + "\n")
			}
			b.WriteString(w.ReturnType + " " + noCo + w.Name + "(" + list + ");\n")
			b.WriteString(w.ReturnType + " " + co + w.Target + "(" + list + ");\n")
			b.WriteString(strings.Repeat("#endif\n", len(w.Conditions)))
		}
	}
	return b.String()
}

// configurations returns the sets of -D flags to compile r's output with:
// none, and every macro its conditions mention defined (as 2, so that
// comparisons with 1 hold too).
func configurations(r *gen.Report) [][]string {
	macros := map[string]bool{}
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			for _, c := range w.Conditions {
				for _, l := range c.Lines {
					for _, m := range macroName.FindAllString(l, -1) {
						macros[m] = true
					}
				}
			}
		}
	}
	if len(macros) == 0 {
		return [][]string{nil}
	}
	var all []string
	for m := range macros {
		all = append(all, "-D"+m+"=2")
	}
	slices.Sort(all)
	return [][]string{nil, all}
}

var macroName = regexp.MustCompile(`\b[A-Z_][A-Z0-9_]*\b`)
