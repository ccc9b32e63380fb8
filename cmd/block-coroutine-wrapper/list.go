package main

import (
	"encoding/json"
	"fmt"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

// listFormat is the value of --list: "" (not listing), "text" or "json".
// "--list" alone means text, "--list=json" JSON.
type listFormat string

// IsBool lets --list stand without a value.
func (listFormat) IsBool() bool { return true }

// Decode reads the optional value of --list.
func (l *listFormat) Decode(ctx *kong.DecodeContext) error {
	*l = "text"
	if tok := ctx.Scan.Peek(); tok.Type == kong.FlagValueToken {
		ctx.Scan.Pop()
		switch v := fmt.Sprint(tok.Value); v {
		case "text", "json":
			*l = listFormat(v)
		default:
			return fmt.Errorf("%q is not a format: use text or json", v)
		}
	}
	return nil
}

// listEntry is one wrapper in --list=json output.
type listEntry struct {
	Kind       string      `json:"kind"`
	Mixed      bool        `json:"mixed"`
	Lock       string      `json:"lock"`
	Marker     string      `json:"marker"`
	Wrapper    string      `json:"wrapper"`
	Target     string      `json:"target"`
	ReturnType string      `json:"return_type"`
	Parameters []listParam `json:"parameters"`
	File       string      `json:"file"`
	Line       int         `json:"line"`
	Column     int         `json:"column"`
	Conditions []string    `json:"conditions"`
}

type listParam struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	Declaration string `json:"declaration"`
}

// printList writes the wrappers found, in input order.
func (j *job) printList(r *gen.Result) int {
	entries := []listEntry{}
	for _, f := range r.Files {
		for _, w := range f.Wrappers {
			if j.list == "text" {
				fmt.Fprintf(j.e.stdout, "%s:%d: %s %s -> %s\n", w.Pos.File, w.Pos.Line, w.Marker.Name, w.Name, w.Target)
				continue
			}
			e := listEntry{
				Kind: w.Kind.String(), Mixed: w.Mixed, Lock: w.Lock.String(), Marker: w.Marker.Name,
				Wrapper: w.Name, Target: w.Target, ReturnType: w.ReturnType,
				Parameters: []listParam{}, Conditions: []string{},
				File: w.Pos.File, Line: w.Pos.Line, Column: w.Pos.Col,
			}
			for _, p := range w.Params {
				e.Parameters = append(e.Parameters, listParam{Type: p.Type, Name: p.Name, Declaration: p.Decl})
			}
			for _, c := range w.Conditions {
				e.Conditions = append(e.Conditions, c.Lines...)
			}
			entries = append(entries, e)
		}
	}
	if j.list == "json" {
		out, err := json.MarshalIndent(entries, "", "  ")
		if err != nil {
			panic(err) // plain strings, ints and bools always marshal
		}
		fmt.Fprintf(j.e.stdout, "%s\n", out)
	}
	return exitOK
}
