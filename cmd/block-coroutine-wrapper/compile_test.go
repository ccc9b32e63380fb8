package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctest"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// standIns declares the types golden inputs use that the test runtime does
// not define.
const standIns = `typedef struct BdrvDirtyBitmap BdrvDirtyBitmap;
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
	paths, err := filepath.Glob(goldenGlob)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		var args []string
		for _, f := range ar.Files {
			files[f.Name] = f.Data
			if f.Name == "args" {
				args = splitArgs(t, string(f.Data))
			}
		}
		if strings.TrimSpace(string(files["want/exit"])) != "0" {
			continue
		}
		out, inputs, d := outputAndInputs(t, args)
		want, ok := files["want/"+out]
		if !ok {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			var ins []gen.Input
			for _, name := range inputs {
				ins = append(ins, gen.Input{Name: name, Src: files[name]})
			}
			r := gen.Generate(ins, d)
			if !r.OK() {
				t.Fatal(r.Diags.Items())
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bcw-decls.h"), []byte(declarations(r)), 0o666); err != nil {
				t.Fatal(err)
			}
			src := filepath.Join(dir, "block-gen.c")
			if err := os.WriteFile(src, want, 0o666); err != nil {
				t.Fatal(err)
			}
			ctest.SyntaxOnly(t, []string{filepath.Join(rt, "include"), dir}, src)
		})
	}
}

// outputAndInputs reads a golden command line.
func outputAndInputs(t *testing.T, args []string) (out string, inputs []string, d *dialect.Dialect) {
	d = dialect.Current
	var rest []string
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-o":
			i++
			out = args[i]
		case "--qemu":
			i++
			var err error
			if d, err = dialect.ForVersion(args[i]); err != nil {
				t.Fatal(err)
			}
		default:
			rest = append(rest, args[i])
		}
	}
	if out == "" {
		out, rest = rest[0], rest[1:]
	}
	return out, slices.Clip(rest), d
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
