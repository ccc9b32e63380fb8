package diag

import (
	"fmt"
	"strings"

	"github.com/fatih/color"
	"github.com/rivo/uniseg"
)

// palette holds the colours of text output, those of gcc's GCC_COLORS
// defaults: locus=01, error=01;31, warning=01;35, note=01;36,
// fixit-insert=32, fixit-delete=31. The caret, the underline and the
// source they mark take the colour of the diagnostic's kind.
type palette struct {
	locus, insert, delete *color.Color
	kind                  [3]*color.Color // by Severity
}

func newPalette(on bool) *palette {
	p := &palette{
		locus:  color.New(color.Bold),
		insert: color.New(color.FgGreen),
		delete: color.New(color.FgRed),
		kind: [3]*color.Color{
			Error:   color.New(color.Bold, color.FgRed),
			Warning: color.New(color.Bold, color.FgMagenta),
			Note:    color.New(color.Bold, color.FgCyan),
		},
	}
	// Each colour is switched here, not by the package's guess from
	// stdout and the environment: the caller has decided.
	for _, c := range []*color.Color{p.locus, p.insert, p.delete, p.kind[0], p.kind[1], p.kind[2]} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// paint returns s in colour c, nothing for an empty s.
func paint(c *color.Color, s string) string {
	if s == "" {
		return ""
	}
	return c.Sprint(s)
}

// text renders d and its notes: each message line, followed by its
// excerpt when the printer shows them.
func (p *Printer) text(d Diagnostic) string {
	var b strings.Builder
	p.textOne(&b, d, newPalette(p.Color))
	return b.String()
}

func (p *Printer) textOne(b *strings.Builder, d Diagnostic, pal *palette) {
	kind := pal.kind[d.Severity]
	b.WriteString(paint(pal.locus, p.location(d.Pos)+":"))
	b.WriteString(" " + paint(kind, d.Severity.String()+":") + " " + d.Msg)
	if o := d.Option(); o != "" {
		b.WriteString(" [" + paint(kind, o) + "]")
	}
	b.WriteByte('\n')
	if p.Caret {
		p.excerpt(b, d, pal)
	}
	for _, n := range d.Notes {
		p.textOne(b, n, pal)
	}
}

// ellipsis marks where an excerpt cuts a long line.
const ellipsis = "..."

// excerpt writes d's source line with a caret and '~' under its range and
// a line of fix-it hints, as gcc 9 and later print them: the line number
// in a gutter five columns wide at least, columns counted as a terminal
// shows them (tabs to the next multiple of 8, wide characters two
// columns).
func (p *Printer) excerpt(b *strings.Builder, d Diagnostic, pal *palette) {
	line, ok := p.lineOf(d.Pos)
	if !ok || d.Pos.Col < 1 {
		return
	}
	kind := pal.kind[d.Severity]
	start := d.Pos.Col - 1
	end := start + max(0, min(d.Pos.Len, len(line)-start))
	shown := len(line) // without the blanks that end it, unless marked
	for shown > end && strings.IndexByte(" \t\f\v", line[shown-1]) >= 0 {
		shown--
	}
	caret, caretEnd := displayCol(line, start), displayCol(line, end)
	caretEnd = max(caretEnd, caret+1)

	// The fix-its on this line, as display columns and what to print
	// there: the replacement, or '-' under what is deleted.
	var fixes []fixit
	focusEnd := caretEnd
	for _, f := range d.Fixits {
		if f.Pos.File != d.Pos.File || f.Pos.Line != d.Pos.Line || f.Pos.Col < 1 {
			continue // shown in JSON and SARIF only
		}
		fx := fixit{col: displayCol(line, f.Pos.Col-1), text: f.Text, c: pal.insert}
		if f.Text == "" {
			n := displayCol(line, f.Pos.Col-1+max(0, f.Pos.Len)) - fx.col
			fx.text, fx.c = strings.Repeat("-", max(1, n)), pal.delete
		}
		fixes = append(fixes, fx)
		focusEnd = max(focusEnd, fx.col+uniseg.StringWidth(fx.text))
	}

	width := max(displayCol(line, shown), focusEnd)
	gutterWidth := max(len(fmt.Sprint(d.Pos.Line)), 5)
	blank := strings.Repeat(" ", gutterWidth) + " |"

	// The window of display columns shown: all of the line if it fits,
	// else as much around the range as does.
	from, to := 0, width
	if p.Width > 0 {
		avail := max(p.Width-gutterWidth-3, 20)
		if width > avail {
			focus := min(focusEnd-caret, avail-2*len(ellipsis))
			from = max(0, caret-(avail-focus)/2)
			to = min(from+avail, width)
			from = max(0, to-avail)
		}
	}
	lo, hi := from, to
	if from > 0 {
		lo += len(ellipsis)
	}
	if to < width {
		hi -= len(ellipsis)
	}

	// The source line.
	var src strings.Builder
	if from > 0 {
		src.WriteString(ellipsis)
	}
	var run strings.Builder // the marked characters, coloured together
	flush := func() {
		src.WriteString(paint(kind, run.String()))
		run.Reset()
	}
	col := 0
	for i := 0; i < shown && col < hi; {
		j, w, text := glyph(line, i, col)
		out := &src
		if i < end && j > start {
			out = &run
		} else {
			flush()
		}
		switch {
		case col < lo || col+w > hi: // cut by the window: blanks
			out.WriteString(strings.Repeat(" ", max(0, min(col+w, hi)-max(col, lo))))
		case text != "":
			out.WriteString(text)
		default:
			out.Write(line[i:j])
		}
		i, col = j, col+w
	}
	flush()
	if to < width {
		src.WriteString(strings.Repeat(" ", max(0, hi-col)) + ellipsis)
	}
	fmt.Fprintf(b, "%*d |", gutterWidth, d.Pos.Line)
	if src.Len() > 0 {
		b.WriteString(" " + src.String())
	}
	b.WriteByte('\n')

	// The caret and the underline.
	b.WriteString(blank + " " + strings.Repeat(" ", caret-from))
	b.WriteString(paint(kind, "^"+strings.Repeat("~", max(0, min(caretEnd, hi)-caret-1))))
	b.WriteByte('\n')

	// The fix-its, on one line; one that would overlap the one before it
	// or start left of the window is left to JSON and SARIF.
	if len(fixes) > 0 {
		var row strings.Builder
		at := from
		for _, f := range fixes {
			if f.col >= at && (at == from || f.col > at) {
				row.WriteString(strings.Repeat(" ", f.col-at) + paint(f.c, f.text))
				at = f.col + uniseg.StringWidth(f.text)
			}
		}
		b.WriteString(blank + " " + row.String() + "\n")
	}
}

// fixit is a fix-it as an excerpt prints it: text at display column col,
// in colour c.
type fixit struct {
	col  int
	text string
	c    *color.Color
}
