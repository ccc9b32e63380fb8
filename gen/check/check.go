// Package check turns the declarations package parse read into the
// wrappers of a dialect, and checks them in three steps:
//
//   - each declaration against the dialect's rules (wrapper.go): a marker
//     its generator knew, a return type and a name it accepted, a first
//     parameter its templates can use, parameter names that hide or
//     break none of the names its generated code uses, and generated
//     definitions that take no name of QEMU's that generated code uses;
//   - all wrappers against each other (together.go): every name the
//     generated code defines is defined once, and no wrapper calls
//     another or its coroutine entry or bottom half;
//   - when those pass, each wrapper against the function it calls
//     (targets.go): warnings where the two disagree.
package check

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// Files returns the wrappers of files, in order, named and checked for the
// dialect d. Problems go to diags; a declaration with an error is left
// out. The warnings about targets are left out too where there are errors:
// they would only add noise.
func Files(files []*parse.File, d *dialect.Dialect, diags *diag.List) []model.File {
	out := make([]model.File, len(files))
	r := &rules{d: d, qemu: names.NewQEMUNames(d)}
	// The run's wrappers, and the files' lists of them, in one slice each:
	// a wrapper is some 400 bytes, and one allocation for each (53 on
	// QEMU master's headers) cost 16,000 instructions and spread them
	// over pages of their own.
	n := 0
	for _, f := range files {
		n += len(f.Decls)
	}
	all := make([]model.Wrapper, n)
	list := make([]*model.Wrapper, 0, n)
	for i, f := range files {
		out[i].Name = f.Name
		start := len(list)
		for j := range f.Decls {
			w := &all[len(list)]
			if r.wrapper(&f.Decls[j], w, diags) {
				list = append(list, w)
			}
		}
		if len(list) > start {
			out[i].Wrappers = list[start:len(list):len(list)]
		}
	}
	together(out, diags)
	if !diags.HasErrors() {
		targets(files, out, diags)
	}
	return out
}

// note returns a note that name is declared at pos.
func note(pos diag.Pos, name string) diag.Diagnostic {
	return diag.Notef(pos, "'%s' is declared here", name)
}
