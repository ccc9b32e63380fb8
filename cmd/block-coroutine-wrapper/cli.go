package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/alecthomas/kong"
	"github.com/rogpeppe/go-internal/diff"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/atomicfile"
	"github.com/bcwtool/block-coroutine-wrapper/gen/depfile"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/discover"
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

func (e env) path(p string) string { return discover.Abs(e.dir, p) }

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

// flags is the command line. Paths are pathArg: kong's string mapper
// would replace bytes that are not UTF-8 with U+FFFD, and its slice mapper
// would split at commas.
type flags struct {
	Output  pathArg          `short:"o" placeholder:"OUT.c" help:"Write the generated C to OUT.c (replaced only when its bytes change); -o - writes it to standard output."`
	Depfile pathArg          `placeholder:"FILE" help:"Also write a Makefile-syntax depfile for ninja listing every file read and directory scanned."`
	Scan    []pathArg        `sep:"none" placeholder:"DIR" help:"Also read every .h and .c file under DIR that declares a wrapper, after the named inputs, in sorted order. Repeatable."`
	Qemu    string           `name:"qemu" placeholder:"VERSION" help:"Write the C of this QEMU release's generator (5.2 and later, as QEMU spells it: 7.2.0, 8.1, 10.2.50). Default: the release of the QEMU source tree the inputs lie in (the nearest directory above them with a VERSION and a meson.build of project 'qemu'), else the newest (9.0 and later)."`
	Verbose bool             `short:"v" help:"Also say, as a note on stderr, which QEMU release the output is for and what chose it: --qemu, the VERSION of the inputs' QEMU tree, or the default."`
	Check   bool             `help:"Write nothing; exit 0 if OUT.c is up to date, else 1 with a unified diff on stderr."`
	List    listFormat       `placeholder:"json" help:"Write nothing but the wrappers found, one per line (file:line: marker wrapper -> target), or as JSON with --list=json. Without -o every argument is an input."`
	Warn    []string         `short:"W" name:"warn" sep:"none" placeholder:"NAME" help:"Switch warnings as gcc does: -WNAME, -Wno-NAME, -Wall, -Werror, -Wno-error, -Werror=NAME, -Wno-error=NAME; -Wextra is accepted (none of the warnings is in its set). Repeatable."`
	Werror  bool             `name:"Werror" help:"Treat warnings as errors: the same as -Werror."`
	Inhibit bool             `short:"w" name:"no-warnings" help:"Report no warning at all, as gcc's -w (none is then made an error)."`
	Fopt    []string         `short:"f" name:"option" sep:"none" placeholder:"OPTION" help:"gcc's diagnostic options: -fdiagnostics-column-unit=display (default: tabs to the next multiple of 8, wide characters 2) or =byte, -fdiagnostics-column-origin=N (default 1). Repeatable."`
	Color   string           `name:"color" enum:"auto,always,never" default:"auto" placeholder:"WHEN" help:"Colour diagnostics: auto (when stderr is a terminal; NO_COLOR and TERM=dumb turn it off, CLICOLOR_FORCE on), always or never."`
	Format  string           `name:"diagnostics-format" enum:"text,json,sarif" default:"text" placeholder:"FORMAT" help:"Print diagnostics on stderr as text, as gcc's JSON or as SARIF 2.1.0."`
	Caret   bool             `name:"diagnostics-show-caret" negatable:"" default:"true" help:"After each diagnostic, show its source line with a caret under the range (default)."`
	Version kong.VersionFlag `help:"Print the version and exit."`
	Args    []pathArg        `arg:"" optional:"" name:"INPUT" help:"C headers and sources holding wrapper declarations, in output order. Without -o, the first argument is OUT.c, as for QEMU's script."`
}

// pathArg is a path from the command line, byte for byte as given: one
// argument is one path, whatever bytes it holds (Linux allows any but NUL
// and '/' in a name, so not only UTF-8).
type pathArg string

// Decode takes the argument as it is. kong's own string mapper passes it
// through encoding/json, which turns invalid UTF-8 into U+FFFD.
func (p *pathArg) Decode(ctx *kong.DecodeContext) error {
	tok, err := ctx.Scan.PopValue("path")
	if err != nil {
		return err
	}
	s, ok := tok.Value.(string)
	if !ok {
		return fmt.Errorf("expected a path, got %v", tok.Value)
	}
	*p = pathArg(s)
	return nil
}

func paths(ps []pathArg) []string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return s
}

// description is what --help and the manual page say the tool does. The
// markers it names are the current dialect's, from the one list of them.
func description() string {
	var names []string
	for _, m := range dialect.Current.Markers() {
		names = append(names, m.Name)
	}
	markers := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	return `Generate QEMU's block-gen.c from coroutine wrapper declarations.

Reads the declarations marked ` + markers + ` in the inputs and writes their wrappers, exactly as QEMU's scripts/block-coroutine-wrapper.py does after its banner.

Example:

    block-coroutine-wrapper -o block-gen.c include/block/block-io.h block/coroutines.h

Diagnostics are printed as gcc prints them, file:line:col: error: message, with the source line and a caret. Exit status: 0 success, 1 bad input (nothing is written), 2 bad usage.`
}

// exit is how kong's --help and --version end a run early.
type exit int

// usageErr is a command-line mistake: exit status 2. A note, if any, is
// printed after it, as gcc prints "note: valid arguments to ... are".
type usageErr struct{ msg, note string }

func (u usageErr) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageErr{msg: fmt.Sprintf(format, args...)} }

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
		return usagef("missing filename after '%s'", flag)
	case flag == "--scan":
		return usagef("missing path after '%s'", flag)
	}
	return usagef("missing argument to '%s'", flag)
}

// newParser returns the kong parser that reads a command line into f. The
// manual page is generated from its model (man_test.go), so that --help
// and block-coroutine-wrapper(1) come from one definition.
func newParser(f *flags, e env) *kong.Kong {
	parser, err := kong.New(f,
		kong.Name(gen.Tool),
		kong.Description(description()),
		kong.Writers(e.stdout, e.stderr),
		kong.Exit(func(code int) { panic(exit(code)) }),
		kong.Vars{"version": version()},
		kong.ConfigureHelp(kong.HelpOptions{Compact: true, NoExpandSubcommands: true}),
	)
	if err != nil {
		panic(err) // the flags struct is wrong: a bug, not a usage error
	}
	return parser
}

// job is one validated command line.
type job struct {
	e       env
	out     string        // the output as given; "" when only listing
	depfile string        // "" for none
	inputs  []string      // named inputs as given
	named   []fs.FileInfo // the named inputs that exist, to skip when scanning
	// own holds the output and the depfile as they exist before the run:
	// a scan neither reads nor lists them, as gcc -MD never lists its own
	// -o, or the depfile would name the output as its own input and
	// ninja would stop at a dependency cycle.
	own []fs.FileInfo
	// walked lists the directories the scan walked, as the depfile lists
	// them.
	walked  []string
	scan    []string
	dialect *dialect.Dialect
	source  dialectSource // what chose dialect (release.go)
	verbose bool
	check   bool
	list    listFormat
	warn    diag.Switches
	print   diag.Printer
}

func newJob(f *flags, e env) (*job, error) {
	j := &job{e: e, out: string(f.Output), depfile: string(f.Depfile), inputs: paths(f.Args), scan: paths(f.Scan), dialect: dialect.Current,
		check: f.Check, list: f.List, verbose: f.Verbose}
	if f.Werror {
		j.warn.Set("error")
	}
	j.warn.Inhibit = f.Inhibit
	for _, w := range f.Warn {
		if err := j.warn.Set(w); err != nil {
			u := usageErr{msg: err.Error()}
			var se *diag.SwitchError
			if errors.As(err, &se) {
				u.note = "the warnings are " + strings.Join(se.Known, ", ")
			}
			return nil, u
		}
	}
	j.print = diag.Printer{Format: diag.Format(f.Format), Caret: f.Caret, Color: colour(f.Color, e), Width: excerptWidth(e),
		Tool: gen.Tool, Version: gen.Version, URI: "https://github.com/bcwtool/block-coroutine-wrapper",
		Dir: workDir(e), Windows: runtime.GOOS == "windows"}
	for _, o := range f.Fopt {
		if err := j.print.SetOption(o); err != nil {
			var oe *diag.OptionError
			if errors.As(err, &oe) {
				return nil, usageErr{msg: oe.Msg, note: oe.Note}
			}
			return nil, usageErr{msg: err.Error()}
		}
	}
	if j.out == stdoutName {
		switch {
		case j.depfile != "":
			return nil, usagef("-o - writes to standard output; a depfile names an output file, so it cannot go with --depfile")
		case j.check:
			return nil, usagef("--check compares with the output file; -o - writes to standard output")
		}
	}
	if j.list != "" {
		if j.check || j.depfile != "" {
			return nil, usagef("--list writes nothing else; it cannot go with --check or --depfile")
		}
	}
	if j.out == "" && j.list == "" {
		// QEMU's own form: OUT.c INPUT...
		if len(j.inputs) < 2 && (len(j.inputs) < 1 || len(j.scan) == 0) {
			return nil, usagef("expected -o OUT.c INPUT... or OUT.c INPUT...")
		}
		j.out, j.inputs = j.inputs[0], j.inputs[1:]
		if !strings.HasSuffix(j.out, ".c") {
			return nil, usagef("without -o the first argument is the output and must end in .c, not %q; use -o to name another output", j.out)
		}
	}
	if len(j.inputs) == 0 && len(j.scan) == 0 {
		return nil, usagef("no input files")
	}
	if f.Qemu != "" {
		d, err := dialect.ForVersion(f.Qemu)
		if err != nil {
			return nil, usagef("--qemu: %v", err)
		}
		j.dialect, j.source.flag = d, f.Qemu
	}
	if j.check && j.depfile != "" {
		return nil, usagef("--check writes nothing; it cannot go with --depfile")
	}
	if err := j.checkPaths(); err != nil {
		return nil, err
	}
	return j, nil
}

// checkPaths refuses inputs named twice and outputs that are inputs or
// each other: the reference truncates an output that is also an input
// before reading it.
func (j *job) checkPaths() error {
	out, dep := j.stat(j.out), j.stat(j.depfile)
	if j.out == stdoutName {
		out = nil
	}
	seen := map[string]bool{}
	for _, in := range j.inputs {
		clean := filepath.Clean(in)
		if seen[clean] {
			return usagef("input %s is named twice", in)
		}
		seen[clean] = true
		info := j.stat(in)
		if info != nil {
			j.named = append(j.named, info)
		}
		if j.out != "" && j.out != stdoutName && samePath(in, j.out, info, out) {
			return usagef("the output %s is also an input; it would be overwritten", j.out)
		}
		if j.depfile != "" && samePath(in, j.depfile, info, dep) {
			return usagef("the depfile %s is also an input; it would be overwritten", j.depfile)
		}
	}
	if j.depfile != "" && samePath(j.out, j.depfile, out, dep) {
		return usagef("the depfile and the output are the same file, %s", j.out)
	}
	for _, info := range []fs.FileInfo{out, dep} {
		if info != nil {
			j.own = append(j.own, info)
		}
	}
	return nil
}

// stat returns what the file system says of the file at p, or nil if p is
// "" or cannot be stat'ed.
func (j *job) stat(p string) fs.FileInfo {
	if p == "" {
		return nil
	}
	info, err := os.Stat(j.e.path(p))
	if err != nil {
		return nil
	}
	return info
}

// samePath reports whether a and b name the same file: the same path, or
// the same existing file (ai and bi, from stat) under two names.
func samePath(a, b string, ai, bi fs.FileInfo) bool {
	return filepath.Clean(a) == filepath.Clean(b) || ai != nil && bi != nil && os.SameFile(ai, bi)
}

func (j *job) run() int {
	var diags diag.List
	sources := map[string][]byte{}
	status, after := j.generate(&diags, sources)
	if j.verbose && !diags.HasErrors() {
		diags.Add(j.noteRelease())
	}
	j.print.Source = func(file string) []byte { return sources[file] }
	j.print.Print(j.e.stderr, diags.Items())
	if j.print.Format == diag.Text {
		j.e.stderr.Write(after)
	}
	return status
}

// generate does the work of the run, with its problems in diags and the
// inputs it read in sources, for the excerpts. It returns the exit status
// and what text output prints after the diagnostics (--check's diff).
func (j *job) generate(diags *diag.List, sources map[string][]byte) (status int, after []byte) {
	inputs, deps := j.read(diags)
	for _, in := range inputs {
		sources[in.Name] = in.Src
	}
	if diags.HasErrors() {
		return exitBadInput, nil
	}

	r := gen.Generate(inputs, j.dialect)
	diags.Append(&r.Diags)
	j.warn.Apply(diags)
	if diags.HasErrors() {
		return exitBadInput, nil
	}
	switch {
	case j.list != "":
		return j.printList(r), nil
	case j.check:
		return j.checkOutput(r, diags)
	}

	// Everything that can fail on the inputs is checked before the first
	// byte is written.
	var dep []byte
	if j.depfile != "" {
		var err error
		if dep, err = depfile.Host.Format(j.out, deps); err != nil {
			var de *depfile.Error
			if errors.As(err, &de) {
				diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: shownPath(de.Path)}, "cannot be listed in a depfile: %s", de.Reason))
			} else {
				diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: j.depfile}, "%v", err))
			}
			return exitBadInput, nil
		}
		if dir := j.scannedDir(j.depfile); dir != "" {
			diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: j.depfile},
				"the depfile is inside the scanned directory %s: ninja deletes a depfile once it has read it (deps = gcc), which changes %s and would make every build run the tool again; write the depfile outside the scanned directories",
				shownPath(dir), shownPath(dir)))
			return exitBadInput, nil
		}
	}
	if j.out == stdoutName {
		if _, err := j.e.stdout.Write(r.Bytes()); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: "<stdout>"}, "cannot write the output: %v", err))
			return exitBadInput, nil
		}
		return exitOK, nil
	}
	changed, err := atomicfile.WriteIfChanged(j.e.path(j.out), r.Bytes())
	if err != nil {
		diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: j.out}, "cannot write the output: %v", pathErr(err)))
		return exitBadInput, nil
	}
	if dep != nil {
		if _, err := atomicfile.WriteIfChanged(j.e.path(j.depfile), dep); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: j.depfile}, "cannot write the depfile: %v", pathErr(err)))
			return exitBadInput, nil
		}
	}
	if changed && len(j.walked) > 0 {
		// Renaming the new output (and the depfile) into a scanned
		// directory made that directory, which the depfile lists, newer
		// than the output's own modification time (when its bytes were
		// written, before the rename): ninja and make would run the tool
		// again on the next build. The output is stamped now, after every
		// write of this run. An output that did not change keeps its
		// time, for ninja's restat.
		now := time.Now()
		if err := os.Chtimes(j.e.path(j.out), now, now); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: j.out}, "cannot set the output's modification time: %v", pathErr(err)))
			return exitBadInput, nil
		}
	}
	return exitOK, nil
}

// scannedDir returns the scanned directory (as the depfile lists it) that
// holds the file at p, "" if none does.
func (j *job) scannedDir(p string) string {
	parent, err := os.Stat(filepath.Dir(j.e.path(p)))
	if err != nil {
		return ""
	}
	for _, d := range j.walked {
		if info, err := os.Stat(j.e.path(d)); err == nil && os.SameFile(info, parent) {
			return d
		}
	}
	return ""
}

// checkOutput compares what would be written with the output on disk. If
// they differ, the unified diff is what to print after the diagnostics.
func (j *job) checkOutput(r *gen.Result, diags *diag.List) (status int, diffText []byte) {
	want := r.Bytes()
	have, err := os.ReadFile(j.e.path(j.out))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: j.out}, "cannot read the output: %v", pathErr(err)))
		return exitBadInput, nil
	}
	if err == nil && bytes.Equal(have, want) {
		return exitOK, nil
	}
	d := diff.Diff(j.out, have, j.out+" (generated)", want)
	if err != nil {
		// The message stands alone; text shows the diff after it.
		diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: j.out}, "does not exist; it would be generated"))
		return exitBadInput, d
	}
	if j.print.Format == diag.Text {
		diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: j.out}, "is out of date; regenerating it would change:"))
		return exitBadInput, d
	}
	// JSON and SARIF have no place after the diagnostics: the message
	// stands alone, and a note carries the diff.
	added, removed := changedLines(d)
	diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: j.out}, "is out of date: regenerating it would add %s and remove %s; run the tool without --check to regenerate it",
		lines(added), lines(removed)).Note(diag.Notef(diag.Pos{File: j.out}, "%s", d)))
	return exitBadInput, nil
}

// changedLines counts the lines a unified diff adds and removes.
func changedLines(unified []byte) (added, removed int) {
	for _, l := range strings.Split(string(unified), "\n") {
		switch {
		case strings.HasPrefix(l, "+++ "), strings.HasPrefix(l, "--- "):
		case strings.HasPrefix(l, "+"):
			added++
		case strings.HasPrefix(l, "-"):
			removed++
		}
	}
	return added, removed
}

// lines says "1 line", "n lines".
func lines(n int) string {
	if n == 1 {
		return "1 line"
	}
	return strconv.Itoa(n) + " lines"
}

// read chooses the release to generate for (release.go), reads the named
// inputs, then scans the directories, and returns the inputs in output
// order and what the depfile must list.
func (j *job) read(diags *diag.List) (inputs []gen.Input, deps []string) {
	release := j.chooseRelease(diags)
	if diags.HasErrors() {
		return nil, nil
	}
	defer func() { deps = append(deps, release...) }()
	for _, name := range j.inputs {
		diags.RankFile(name)
		src, err := os.ReadFile(j.e.path(name))
		if err != nil {
			if info, serr := os.Stat(j.e.path(name)); serr == nil && info.IsDir() {
				err = errIsDir // Windows would say "Invalid function."
			}
			diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: name}, "cannot read the file: %v", pathErr(err)))
			continue
		}
		inputs = append(inputs, gen.Input{Name: name, Src: src})
		deps = append(deps, name)
	}
	if len(j.scan) == 0 || diags.HasErrors() {
		return inputs, deps
	}
	res, err := discover.Scan(j.e.dir, j.scan, func(_ string, info fs.FileInfo) bool {
		for _, n := range j.named {
			if os.SameFile(n, info) {
				return true // named explicitly: read once, in its place
			}
		}
		for _, o := range j.own {
			if os.SameFile(o, info) {
				return true // what this run writes is never its input
			}
		}
		return false
	})
	if err != nil {
		var pe *fs.PathError
		file := strings.Join(j.scan, " ")
		if errors.As(err, &pe) {
			file = strings.TrimPrefix(pe.Path, j.e.dir+string(filepath.Separator))
		}
		diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: file}, "cannot scan: %v", pathErr(err)))
		return inputs, deps
	}
	for _, f := range res.Annotated {
		diags.RankFile(f.Path)
		inputs = append(inputs, gen.Input{Name: f.Path, Src: f.Src})
	}
	deps = append(deps, res.Read...)
	deps = append(deps, res.Dirs...)
	j.walked = res.Dirs
	return inputs, deps
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

// stdoutName is the output name that means standard output, as for gcc's
// -o -.
const stdoutName = "-"

func usageError(e env, err error) int {
	fmt.Fprintf(e.stderr, "%s: error: %v\n", gen.Tool, err)
	var u usageErr
	if errors.As(err, &u) && u.note != "" {
		fmt.Fprintf(e.stderr, "%s: note: %s\n", gen.Tool, u.note)
	}
	fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", gen.Tool)
	return exitUsage
}

// shownPath is p as a message shows it: as it is, unless a line break or
// another control byte would break the message's line, then quoted as Go
// quotes a string.
func shownPath(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] < ' ' || p[i] == 0x7f {
			return strconv.Quote(p)
		}
	}
	return p
}

// pathErr drops the path from a *fs.PathError, which the message already
// names, and spells a missing file and a refused access as Linux does (and
// gcc on every host), so that messages do not depend on the host: Windows
// would say "File not found.", "Path not found." or "Access is denied.".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errNotExist
	case errors.Is(err, fs.ErrPermission):
		return errPermission
	}
	return err
}

// The system errors spelt the same on every host, as Linux spells them.
var (
	errNotExist   = errors.New("no such file or directory")
	errPermission = errors.New("permission denied")
	errIsDir      = errors.New("is a directory")
)
