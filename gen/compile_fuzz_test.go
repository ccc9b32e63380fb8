package gen_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/fuzzcheck"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/randdecl"
)

// compileSeeds holds the seed headers of FuzzCompile: each spelling of a
// declaration the tool reads (digraphs, array parameters, attribute
// specifiers, universal character names), every one a header gcc accepts.
const compileSeeds = "testdata/compile-seeds"

// compilePrefix is what a header is compiled after: the test runtime's
// types and markers, and the types of randdecl's headers.
const compilePrefix = "#include \"bcw/runtime.h\"\n" + randdecl.Prelude

// FuzzCompile holds the tool to the README's promise on any header: if
// the tool accepts it without a diagnostic and gcc accepts it alone,
// block-gen.c compiles with gcc -std=gnu11 -Wall -Wextra -Werror against
// the test runtime, with the header in view, so that gcc compares every
// definition with the declaration as written. The functions the wrappers
// call are declared from the model where the header does not declare
// them (the tool's undeclared-target warnings say which); where it does,
// the tool's other warnings would have spoken, and an input with any of
// them is skipped. So is an input gcc rejects alone: it is not C, and
// what the tool makes of it is the other fuzz targets' business.
//
// Each input costs two runs of gcc, so the fuzzer manages some ten
// inputs a second; .ci/fuzz gives it its fixed time. The seeds, checked
// to be C before anything runs, are the headers in testdata/compile-seeds
// and a few of randdecl's for the current dialect.
func FuzzCompile(f *testing.F) {
	if testing.Short() {
		f.Skip("runs gcc")
	}
	ctest.CC(f)
	includes := []string{filepath.Join(ctest.Runtime(f), "include")}
	seeds, err := filepath.Glob(filepath.Join(compileSeeds, "*.h"))
	if err != nil {
		f.Fatal(err)
	}
	if len(seeds) == 0 {
		f.Fatalf("no seed headers in %s", compileSeeds)
	}
	var srcs [][]byte
	refused := map[int]bool{} // seeds the tool must refuse
	for _, path := range seeds {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		refused[len(srcs)] = strings.HasPrefix(filepath.Base(path), "refused")
		srcs = append(srcs, src)
	}
	rules, _ := randdecl.RulesFor(dialect.Current.Name)
	for seed := range uint64(3) {
		c := randdecl.Generate(seed, rules, randdecl.Config{Headers: 1, Wrappers: 8})
		srcs = append(srcs, c.Headers[0].Src)
	}
	dir := f.TempDir()
	for i, src := range srcs {
		if ok, out := headerIsC(f, dir, includes, src); !ok {
			f.Fatalf("seed %d is not C that gcc accepts:\n%s\n%s", i, src, out)
		}
		// A seed the tool refused would test nothing: each but the
		// refused ones must reach gcc.
		r := gen.Generate([]gen.Input{{Name: "a.h", Src: src}}, dialect.Current)
		items := r.Diags.Items()
		for _, d := range items {
			if d.ID != diag.UndeclaredTarget && !refused[i] {
				f.Fatalf("seed %d does not reach gcc: %s\n%s", i, d.Format(), src)
			}
		}
		if refused[i] && r.OK() {
			f.Fatalf("seed %d, meant to be refused, is accepted:\n%s", i, src)
		}
		f.Add(src)
	}

	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzcheck.MaxInput {
			t.Skip("inputs larger than fuzzcheck.MaxInput")
		}
		inputs := []gen.Input{{Name: "a.h", Src: src}}
		var r *gen.Result
		fuzzcheck.Run(t, fuzzcheck.Deadline, func() { r = gen.Generate(inputs, dialect.Current) })
		if !r.OK() {
			return // refused: nothing written
		}
		undeclared := map[diag.Pos]bool{}
		for _, d := range r.Diags.Items() {
			if d.ID != diag.UndeclaredTarget {
				return // a warning the user was given
			}
			undeclared[d.Pos] = true
		}
		dir := t.TempDir()
		if ok, _ := headerIsC(t, dir, includes, src); !ok {
			return
		}
		decls := compilePrefix + "#include \"a.h\"\n" + targetDecls(r, undeclared)
		write(t, filepath.Join(dir, "bcw-decls.h"), []byte(decls))
		out := filepath.Join(dir, "block-gen.c")
		write(t, out, r.Bytes())
		if ok, msg := ctest.Accepts(t, append(includes, dir), out); !ok {
			t.Fatalf("the tool accepted this header, and gcc accepts it, but not block-gen.c:\n%s\n-- bcw-decls.h --\n%s\n-- gcc --\n%s\n-- block-gen.c --\n%s", src, decls, msg, r.Bytes())
		}
	})
}

// headerIsC reports whether gcc accepts src, as a.h in dir, after
// compilePrefix, and otherwise returns what gcc said.
func headerIsC(t testing.TB, dir string, includes []string, src []byte) (bool, string) {
	write(t, filepath.Join(dir, "a.h"), src)
	alone := filepath.Join(dir, "alone.c")
	write(t, alone, []byte(compilePrefix+"#include \"a.h\"\n"))
	return ctest.Accepts(t, append(includes, dir), alone)
}

// targetDecls declares the function each wrapper of r calls whose
// warning is in undeclared, from the model: its parameters as the
// wrapper's definition spells them.
func targetDecls(r *gen.Result, undeclared map[diag.Pos]bool) string {
	var b strings.Builder
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			if !undeclared[w.Pos] {
				continue
			}
			var decls []string
			for _, p := range w.Params {
				decls = append(decls, p.Decl)
			}
			list := strings.Join(decls, ", ")
			if list == "" {
				list = "void"
			}
			co := "coroutine_fn "
			if w.Kind == model.NoCo {
				co = ""
			}
			fmt.Fprintf(&b, "%s %s%s(%s);\n", w.ReturnType, co, w.Target, list)
		}
	}
	return b.String()
}
