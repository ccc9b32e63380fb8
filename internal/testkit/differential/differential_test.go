//go:build differential

// Package differential runs an older build of the tool and this tree's
// side by side on every input the repository holds, and fails where the
// two differ in exit status, stdout, stderr or any file they leave behind.
// It proves that a refactoring changed no behaviour:
//
//	go build -o /tmp/bcw-old ./cmd/block-coroutine-wrapper   # on the old commit
//	BCW_OLD=/tmp/bcw-old go test -tags differential ./internal/testkit/differential
//
// BCW_DIFF_ONLY=references (or another group's name) runs one group.
//
// The inputs: every golden archive (testdata/*.txtar and
// testdata/malformed/*.txtar: its files, args and env), every reference
// example (testdata/reference), the fuzz corpora of FuzzGenerate and
// FuzzParse and random declarations from randdecl, the last three under
// every dialect (--qemu), generating with a depfile and listing as JSON
// and as text. Both binaries run in the same directory, one after the
// other, on identical files, so that paths in messages agree.
package differential

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/golden"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/randdecl"
)

// root is the repository's top directory, from this package's.
const root = "../../.."

// a run is one invocation: the files of its working directory, its
// arguments and its environment.
type run struct {
	name  string
	files map[string][]byte
	args  []string
	env   []string
}

// outcome is everything a run can be told apart by.
type outcome struct {
	exit           int
	stdout, stderr string
	files          map[string]string
}

func TestOldAgainstNew(t *testing.T) {
	old := os.Getenv("BCW_OLD")
	if old == "" {
		t.Fatal("BCW_OLD must name the old binary")
	}
	bin := filepath.Join(t.TempDir(), "bcw-new")
	build := exec.Command("go", "build", "-o", bin, "./cmd/block-coroutine-wrapper")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	groups := []struct {
		name string
		runs []run
	}{
		{"goldens", goldens(t)},
		{"references", references(t)},
		{"FuzzGenerate corpus", everyDialect(corpus(t, "gen/testdata/fuzz/FuzzGenerate"))},
		{"FuzzParse corpus", everyDialect(corpus(t, "gen/parse/testdata/fuzz/FuzzParse"))},
		{"randdecl", everyDialect(random())},
		{"--qemu", qemuVersions()},
	}
	dir := filepath.Join(t.TempDir(), "w")
	total := 0
	only := os.Getenv("BCW_DIFF_ONLY") // a group's name, to run only that one
	for _, g := range groups {
		if only != "" && g.name != only {
			continue
		}
		differ, ok := 0, 0
		for _, r := range g.runs {
			a, b := execute(t, old, dir, r), execute(t, bin, dir, r)
			if a.exit == 0 {
				ok++
			}
			if d := compare(a, b); d != "" {
				differ++
				if differ <= 5 {
					t.Errorf("%s: %s %q: old and new differ:\n%s", g.name, r.name, r.args, d)
				}
			}
		}
		total += len(g.runs)
		t.Logf("%s: %d runs (%d exit 0), %d differ", g.name, len(g.runs), ok, differ)
		if differ > 0 {
			t.Errorf("%s: %d of %d runs differ", g.name, differ, len(g.runs))
		}
	}
	t.Logf("in all: %d runs of each binary", total)
}

// execute runs bin as r says in a fresh directory dir.
func execute(t *testing.T, bin, dir string, r run) outcome {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	golden.Lay(t, dir, r.files)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, r.args...)
	cmd.Dir, cmd.Env = dir, r.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	o := outcome{files: map[string]string{}}
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %q: %v", bin, r.args, err)
		}
		o.exit = ee.ExitCode()
	}
	o.stdout, o.stderr = stdout.String(), stderr.String()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		changed := ""
		if !info.ModTime().Equal(golden.Past) {
			changed = " (written)"
		}
		o.files[filepath.ToSlash(rel)+changed] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// compare describes how a and b differ; "" if they do not.
func compare(a, b outcome) string {
	var d strings.Builder
	if a.exit != b.exit {
		fmt.Fprintf(&d, "exit %d, now %d\n", a.exit, b.exit)
	}
	if a.stdout != b.stdout {
		fmt.Fprintf(&d, "stdout:\n%s\nnow:\n%s\n", a.stdout, b.stdout)
	}
	if a.stderr != b.stderr {
		fmt.Fprintf(&d, "stderr:\n%s\nnow:\n%s\n", a.stderr, b.stderr)
	}
	for name, data := range a.files {
		if nd, ok := b.files[name]; !ok {
			fmt.Fprintf(&d, "%s: missing now\n", name)
		} else if nd != data {
			fmt.Fprintf(&d, "%s differs:\n%s\nnow:\n%s\n", name, data, nd)
		}
	}
	for name := range b.files {
		if _, ok := a.files[name]; !ok {
			fmt.Fprintf(&d, "%s: new\n", name)
		}
	}
	return d.String()
}

// goldens returns one run per golden archive, as golden_test.go runs it
// (without the simulated terminal, which a process cannot be given).
func goldens(t *testing.T) []run {
	var paths []string
	for _, pat := range []string{"testdata/*.txtar", "testdata/malformed/*.txtar", "testdata/*/*.txtar"} {
		m, _ := filepath.Glob(filepath.Join(root, pat))
		paths = append(paths, m...)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	var runs []run
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := run{name: strings.TrimPrefix(p, root+"/"), files: map[string][]byte{}}
		for _, f := range ar.Files {
			switch {
			case f.Name == "args":
				r.args = golden.Split(t, string(f.Data))
			case f.Name == "env":
				r.env = append(r.env, strings.Split(strings.TrimSpace(string(f.Data)), "\n")...)
			case f.Name == "terminal", strings.HasPrefix(f.Name, "want/"):
			default:
				r.files[f.Name] = f.Data
			}
		}
		runs = append(runs, r)
	}
	if len(runs) < 150 {
		t.Fatalf("only %d golden archives found", len(runs))
	}
	return runs
}

// references returns, per reference example, a run that generates its
// output and one that lists its wrappers.
func references(t *testing.T) []run {
	dirs, _ := filepath.Glob(filepath.Join(root, "testdata/reference/qemu-*"))
	var runs []run
	for _, dir := range dirs {
		args, err := os.ReadFile(filepath.Join(dir, "ARGS"))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = data
		}
		release := strings.TrimPrefix(filepath.Base(dir), "qemu-")
		in := strings.Fields(string(args))
		runs = append(runs,
			run{name: dir, files: files, args: append([]string{"--qemu", release, "-o", "block-gen.c", "--depfile", "block-gen.d"}, in...)},
			run{name: dir, files: files, args: append([]string{"--qemu", release, "--list=json"}, in...)})
	}
	if len(runs) < 14 {
		t.Fatalf("only %d reference runs", len(runs))
	}
	return runs
}

// corpus returns the inputs of a fuzz corpus: each entry's []byte values
// as a.h, b.h...
func corpus(t *testing.T, dir string) []run {
	ents, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil {
		t.Fatal(err)
	}
	var runs []run
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(root, dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		r := run{name: dir + "/" + e.Name(), files: map[string][]byte{}}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			q, ok := strings.CutPrefix(line, "[]byte(")
			if !ok {
				continue
			}
			s, err := strconv.Unquote(strings.TrimSuffix(q, ")"))
			if err != nil {
				t.Fatalf("%s: %v", e.Name(), err)
			}
			name := string(rune('a'+len(r.files))) + ".h"
			r.files[name] = []byte(s)
		}
		runs = append(runs, r)
	}
	if len(runs) == 0 {
		t.Fatalf("%s: no corpus", dir)
	}
	return runs
}

// random returns the headers of random declarations for every dialect's
// rules, with and without line splices and clashing parameters.
func random() []run {
	var runs []run
	for _, d := range dialect.All {
		rules, _ := randdecl.RulesFor(d.Name)
		for seed := uint64(1); seed <= 12; seed++ {
			cfg := randdecl.Config{Headers: 2, Wrappers: 12, Splices: seed%2 == 0, SplicedIdentifiers: seed%4 == 0, Clashes: seed%3 == 0}
			c := randdecl.Generate(seed, rules, cfg)
			r := run{name: fmt.Sprintf("randdecl %s seed %d", d.Name, seed), files: map[string][]byte{}}
			for _, h := range c.Headers {
				r.files[h.Name] = h.Src
			}
			runs = append(runs, r)
		}
	}
	return runs
}

// everyDialect turns each set of input files into runs under every
// dialect: generating with a depfile, listing as JSON and as text.
func everyDialect(inputs []run) []run {
	var runs []run
	for _, in := range inputs {
		var names []string
		for name := range in.files {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, d := range dialect.All {
			q := []string{"--qemu", d.Name}
			for _, extra := range [][]string{{"-o", "out.c", "--depfile", "out.d"}, {"--list=json"}, {"--list"}} {
				args := append(append(slices.Clone(q), extra...), names...)
				runs = append(runs, run{name: in.name, files: in.files, args: args})
			}
		}
	}
	return runs
}

// qemuVersions runs --qemu with every dialect's spellings and some that
// are not releases, and --list=json without inputs.
func qemuVersions() []run {
	files := map[string][]byte{
		"new.h": []byte("int co_wrapper_mixed bdrv_x(BlockDriverState *bs);\n"),
		"old.h": []byte("int generated_co_wrapper bdrv_y(BlockDriverState *bs);\n"),
	}
	var runs []run
	for _, v := range []string{"5.1", "5.1.50", "5.2", "5.2.0", "6.0.1", "6.1", "6.2.0", "7.2.50", "8.0", "8.1.2", "8.2", "8.2.50", "9.0", "10.2.50", "4.2", "x", "08.0", "8"} {
		for _, in := range []string{"new.h", "old.h"} {
			runs = append(runs,
				run{name: "--qemu " + v, files: files, args: []string{"--qemu", v, "-o", "out.c", in}},
				run{name: "--qemu " + v, files: files, args: []string{"--qemu", v, "--list=json", in}})
		}
	}
	runs = append(runs, run{name: "--list=json alone", args: []string{"--list=json"}})
	return runs
}
