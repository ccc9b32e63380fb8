package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/atomicfile"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// Exit statuses.
const (
	exitOK       = 0
	exitBadInput = 1 // an input could not be read or holds an error
	exitUsage    = 2 // the command line is wrong
)

// env is what a run may touch: a working directory against which relative
// paths are resolved, and the output streams. Tests run the CLI in-process
// with their own.
type env struct {
	dir            string
	stdout, stderr io.Writer
}

func (e env) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.dir, p)
}

// flags is the command line.
type flags struct {
	Output  string           `short:"o" placeholder:"OUT.c" help:"Write the generated C to OUT.c (replaced only when its bytes change)."`
	Qemu    string           `name:"qemu" placeholder:"VERSION" help:"Write the C of this QEMU release's generator (5.2 and later, as QEMU spells it: 7.2.0, 8.1, 10.2.50). Default: the newest (9.0 and later)."`
	Version kong.VersionFlag `help:"Print the version and exit."`
	Args    []string         `arg:"" optional:"" name:"INPUT" help:"C headers and sources holding wrapper declarations, in output order. Without -o, the first argument is OUT.c, as for QEMU's script."`
}

const description = `Generate QEMU's block-gen.c from coroutine wrapper declarations.

Reads the declarations marked co_wrapper, co_wrapper_mixed, co_wrapper_bdrv_rdlock,
co_wrapper_mixed_bdrv_rdlock, no_co_wrapper, no_co_wrapper_bdrv_rdlock and
no_co_wrapper_bdrv_wrlock in the inputs and writes their wrappers, exactly as
QEMU's scripts/block-coroutine-wrapper.py does after its banner.

Example:

    block-coroutine-wrapper -o block-gen.c include/block/block-io.h block/coroutines.h

Errors are printed as file:line:col: error: message. Exit status: 0 success,
1 bad input (nothing is written), 2 bad usage.`

// exit is how kong's --help and --version end a run early.
type exit int

func run(args []string, e env) (status int) {
	var f flags
	parser, err := kong.New(&f,
		kong.Name(gen.Tool),
		kong.Description(description),
		kong.Writers(e.stdout, e.stderr),
		kong.Exit(func(code int) { panic(exit(code)) }),
		kong.Vars{"version": gen.Tool + " " + gen.Version},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true, NoExpandSubcommands: true}),
	)
	if err != nil {
		panic(err) // the flags struct is wrong: a bug, not a usage error
	}
	defer func() {
		if r := recover(); r != nil {
			code, ok := r.(exit)
			if !ok {
				panic(r)
			}
			status = int(code)
		}
	}()
	if _, err := parser.Parse(args); err != nil {
		return usageError(e, "%v", err)
	}

	out, inputs := f.Output, f.Args
	if out == "" {
		// QEMU's own form: OUT.c INPUT...
		if len(inputs) < 2 {
			return usageError(e, "expected -o OUT.c INPUT... or OUT.c INPUT...")
		}
		out, inputs = inputs[0], inputs[1:]
		if !strings.HasSuffix(out, ".c") {
			return usageError(e, "without -o the first argument is the output and must end in .c, not %q; use -o to name another output", out)
		}
	}
	if len(inputs) == 0 {
		return usageError(e, "no input files")
	}
	if status := checkPaths(e, out, inputs); status != exitOK {
		return status
	}
	d := dialect.Current
	if f.Qemu != "" {
		if d, err = dialect.ForVersion(f.Qemu); err != nil {
			return usageError(e, "--qemu: %v", err)
		}
	}

	var diags diag.List
	var ins []gen.Input
	for _, name := range inputs {
		diags.RankFile(name)
		src, err := os.ReadFile(e.path(name))
		if err != nil {
			diags.Errorf(diag.Pos{File: name}, "cannot read the file: %v", pathErr(err))
			continue
		}
		ins = append(ins, gen.Input{Name: name, Src: src})
	}
	if diags.HasErrors() {
		diags.Print(e.stderr)
		return exitBadInput
	}

	r := gen.Generate(ins, d)
	diags.Append(&r.Diags)
	diags.Print(e.stderr)
	if diags.HasErrors() {
		return exitBadInput
	}
	if _, err := atomicfile.WriteIfChanged(e.path(out), r.Write); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: cannot write the output: %v\n", out, pathErr(err))
		return exitBadInput
	}
	return exitOK
}

// checkPaths refuses an output that is also an input and inputs named
// twice.
func checkPaths(e env, out string, inputs []string) int {
	outInfo, _ := os.Stat(e.path(out))
	seen := map[string]bool{}
	for _, in := range inputs {
		clean := filepath.Clean(in)
		if seen[clean] {
			return usageError(e, "input %s is named twice", in)
		}
		seen[clean] = true
		same := clean == filepath.Clean(out)
		if !same && outInfo != nil {
			if inInfo, err := os.Stat(e.path(in)); err == nil {
				same = os.SameFile(inInfo, outInfo)
			}
		}
		if same {
			return usageError(e, "the output %s is also an input; it would be overwritten", out)
		}
	}
	return exitOK
}

func usageError(e env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "%s: error: %s\n", gen.Tool, fmt.Sprintf(format, args...))
	fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", gen.Tool)
	return exitUsage
}

// pathErr drops the path from a *fs.PathError, which the message already
// names.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
