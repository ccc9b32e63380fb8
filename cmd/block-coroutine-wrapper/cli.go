package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// Exit statuses.
const (
	exitOK       = 0
	exitBadInput = 1 // an input could not be read or holds an error
	exitUsage    = 2 // the command line is wrong
)

// env is what a run may touch: the environment its diagnostics are
// printed in (whose Dir also resolves relative paths) and the output
// streams. Tests run the CLI in-process with their own.
type env struct {
	diag.Env
	stdout, stderr io.Writer
}

// exit is how kong's --help and --version end a run early.
type exit int

// run runs the command line args (without the program's name) in e and
// returns its exit status: main calls it, and the tests in-process.
func run(args []string, e env) (status int) {
	defer func() {
		if r := recover(); r != nil {
			code, ok := r.(exit)
			if !ok {
				panic(r)
			}
			status = int(code)
		}
	}()
	j, err := parseJob(args, e)
	if err != nil {
		return usageError(e, err)
	}
	return j.run()
}

// missingValue words kong's error for a flag given last without its value
// ("--output: expected path value but got \"EOL\" (<EOL>)", "--scan:
// missing value, expecting \"<arg>\"") as gcc words it, naming the flag as
// it was typed: "missing filename after '-o'". Other errors are returned
// as they are.
func missingValue(args []string, err error) error {
	if msg := err.Error(); !strings.Contains(msg, `but got "EOL"`) && !strings.Contains(msg, "missing value") || len(args) == 0 {
		return err
	}
	flag := args[len(args)-1]
	switch {
	case flag == "-o" || flag == "--output" || flag == "--depfile":
		return fmt.Errorf("missing filename after '%s'", flag)
	case flag == "--scan":
		return fmt.Errorf("missing path after '%s'", flag)
	}
	return fmt.Errorf("missing argument to '%s'", flag)
}

// newParser returns the kong parser that reads a command line into f. The
// manual page is generated from its model (man_test.go), so that --help
// and block-coroutine-wrapper(1) come from one definition.
func newParser(f *flags, e env) *kong.Kong {
	parser, err := kong.New(f,
		kong.Name(gen.Tool),
		kong.Writers(e.stdout, e.stderr),
		kong.Exit(func(code int) { panic(exit(code)) }),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true, NoExpandSubcommands: true}),
	)
	if err != nil {
		panic(err) // the flags struct is wrong: a bug, not a usage error
	}
	withHelp(parser.Model)
	return parser
}

// job is one command line: the run it asks for, and how its results are
// printed. gen.Run validates the run.
type job struct {
	e     env
	cfg   gen.Config
	print diag.Printer
}

// parseJob reads a command line into a job: a gen.Config, which gen.Run
// validates, and the printer of its diagnostics. --help and --version
// print and panic with an exit code, which run recovers. Its error is
// kong's, or a -W or -f option's.
func parseJob(args []string, e env) (*job, error) {
	var f flags
	if _, err := newParser(&f, e).Parse(args); err != nil {
		return nil, missingValue(args, err)
	}
	j := &job{e: e, cfg: gen.Config{Dir: e.Dir, Output: string(f.Output), Depfile: string(f.Depfile),
		Inputs: paths(f.Args), Scan: paths(f.Scan), Qemu: f.Qemu, Verbose: f.Verbose, Check: f.Check, List: gen.ListFormat(f.List), Stdout: e.stdout}}
	c := &j.cfg
	if f.Werror {
		c.Warn.Set("error")
	}
	c.Warn.Inhibit = f.Inhibit
	for _, w := range f.Warn {
		if err := c.Warn.Set(w); err != nil {
			return nil, err
		}
	}
	j.print = diag.Printer{Format: diag.Format(f.Format), Caret: f.Caret,
		Tool: gen.Tool, Version: gen.Version, URI: "https://github.com/bcwtool/block-coroutine-wrapper",
		Windows: runtime.GOOS == "windows"}
	// The -f options are gcc's spellings of the long flags and of gcc's
	// column options, applied after them.
	if err := e.Setup(&j.print, f.Color, f.Fopt); err != nil {
		return nil, err
	}
	// JSON and SARIF have no place after the diagnostics for --check's
	// diff: a note carries it.
	c.DiffAsNote = j.print.Format != diag.Text
	return j, nil
}

// run does the job (gen.Run writes the C or the list on stdout) and
// prints what it found: the diagnostics on stderr, and --check's diff
// after them.
func (j *job) run() int {
	rep, err := gen.Run(j.cfg)
	if err != nil {
		return usageError(j.e, err)
	}
	status := exitOK
	if rep.Diags.HasErrors() {
		status = exitBadInput
	}
	j.print.Source = func(file string) []byte { return rep.Sources[file] }
	j.print.Print(j.e.stderr, rep.Diags.Items())
	if j.print.Format == diag.Text {
		j.e.stderr.Write(rep.Diff)
	}
	return status
}

// usageError prints a mistake of the command line (from kong, a -W or -f
// option, or gen.Config.Validate) and the note that goes with it, if any,
// as gcc prints "note: valid arguments to ... are", and returns exitUsage.
func usageError(e env, err error) int {
	diag.PrintUsageError(e.stderr, gen.Tool, err)
	fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", gen.Tool)
	return exitUsage
}
