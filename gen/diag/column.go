package diag

import (
	"fmt"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// ColumnUnit is what a location's column counts, as gcc's
// -fdiagnostics-column-unit says.
type ColumnUnit string

// The units. gcc 11 and later count display columns by default, so that
// an editor (Emacs' compilation-mode, Vim's quickfix with its virtual
// columns) lands on the character a message names.
const (
	// DisplayColumns counts columns as a terminal shows them: a tab
	// advances to the next multiple of 8, a wide character counts 2, a
	// combining or zero-width one 0, any other character, a control
	// character or a byte that is not UTF-8 1 (gcc 12's cpp_wcwidth).
	DisplayColumns ColumnUnit = "display"
	// ByteColumns counts bytes, as gcc before 11 did.
	ByteColumns ColumnUnit = "byte"
)

// DefaultColumnOrigin is the number of a line's first column unless
// -fdiagnostics-column-origin says otherwise, as in gcc.
const DefaultColumnOrigin = 1

// gccCharWidth returns the display width, as gcc counts it, of what starts
// at line[i] at display column col (from 0), and where it ends.
func gccCharWidth(line []byte, i, col int) (j, w int) {
	c := line[i]
	switch {
	case c == '\t':
		return i + 1, tabStop - col%tabStop
	case c < utf8.RuneSelf:
		return i + 1, 1 // printable or not, one column
	}
	r, n := utf8.DecodeRune(line[i:])
	switch {
	case r == utf8.RuneError && n <= 1:
		return i + 1, 1
	case r >= 0x80 && r < 0xa0:
		return i + n, 1
	}
	// Per code point, as gcc's table is: a combining mark is 0 wide.
	return i + n, uniseg.StringWidth(string(line[i : i+n]))
}

// gccColumn returns the display column (from 0) at which the character
// holding byte off of line starts, and its width (at least 1). Past the
// end of the line each byte counts one column.
func gccColumn(line []byte, off int) (col, width int) {
	i := 0
	for i < len(line) {
		j, w := gccCharWidth(line, i, col)
		if j > off {
			return col, max(w, 1)
		}
		i, col = j, col+w
	}
	return col + off - len(line), 1
}

// columns returns the byte column and the display column of the byte
// delta bytes after pos, both numbered from 1: for last, the display
// column of the last column its character takes, as gcc's JSON "finish"
// is. Without the source, the display column is the byte column.
func (p *Printer) columns(pos Pos, delta int, last bool) (byteCol, displayCol int) {
	byteCol = pos.Col + delta
	displayCol = byteCol
	if line, ok := p.lineOf(pos); ok && byteCol >= 1 {
		col, w := gccColumn(line, byteCol-1)
		if last {
			col += w - 1
		}
		displayCol = col + 1
	}
	return byteCol, displayCol
}

// origin returns the number of a line's first column.
func (p *Printer) origin() int {
	if p.ColumnOrigin == nil {
		return DefaultColumnOrigin
	}
	return *p.ColumnOrigin
}

// location formats pos as "file:line:col" with the column in the
// printer's unit and origin, "file" for a whole file.
func (p *Printer) location(pos Pos) string {
	if pos.Line == 0 {
		return pos.File
	}
	byteCol, displayCol := p.columns(pos, 0, false)
	col := displayCol
	if p.ColumnUnit == ByteColumns {
		col = byteCol
	}
	return fmt.Sprintf("%s:%d:%d", pos.File, pos.Line, col-1+p.origin())
}
