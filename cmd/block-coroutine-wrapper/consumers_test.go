package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// The programs that read the text diagnostics, each by its own pattern,
// translated to Go's syntax from their public sources:
//
//   - Emacs' compilation-mode, compilation-error-regexp-alist-alist's gnu
//     entry (lisp/progmodes/compile.el): groups 1 file, 2 line, 3 column,
//     6 warning, 7 info ("\\>" is "\b" here).
//   - Vim's default 'errorformat' (Unix), its "%f:%l:%c:%m" entry, which
//     comes before "%f:%l:%m"; %f is a run of 'isfname' characters
//     (@,48-57,/,.,-,_,+,,,#,$,%,~,= by default: no blank).
//   - VS Code's $gcc problem matcher (vscode-cpptools'
//     Extension/package.json): file, line, column, severity, message.
var (
	emacsGNU = regexp.MustCompile(`^(?:[[:alpha:]][-[:alnum:].]+: ?|[ \t]+(?:in |from ))?` +
		`([0-9]*[^0-9\n](?:[^\n :]| [^-/\n]|:[^ \n])*?): ?` +
		`([0-9]+)(?:[.:]([0-9]+))?` +
		`(?:-([0-9]+)?(?:\.([0-9]+))?)?:` +
		`(?: *((?:Future|Runtime)?[Ww]arning|W:)|` +
		` *([Ii]nfo(?:\b|rmationa?l?)|I:|instantiated from|[Nn]ote)|` +
		` *[Ee]rror|[0-9]?(?:[^0-9\n]|$)|[0-9][0-9][0-9])`)
	vimFLC    = regexp.MustCompile(`^([\pL/.\-_+,#$%~=0-9]+):(\d+):(\d+):(.*)$`)
	vscodeGCC = regexp.MustCompile(`^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$`)
)

// consumerLoc is what a consumer reads from a line: a file, line and
// column, and the kind ("error", "warning", "info"; Vim has none).
type consumerLoc struct {
	file      string
	line, col int
	kind      string
}

func readEmacs(l string) *consumerLoc {
	m := emacsGNU.FindStringSubmatch(l)
	if m == nil {
		return nil
	}
	kind := "error"
	switch {
	case m[6] != "":
		kind = "warning"
	case m[7] != "":
		kind = "info"
	}
	return &consumerLoc{file: m[1], line: atoi(m[2]), col: atoi(m[3]), kind: kind}
}

func readVim(l string) *consumerLoc {
	m := vimFLC.FindStringSubmatch(l)
	if m == nil {
		return nil
	}
	return &consumerLoc{file: m[1], line: atoi(m[2]), col: atoi(m[3])}
}

func readVSCode(l string) *consumerLoc {
	m := vscodeGCC.FindStringSubmatch(l)
	if m == nil {
		return nil
	}
	return &consumerLoc{file: m[1], line: atoi(m[2]), col: atoi(m[3]), kind: m[4]}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestConsumersReadDiagnostics runs the CLI on inputs whose diagnostics
// have tabs, UTF-8 and wide characters before them, notes and fix-its,
// and has each consumer's pattern read every line of stderr: each
// diagnostic line gives the consumer the file, line, the column gcc would
// print (display columns, so Emacs, which counts screen columns, lands on
// the token) and the kind; excerpt, caret and fix-it lines are read as
// nothing; a note is information to Emacs and nothing to VS Code.
func TestConsumersReadDiagnostics(t *testing.T) {
	type want struct {
		line, col int
		kind      string // error, warning, info (a note)
	}
	tests := []struct {
		name  string
		src   string
		flags []string
		want  []want // every diagnostic line, in order
	}{{
		name: "tabs before the marker",
		src:  "/* indented */\n\tint\tco_wrapper_mixd\tbdrv_x(BlockDriverState *bs);\n",
		want: []want{{2, 17, "error"}},
	}, {
		name: "UTF-8 and wide characters before the marker",
		src:  "/* é 日本 */ int co_wrapper_mixd bdrv_x(BlockDriverState *bs);\n",
		want: []want{{1, 18, "error"}},
	}, {
		name:  "byte columns for Vim's %c",
		src:   "\tint co_wrapper_mixd bdrv_x(BlockDriverState *bs);\n",
		flags: []string{"-fdiagnostics-column-unit=byte"},
		want:  []want{{1, 6, "error"}},
	}, {
		name: "a warning and its note",
		src:  "int64_t coroutine_fn bdrv_co_x(BlockDriverState *bs);\n\tint co_wrapper bdrv_x(BlockDriverState *bs);\n",
		want: []want{{2, 24, "warning"}, {1, 22, "info"}},
	}, {
		name: "a missing ')' and the '(' it matches",
		src:  "int co_wrapper bdrv_x(BlockDriverState *bs, int c = ');\nint co_wrapper bdrv_y(BlockDriverState *bs);\n",
		want: []want{{1, 53, "error"}, {2, 44, "error"}, {1, 22, "info"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "e.h"), []byte(tt.src), 0o666); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			args := append(append([]string{"--list"}, tt.flags...), "e.h")
			run(args, env{Env: diag.Env{Dir: dir}, stdout: &bytes.Buffer{}, stderr: &stderr})
			var got []want
			for _, l := range strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n") {
				em, vi, vs := readEmacs(l), readVim(l), readVSCode(l)
				diagnostic := regexp.MustCompile(`^e\.h:\d+:\d+: (error|warning|note): `).MatchString(l)
				if !diagnostic {
					// An excerpt, caret or fix-it line: no consumer may
					// take it for a message.
					if em != nil || vi != nil || vs != nil {
						t.Errorf("%q is read as a message: Emacs %v, Vim %v, VS Code %v", l, em, vi, vs)
					}
					continue
				}
				if em == nil || vi == nil {
					t.Fatalf("%q: Emacs read %v, Vim %v", l, em, vi)
				}
				if *vi != (consumerLoc{file: em.file, line: em.line, col: em.col}) {
					t.Errorf("%q: Emacs read %v, Vim %v", l, em, vi)
				}
				if em.file != "e.h" {
					t.Errorf("%q: Emacs read the file %q", l, em.file)
				}
				switch {
				case em.kind == "info" && vs != nil:
					t.Errorf("%q: VS Code's $gcc takes a note for a problem: %v", l, vs)
				case em.kind != "info" && (vs == nil || *vs != *em):
					t.Errorf("%q: Emacs read %v, VS Code %v", l, em, vs)
				}
				got = append(got, want{em.line, em.col, em.kind})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("read %v, want %v; stderr:\n%s", got, tt.want, stderr.String())
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("diagnostic %d: read %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}

	// A usage error names no file: no consumer jumps anywhere.
	var stderr bytes.Buffer
	run([]string{"-Werror=nonesuch", "e.h"}, env{Env: diag.Env{Dir: t.TempDir()}, stdout: &bytes.Buffer{}, stderr: &stderr})
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if em, vi, vs := readEmacs(l), readVim(l), readVSCode(l); em != nil || vi != nil || vs != nil {
			t.Errorf("usage error %q is read as a location: Emacs %v, Vim %v, VS Code %v", l, em, vi, vs)
		}
	}
}
