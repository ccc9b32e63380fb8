package diag

import (
	"encoding/json"
	"io"
)

// The JSON format is gcc's -fdiagnostics-format=json (gcc 10 to 13): an
// array of diagnostics, each with its kind, message, option, locations
// (caret and, for a range, finish: the last character's position, both
// ends included), fix-its (start included, next excluded, and the
// replacement string), its notes as children, and "escape-source" (false)
// on each diagnostic and child. As in gcc 12, every
// column is numbered from the printer's origin, given as "column-origin";
// "byte-column" counts bytes, "display-column" terminal columns, and
// "column" is the one of the two that the text prints.

type jsonPos struct {
	File          string `json:"file"`
	Line          int    `json:"line,omitempty"`
	Column        *int   `json:"column,omitempty"` // nil for a whole file
	ByteColumn    *int   `json:"byte-column,omitempty"`
	DisplayColumn *int   `json:"display-column,omitempty"`
}

type jsonLocation struct {
	Caret  jsonPos  `json:"caret"`
	Finish *jsonPos `json:"finish,omitempty"`
}

type jsonFixit struct {
	Start  jsonPos `json:"start"`
	Next   jsonPos `json:"next"`
	String string  `json:"string"`
}

type jsonDiagnostic struct {
	Kind      string           `json:"kind"`
	Message   string           `json:"message"`
	Option    string           `json:"option,omitempty"`
	Locations []jsonLocation   `json:"locations"`
	Fixits    []jsonFixit      `json:"fixits,omitempty"`
	Children  []jsonDiagnostic `json:"children"`
	// EscapeSource is gcc 12's "escape-source", on every diagnostic and
	// child: whether an IDE should escape the source it quotes (gcc's
	// -fdiagnostics-escape-format); always false, as gcc sets it only for
	// its bidirectional-text warning.
	EscapeSource bool `json:"escape-source"`
	ColumnOrigin *int `json:"column-origin,omitempty"`
}

func (p *Printer) json(w io.Writer, ds []Diagnostic) error {
	out := make([]jsonDiagnostic, 0, len(ds))
	for _, d := range ds {
		jd := p.jsonDiagnostic(d)
		origin := p.origin()
		jd.ColumnOrigin = &origin
		out = append(out, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func (p *Printer) jsonDiagnostic(d Diagnostic) jsonDiagnostic {
	jd := jsonDiagnostic{
		Kind: d.Severity.String(), Message: d.Msg, Option: d.Option(),
		Locations: []jsonLocation{{Caret: p.jsonPos(d.Pos, 0, false)}},
		Children:  []jsonDiagnostic{},
	}
	if d.Pos.Len > 0 && d.Pos.Line > 0 {
		finish := p.jsonPos(d.Pos, d.Pos.Len-1, true)
		jd.Locations[0].Finish = &finish
	}
	for _, f := range d.Fixits {
		jd.Fixits = append(jd.Fixits, jsonFixit{Start: p.jsonPos(f.Pos, 0, false), Next: p.jsonPos(f.Pos, f.Pos.Len, false), String: f.Text})
	}
	for _, n := range d.Notes {
		jd.Children = append(jd.Children, p.jsonDiagnostic(n))
	}
	return jd
}

// jsonPos returns the position delta bytes after pos; for last, that of
// the last column of its character (a range's finish).
func (p *Printer) jsonPos(pos Pos, delta int, last bool) jsonPos {
	if pos.Line == 0 {
		return jsonPos{File: pos.File}
	}
	byteCol, displayCol := p.columns(pos, delta, last)
	byteCol += p.origin() - 1
	displayCol += p.origin() - 1
	jp := jsonPos{File: pos.File, Line: pos.Line, ByteColumn: &byteCol, DisplayColumn: &displayCol, Column: &displayCol}
	if p.ColumnUnit == ByteColumns {
		jp.Column = &byteCol
	}
	return jp
}
