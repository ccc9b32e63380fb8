package gen

import (
	"encoding/json"
	"fmt"

	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// ListEntry is one wrapper as --list=json gives it: a stable record for
// build tools and editors, not the model itself.
type ListEntry struct {
	Kind       string      `json:"kind"`
	Mixed      bool        `json:"mixed"`
	Lock       string      `json:"lock"`
	Marker     string      `json:"marker"`
	Wrapper    string      `json:"wrapper"`
	Target     string      `json:"target"`
	ReturnType string      `json:"return_type"`
	Parameters []ListParam `json:"parameters"`
	File       string      `json:"file"`
	Line       int         `json:"line"`
	Column     int         `json:"column"`
	// Conditions are the directive lines of the #if groups around the
	// declaration, outermost first.
	Conditions []string `json:"conditions"`
}

// ListParam is one parameter of a ListEntry.
type ListParam struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	Declaration string `json:"declaration"`
}

// ListFormat is how a run lists the wrappers it found (Config.List):
// ListText or ListJSON; "" lists nothing.
type ListFormat string

// The formats of --list.
const (
	// ListText is one line a wrapper: "file:line: marker wrapper -> target".
	ListText ListFormat = "text"
	// ListJSON is an indented JSON array of ListEntry, for build tools and
	// editors.
	ListJSON ListFormat = "json"
)

// ParseListFormat reads the name of a ListFormat, as --list=FORMAT gives
// it.
func ParseListFormat(name string) (ListFormat, error) {
	switch f := ListFormat(name); f {
	case ListText, ListJSON:
		return f, nil
	}
	return "", fmt.Errorf("%q is not a format: use text or json", name)
}

// Records returns the wrappers of files, in input order, in format f.
func (f ListFormat) Records(files []model.File) []byte {
	if f == ListJSON {
		return listJSON(files)
	}
	return listText(files)
}

// listText returns the wrappers of files, one line each, as ListText.
func listText(files []model.File) []byte {
	var b []byte
	for _, f := range files {
		for _, w := range f.Wrappers {
			b = fmt.Appendf(b, "%s:%d: %s %s -> %s\n", w.Pos.File, w.Pos.Line, w.Marker.Name, w.Name, w.Target)
		}
	}
	return b
}

// listJSON returns the wrappers of files as an indented JSON array of
// ListEntry, with a final newline, as ListJSON.
func listJSON(files []model.File) []byte {
	entries := []ListEntry{}
	for _, f := range files {
		for _, w := range f.Wrappers {
			e := ListEntry{
				Kind: w.Kind.String(), Mixed: w.Mixed, Lock: w.Lock.String(), Marker: w.Marker.Name,
				Wrapper: w.Name, Target: w.Target, ReturnType: w.ReturnType,
				Parameters: []ListParam{}, Conditions: []string{},
				File: w.Pos.File, Line: w.Pos.Line, Column: w.Pos.Col,
			}
			for _, p := range w.Params {
				e.Parameters = append(e.Parameters, ListParam{Type: p.Type, Name: p.Name, Declaration: p.Decl})
			}
			for _, c := range w.Conditions {
				e.Conditions = append(e.Conditions, c.Lines...)
			}
			entries = append(entries, e)
		}
	}
	out, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		panic(err) // plain strings, ints and bools always marshal
	}
	return append(out, '\n')
}
