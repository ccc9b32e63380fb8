package randdecl_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/randdecl"
)

var cfg = randdecl.Config{Headers: 2, Wrappers: 30, Splices: true}

// TestRulesMatchDialects checks the rules restated here against the
// dialects' own data, so that a dialect added or changed there is noticed.
func TestRulesMatchDialects(t *testing.T) {
	for _, d := range dialect.All {
		r, ok := randdecl.RulesFor(d.Name)
		if !ok {
			t.Errorf("no rules for dialect %s", d.Name)
			continue
		}
		if len(r.Markers) == 0 {
			t.Errorf("%s: no markers", d.Name)
		}
		if r.IntOnly != d.IntOnly || r.CoAnywhereForbidden != d.CoAnywhereForbidden || r.StructAfterTarget != d.StructNamedAfterTarget ||
			r.ResultInPollState != d.ResultInPollState {
			t.Errorf("%s: rules %+v disagree with the dialect", d.Name, r)
		}
		if (r.Prefix != "") != (d.NamePrefix != "") || r.Prefix != "" && r.Prefix+"_" != d.NamePrefix {
			t.Errorf("%s: prefix %q, the dialect has %q", d.Name, r.Prefix, d.NamePrefix)
		}
	}
	if _, ok := randdecl.RulesFor("7.0"); ok {
		t.Error("rules for a release that is not a dialect's name")
	}
}

func TestDeterministic(t *testing.T) {
	r, _ := randdecl.RulesFor("9.0")
	a, b := randdecl.Generate(7, r, cfg), randdecl.Generate(7, r, cfg)
	if !bytes.Equal(all(a), all(b)) || a.TargetDecls() != b.TargetDecls() {
		t.Error("the same seed gave different cases")
	}
	if bytes.Equal(all(a), all(randdecl.Generate(8, r, cfg))) {
		t.Error("two seeds gave the same case")
	}
	r62, _ := randdecl.RulesFor("6.2")
	if bytes.Equal(all(randdecl.Generate(7, r62, cfg)), all(a)) {
		t.Error("two dialects gave the same case")
	}
}

func all(c *randdecl.Case) []byte {
	var b []byte
	for _, h := range c.Headers {
		b = append(b, h.Src...)
	}
	return b
}

// TestValid checks the generator's own promises: names of the right form
// for the dialect, every name the generated code defines unique, parameter
// names unique and clear of the generated names, first parameters as the
// dialect needs them, and every marker and an even spread of shapes used.
func TestValid(t *testing.T) {
	for _, d := range dialect.All {
		r, _ := randdecl.RulesFor(d.Name)
		markers := map[string]int{}
		for seed := range uint64(20) {
			c := randdecl.Generate(seed, r, cfg)
			defined := map[string]string{}
			n := 0
			for _, h := range c.Headers {
				n += len(h.Wrappers)
				for _, w := range h.Wrappers {
					markers[w.Marker]++
					checkWrapper(t, r, w, defined)
				}
			}
			if n != cfg.Wrappers {
				t.Errorf("%s seed %d: %d wrappers, want %d", d.Name, seed, n, cfg.Wrappers)
			}
		}
		for _, m := range r.Markers {
			if markers[m] == 0 {
				t.Errorf("%s: marker %s never used", d.Name, m)
			}
		}
	}
}

func checkWrapper(t *testing.T, r randdecl.Rules, w *randdecl.Wrapper, defined map[string]string) {
	t.Helper()
	words := strings.Split(w.Name, "_")
	if slices.Contains(words, "") {
		t.Errorf("%s: %s has an empty word", r.Dialect, w.Name)
	}
	if w.NoCo {
		if len(words) < 3 || words[1] != "co" || w.Target != words[0]+"_"+strings.Join(words[2:], "_") {
			t.Errorf("%s: no_co %s -> %s", r.Dialect, w.Name, w.Target)
		}
	} else {
		if len(words) < 2 || words[1] == "co" || r.CoAnywhereForbidden && strings.Contains(w.Name, "_co_") ||
			w.Target != words[0]+"_co_"+strings.Join(words[1:], "_") {
			t.Errorf("%s: co %s -> %s", r.Dialect, w.Name, w.Target)
		}
		if r.Prefix != "" && words[0] != r.Prefix {
			t.Errorf("%s: %s lacks the prefix", r.Dialect, w.Name)
		}
	}
	if r.IntOnly && w.Return != "int" {
		t.Errorf("%s: %s returns %s", r.Dialect, w.Name, w.Return)
	}
	helper := w.Target + "_entry"
	if w.NoCo {
		helper = w.Target + "_bh"
	}
	for _, id := range []string{w.Name, w.Target, w.Struct, helper} {
		if prev, dup := defined[id]; dup {
			t.Errorf("%s: %s of %s already defined by %s", r.Dialect, id, w.Name, prev)
		}
		defined[id] = w.Name
	}
	if r.FirstRequired && w.Context < 0 {
		t.Errorf("%s: %s has no context parameter", r.Dialect, w.Name)
	}
	if w.Context >= 0 {
		c := r.Contexts[w.Context]
		fixed := r.FixedNamesCo && !w.NoCo || r.FixedNamesNoCo && w.NoCo
		if w.Params[0].Decl != c.Type+" *"+w.Params[0].Name || fixed && w.Params[0].Name != c.Name {
			t.Errorf("%s: %s: first parameter %q for context %s", r.Dialect, w.Name, w.Params[0].Decl, c.Name)
		}
	}
	seen := map[string]bool{}
	for _, p := range w.Params {
		if r.Clashes(w, p.Name) != p.Clash || seen[p.Name] {
			t.Errorf("%s: %s: parameter name %s (clash %v)", r.Dialect, w.Name, p.Name, p.Clash)
		}
		seen[p.Name] = true
	}
}

// TestGeneratedNames checks that parameter names are drawn from every name
// of QEMU's that the tool knows generated code to use.
func TestGeneratedNames(t *testing.T) {
	for _, d := range dialect.All {
		for name := range names.QEMU(d) {
			if !slices.Contains(randdecl.GeneratedNames, name) && name != "AioContext" && name != "Coroutine" {
				t.Errorf("%s: %s is not among randdecl.GeneratedNames", d.Name, name)
			}
		}
	}
}

// TestClashes checks Rules.Clashes on the cases whose C scoping is not
// obvious, and that Config.Clashes plants clashing parameters, and only
// there.
func TestClashes(t *testing.T) {
	r90, _ := randdecl.RulesFor("9.0")
	r62, _ := randdecl.RulesFor("6.2")
	co := &randdecl.Wrapper{Name: "bdrv_x", Target: "bdrv_co_x", Struct: "BdrvX", Return: "int", Context: 0}
	mixed := &randdecl.Wrapper{Name: "bdrv_x", Target: "bdrv_co_x", Struct: "BdrvX", Return: "int", Context: 0, Mixed: true}
	noCo := &randdecl.Wrapper{Name: "bdrv_co_x", Target: "bdrv_x", Struct: "BdrvCoX", Return: "void", Context: -1, NoCo: true}
	blk := &randdecl.Wrapper{Name: "blk_x", Target: "blk_co_x", Struct: "BlkCoX", Return: "int", Context: 2, Mixed: true}
	for _, tc := range []struct {
		r     randdecl.Rules
		w     *randdecl.Wrapper
		name  string
		clash bool
	}{
		{r90, co, "s", true}, {r90, co, "ret", true}, {r90, noCo, "ret", false},
		{r90, co, "bdrv_co_x", false}, {r90, mixed, "bdrv_co_x", true}, {r90, co, "bdrv_x", false},
		{r90, co, "blk_bs", false}, {r90, co, "assert", false}, {r90, co, "NULL", true},
		{r90, noCo, "bdrv_poll_co", false}, {r90, noCo, "qemu_get_current_aio_context", false},
		{r90, co, "qemu_get_current_aio_context", true}, {r90, noCo, "qemu_get_aio_context", true},
		{r62, blk, "blk_bs", true}, {r62, mixed, "blk_bs", false}, {r62, mixed, "ret", false},
	} {
		if got := tc.r.Clashes(tc.w, tc.name); got != tc.clash {
			t.Errorf("%s %s: %s clashes: %v, want %v", tc.r.Dialect, tc.w.Name, tc.name, got, tc.clash)
		}
	}
	planted := 0
	for _, d := range dialect.All {
		r, _ := randdecl.RulesFor(d.Name)
		cfg := cfg
		cfg.Clashes = true
		for seed := range uint64(5) {
			for _, h := range randdecl.Generate(seed, r, cfg).Headers {
				for _, w := range h.Wrappers {
					for _, p := range w.Params {
						if p.Clash != r.Clashes(w, p.Name) {
							t.Errorf("%s: %s: parameter %s clash %v", d.Name, w.Name, p.Name, p.Clash)
						}
						if p.Clash {
							planted++
						}
					}
				}
			}
		}
	}
	if planted < 100 {
		t.Errorf("only %d clashing parameters planted", planted)
	}
}
