// Package diag holds positioned diagnostics in the format compilers use,
// "file:line:col: error: message", and a list that collects them so one run
// reports every problem at once.
package diag

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Pos is a position in an input file. Line and Col are 1-based; Col counts
// bytes, as gcc and the Go tools do. A Pos with Line 0 names the whole file.
type Pos struct {
	File string
	Line int
	Col  int
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

// Diagnostic is one message about a position. Notes point at related places,
// such as the first declaration of a duplicate, and print right after it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Notes    []Diagnostic
}

// Format renders the diagnostic and its notes, one line each, each ending in
// a newline.
func (d Diagnostic) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s\n", d.Pos, d.Severity, d.Msg)
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

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
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

// Werror turns every warning into an error, marked as gcc marks them.
func (l *List) Werror() {
	for i := range l.items {
		if d := &l.items[i]; d.Severity == Warning {
			d.Severity = Error
			d.Msg += " [--Werror]"
		}
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

// Print writes every diagnostic to w in sorted order.
func (l *List) Print(w io.Writer) error {
	for _, d := range l.Items() {
		if _, err := io.WriteString(w, d.Format()); err != nil {
			return err
		}
	}
	return nil
}
