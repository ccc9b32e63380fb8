package gen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/randdecl"
)

// Random declarations: how many, and the knobs to reproduce or explore.
//
//	BCW_RANDDECL_CASES=N   cases per dialect (default 40; 6 with -short)
//	BCW_RANDDECL_SEED=N    only the case of seed N
//	BCW_RANDDECL_SPLICES=1 put line splices between tokens
//	BCW_RANDDECL_SPLICES=2 and inside identifiers
const (
	randomCases      = 40
	randomCasesShort = 6
	randomWrappers   = 20
)

// TestRandomDeclarations generates headers of random valid wrapper
// declarations (package randdecl) for every dialect and checks, for each:
//
//   - Generate reports nothing, and gives the same bytes twice;
//   - it read what the generator meant: markers, names, targets, struct
//     names, return types, parameter names, and the first parameter's type
//     where it selects a context;
//   - the output takes the context, lock and mixed branch the dialect
//     gives such a wrapper;
//   - the output compiles with gcc -Wall -Wextra -Werror against the test
//     runtime, with the random headers themselves included, so that gcc
//     checks every generated definition against its declaration as
//     written, and with the targets declared from what the generator meant.
//
// Parameter names are drawn now and then from the names generated code
// uses or defines, where randdecl's own statement of C scoping allows
// them, so a false refusal fails the first check, a missed clash gcc.
// Each seed also has a case in which some wrappers get one more parameter
// that randdecl says clashes (subtest "clashes"): Generate must refuse
// exactly those, each with its own error, and report nothing else.
//
// A failure names the seed and prints the headers; rerun one case with
// BCW_RANDDECL_SEED=N and -run 'TestRandomDeclarations/DIALECT/seed=N$'.
func TestRandomDeclarations(t *testing.T) {
	cases := randomCases
	if testing.Short() {
		cases = randomCasesShort
	}
	if s := os.Getenv("BCW_RANDDECL_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("BCW_RANDDECL_CASES=%q: %v", s, err)
		}
		cases = n
	}
	seeds := make([]uint64, cases)
	for i := range seeds {
		seeds[i] = uint64(i)
	}
	if s := os.Getenv("BCW_RANDDECL_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("BCW_RANDDECL_SEED=%q: %v", s, err)
		}
		seeds = []uint64{n}
	}
	splices := os.Getenv("BCW_RANDDECL_SPLICES")
	cfg := randdecl.Config{Wrappers: randomWrappers, Splices: splices == "1" || splices == "2", SplicedIdentifiers: splices == "2"}
	includes := []string{filepath.Join(ctest.Runtime(t), "include")}

	for _, d := range dialect.All {
		rules, ok := randdecl.RulesFor(d.Name)
		if !ok {
			t.Errorf("package randdecl has no rules for dialect %s: add them to RulesFor", d.Name)
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			for _, seed := range seeds {
				t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
					t.Parallel()
					cfg := cfg
					cfg.Headers = 1 + int(seed%3)
					c := randdecl.Generate(seed, rules, cfg)
					t.Cleanup(func() {
						if t.Failed() {
							t.Log(describeCase(c, d))
						}
					})
					t.Run("clashes", func(t *testing.T) {
						cfg.Clashes = true
						c := randdecl.Generate(seed, rules, cfg)
						t.Cleanup(func() {
							if t.Failed() {
								t.Log(describeCase(c, d))
							}
						})
						checkClashes(t, c, d)
					})
					checkRandomCase(t, c, d, includes)
				})
			}
		})
	}
}

func checkRandomCase(t *testing.T, c *randdecl.Case, d *dialect.Dialect, includes []string) {
	var inputs []gen.Input
	for _, h := range c.Headers {
		inputs = append(inputs, gen.Input{Name: h.Name, Src: h.Src})
	}
	// The functions the wrappers call, as the generator meant them: target
	// checking compares them with the random spellings of the wrappers,
	// and must find nothing to warn about.
	inputs = append(inputs, gen.Input{Name: "targets.h", Src: []byte(c.TargetDecls())})
	r := gen.Generate(inputs, d)
	if r.Diags.Len() != 0 {
		var b strings.Builder
		for _, it := range r.Diags.Items() {
			b.WriteString(it.Format())
		}
		t.Fatalf("diagnostics for valid declarations:\n%s", b.String())
	}
	out := r.Bytes()
	if again := gen.Generate(inputs, d).Bytes(); !bytes.Equal(out, again) {
		t.Errorf("two runs gave different bytes")
	}

	// What the tool read, against what the generator meant.
	if diff := cmp.Diff(meant(c), found(r)); diff != "" {
		t.Errorf("the tool read other wrappers than the generator wrote (-meant +found):\n%s", diff)
	}
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			for _, p := range w.Params {
				// A backslash is left of a splice, unless it begins a
				// universal character name.
				splice := strings.Contains(strings.NewReplacer(`\u`, "", `\U`, "").Replace(p.Decl), `\`)
				if splice || strings.ContainsAny(p.Decl, "\r\n") || strings.Contains(p.Decl, "/*") || strings.Contains(p.Decl, "//") || strings.Contains(p.Decl, "__attribute__") {
					t.Errorf("%s: parameter %s printed as %q: comments, line breaks, splices and attributes should be gone", w.Name, p.Name, p.Decl)
				}
			}
		}
	}

	// What the output does with each wrapper.
	sections := wrapperSections(out)
	for _, h := range c.Headers {
		for _, w := range h.Wrappers {
			sec, ok := sections[w.Target]
			if !ok {
				t.Errorf("no output for %s (target %s)", w.Name, w.Target)
				continue
			}
			for _, want := range expectedLines(c.Rules, w) {
				switch got := strings.Contains(sec, want.text); {
				case want.present && !got:
					t.Errorf("%s: the output lacks %q:\n%s", w.Name, want.text, sec)
				case !want.present && got:
					t.Errorf("%s: the output has %q:\n%s", w.Name, want.text, sec)
				}
			}
		}
	}
	if t.Failed() {
		return
	}

	// gcc, with the declarations as written in view.
	ctest.CC(t)
	dir := t.TempDir()
	var decls strings.Builder
	decls.WriteString("#ifndef BCW_DECLS_H\n#define BCW_DECLS_H\n#include \"bcw/runtime.h\"\n")
	decls.WriteString(randdecl.Prelude)
	for _, h := range c.Headers {
		write(t, filepath.Join(dir, h.Name), h.Src)
		fmt.Fprintf(&decls, "#include \"%s\"\n", h.Name)
	}
	decls.WriteString(c.TargetDecls())
	decls.WriteString("#endif\n")
	write(t, filepath.Join(dir, "bcw-decls.h"), []byte(decls.String()))
	src := filepath.Join(dir, "block-gen.c")
	write(t, src, out)
	ctest.SyntaxOnly(t, append(includes, dir), src)
}

// clashMessage is the error for a parameter that clashes with the
// generated code: the parameter's and the wrapper's names.
var clashMessage = regexp.MustCompile(`^parameter '(\w+)' of '(\w+)' collides with `)

// checkClashes checks that Generate refuses exactly the parameters that c
// marks as clashing, each with its own error, and reports nothing else.
func checkClashes(t *testing.T, c *randdecl.Case, d *dialect.Dialect) {
	inputs := []gen.Input{{Name: "targets.h", Src: []byte(c.TargetDecls())}}
	want := map[string]bool{}
	for _, h := range c.Headers {
		inputs = append(inputs, gen.Input{Name: h.Name, Src: h.Src})
		for _, w := range h.Wrappers {
			for _, p := range w.Params {
				if p.Clash {
					want[w.Name+": "+p.Name] = true
				}
			}
		}
	}
	got := map[string]bool{}
	for _, it := range gen.Generate(inputs, d).Diags.Items() {
		if m := clashMessage.FindStringSubmatch(it.Msg); m != nil && it.Severity == diag.Error {
			got[m[2]+": "+m[1]] = true
		} else {
			t.Errorf("unexpected: %s", it.Format())
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("refused parameters (-clashing +refused):\n%s", diff)
	}
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// readWrapper is a wrapper as the generator meant it or the tool read it.
type readWrapper struct {
	File                                 string
	Marker, Return, Name, Target, Struct string
	NoCo, Mixed                          bool
	Lock                                 string
	Params                               []string
	// FirstType is the first parameter's type where it selects a context.
	FirstType string
}

func meant(c *randdecl.Case) []readWrapper {
	var ws []readWrapper
	for _, h := range c.Headers {
		for _, w := range h.Wrappers {
			rw := readWrapper{File: h.Name, Marker: w.Marker, Return: w.Return, Name: w.Name,
				Target: w.Target, Struct: w.Struct, NoCo: w.NoCo, Mixed: w.Mixed, Lock: w.Lock}
			for _, p := range w.Params {
				rw.Params = append(rw.Params, p.Name)
			}
			if w.Context >= 0 {
				rw.FirstType = c.Rules.Contexts[w.Context].Type + " *"
			}
			ws = append(ws, rw)
		}
	}
	return ws
}

func found(r *gen.Result) []readWrapper {
	contextTypes := map[string]bool{"BlockDriverState *": true, "BdrvChild *": true, "BlockBackend *": true}
	var ws []readWrapper
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			rw := readWrapper{File: f.Name, Marker: w.Marker.Name, Return: w.ReturnType, Name: w.Name,
				Target: w.Target, Struct: w.StructName, NoCo: w.Kind == model.NoCo, Mixed: w.Mixed}
			if w.Lock != model.NoLock {
				rw.Lock = w.Lock.String()
			}
			for _, p := range w.Params {
				rw.Params = append(rw.Params, p.Name)
			}
			if len(w.Params) > 0 && contextTypes[w.Params[0].Type] {
				rw.FirstType = w.Params[0].Type
			}
			ws = append(ws, rw)
		}
	}
	return ws
}

// wrapperSections splits block-gen.c at its "Wrappers for TARGET" comments
// and returns each part by target.
func wrapperSections(out []byte) map[string]string {
	const head = "\n/*\n * Wrappers for "
	parts := strings.Split(string(out), head)
	secs := map[string]string{}
	for _, p := range parts[1:] {
		target, _, _ := strings.Cut(p, "\n")
		secs[target] = p
	}
	return secs
}

type expectedLine struct {
	text    string
	present bool
}

// expectedLines are lines the output for w must have, or must not have,
// as QEMU's generator of each release wrote them: the context the wrapper
// polls or acquires, the graph lock calls and the in-coroutine branch.
func expectedLines(rules randdecl.Rules, w *randdecl.Wrapper) []expectedLine {
	var first string
	if len(w.Params) > 0 {
		first = w.Params[0].Name
	}
	// ctx is the AioContext expression of 8.0 to 8.2, with the
	// parameter's hard-coded or real name after prefix.
	ctx := func(prefix string, realNames bool) string {
		if w.Context < 0 {
			return "qemu_get_aio_context()"
		}
		c := rules.Contexts[w.Context]
		name := c.Name
		if realNames {
			name = first
		}
		switch c.Type {
		case "BlockDriverState":
			return "bdrv_get_aio_context(" + prefix + name + ")"
		case "BdrvChild":
			return "bdrv_get_aio_context(" + prefix + name + "->bs)"
		}
		return "blk_get_aio_context(" + prefix + name + ")"
	}
	var lines []expectedLine
	has := func(text string, present bool) { lines = append(lines, expectedLine{text, present}) }
	old := rules.Dialect == "5.2" || rules.Dialect == "6.1" || rules.Dialect == "6.2"
	if !w.NoCo {
		switch {
		case old:
			expr := map[string]string{"BlockDriverState": "bs", "BdrvChild": "child->bs", "BlockBackend": "blk_bs(blk)"}[rules.Contexts[w.Context].Type]
			has(".poll_state.bs = "+expr+",\n", true)
		case rules.Dialect == "8.0" || rules.Dialect == "8.1":
			has(".poll_state.ctx = "+ctx("", false)+",\n", true)
		case rules.Dialect == "8.2":
			has(".poll_state.ctx = "+ctx("", true)+",\n", true)
		default:
			has(".poll_state.ctx = qemu_get_current_aio_context(),\n", true)
		}
		has("if (qemu_in_coroutine()) {", w.Mixed)
		has("assert(!qemu_in_coroutine());", !w.Mixed)
		has("bdrv_graph_co_rdlock();", w.Lock == "rdlock" && !old)
		has("assume_graph_lock();", w.Lock == "rdlock" && w.Mixed && !old)
		return lines
	}
	switch rules.Dialect {
	case "8.1":
		has("AioContext *ctx = "+ctx("s->", false)+";\n", true)
	case "8.2":
		has("AioContext *ctx = "+ctx("s->", true)+";\n", true)
	default:
		has("aio_context_acquire(ctx);", false)
	}
	has("bdrv_graph_rdlock_main_loop();", w.Lock == "rdlock")
	has("bdrv_graph_wrlock(", w.Lock == "wrlock")
	has("assert(qemu_in_coroutine());", true)
	return lines
}

// describeCase prints how to rerun a case and its headers, carriage
// returns shown as <CR>.
func describeCase(c *randdecl.Case, d *dialect.Dialect) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dialect %s, seed %d; rerun: BCW_RANDDECL_SEED=%d go test ./gen -run 'TestRandomDeclarations/%s/seed=%d$'", d.Name, c.Seed, c.Seed, d.Name, c.Seed)
	if s := os.Getenv("BCW_RANDDECL_SPLICES"); s != "" {
		b.WriteString(" (with BCW_RANDDECL_SPLICES=" + s + ")")
	}
	b.WriteString("\n")
	for _, h := range c.Headers {
		fmt.Fprintf(&b, "-- %s --\n%s", h.Name, strings.ReplaceAll(string(h.Src), "\r", "<CR>"))
	}
	fmt.Fprintf(&b, "-- targets --\n%s", c.TargetDecls())
	return b.String()
}
