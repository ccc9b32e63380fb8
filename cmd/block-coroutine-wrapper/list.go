package main

import (
	"fmt"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

// listFormat is the value of --list: "" (not listing) or a gen.ListFormat.
// "--list" alone means text, "--list=json" JSON.
type listFormat gen.ListFormat

// IsBool lets --list stand without a value.
func (listFormat) IsBool() bool { return true }

// Decode reads the optional value of --list.
func (l *listFormat) Decode(ctx *kong.DecodeContext) error {
	*l = listFormat(gen.ListText)
	if tok := ctx.Scan.Peek(); tok.Type == kong.FlagValueToken {
		ctx.Scan.Pop()
		f, err := gen.ParseListFormat(fmt.Sprint(tok.Value))
		if err != nil {
			return err
		}
		*l = listFormat(f)
	}
	return nil
}
