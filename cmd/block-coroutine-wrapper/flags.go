package main

import (
	"fmt"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// flags is the command line. Paths are pathArg: kong's string mapper
// would replace bytes that are not UTF-8 with U+FFFD, and its slice mapper
// would split at commas.
type flags struct {
	Output  pathArg   `short:"o" placeholder:"OUT.c"`
	Depfile pathArg   `placeholder:"FILE"`
	Scan    []pathArg `sep:"none" placeholder:"DIR"`
	Qemu    string    `name:"qemu" placeholder:"VERSION"`
	Verbose bool      `short:"v"`
	Check   bool
	List    listFormat `placeholder:"json"`
	Warn    []string   `short:"W" name:"warn" sep:"none" placeholder:"NAME"`
	Werror  bool       `name:"Werror"`
	Inhibit bool       `short:"w" name:"no-warnings"`
	Fopt    []string   `short:"f" name:"option" sep:"none" placeholder:"OPTION"`
	Color   string     `name:"color" enum:"auto,always,never" default:"auto" placeholder:"WHEN"`
	Format  string     `name:"diagnostics-format" enum:"text,json,sarif" default:"text" placeholder:"FORMAT"`
	Caret   bool       `name:"diagnostics-show-caret" negatable:"" default:"true"`
	Version versionFlag
	Args    []pathArg `arg:"" optional:"" name:"INPUT"`
}

// flagHelp is what --help and the manual page say of each flag and of the
// argument, by its name in kong's model: the one place of each text.
// withHelp puts it into the model after kong.New, instead of help:"" tags
// in flags, because kong.New runs a regexp over every help text to
// interpolate ${vars} (none is used) and its tag parser walks every tag
// rune by rune. With the texts in tags that was 0.96M of the 3.20M
// instructions of a --version run (callgrind), about 0.6 ms of 4.5 ms,
// paid by every build step; kong reads the help only to print it.
var flagHelp = []struct{ name, help string }{
	{"output", "Write the generated C to OUT.c (replaced only when its bytes change); -o - writes it to standard output. A character device or FIFO is written in place: -o /dev/null (Windows: NUL) only checks."},
	{"depfile", "Also write a Makefile-syntax depfile for ninja listing every file read and directory scanned (may be /dev/null, as -o)."},
	{"scan", "Also read every .h and .c file under DIR that declares a wrapper, after the named inputs. Repeatable: the files found are sorted by path across all the directories, not directory by directory."},
	{"qemu", "Write the C of this QEMU release's generator (5.2 and later, as QEMU spells it: 7.2.0, 8.1, 10.2.50). Default: the release of the QEMU source tree the inputs lie in (the nearest directory above them with a VERSION and a meson.build of project 'qemu'), else the newest (9.0 and later). Inputs outside any tree, mixed with a tree's, take the tree's release."},
	{"verbose", "Also say, as a note on stderr before any other (also when the run fails), which QEMU release the output is for and what chose it: --qemu, the VERSION of the inputs' QEMU tree, or the default."},
	{"check", "Write nothing; exit 0 if OUT.c is up to date, else 1 with a unified diff on stderr."},
	{"list", "Write nothing but the wrappers found, one per line (file:line: marker wrapper -> target), or as JSON with --list=json. Without -o every argument is an input."},
	{"warn", "Switch warnings as gcc does: -WNAME, -Wno-NAME, -Wall, -Werror, -Wno-error, -Werror=NAME, -Wno-error=NAME; -Wextra is accepted (none of the warnings is in its set). Repeatable."},
	{"Werror", "Treat warnings as errors: the same as -Werror."},
	{"no-warnings", "Report no warning at all, as gcc's -w (none is then made an error)."},
	{"option", "gcc's diagnostic options: -fdiagnostics-column-unit=display (default: tabs to the next multiple of 8, wide characters 2) or =byte, -fdiagnostics-column-origin=N (default 1); and gcc's spellings of --color, --diagnostics-format and --[no-]diagnostics-show-caret: -fdiagnostics-color=WHEN, -f[no-]diagnostics-color, -fdiagnostics-format=text|json|sarif (also gcc 13's json-stderr, sarif-stderr), -f[no-]diagnostics-show-caret. Repeatable; applied in order after the long flags, so the last -f of a kind wins."},
	{"color", "Colour diagnostics: auto (when stderr is a terminal; NO_COLOR and TERM=dumb turn it off, CLICOLOR_FORCE on), always or never."},
	{"diagnostics-format", "Print diagnostics on stderr as text, as gcc's JSON or as SARIF 2.1.0."},
	{"diagnostics-show-caret", "After each diagnostic, show its source line with a caret under the range (default)."},
	{"version", "Print the version and exit."},
	{"INPUT", "C headers and sources holding wrapper declarations, in output order. Without -o, the first argument is OUT.c, as for QEMU's script, and must end in .c."},
}

// withHelp puts the description and flagHelp into app, kong's model of
// the command line, for --help and the manual page (man_test.go).
func withHelp(app *kong.Application) {
	app.Help = description()
	for _, v := range app.Positional {
		setHelp(v)
	}
	for _, f := range app.Flags {
		setHelp(f.Value)
	}
}

// setHelp sets v's help from flagHelp; kong's own --help keeps its own.
func setHelp(v *kong.Value) {
	for _, h := range flagHelp {
		if h.name == v.Name {
			v.Help, v.OrigHelp = h.help, h.help
		}
	}
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
