package diag

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Format is how diagnostics are printed.
type Format string

// The formats: gcc's text, gcc's JSON (-fdiagnostics-format=json) and
// SARIF 2.1.0.
const (
	Text  Format = "text"
	JSON  Format = "json"
	SARIF Format = "sarif"
)

// Printer prints diagnostics. The zero value prints text without
// excerpts or colour.
type Printer struct {
	Format Format
	// Caret shows, after each text diagnostic, its source line and a caret
	// under the range (gcc's -fdiagnostics-show-caret).
	Caret bool
	// Color colours text as gcc does: bold location, red error, magenta
	// warning, cyan note, green fix-it.
	Color bool
	// Width is the number of display columns an excerpt line may take,
	// gutter included; a longer source line is cut around the range, with
	// "..." where it was cut. 0 is no limit.
	Width int
	// Source returns the bytes of an input, nil for a file that is not
	// one: excerpts, display columns (JSON) and code point columns (SARIF)
	// are read from it.
	Source func(file string) []byte
	// ColumnUnit is what the columns of text and of JSON's "column"
	// count: "" is DisplayColumns, gcc 11's default.
	ColumnUnit ColumnUnit
	// ColumnOrigin, if not nil, is the number of a line's first column in
	// text and JSON (gcc's -fdiagnostics-column-origin); nil is
	// DefaultColumnOrigin. SARIF columns always start at 1.
	ColumnOrigin *int
	// Tool, Version and URI name the tool in SARIF output.
	Tool, Version, URI string
	// Dir is the absolute working directory against which relative file
	// names are read. SARIF output gives each relative URI the uriBaseId
	// "PWD" and declares PWD in run.originalUriBaseIds as Dir's file URI,
	// as gcc 13's SARIF writer does with getpwd(); "" leaves relative
	// URIs without a base.
	Dir string
	// Windows reads file names as Windows does ("C:\x", "\\?\C:\x",
	// "\x" on Dir's drive) when making SARIF URIs; the CLI sets it on
	// Windows hosts.
	Windows bool

	lines map[string][]int // line starts by file, built on first use
	based bool             // a SARIF URI was made relative to Dir
}

// Print writes ds to w. Text prints each diagnostic and its notes; JSON
// and SARIF write one document, also when ds is empty, as gcc does.
func (p *Printer) Print(w io.Writer, ds []Diagnostic) error {
	switch p.Format {
	case JSON:
		return p.json(w, ds)
	case SARIF:
		return p.sarif(w, ds)
	}
	for _, d := range ds {
		if _, err := io.WriteString(w, p.text(d)); err != nil {
			return err
		}
	}
	return nil
}

// lineOf returns the text of pos's line, without its line break, or false
// if there is no such line. Where the lexer gave the line's start
// (Pos.LineStart) the line is read from there; only a position without it
// has the file split into lines.
func (p *Printer) lineOf(pos Pos) ([]byte, bool) {
	if pos.Line > 1 && pos.LineStart > 0 && p.Source != nil {
		src := p.Source(pos.File)
		if s := pos.LineStart; s <= len(src) && (src[s-1] == '\n' || src[s-1] == '\r') {
			return lineFrom(src[s:]), true
		}
	}
	return p.line(pos.File, pos.Line)
}

// lineFrom returns text up to its first line break.
func lineFrom(text []byte) []byte {
	for i, c := range text {
		if c == '\n' || c == '\r' {
			return text[:i]
		}
	}
	return text
}

// line returns the text of line n of file, without its line break, or
// false if there is no such line. Lines end at "\n", "\r\n" or a lone
// "\r", as the lexer counts them.
func (p *Printer) line(file string, n int) ([]byte, bool) {
	if p.Source == nil || n < 1 {
		return nil, false
	}
	src := p.Source(file)
	if src == nil {
		return nil, false
	}
	starts, ok := p.lines[file]
	if !ok {
		starts = []int{0}
		for i := 0; i < len(src); i++ {
			switch src[i] {
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				starts = append(starts, i+1)
			case '\n':
				starts = append(starts, i+1)
			}
		}
		if p.lines == nil {
			p.lines = map[string][]int{}
		}
		p.lines[file] = starts
	}
	if n > len(starts) {
		return nil, false
	}
	return lineFrom(src[starts[n-1]:]), true
}

// lineCount returns the number of lines of file, as line counts them; 0
// if its source is not at hand or empty.
func (p *Printer) lineCount(file string) int {
	if _, ok := p.line(file, 1); !ok || len(p.Source(file)) == 0 {
		return 0
	}
	n := len(p.lines[file])
	if src := p.Source(file); src[len(src)-1] == '\n' || src[len(src)-1] == '\r' {
		n-- // the last line break starts no line
	}
	return n
}

// tabStop is where tabs stop, as gcc's -ftabstop defaults.
const tabStop = 8

// glyph reads what starts at line[i], which lies at display column col
// (from 0): it ends at byte j, takes w columns and prints as text, or as
// its own bytes when text is "". A tab is spaces to the next tab stop; a
// byte that is not UTF-8 is "<XX>" and a control or bidirectional
// formatting character "<U+XXXX>", as gcc escapes them, so that what is
// printed is what the columns count.
func glyph(line []byte, i, col int) (j, w int, text string) {
	c := line[i]
	if c == '\t' {
		w = tabStop - col%tabStop
		return i + 1, w, "        "[:w]
	}
	if c >= ' ' && c < utf8.RuneSelf && c != 0x7f {
		return i + 1, 1, ""
	}
	r, n := utf8.DecodeRune(line[i:])
	switch {
	case r == utf8.RuneError && n <= 1:
		return i + 1, 4, fmt.Sprintf("<%02X>", c)
	case r < ' ' || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		text = fmt.Sprintf("<U+%04X>", r)
		return i + n, len(text), text
	}
	// uniseg's widths do not depend on the locale (East Asian ambiguous
	// characters are narrow), so neither does the output.
	return i + n, uniseg.StringWidth(string(line[i : i+n])), ""
}

// displayCol returns the display column (from 0) at which byte off of
// line starts; past the end of the line, each byte counts one column.
func displayCol(line []byte, off int) int {
	col := 0
	i := 0
	for i < len(line) && i < off {
		j, w, _ := glyph(line, i, col)
		if j > off {
			return col // off is inside a character: its start
		}
		i, col = j, col+w
	}
	return col + max(0, off-len(line))
}
