package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
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

// env is what a run may touch: a working directory against which relative
// paths are resolved, the output streams, the environment variables and
// what stderr is. Tests run the CLI in-process with their own.
type env struct {
	dir            string
	stdout, stderr io.Writer
	// getenv reads an environment variable; nil reads none.
	getenv func(string) string
	// terminal reports whether stderr is a terminal, and its width in
	// columns (0 if unknown); nil is not a terminal.
	terminal func() (bool, int)
}

func (e env) env(name string) string {
	if e.getenv == nil {
		return ""
	}
	return e.getenv(name)
}

func (e env) stderrTerminal() (bool, int) {
	if e.terminal == nil {
		return false, 0
	}
	return e.terminal()
}

// workDir is the working directory as SARIF's "PWD" base names it: $PWD
// when it is absolute and names the working directory (it keeps the
// symbolic links the shell went through, as the user sees the path),
// else the directory itself, as gcc's getpwd() chooses.
func workDir(e env) string {
	if p := e.env("PWD"); filepath.IsAbs(p) {
		a, errA := os.Stat(p)
		b, errB := os.Stat(e.dir)
		if errA == nil && errB == nil && os.SameFile(a, b) {
			return p
		}
	}
	if abs, err := filepath.Abs(e.dir); err == nil {
		return abs
	}
	return ""
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

// parseJob reads a command line. --help and --version print and panic
// with an exit code, which run recovers.
func parseJob(args []string, e env) (*job, error) {
	var f flags
	if _, err := newParser(&f, e).Parse(args); err != nil {
		return nil, missingValue(args, err)
	}
	return newJob(&f, e)
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
		kong.Vars{"version": version()},
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

// newJob turns the flags into a gen.Config, which gen.Run validates, and
// the printer of its diagnostics; its error is a -W or -f option's.
func newJob(f *flags, e env) (*job, error) {
	j := &job{e: e, cfg: gen.Config{Dir: e.dir, Output: string(f.Output), Depfile: string(f.Depfile),
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
	j.print = diag.Printer{Format: diag.Format(f.Format), Caret: f.Caret, Color: colour(f.Color, e), Width: excerptWidth(e),
		Tool: gen.Tool, Version: gen.Version, URI: "https://github.com/bcwtool/block-coroutine-wrapper",
		Dir: workDir(e), Windows: runtime.GOOS == "windows"}
	// The -f options are gcc's spellings of the long flags and of gcc's
	// column options; they apply in order after the long flags, so the
	// last -f of a kind wins, as in gcc.
	for _, o := range f.Fopt {
		when, isColor, err := diag.ColorWhen(o)
		switch {
		case err != nil:
			return nil, err
		case isColor:
			j.print.Color = colour(when, e)
		default:
			if err := j.print.SetOption(o); err != nil {
				return nil, err
			}
		}
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

// colour decides whether diagnostics are coloured: --color=always or
// never; for auto, NO_COLOR (https://no-color.org) turns colour off and
// CLICOLOR_FORCE (not "0") turns it on, then a terminal on stderr that is
// not TERM=dumb has colour. Meson and ninja run the tool with stderr on a
// pipe, where only CLICOLOR_FORCE or --color=always colour it.
func colour(when string, e env) bool {
	switch when {
	case "always":
		return true
	case "never":
		return false
	}
	if e.env("NO_COLOR") != "" {
		return false
	}
	if f := e.env("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	tty, _ := e.stderrTerminal()
	return tty && e.env("TERM") != "dumb"
}

// pipeWidth is how wide an excerpt may be when nothing says how wide the
// reader is: long enough for any line written to be read, short enough
// that a generated line of megabytes does not flood a build log.
const pipeWidth = 200

// excerptWidth returns the display columns an excerpt may take: COLUMNS
// if set, as gcc reads it, else the width of the terminal on stderr, else
// pipeWidth.
func excerptWidth(e env) int {
	if n, err := strconv.Atoi(e.env("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if tty, w := e.stderrTerminal(); tty && w > 0 {
		return w
	}
	return pipeWidth
}

// usageError prints a mistake of the command line (from kong, a -W or -f
// option, or gen.Config.Validate) and the note that goes with it, if any,
// as gcc prints "note: valid arguments to ... are", and returns exitUsage.
func usageError(e env, err error) int {
	fmt.Fprintf(e.stderr, "%s: error: %v\n", gen.Tool, err)
	var se *diag.SwitchError
	var oe *diag.OptionError
	note := ""
	switch {
	case errors.As(err, &se):
		note = "the warnings are " + strings.Join(se.Known, ", ")
	case errors.As(err, &oe):
		note = oe.Note
	}
	if note != "" {
		fmt.Fprintf(e.stderr, "%s: note: %s\n", gen.Tool, note)
	}
	fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", gen.Tool)
	return exitUsage
}
