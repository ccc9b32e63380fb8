package diag

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExcerpt holds the text format to gcc's (9 and later): the message,
// then the source line in a gutter at least five columns wide and a caret
// with '~' under the range, aligned in display columns, then the fix-its.
func TestExcerpt(t *testing.T) {
	at := func(line, col, n int) Pos { return Pos{File: "f.h", Line: line, Col: col, Len: n} }
	tests := []struct {
		name  string
		src   string
		d     Diagnostic
		width int
		want  string
	}{{
		name: "token",
		src:  "int co_wrapper_mixd bdrv_x(BlockDriverState *bs);\n",
		d:    Errorf(UnknownMarker, at(1, 5, 15), "unknown"),
		want: `
f.h:1:5: error: unknown
    1 | int co_wrapper_mixd bdrv_x(BlockDriverState *bs);
      |     ^~~~~~~~~~~~~~~
`,
	}, {
		name: "point",
		src:  "int x\n",
		d:    Errorf(Declaration, at(1, 6, 0), "expected ';'"),
		want: `
f.h:1:6: error: expected ';'
    1 | int x
      |      ^
`,
	}, {
		name: "tabs expand to multiples of 8",
		src:  "\tint\tco_wrapper_mixd x(void);\n",
		d:    Errorf(UnknownMarker, at(1, 6, 15), "unknown"),
		want: `
f.h:1:17: error: unknown
    1 |         int     co_wrapper_mixd x(void);
      |                 ^~~~~~~~~~~~~~~
`,
	}, {
		name: "CRLF",
		src:  "int a;\r\nint co_wrapper_mixd x(void);\r\n",
		d:    Errorf(UnknownMarker, at(2, 5, 15), "unknown"),
		want: `
f.h:2:5: error: unknown
    2 | int co_wrapper_mixd x(void);
      |     ^~~~~~~~~~~~~~~
`,
	}, {
		name: "lone CR ends a line, as the lexer counts",
		src:  "int a;\rint b x;\r",
		d:    Errorf(Declaration, at(2, 7, 1), "expected ';'"),
		want: `
f.h:2:7: error: expected ';'
    2 | int b x;
      |       ^
`,
	}, {
		name: "UTF-8: columns count display columns, as the caret",
		src:  "/* é 日本 */ int co_wrapper_mixd x(void);\n",
		d:    Errorf(UnknownMarker, at(1, 21, 15), "unknown"),
		want: `
f.h:1:18: error: unknown
    1 | /* é 日本 */ int co_wrapper_mixd x(void);
      |                  ^~~~~~~~~~~~~~~
`,
	}, {
		name: "a wide character underlined in full",
		src:  "int 日本 x;\n",
		d:    Errorf(Parameter, at(1, 5, 6), "wide"),
		want: `
f.h:1:5: error: wide
    1 | int 日本 x;
      |     ^~~~
`,
	}, {
		name: "bytes that are not UTF-8 and control characters are escaped",
		src:  "int \xff\x01 x;\n",
		d:    Errorf(Lexical, at(1, 5, 1), "invalid UTF-8 byte 0xff"),
		want: `
f.h:1:5: error: invalid UTF-8 byte 0xff
    1 | int <FF><U+0001> x;
      |     ^~~~
`,
	}, {
		name: "trailing blanks are not shown",
		src:  "int x   \t\n",
		d:    Errorf(Declaration, at(1, 5, 1), "x"),
		want: `
f.h:1:5: error: x
    1 | int x
      |     ^
`,
	}, {
		name: "a range past the end of the line stops there",
		src:  "int x\n",
		d:    Errorf(Declaration, at(1, 5, 40), "x"),
		want: `
f.h:1:5: error: x
    1 | int x
      |     ^
`,
	}, {
		name: "fix-it replacement",
		src:  "int co_wrapper_mixd bdrv_x(BlockDriverState *bs);\n",
		d:    Errorf(UnknownMarker, at(1, 5, 15), "did you mean 'co_wrapper_mixed'?").Fix(at(1, 5, 15), "co_wrapper_mixed"),
		want: `
f.h:1:5: error: did you mean 'co_wrapper_mixed'?
    1 | int co_wrapper_mixd bdrv_x(BlockDriverState *bs);
      |     ^~~~~~~~~~~~~~~
      |     co_wrapper_mixed
`,
	}, {
		name: "fix-it insertion after the line",
		src:  "int co_wrapper bdrv_x(BlockDriverState *bs)\n",
		d:    Errorf(Declaration, at(1, 45, 0), "expected ';'").Fix(at(1, 45, 0), ";"),
		want: `
f.h:1:45: error: expected ';'
    1 | int co_wrapper bdrv_x(BlockDriverState *bs)
      |                                             ^
      |                                             ;
`,
	}, {
		name: "fix-it deletion, and two on one line",
		src:  "static int co_wrapper bdrv_x(BlockDriverState *x);\n",
		d: Errorf(Declaration, at(1, 1, 6), "static").Fix(at(1, 1, 7), "").
			Fix(at(1, 49, 1), "bs"),
		want: `
f.h:1:1: error: static
    1 | static int co_wrapper bdrv_x(BlockDriverState *x);
      | ^~~~~~
      | -------                                         bs
`,
	}, {
		name: "a fix-it that overlaps the one before is left to JSON and SARIF",
		src:  "int ab;\n",
		d:    Errorf(Declaration, at(1, 5, 2), "ab").Fix(at(1, 5, 1), "xyz").Fix(at(1, 6, 1), "q"),
		want: `
f.h:1:5: error: ab
    1 | int ab;
      |     ^~
      |     xyz
`,
	}, {
		name: "a note has its excerpt too, and the warning its name",
		src:  "int64_t coroutine_fn bdrv_co_x(BlockDriverState *bs);\nint co_wrapper bdrv_x(BlockDriverState *bs);\n",
		d: Warnf(TargetReturnType, at(2, 16, 6), "returns 'int'").
			Note(Notef(at(1, 22, 9), "'bdrv_co_x' is declared here")),
		want: `
f.h:2:16: warning: returns 'int' [-Wtarget-return-type]
    2 | int co_wrapper bdrv_x(BlockDriverState *bs);
      |                ^~~~~~
f.h:1:22: note: 'bdrv_co_x' is declared here
    1 | int64_t coroutine_fn bdrv_co_x(BlockDriverState *bs);
      |                      ^~~~~~~~~
`,
	}, {
		name: "the gutter grows with the line number",
		src:  strings.Repeat("\n", 123455) + "int x y;\n",
		d:    Errorf(Declaration, at(123456, 7, 1), "y"),
		want: `
f.h:123456:7: error: y
123456 | int x y;
       |       ^
`,
	}, {
		name:  "a long line is cut around the range",
		src:   "int co_wrapper bdrv_x(" + strings.Repeat("int a, ", 30) + "int bad param, " + strings.Repeat("int b, ", 30) + "int z);\n",
		d:     Errorf(Parameter, at(1, 237, 9), "bad"),
		width: 60,
		want: `
f.h:1:237: error: bad
    1 | ...int a, int a, int bad param, int b, int b, int...
      |                      ^~~~~~~~~
`,
	}, {
		name:  "a long line cut on the right only",
		src:   "int bad x" + strings.Repeat(", int b", 30) + ";\n",
		d:     Errorf(Parameter, at(1, 5, 3), "bad"),
		width: 40,
		want: `
f.h:1:5: error: bad
    1 | int bad x, int b, int b, int ...
      |     ^~~
`,
	}, {
		name:  "a line that fits is not cut",
		src:   "int bad x;\n",
		d:     Errorf(Parameter, at(1, 5, 3), "bad"),
		width: 30,
		want: `
f.h:1:5: error: bad
    1 | int bad x;
      |     ^~~
`,
	}, {
		name: "a whole file has no excerpt",
		src:  "int x;\n",
		d:    Errorf(Unreadable, Pos{File: "f.h"}, "cannot read the file"),
		want: `
f.h: error: cannot read the file
`,
	}, {
		name: "a file that is not an input has no excerpt",
		src:  "int x;\n",
		d:    Errorf(Declaration, Pos{File: "other.h", Line: 1, Col: 1}, "x"),
		want: `
other.h:1:1: error: x
`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Printer{Caret: true, Width: tt.width, Source: func(f string) []byte {
				if f == "f.h" {
					return []byte(tt.src)
				}
				return nil
			}}
			var b strings.Builder
			if err := p.Print(&b, []Diagnostic{tt.d}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.TrimPrefix(tt.want, "\n"), b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestExcerptHugeLine cuts a line of ten megabytes to the width, around
// the range at its end, and does not take the line's size in memory.
func TestExcerptHugeLine(t *testing.T) {
	src := []byte(strings.Repeat("int unused; ", 1<<20) + "\"never closed\n")
	col := len(src) - len("\"never closed\n") + 1
	p := &Printer{Caret: true, Width: 80, Source: func(string) []byte { return src }}
	var b strings.Builder
	p.Print(&b, []Diagnostic{Errorf(Lexical, Pos{File: "f.h", Line: 1, Col: col, Len: 13}, "missing terminating \" character")})
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines:\n%s", len(lines), b.String())
	}
	for _, l := range lines[1:] {
		if len(l) > 80 {
			t.Errorf("line of %d columns, want 80 at most: %q", len(l), l)
		}
	}
	caret := strings.Index(lines[2], "^")
	if got := lines[1][caret:]; !strings.HasPrefix(got, "\"never closed") {
		t.Errorf("the caret is under %q, want the quote:\n%s", got, b.String())
	}
}

// TestColour holds colour to gcc's defaults: bold location, bold red
// error, bold magenta warning, bold cyan note, the warning's name and the
// caret in the kind's colour, fix-its green (insertion) and red
// (deletion); and none at all when off.
func TestColour(t *testing.T) {
	src := []byte("static int co_wrapper bdrv_x(BlockDriverState *bs);\n")
	d := Warnf(MissingCoroutineFn, Pos{File: "f.h", Line: 1, Col: 23, Len: 6}, "w").
		Fix(Pos{File: "f.h", Line: 1, Col: 1, Len: 7}, "").
		Fix(Pos{File: "f.h", Line: 1, Col: 30, Len: 0}, "x").
		Note(Notef(Pos{File: "f.h", Line: 1, Col: 1}, "n"))
	e := Errorf(Declaration, Pos{File: "f.h", Line: 1, Col: 1, Len: 6}, "e")
	p := &Printer{Caret: true, Color: true, Source: func(string) []byte { return src }}
	var b strings.Builder
	p.Print(&b, []Diagnostic{d, e})
	got := b.String()
	for _, want := range []string{
		"\x1b[1mf.h:1:23:\x1b[22m",
		"\x1b[1;35mwarning:\x1b[",
		" [\x1b[1;35m-Wmissing-coroutine-fn\x1b[",
		"\x1b[1;35mbdrv_x\x1b[",        // the source under the range
		"\x1b[1;35m^~~~~~\x1b[",        // the caret
		"\x1b[31m-------\x1b[",         // a deletion
		"\x1b[32mx\x1b[",               // an insertion
		"\x1b[1;36mnote:\x1b[",         // a note
		"\x1b[1;31merror:\x1b[",        // an error
		"| \x1b[1;31mstatic\x1b[22;0m", // the error's range
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	p.Color = false
	b.Reset()
	p.Print(&b, []Diagnostic{d, e})
	if strings.Contains(b.String(), "\x1b") {
		t.Errorf("colour off, but escapes in\n%q", b.String())
	}
}
