// Package diag holds the tool's diagnostics as a compiler gives them: a
// message at a position, "file:line:col: error: message", with the range
// of source it covers, the fix-it hints that would mend it and notes at
// related places; a list that collects them so one run reports every
// problem at once; the catalogue of their kinds and the -W switches of the
// named warnings (rules.go); and their printing as gcc prints them, with
// the source line, a caret and colour (text.go), or as JSON (json.go) or
// SARIF (sarif.go); and how gcc chooses, from the environment and its -f
// options, the colour, the width of excerpts and the working directory
// they are printed with (env.go, options.go).
package diag

import (
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in an input file and, with Len, the range of source
// that starts there. Line and Col are 1-based; Col counts bytes, as the
// lexer does. The Printer turns it into the column gcc 11 and later print
// (display columns, or bytes with -fdiagnostics-column-unit=byte; see
// column.go); String and Format keep bytes. A Pos with Line 0 names the
// whole file.
type Pos struct {
	File string
	Line int
	Col  int
	// Len is the length in bytes of the token or range that starts at
	// Col, on the same line: an excerpt underlines it. 0 is a point.
	Len int
	// LineStart is the byte offset in the file of the start of Line, as
	// the lexer counted it, so that an excerpt finds its line without
	// splitting the file into lines again. It is known (not 0) for a
	// position the lexer or parser made on a line after the first.
	LineStart int
}

// String formats the position as "file:line:col", "file" when it has no
// line.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic stops the run.
type Severity int

// The severities, in the words gcc prints.
const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Fixit is a fix-it hint: replace the Pos.Len bytes at Pos with Text. A
// Len of 0 inserts Text before Pos; an empty Text deletes.
type Fixit struct {
	Pos  Pos
	Text string
}

// Diagnostic is one message about a position. Notes point at related
// places, such as the first declaration of a duplicate, and print right
// after it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	// ID is the kind of problem (see Rules): for a warning the name its
	// -W switches take, for an error the rule id of SARIF output. Notes
	// have none.
	ID     ID
	Msg    string
	Fixits []Fixit
	Notes  []Diagnostic
	// Promoted marks a warning that -Werror or -Werror=ID made an error.
	Promoted bool
}

// Errorf returns an error of kind id at pos.
func Errorf(id ID, pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, ID: id, Msg: fmt.Sprintf(format, args...)}
}

// Warnf returns the warning id at pos.
func Warnf(id ID, pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, ID: id, Msg: fmt.Sprintf(format, args...)}
}

// Notef returns a note at pos.
func Notef(pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Note, Msg: fmt.Sprintf(format, args...)}
}

// Fix returns d with a fix-it hint: text in place of the pos.Len bytes at
// pos.
func (d Diagnostic) Fix(pos Pos, text string) Diagnostic {
	d.Fixits = append(slices.Clip(d.Fixits), Fixit{Pos: pos, Text: text})
	return d
}

// Note returns d with the note n after its other notes.
func (d Diagnostic) Note(n Diagnostic) Diagnostic {
	d.Notes = append(slices.Clip(d.Notes), n)
	return d
}

// Option returns the switch printed after a warning's message, as gcc
// prints it: "-Wname", or "-Werror=name" for a warning made an error
// ("-Werror" for one without a name); "" for an error or a note.
func (d Diagnostic) Option() string {
	switch {
	case d.Promoted && d.ID == "":
		return "-Werror"
	case d.Promoted:
		return "-Werror=" + string(d.ID)
	case d.Severity == Warning && d.ID != "":
		return "-W" + string(d.ID)
	}
	return ""
}

// Format renders the diagnostic and its notes, one line each, each ending
// in a newline, without source excerpts or colour.
func (d Diagnostic) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s", d.Pos, d.Severity, d.Msg)
	if o := d.Option(); o != "" {
		fmt.Fprintf(&b, " [%s]", o)
	}
	b.WriteByte('\n')
	for _, n := range d.Notes {
		b.WriteString(n.Format())
	}
	return b.String()
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	items []Diagnostic
	// order ranks file names by the order in which the run met them, so
	// sorting follows the command line rather than the alphabet.
	order map[string]int
}

// Errorf adds an error of kind id at pos.
func (l *List) Errorf(id ID, pos Pos, format string, args ...any) {
	l.Add(Errorf(id, pos, format, args...))
}

// Add appends d.
func (l *List) Add(d Diagnostic) {
	l.items = append(l.items, d)
}

// Append adds every diagnostic of other.
func (l *List) Append(other *List) {
	for _, d := range other.items {
		l.Add(d)
	}
}

// RankFile records that name comes after every file ranked before it. Files
// never ranked sort after ranked ones, by name.
func (l *List) RankFile(name string) {
	if l.order == nil {
		l.order = map[string]int{}
	}
	if _, ok := l.order[name]; !ok {
		l.order[name] = len(l.order)
	}
}

// Len reports how many diagnostics the list holds.
func (l *List) Len() int { return len(l.items) }

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Items returns the diagnostics sorted by file (in ranked order), line,
// column and message, with exact repeats removed.
func (l *List) Items() []Diagnostic {
	items := slices.Clone(l.items)
	slices.SortStableFunc(items, l.compare)
	return slices.CompactFunc(items, func(a, b Diagnostic) bool {
		return a.Format() == b.Format()
	})
}

func (l *List) compare(a, b Diagnostic) int {
	if a.Pos.File != b.Pos.File {
		ra, oka := l.order[a.Pos.File]
		rb, okb := l.order[b.Pos.File]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a.Pos.File, b.Pos.File)
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line - b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col - b.Pos.Col
	}
	if a.Severity != b.Severity {
		return int(a.Severity) - int(b.Severity)
	}
	return strings.Compare(a.Msg, b.Msg)
}
