package gen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// TestDialectsRun generates each release's reference example with this
// tool, in that release's dialect, compiles the result with the test
// runtime (-Wall -Wextra -Werror) and runs the example's C tests: every
// wrapper called from outside and, for mixed ones, inside a coroutine, with
// results, lock calls and contexts checked.
func TestDialectsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds C programs")
	}
	rt := ctest.Runtime(t)
	for _, d := range dialect.All {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			example := filepath.Join(referenceDir, "qemu-"+d.Name)
			inputs := readExample(t, example)
			r := gen.Generate(inputs, d)
			if !r.OK() {
				t.Fatal(r.Diags.Items())
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "block-gen.c")
			if err := os.WriteFile(out, r.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
			sources := []string{out, filepath.Join(rt, "runtime.c"), filepath.Join(rt, "tests", "testlib.c")}
			for _, in := range inputs {
				sources = append(sources, filepath.Join(rt, "tests", "examples", strings.TrimSuffix(in.Name, ".h")+".c"))
			}
			sources = append(sources, filepath.Join(rt, "tests", "qemu-"+d.Name, "main.c"))
			includes := []string{
				filepath.Join(rt, "include"), filepath.Join(rt, "tests"),
				filepath.Join(rt, "tests", "qemu-"+d.Name), example,
			}
			prog := filepath.Join(dir, "test")
			ctest.Build(t, prog, includes, sources)
			output := ctest.Run(t, prog)
			if !regexp.MustCompile(`: [1-9][0-9]* passed, 0 failed`).MatchString(output) {
				t.Errorf("the C tests did not report success:\n%s", output)
			}
		})
	}
}

// TestConditionalRuns generates testdata/conditional/cond.h, whose wrappers
// sit in #ifdef CONFIG_FEATURE / #else, and builds and runs it with the
// feature defined and not: each configuration links only if block-gen.c
// holds exactly its wrappers.
func TestConditionalRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds C programs")
	}
	rt := ctest.Runtime(t)
	dir := filepath.Join(ctest.Root(t), "testdata", "conditional")
	src, err := os.ReadFile(filepath.Join(dir, "cond.h"))
	if err != nil {
		t.Fatal(err)
	}
	r := gen.Generate([]gen.Input{{Name: "cond.h", Src: src}}, dialect.Current)
	if !r.OK() {
		t.Fatal(r.Diags.Items())
	}
	out := filepath.Join(t.TempDir(), "block-gen.c")
	if err := os.WriteFile(out, r.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, defines := range [][]string{nil, {"-DCONFIG_FEATURE"}} {
		t.Run(strings.Join(append([]string{"defines"}, defines...), " "), func(t *testing.T) {
			prog := filepath.Join(t.TempDir(), "test")
			includes := []string{filepath.Join(rt, "include"), filepath.Join(rt, "tests"), dir}
			sources := []string{out, filepath.Join(rt, "runtime.c"), filepath.Join(rt, "tests", "testlib.c"), filepath.Join(dir, "main.c")}
			ctest.Build(t, prog, includes, sources, defines...)
			if output := ctest.Run(t, prog); !strings.Contains(output, ": 4 passed, 0 failed") {
				t.Errorf("the C tests did not report success:\n%s", output)
			}
		})
	}
}
