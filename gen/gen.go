// Package gen generates QEMU's block-gen.c: the C code of coroutine wrappers
// declared with markers such as co_wrapper_mixed_bdrv_rdlock.
//
// The flow runs one way, a package a step:
//
//		read → parse → check → emit → write
//
//	  - the caller reads the inputs (package discover finds annotated files
//	    under the directories of --scan);
//	  - package parse reads each input's top-level declarations with the
//	    lexer of package clex, which skips comments, literals, preprocessor
//	    lines and "#if 0" groups, and keeps the wrapper declarations and the
//	    location of every other function;
//	  - package check names each declaration's wrapper and checks it against
//	    the rules of a dialect (package dialect: one value per QEMU release
//	    whose generator changed), then all wrappers against each other and
//	    against the functions they call; what passes is a model.Wrapper;
//	  - package emit renders the wrappers as C, byte for byte as QEMU's
//	    scripts/block-coroutine-wrapper.py does after its banner;
//	  - the caller writes the output with package atomicfile, which replaces
//	    a file only when its bytes change, and the depfile with package
//	    depfile.
//
// Generate does the middle three steps in memory, on the caller's
// goroutine. Nothing is written unless every input is read and every
// wrapper is valid.
package gen

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/check"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// Tool is the program name written into the banner.
const Tool = "block-coroutine-wrapper"

// Version is the tool's version, written into the banner.
const Version = "0.1.0"

// Input is one input file: the name to print in messages and its bytes.
type Input struct {
	Name string
	Src  []byte
}

// Result is what Generate found: the checked wrappers and the problems.
type Result struct {
	// Files holds each input's checked wrappers, in input order.
	Files []model.File
	// Diags holds every problem found, errors and warnings.
	Diags   diag.List
	dialect *dialect.Dialect
}

// OK reports whether the inputs had no errors, so that there is an output.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// Bytes returns the complete block-gen.c, banner included, or nil when
// there are errors.
func (r *Result) Bytes() []byte {
	if !r.OK() {
		return nil
	}
	return emit.Render(Tool, Version, r.dialect, r.Files)
}

// Generate reads the inputs, in order, and checks their wrappers for the
// dialect d. The inputs' bytes must not change while the result is in use:
// the model shares their memory.
func Generate(inputs []Input, d *dialect.Dialect) *Result {
	r := &Result{dialect: d}
	var files []*parse.File
	for _, in := range inputs {
		r.Diags.RankFile(in.Name)
		files = append(files, parse.Read(in.Name, in.Src, d.Markers(), &r.Diags))
	}
	r.Files = check.Files(files, d, &r.Diags)
	return r
}
