package diag

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// columnLines are source lines whose undeclared identifier (zzN, or a
// UTF-8 one) gcc diagnoses: what comes before it (tabs at every offset,
// UTF-8 narrow and wide, combining and zero-width characters, a control
// character, a byte that is not UTF-8) is what columns count differently.
var columnLines = []string{
	"int x1 = zz1;",
	"\tint x2 = zz2;",
	"int\tx3\t=\tzz3;",
	"   \t \tint x4 = zz4;",
	"/* é */ int x5 = zz5;",
	"/* 日本語 */\tint x6 = zz6;",
	"/* e\u0301 */ int x7 = zz7;",
	"/* \u200b */ int x8 = zz8;",
	"/* \x01 */ int x9 = zz9;",
	"/* \xff\xfe */ int x10 = zz10;",
	"/* 😀 */ int x11 = zz11;",
	"\t/* é\t日本 */\tint x12 = zz12;",
	"int x13 = 日本13;",
	"\tint x14 = é14;",
}

// TestColumnsAsGcc has gcc diagnose each of columnLines and compares the
// column it prints, under each column unit and origin, with the one the
// printer gives a diagnostic at the same bytes; and gcc's JSON locations
// (caret and finish: "column", "byte-column", "display-column") with the
// printer's JSON. The printer's columns are what editors jump to (Emacs'
// compilation-mode reads them as gcc's).
func TestColumnsAsGcc(t *testing.T) {
	cc := ctest.CC(t)
	dir := t.TempDir()
	src := strings.Join(columnLines, "\n") + "\n"
	file := filepath.Join(dir, "cols.c")
	if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	// The position of each line's undeclared identifier, by its name.
	ident := regexp.MustCompile(`=[ \t]*([^ \t;]+);`)
	at := map[string]Pos{}
	for i, line := range columnLines {
		m := ident.FindStringSubmatchIndex(line)
		name := line[m[2]:m[3]]
		at[name] = Pos{File: "cols.c", Line: i + 1, Col: m[2] + 1, Len: m[3] - m[2]}
	}
	gcc := func(t *testing.T, flags ...string) string {
		cmd := exec.Command(cc, append([]string{"-fsyntax-only", "-fno-diagnostics-show-caret", "cols.c"}, flags...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
		out, _ := cmd.CombinedOutput() // it fails: every line has an error
		return string(out)
	}
	source := func(string) []byte { return []byte(src) }

	undeclared := regexp.MustCompile(`(?m)^(cols\.c:\d+:\d+): error: '([^']+)' undeclared`)
	for _, tc := range []struct {
		flags []string
		p     Printer
	}{
		{nil, Printer{}},
		{[]string{"-fdiagnostics-column-unit=display"}, Printer{ColumnUnit: DisplayColumns}},
		{[]string{"-fdiagnostics-column-unit=byte"}, Printer{ColumnUnit: ByteColumns}},
		{[]string{"-fdiagnostics-column-origin=0"}, Printer{ColumnOrigin: ptr(0)}},
		{[]string{"-fdiagnostics-column-origin=10", "-fdiagnostics-column-unit=byte"}, Printer{ColumnUnit: ByteColumns, ColumnOrigin: ptr(10)}},
	} {
		t.Run(strings.Join(append([]string{"text"}, tc.flags...), " "), func(t *testing.T) {
			out := fromUCN(gcc(t, tc.flags...))
			ms := undeclared.FindAllStringSubmatch(out, -1)
			if len(ms) != len(columnLines) {
				t.Fatalf("gcc diagnosed %d undeclared identifiers, want %d:\n%s", len(ms), len(columnLines), out)
			}
			p := tc.p
			p.Source = source
			for _, m := range ms {
				if _, ok := at[m[2]]; !ok {
					t.Fatalf("gcc names %q, which no line has", m[2])
				}
				if got := p.location(at[m[2]]); got != m[1] {
					t.Errorf("%s: we say %s, gcc says %s (line %q)", m[2], got, m[1], columnLines[at[m[2]].Line-1])
				}
			}
		})
	}

	for _, tc := range []struct {
		flags []string
		p     Printer
	}{
		{nil, Printer{}},
		{[]string{"-fdiagnostics-column-unit=byte", "-fdiagnostics-column-origin=0"}, Printer{ColumnUnit: ByteColumns, ColumnOrigin: ptr(0)}},
	} {
		t.Run(strings.Join(append([]string{"json"}, tc.flags...), " "), func(t *testing.T) {
			out := gcc(t, append(tc.flags, "-fdiagnostics-format=json")...)
			var theirs []struct {
				Message      string           `json:"message"`
				ColumnOrigin int              `json:"column-origin"`
				Locations    []map[string]any `json:"locations"`
			}
			if err := json.Unmarshal([]byte(out), &theirs); err != nil {
				t.Fatalf("gcc's JSON: %v\n%s", err, out)
			}
			p := tc.p
			p.Format, p.Source = JSON, source
			n := 0
			for _, g := range theirs {
				m := regexp.MustCompile(`^'([^']+)' undeclared`).FindStringSubmatch(fromUCN(g.Message))
				if m == nil {
					continue
				}
				n++
				var b strings.Builder
				if err := p.Print(&b, []Diagnostic{Errorf(Lexical, at[m[1]], "x")}); err != nil {
					t.Fatal(err)
				}
				var ours []struct {
					ColumnOrigin int              `json:"column-origin"`
					Locations    []map[string]any `json:"locations"`
				}
				if err := json.Unmarshal([]byte(b.String()), &ours); err != nil {
					t.Fatal(err)
				}
				if ours[0].ColumnOrigin != g.ColumnOrigin {
					t.Errorf("column-origin %d, gcc's %d", ours[0].ColumnOrigin, g.ColumnOrigin)
				}
				for _, end := range []string{"caret", "finish"} {
					if diff := cmp.Diff(columnsOf(g.Locations[0][end]), columnsOf(ours[0].Locations[0][end])); diff != "" {
						t.Errorf("%s's %s (-gcc +ours):\n%s", m[1], end, diff)
					}
				}
			}
			if n != len(columnLines) {
				t.Errorf("gcc's JSON holds %d undeclared identifiers, want %d", n, len(columnLines))
			}
		})
	}
}

// ucn is a universal character name as gcc prints one.
var ucn = regexp.MustCompile(`\\U[0-9a-fA-F]{8}`)

// fromUCN returns s with the characters that gcc spells \UXXXXXXXX in the
// C locale as themselves.
func fromUCN(s string) string {
	return ucn.ReplaceAllStringFunc(s, func(u string) string {
		r, _ := strconv.ParseUint(u[2:], 16, 32)
		return string(rune(r))
	})
}

// columnsOf returns the line and columns of a JSON location, file aside.
func columnsOf(loc any) string {
	m, _ := loc.(map[string]any)
	return fmt.Sprintf("line %v column %v byte-column %v display-column %v", m["line"], m["column"], m["byte-column"], m["display-column"])
}

func ptr(n int) *int { return &n }

// TestGccColumn counts display columns as gcc does.
func TestGccColumn(t *testing.T) {
	for _, tt := range []struct {
		line       string
		off        int
		col, width int
	}{
		{"abc", 2, 2, 1},
		{"\tx", 1, 8, 1},
		{"\tx", 0, 0, 8},
		{"ab\tx", 3, 8, 1},
		{"日本x", 3, 2, 2},      // inside 本: its start
		{"日本x", 6, 4, 1},      //
		{"e\u0301x", 3, 1, 1}, // a combining mark takes no column
		{"\xffx", 1, 1, 1},    // a byte that is not UTF-8 takes one
		{"\x01x", 1, 1, 1},    // so does a control character
		{"ab", 5, 5, 1},       // past the end, a column a byte
	} {
		col, width := gccColumn([]byte(tt.line), tt.off)
		if col != tt.col || width != tt.width {
			t.Errorf("gccColumn(%q, %d) = %d, %d; want %d, %d", tt.line, tt.off, col, width, tt.col, tt.width)
		}
	}
}
