package diag

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// Env is what gcc reads from its surroundings to choose how diagnostics
// look: the environment variables, whether stderr is a terminal and how
// wide, and the working directory. The CLI passes the process's; tests
// pass their own.
type Env struct {
	// Dir is the working directory, against which relative file names are
	// read.
	Dir string
	// Getenv reads an environment variable; nil reads none.
	Getenv func(name string) string
	// Terminal reports whether stderr is a terminal, and its width in
	// columns (0 if unknown); nil is not a terminal. StderrTerminal is the
	// process's.
	Terminal func() (tty bool, width int)
}

// Setup sets p's Color for --color=when ("always", "never" or "auto"),
// its Width and its Dir from e, then reads opts, gcc's diagnostic -f
// options without the "-f", in order after them, so that the last of a
// kind wins as in gcc: the colour ones as ColorWhen reads them, the others
// as SetOption does. Its error is an *OptionError.
func (e Env) Setup(p *Printer, when string, opts []string) error {
	p.Color, p.Width, p.Dir = e.color(when), e.width(), e.workDir()
	for _, o := range opts {
		when, isColor, err := ColorWhen(o)
		switch {
		case err != nil:
			return err
		case isColor:
			p.Color = e.color(when)
		default:
			if err := p.SetOption(o); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e Env) env(name string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(name)
}

func (e Env) terminal() (bool, int) {
	if e.Terminal == nil {
		return false, 0
	}
	return e.Terminal()
}

// color decides whether diagnostics are coloured: "always" or "never";
// for "auto", NO_COLOR (https://no-color.org) turns colour off and
// CLICOLOR_FORCE (not "0") turns it on, then a terminal on stderr that is
// not TERM=dumb has colour, as gcc's should_colorize() decides. Meson and
// ninja run the tool with stderr on a pipe, where only CLICOLOR_FORCE or
// "always" colour it.
func (e Env) color(when string) bool {
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
	tty, _ := e.terminal()
	return tty && e.env("TERM") != "dumb"
}

// PipeWidth is how wide an excerpt may be when nothing says how wide the
// reader is: long enough for any line written to be read, short enough
// that a generated line of megabytes does not flood a build log.
const PipeWidth = 200

// width returns the display columns an excerpt may take: COLUMNS if set,
// as gcc's get_terminal_width() reads it, else the width of the terminal
// on stderr, else PipeWidth.
func (e Env) width() int {
	if n, err := strconv.Atoi(e.env("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if tty, w := e.terminal(); tty && w > 0 {
		return w
	}
	return PipeWidth
}

// workDir is the working directory as SARIF's "PWD" base names it: $PWD
// when it is absolute and names the working directory (it keeps the
// symbolic links the shell went through, as the user sees the path),
// else the directory itself, as gcc's getpwd() chooses.
func (e Env) workDir() string {
	if p := e.env("PWD"); filepath.IsAbs(p) {
		a, errA := os.Stat(p)
		b, errB := os.Stat(e.Dir)
		if errA == nil && errB == nil && os.SameFile(a, b) {
			return p
		}
	}
	if abs, err := filepath.Abs(e.Dir); err == nil {
		return abs
	}
	return ""
}

// StderrTerminal reports whether the process's stderr is a terminal (a
// Cygwin or MSYS2 one too), as gcc's isatty(STDERR_FILENO), and its width
// in columns, as gcc's TIOCGWINSZ ioctl, 0 if it cannot be had.
func StderrTerminal() (bool, int) {
	fd := os.Stderr.Fd()
	if !isatty.IsTerminal(fd) && !isatty.IsCygwinTerminal(fd) {
		return false, 0
	}
	w, _, err := term.GetSize(int(fd))
	if err != nil {
		return true, 0
	}
	return true, w
}
