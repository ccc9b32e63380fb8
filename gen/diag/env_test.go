package diag

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnvSetup: the colour, excerpt width and -f options a printer gets
// from the environment and the command line, as gcc chooses them.
func TestEnvSetup(t *testing.T) {
	const none = -1 // no terminal
	for _, tc := range []struct {
		name     string
		vars     map[string]string
		terminal int // its width; none is stderr on a pipe
		when     string
		opts     []string
		color    bool
		width    int
		format   Format
		err      string
	}{
		{name: "pipe", terminal: none, when: "auto", width: PipeWidth},
		{name: "terminal", terminal: 60, when: "auto", color: true, width: 60},
		{name: "terminal of unknown width", terminal: 0, when: "auto", color: true, width: PipeWidth},
		{name: "TERM=dumb", vars: map[string]string{"TERM": "dumb"}, terminal: 60, when: "auto", width: 60},
		{name: "NO_COLOR", vars: map[string]string{"NO_COLOR": "1"}, terminal: 60, when: "auto", width: 60},
		{name: "NO_COLOR over CLICOLOR_FORCE", vars: map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, terminal: none, when: "auto", width: PipeWidth},
		{name: "CLICOLOR_FORCE on a pipe", vars: map[string]string{"CLICOLOR_FORCE": "1"}, terminal: none, when: "auto", color: true, width: PipeWidth},
		{name: "CLICOLOR_FORCE=0", vars: map[string]string{"CLICOLOR_FORCE": "0"}, terminal: none, when: "auto", width: PipeWidth},
		{name: "always", vars: map[string]string{"NO_COLOR": "1"}, terminal: none, when: "always", color: true, width: PipeWidth},
		{name: "never", terminal: 60, when: "never", width: 60},
		{name: "COLUMNS over the terminal", vars: map[string]string{"COLUMNS": "90"}, terminal: 60, when: "auto", color: true, width: 90},
		{name: "COLUMNS on a pipe", vars: map[string]string{"COLUMNS": "90"}, terminal: none, when: "auto", width: 90},
		{name: "COLUMNS not a number", vars: map[string]string{"COLUMNS": "wide"}, terminal: 60, when: "auto", color: true, width: 60},
		{name: "COLUMNS=0", vars: map[string]string{"COLUMNS": "0"}, terminal: none, when: "auto", width: PipeWidth},
		{name: "-f colour after --color", terminal: none, when: "never", opts: []string{"diagnostics-color"}, color: true, width: PipeWidth},
		{name: "last -f colour wins", terminal: 60, when: "auto", opts: []string{"no-diagnostics-color", "diagnostics-color=auto"}, color: true, width: 60},
		{name: "-f colour auto reads the environment", vars: map[string]string{"NO_COLOR": "1"}, terminal: 60, when: "always", opts: []string{"diagnostics-color=auto"}, width: 60},
		{name: "other -f", terminal: none, when: "auto", opts: []string{"diagnostics-format=json"}, width: PipeWidth, format: JSON},
		{name: "bad -f colour", terminal: none, when: "auto", opts: []string{"diagnostics-color=sometimes"}, err: "unrecognized argument in option '-fdiagnostics-color=sometimes'"},
		{name: "unknown -f", terminal: none, when: "auto", opts: []string{"nonesuch"}, err: "unrecognized command-line option '-fnonesuch'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := Env{Dir: t.TempDir(), Getenv: func(name string) string { return tc.vars[name] }}
			if tc.terminal != none {
				e.Terminal = func() (bool, int) { return true, tc.terminal }
			}
			var p Printer
			err := e.Setup(&p, tc.when, tc.opts)
			if tc.err != "" {
				var oe *OptionError
				if !errors.As(err, &oe) || err.Error() != tc.err {
					t.Fatalf("Setup: %v, want the *OptionError %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Color != tc.color || p.Width != tc.width || p.Format != tc.format {
				t.Errorf("Color %v, Width %d, Format %q; want %v, %d, %q", p.Color, p.Width, p.Format, tc.color, tc.width, tc.format)
			}
		})
	}
}

// TestEnvZero: an Env with no environment and no terminal is a pipe.
func TestEnvZero(t *testing.T) {
	var p Printer
	if err := (Env{Dir: "."}).Setup(&p, "auto", nil); err != nil || p.Color || p.Width != PipeWidth {
		t.Errorf("Setup: %v, Color %v, Width %d; want no colour, width %d", err, p.Color, p.Width, PipeWidth)
	}
}

// TestEnvWorkDir: SARIF's PWD base is $PWD when it names the working
// directory, by a symbolic link too, as gcc's getpwd() takes it; else the
// directory's absolute path.
func TestEnvWorkDir(t *testing.T) {
	root := t.TempDir()
	dir, other, link := filepath.Join(root, "dir"), filepath.Join(root, "other"), filepath.Join(root, "link")
	for _, d := range []string{dir, other} {
		if err := os.Mkdir(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	// A link that stats as its target (under wine one may not).
	symlinks := false
	if os.Symlink(dir, link) == nil {
		a, errA := os.Stat(link)
		b, errB := os.Stat(dir)
		symlinks = errA == nil && errB == nil && os.SameFile(a, b)
	}
	for _, tc := range []struct {
		name, pwd, want string
		link            bool
	}{
		{name: "no PWD", pwd: "", want: dir},
		{name: "PWD the directory", pwd: dir, want: dir},
		{name: "PWD a link to it", pwd: link, want: link, link: true},
		{name: "PWD another directory", pwd: other, want: dir},
		{name: "PWD relative", pwd: "dir", want: dir},
		{name: "PWD missing", pwd: filepath.Join(root, "gone"), want: dir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.link && !symlinks {
				t.Skip("no symbolic links here")
			}
			e := Env{Dir: dir, Getenv: func(name string) string {
				if name == "PWD" {
					return tc.pwd
				}
				return ""
			}}
			var p Printer
			if err := e.Setup(&p, "never", nil); err != nil {
				t.Fatal(err)
			}
			if p.Dir != tc.want {
				t.Errorf("Dir %q, want %q", p.Dir, tc.want)
			}
		})
	}
}

// TestPrintUsageError: a command line's mistake as gcc's driver prints
// it, with the note of a -W or -f option's error.
func TestPrintUsageError(t *testing.T) {
	var s Switches
	wErr := s.Set("nonesuch")
	var se *SwitchError
	if !errors.As(wErr, &se) || len(se.Known) == 0 {
		t.Fatalf("-Wnonesuch: %v, want a *SwitchError that lists the warnings", wErr)
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errors.New("unexpected argument x"), "tool: error: unexpected argument x\n"},
		{(&Printer{}).SetOption("diagnostics-column-unit=cols"),
			"tool: error: unrecognized argument in option '-fdiagnostics-column-unit=cols'\n" +
				"tool: note: valid arguments to '-fdiagnostics-column-unit=' are: byte display\n"},
		{(&Printer{}).SetOption("nonesuch"), "tool: error: unrecognized command-line option '-fnonesuch'\n"},
		{wErr, "tool: error: unrecognized command-line option '-Wnonesuch'\n" +
			"tool: note: the warnings are " + strings.Join(se.Known, ", ") + "\n"},
	} {
		var b bytes.Buffer
		PrintUsageError(&b, "tool", tc.err)
		if got := b.String(); got != tc.want {
			t.Errorf("PrintUsageError(%v):\n%s\nwant:\n%s", tc.err, got, tc.want)
		}
	}
}
