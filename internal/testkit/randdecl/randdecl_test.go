package randdecl_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
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
		if r.IntOnly != d.IntOnly || r.CoAnywhereForbidden != d.CoAnywhereForbidden || r.StructAfterTarget != d.StructNamedAfterTarget {
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
		forbidden := p.Name == "s" || p.Name == w.Name || p.Name == w.Target || p.Name == w.Struct ||
			p.Name == "ret" && w.Return != "void" || p.Name == "co" && w.NoCo || p.Name == "poll_state" && !w.NoCo ||
			p.Name == helper
		if forbidden || seen[p.Name] {
			t.Errorf("%s: %s: parameter name %s", r.Dialect, w.Name, p.Name)
		}
		seen[p.Name] = true
	}
}
