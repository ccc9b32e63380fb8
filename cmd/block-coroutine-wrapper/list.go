package main

import (
	"fmt"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
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

// printList writes the wrappers found, in input order, as --list asks.
func (j *job) printList(files []model.File) {
	if j.list == "json" {
		j.e.stdout.Write(gen.ListJSON(files))
		return
	}
	j.e.stdout.Write(gen.ListText(files))
}
