// Package gen generates QEMU's block-gen.c: the C code of coroutine wrappers
// declared with markers such as co_wrapper_mixed_bdrv_rdlock.
//
// The flow runs one way, a package a step:
//
//		read → parse → check → emit → write
//
//	  - Run (run.go) validates the Config (config.go: a *UsageError for
//	    what a run cannot do), chooses the release (release.go, package
//	    qemutree), reads the named inputs, and has package discover find
//	    the annotated files under the directories of --scan;
//	  - package parse reads each input's top-level declarations with the
//	    lexer of package clex, which skips comments, literals, preprocessor
//	    lines and "#if 0" groups, and keeps the wrapper declarations and the
//	    location of every other function (a --scan candidate is read once,
//	    by discover, and handed on);
//	  - package check names each declaration's wrapper and checks it against
//	    the rules of a dialect (package dialect: one value per QEMU release
//	    whose generator changed), then all wrappers against each other and
//	    against the functions they call (types compared by package ctype);
//	    what passes is a model.Wrapper;
//	  - package emit renders the wrappers as C, byte for byte as QEMU's
//	    scripts/block-coroutine-wrapper.py does after its banner;
//	  - Run lists the wrappers, compares the output (--check), or writes
//	    the output with package atomicfile, which replaces a file only when
//	    its bytes change, and the depfile with package depfile.
//
// Generate does the middle three steps in memory, on the caller's
// goroutine; Run the whole run, with every problem in one diag.List. The
// command (cmd/block-coroutine-wrapper) only turns a command line into a
// Config and prints the Report or the usage error. Nothing is written unless every input is
// read and every wrapper is valid.
package gen

import (
	"io"

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
	// Parsed, if not nil, is Src as parse.Read already read it, with the
	// problems it reported in Diags (a --scan reads each candidate to see
	// whether it declares a wrapper): Generate takes it as it is instead
	// of reading Src again.
	Parsed *parse.File
	Diags  diag.List
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

// Print writes what Bytes returns to w, a piece at a time (emit.Print),
// and returns w's first error. It writes nothing when there are errors.
func (r *Result) Print(w io.Writer) error {
	if !r.OK() {
		return nil
	}
	return emit.Print(w, Tool, Version, r.dialect, r.Files)
}

// Generate reads the inputs, in order, and checks their wrappers for the
// dialect d. The inputs' bytes must not change while the result is in use:
// the model shares their memory.
func Generate(inputs []Input, d *dialect.Dialect) *Result {
	r := &Result{dialect: d}
	var files []*parse.File
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.Name
	}
	rank(&r.Diags, names)
	for _, in := range inputs {
		if in.Parsed != nil {
			r.Diags.Append(&in.Diags)
			files = append(files, in.Parsed)
			continue
		}
		files = append(files, parse.Read(in.Name, in.Src, d.Markers(), &r.Diags))
	}
	r.Files = check.Files(files, d, &r.Diags)
	return r
}
