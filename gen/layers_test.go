package gen_test

import (
	"go/build"
	"path"
	"slices"
	"testing"
)

// TestLayers holds the steps of a run to the one direction data moves in
// (read → parse → check → name → emit, ARCHITECTURE.md): a package never
// imports a later step, nor one its work must not see. check reads names
// from the wrapper's fields, never from emit's text, and types through
// ctype, never from clex's tokens; names and emit know a wrapper only as
// model holds it.
func TestLayers(t *testing.T) {
	for _, tc := range []struct {
		pkg       string
		forbidden []string
	}{
		{"check", []string{"emit", "clex", "template"}},
		{"names", []string{"check", "emit", "parse", "clex"}},
		{"template", []string{"names", "check", "emit", "parse", "clex"}},
		{"emit", []string{"names", "check", "parse", "clex"}},
		{"parse", []string{"check", "names", "template", "emit"}},
		{"clex", []string{"parse", "ctype", "check", "names", "template", "emit"}},
		{"model", []string{"clex", "parse", "ctype", "check", "names", "template", "emit", "dialect"}},
		{"dialect", []string{"clex", "parse", "ctype", "check", "names", "template", "emit"}},
	} {
		p, err := build.ImportDir(tc.pkg, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			if slices.Contains(tc.forbidden, path.Base(imp)) && path.Dir(imp) == "github.com/bcwtool/block-coroutine-wrapper/gen" {
				t.Errorf("gen/%s imports %s, a step it must not see", tc.pkg, imp)
			}
		}
	}
}
