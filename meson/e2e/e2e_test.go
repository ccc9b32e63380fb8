// Package e2e tests the Meson integration end to end, with real meson,
// ninja, gcc and go: a parent project that gets block-coroutine-wrapper
// through meson/block-coroutine-wrapper.wrap generates the demo's
// block-gen.c (testdata/demo), compiles it and runs its C tests, and ninja
// re-runs exactly what each kind of edit requires.
//
// The tests skip when a program is missing, unless BCW_REQUIRE_E2E=1.
package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// The demo's wrappers, one of each kind and return shape: all must be in
// block-gen.c.
var demoWrappers = []string{
	"int demo_pread(", "int demo_pwrite(", "int demo_flush(", "void demo_drain(",
	"int64_t demo_blk_getlength(", "BlockDriverState * demo_blk_find_node(",
	"demo_co_open(", "demo_co_close(", "demo_co_check(", "demo_co_detach(",
}

// genOnlyHeader is put under the demo's scanned include/ directory. No C
// file includes it: a C file that includes a header is recompiled when the
// header changes, whatever the generator does, so only a header like this
// shows what an edit causes through the generator alone. Its wrapper calls
// a function of the runtime, declared here too for the generator's check,
// so block-gen.c still compiles and links.
const genOnlyHeader = `/* Read by block-coroutine-wrapper, included by no C file. */
AioContext *bdrv_get_aio_context(BlockDriverState *bs);
AioContext *coroutine_fn no_co_wrapper
bdrv_co_get_aio_context(BlockDriverState *bs);
`

// extraHeader is an annotated header added in a new directory under the
// scanned one. Its target is defined here, so that including the header
// from bcw-decls.h is all the C side needs.
const extraHeader = `#ifndef BLOCK_EXTRA_DEMO_EXTRA_H
#define BLOCK_EXTRA_DEMO_EXTRA_H
#include "bcw/runtime.h"

int co_wrapper demo_extra_answer(BlockDriverState *bs);

static inline int coroutine_fn demo_co_extra_answer(BlockDriverState *bs)
{
    return bs ? 42 : -1;
}
#endif
`

func TestMesonSubproject(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Meson project")
	}
	ctest.Require(t, "meson", "meson")
	ctest.Require(t, "ninja-build", "ninja")
	ctest.Require(t, "gcc", "gcc")
	// go test puts its own go first on PATH; meson finds that one.
	ctest.Require(t, "golang (Go 1.22 or later, https://go.dev/dl/)", "go")

	p := newParent(t)
	blockGen := filepath.Join(p.build, "demo", "block-gen.c")
	demo := func(rel string) string { return filepath.Join(p.dir, "demo", rel) }

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"clean build generates, compiles and runs the C tests", func(t *testing.T) {
			start := time.Now()
			p.cmd(t, "meson", "setup", "--wrap-mode=forcefallback", p.build)
			t.Logf("meson setup: %v", time.Since(start).Round(time.Millisecond))
			start = time.Now()
			p.ninja(t)
			t.Logf("ninja (cold): %v", time.Since(start).Round(time.Millisecond))

			src := readFile(t, blockGen)
			for _, w := range demoWrappers {
				if !strings.Contains(src, w) {
					t.Errorf("block-gen.c lacks %s…", w)
				}
			}
			// The depfile named what --scan read and walked.
			deps := p.cmd(t, "ninja", "-C", p.build, "-t", "deps", "demo/block-gen.c")
			for _, want := range []string{
				demo("include"), demo("include/block"), demo("include/sysemu"),
				demo("include/block/demo-io.h"), demo("include/block/gen-only.h"),
			} {
				if !slices.Contains(strings.Fields(deps), want) {
					t.Errorf("ninja recorded no dependency on %s:\n%s", want, deps)
				}
			}
			p.test(t)
		}},
		{"ninja again has nothing to do", func(t *testing.T) {
			start := time.Now()
			p.noWork(t)
			t.Logf("no-op ninja: %v", time.Since(start).Round(time.Millisecond))
		}},
		{"a comment-only edit runs the generator and compiles nothing", func(t *testing.T) {
			before := stat(t, blockGen)
			old := readFile(t, blockGen)
			edit(t, demo("include/block/gen-only.h"), "/* Read by", "/* An edited comment. */\n/* Read by")

			out := p.ninja(t, "-v", "-d", "explain")
			t.Logf("ninja -v -d explain:\n%s", out)
			cmds := commands(out)
			if len(cmds) != 1 || !strings.Contains(cmds[0], "--scan") {
				t.Errorf("ninja ran %d commands, want only the generator:\n%s", len(cmds), strings.Join(cmds, "\n"))
			}
			if !strings.Contains(out, "restat of output demo/block-gen.c") {
				t.Errorf("ninja did not restat block-gen.c after the generator ran")
			}
			if after := stat(t, blockGen); !after.ModTime().Equal(before.ModTime()) {
				t.Errorf("block-gen.c was rewritten: mtime %v, was %v", after.ModTime(), before.ModTime())
			}
			if readFile(t, blockGen) != old {
				t.Errorf("block-gen.c changed")
			}
			p.noWork(t)
		}},
		{"a changed declaration regenerates and recompiles", func(t *testing.T) {
			old := readFile(t, blockGen)
			edit(t, demo("include/block/demo-io.h"),
				"demo_pread(BdrvChild *child, int64_t offset, int64_t bytes,",
				"demo_pread(BdrvChild *child, int64_t offset, int64_t nbytes,")

			out := p.ninja(t, "-v")
			src := readFile(t, blockGen)
			if src == old || !strings.Contains(src, "int64_t nbytes") {
				t.Errorf("block-gen.c was not regenerated from the new declaration")
			}
			if c := compiled(out); !slices.Contains(c, "demo/block-gen.c") {
				t.Errorf("block-gen.c was not recompiled; compiled: %q", c)
			}
			p.test(t)
			p.noWork(t)
		}},
		{"a new annotated header is found without a meson.build edit", func(t *testing.T) {
			writeFile(t, demo("include/block/extra/demo-extra.h"), extraHeader)
			// Only block-gen.c: the C side does not see the header yet.
			p.ninja(t, "demo/block-gen.c")
			if !strings.Contains(readFile(t, blockGen), "int demo_extra_answer(BlockDriverState *bs)") {
				t.Fatalf("block-gen.c lacks the new header's wrapper")
			}
			deps := p.cmd(t, "ninja", "-C", p.build, "-t", "deps", "demo/block-gen.c")
			if !slices.Contains(strings.Fields(deps), demo("include/block/extra")) {
				t.Errorf("the new directory is not a dependency:\n%s", deps)
			}

			// What QEMU would do next: include it where the target is
			// needed. Still no meson.build edit.
			edit(t, demo("bcw-decls.h"), `#include "sysemu/demo-backend.h"`,
				`#include "sysemu/demo-backend.h"`+"\n"+`#include "block/extra/demo-extra.h"`)
			p.ninja(t)
			p.test(t)
			p.noWork(t)
		}},
		{"a broken declaration fails the build and keeps block-gen.c", func(t *testing.T) {
			header := demo("include/sysemu/demo-backend.h")
			good := readFile(t, header)
			old := readFile(t, blockGen)
			// An unnamed parameter: valid C, but the generated code needs a
			// name.
			edit(t, header, "demo_blk_find_node(BlockBackend *blk, const char *name);",
				"demo_blk_find_node(BlockBackend *blk, const char *);")
			before, _, _ := strings.Cut(readFile(t, header), "const char *);")
			line := 1 + strings.Count(before, "\n")

			out, err := p.try("ninja", "-C", p.build)
			if err == nil {
				t.Fatalf("ninja succeeded with a broken declaration:\n%s", out)
			}
			t.Logf("ninja:\n%s", out)
			pos := regexp.MustCompile(`(?m)demo-backend\.h:` + strconv.Itoa(line) + `:[0-9]+: error: `)
			if !pos.MatchString(out) {
				t.Errorf("no file:%d:col: error: for demo-backend.h in ninja's output:\n%s", line, out)
			}
			if readFile(t, blockGen) != old {
				t.Errorf("the failed run changed block-gen.c")
			}

			writeFile(t, header, good)
			p.ninja(t)
			if readFile(t, blockGen) != old {
				t.Errorf("after the fix, block-gen.c differs from before the break")
			}
			p.test(t)
			p.noWork(t)
		}},
	}
	// Each step builds on the state the previous ones left, so a step runs
	// only after all of them ran (-run may select a later one alone).
	allRan := true
	for _, s := range steps {
		ran := false
		ok := t.Run(s.name, func(t *testing.T) {
			if !allRan {
				t.Skip("needs the steps before it: run TestMesonSubproject whole")
			}
			ran = true
			s.run(t)
		})
		if !ok {
			return
		}
		allRan = allRan && ran
	}
}

// parent is a parent project in a temporary directory: the template in
// testdata/parent, the demo copied into demo/, and this repository as
// subprojects/block-coroutine-wrapper, found through the wrap file users
// copy.
type parent struct {
	dir, build string
	env        []string
}

func newParent(t *testing.T) *parent {
	root := ctest.Root(t)
	dir := filepath.Join(t.TempDir(), "parent")
	p := &parent{dir: dir, build: filepath.Join(dir, "build")}
	copyTree(t, dir, "testdata/parent")
	copyTree(t, filepath.Join(dir, "demo"), filepath.Join(root, "testdata", "demo"))
	writeFile(t, filepath.Join(dir, "demo", "include", "block", "gen-only.h"), genOnlyHeader)
	sub := filepath.Join(dir, "subprojects")
	writeFile(t, filepath.Join(sub, "block-coroutine-wrapper.wrap"),
		readFile(t, filepath.Join(root, "meson", "block-coroutine-wrapper.wrap")))
	if err := os.Symlink(root, filepath.Join(sub, "block-coroutine-wrapper")); err != nil {
		t.Fatal(err)
	}

	p.env = goCacheEnv(os.Environ())
	return p
}

// goCacheEnv returns env with GOCACHE set to the user's build cache, which
// the tool's go build then shares: warm, it takes well under a second;
// cold, many.
func goCacheEnv(env []string) []string {
	if cache, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
		if c := strings.TrimSpace(string(cache)); c != "" && c != "off" {
			env = append(env, "GOCACHE="+c)
		}
	}
	return env
}

// try runs a command in the parent project and returns its combined output.
func (p *parent) try(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = p.dir
	cmd.Env = p.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// cmd runs a command that must succeed.
func (p *parent) cmd(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := p.try(name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func (p *parent) ninja(t *testing.T, args ...string) string {
	t.Helper()
	return p.cmd(t, "ninja", append([]string{"-C", p.build}, args...)...)
}

// noWork checks that the build is up to date: a dependency that is always
// out of date (say, a depfile naming a file that no longer exists) would
// show here.
func (p *parent) noWork(t *testing.T) {
	t.Helper()
	if out := p.ninja(t); !strings.Contains(out, "ninja: no work to do.") {
		t.Errorf("ninja found work to do:\n%s", out)
	}
}

// test runs meson test and checks that the demo's C tests checked
// something and all passed.
func (p *parent) test(t *testing.T) {
	t.Helper()
	p.cmd(t, "meson", "test", "-C", p.build, "--print-errorlogs")
	log := readFile(t, filepath.Join(p.build, "meson-logs", "testlog.txt"))
	if !regexp.MustCompile(`demo: [1-9][0-9]* passed, 0 failed`).MatchString(log) {
		t.Errorf("the demo's C tests did not report success:\n%s", log)
	}
}

// commands returns the commands in the output of ninja -v: "[n/m] COMMAND".
func commands(ninjaOutput string) []string {
	var cmds []string
	for _, m := range regexp.MustCompile(`(?m)^\[[0-9]+/[0-9]+\] (.*)$`).FindAllStringSubmatch(ninjaOutput, -1) {
		cmds = append(cmds, m[1])
	}
	return cmds
}

// compiled returns the source files the commands of ninja -v compiled
// (the argument after -c).
func compiled(ninjaOutput string) []string {
	var srcs []string
	for _, cmd := range commands(ninjaOutput) {
		f := strings.Fields(cmd)
		if i := slices.Index(f, "-c"); i >= 0 && i+1 < len(f) {
			srcs = append(srcs, f[i+1])
		}
	}
	return srcs
}

// edit replaces old, which must occur once, with new in the file.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	src := readFile(t, path)
	if strings.Count(src, old) != 1 {
		t.Fatalf("%s: %q occurs %d times, want once", path, old, strings.Count(src, old))
	}
	writeFile(t, path, strings.Replace(src, old, new, 1))
}

// copyTree copies the directories and regular files under src to dst, as
// os.CopyFS would; that needs Go 1.23, and go.mod's floor is Go 1.22.
func copyTree(t *testing.T, dst, src string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
}

func stat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}
