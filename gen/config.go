package gen

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// Config is one run of the generator, as a command line asks for it.
// Paths are spelt as given: they name files in messages and the depfile,
// and are resolved against Dir (discover.Abs) to be opened. Validate
// checks it and completes it; Run validates it first.
type Config struct {
	// Dir is the working directory.
	Dir string
	// Output is the C file to write or, with Check, compare; "" when only
	// listing. Otherwise "" asks for QEMU's script's form, OUT.c INPUT...:
	// Validate makes the first of Inputs the output.
	Output string
	// Depfile is the depfile to write beside the output; "" for none.
	Depfile string
	// Inputs are the inputs named, in output order; the files found by
	// scanning the directories of Scan follow them, in sorted order.
	Inputs []string
	Scan   []string
	// Qemu is the release to generate for, as --qemu gives it and QEMU
	// spells it (7.2.0, 8.1, 10.2.50); Validate sets Dialect from it.
	// With neither, Run chooses the release of the QEMU tree the inputs
	// lie in (package qemutree), else dialect.Current.
	Qemu    string
	Dialect *dialect.Dialect
	// Verbose adds a note, sorted before every other diagnostic, saying
	// which release was generated for and what chose it, whenever a
	// release was chosen (also when the run then fails).
	Verbose bool
	// Check writes nothing: the output must already hold what would be
	// written, else an error and Report.Diff say how it differs; with
	// DiffAsNote, a note on the error carries the diff instead (JSON and
	// SARIF have no place after the diagnostics).
	Check      bool
	DiffAsNote bool
	// List writes nothing but the wrappers found, to Stdout in this
	// format; Report.Files holds them.
	List ListFormat
	// Warn switches the named warnings, as -W does.
	Warn diag.Switches
	// Stdout is where the C goes when Output is StdoutName, and the list.
	Stdout io.Writer
}

// StdoutName is the output name that means standard output, as for gcc's
// -o -: Run writes the C to Config.Stdout instead of a file.
const StdoutName = "-"

// UsageError is a Config that asks for what cannot be done, or not
// without losing data: the mistake of a command line, which the command
// reports with exit status 2 before reading any input. Msg names the
// flags as the command spells them.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Validate checks that cfg asks for one thing that can be done, and
// completes it: QEMU's form OUT.c INPUT... (Output "" when not listing)
// takes the first input as the output, and Qemu sets Dialect. It refuses
// -o - (StdoutName) with a depfile or Check, a List that is no
// ListFormat, List with Check or a depfile, Check with a depfile, a run without inputs or directories to
// scan, a release Qemu does not name (dialect.ForVersion), and paths
// that would lose data (checkPaths), in that order, with a *UsageError.
// A completed Config validates again to itself.
func (cfg *Config) Validate() error {
	if cfg.Output == StdoutName {
		switch {
		case cfg.Depfile != "":
			return usagef("-o - writes to standard output; a depfile names an output file, so it cannot go with --depfile")
		case cfg.Check:
			return usagef("--check compares with the output file; -o - writes to standard output")
		}
	}
	if cfg.List != "" {
		if _, err := ParseListFormat(string(cfg.List)); err != nil {
			return usagef("--list: %v", err)
		}
	}
	if cfg.List != "" && (cfg.Check || cfg.Depfile != "") {
		return usagef("--list writes nothing else; it cannot go with --check or --depfile")
	}
	if cfg.Output == "" && cfg.List == "" {
		// QEMU's own form: OUT.c INPUT...
		if len(cfg.Inputs) < 2 && (len(cfg.Inputs) < 1 || len(cfg.Scan) == 0) {
			return usagef("expected -o OUT.c INPUT... or OUT.c INPUT...")
		}
		cfg.Output, cfg.Inputs = cfg.Inputs[0], cfg.Inputs[1:]
		if !strings.HasSuffix(cfg.Output, ".c") {
			return usagef("without -o the first argument is the output and must end in .c, not %q; use -o to name another output", cfg.Output)
		}
	}
	if len(cfg.Inputs) == 0 && len(cfg.Scan) == 0 {
		return usagef("no input files")
	}
	if cfg.Qemu != "" {
		d, err := dialect.ForVersion(cfg.Qemu)
		if err != nil {
			return usagef("--qemu: %v", err)
		}
		cfg.Dialect = d
	}
	if cfg.Check && cfg.Depfile != "" {
		return usagef("--check writes nothing; it cannot go with --depfile")
	}
	return cfg.checkPaths()
}

// checkPaths refuses a configuration that would lose data or read a file
// twice: an input named twice, and an output or depfile that is an input
// or each other (QEMU's script truncates an output that is also an input
// before reading it). Two names of one existing file count as the same;
// the output and the depfile may both be one character device.
// Its error is a *UsageError.
func (cfg *Config) checkPaths() error {
	stat := func(p string) fs.FileInfo {
		if p == "" {
			return nil
		}
		info, err := os.Stat(absPath(cfg.Dir, p))
		if err != nil {
			return nil
		}
		return info
	}
	out, dep := stat(cfg.Output), stat(cfg.Depfile)
	if cfg.Output == StdoutName {
		out = nil
	}
	seen := map[string]bool{}
	for _, in := range cfg.Inputs {
		clean := filepath.Clean(in)
		if seen[clean] {
			return usagef("input %s is named twice", in)
		}
		seen[clean] = true
		info := stat(in)
		if cfg.Output != "" && cfg.Output != StdoutName && samePath(in, cfg.Output, info, out) {
			return usagef("the output %s is also an input; it would be overwritten", cfg.Output)
		}
		if cfg.Depfile != "" && samePath(in, cfg.Depfile, info, dep) {
			return usagef("the depfile %s is also an input; it would be overwritten", cfg.Depfile)
		}
	}
	// A character device (/dev/null, NUL) holds nothing to lose: gcc
	// takes -o /dev/null -MF /dev/null, the usual way to only check.
	if cfg.Depfile != "" && samePath(cfg.Output, cfg.Depfile, out, dep) && (out == nil || out.Mode()&fs.ModeCharDevice == 0) {
		return usagef("the depfile and the output are the same file, %s", cfg.Output)
	}
	return nil
}

// samePath reports whether a and b name the same file: the same path, or
// the same existing file (ai and bi, from stat) under two names.
func samePath(a, b string, ai, bi fs.FileInfo) bool {
	return filepath.Clean(a) == filepath.Clean(b) || ai != nil && bi != nil && os.SameFile(ai, bi)
}
