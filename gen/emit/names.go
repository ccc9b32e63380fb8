package emit

import (
	"fmt"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// The names the generated code defines and uses are stated here, beside
// the templates that write them, so that the checks and the templates
// cannot drift apart.

// Entry returns the name of a co wrapper's coroutine entry, TARGET_entry.
func Entry(w *model.Wrapper) string { return w.Target + "_entry" }

// BottomHalf returns the name of a no_co wrapper's bottom half,
// TARGET_bh.
func BottomHalf(w *model.Wrapper) string { return w.Target + "_bh" }

// StructName returns the name of the struct that carries the arguments of
// the wrapper name, which calls target: the CamelCase of the wrapper's name
// (QEMU 8.0 and later) or, where the dialect says, of the target's.
func StructName(d *dialect.Dialect, name, target string) string {
	if d.StructNamedAfterTarget {
		return model.CamelCase(target)
	}
	return model.CamelCase(name)
}

// Definition is a name the code generated for one wrapper defines at file
// scope, and What it is ("the wrapper", "the struct", "the coroutine
// entry", "the bottom half").
type Definition struct {
	Name, What string
	// Function is set for the coroutine entry and the bottom half.
	Function bool
}

// Definitions returns the names the code generated for w defines: the
// wrapper itself, its argument struct, and its coroutine entry or bottom
// half.
func Definitions(w *model.Wrapper) [3]Definition {
	fn := Definition{Name: Entry(w), What: "the coroutine entry", Function: true}
	if w.Kind == model.NoCo {
		fn = Definition{Name: BottomHalf(w), What: "the bottom half", Function: true}
	}
	return [3]Definition{
		{Name: w.Name, What: "the wrapper"},
		{Name: w.StructName, What: "the struct"},
		fn,
	}
}

// Use is a name the code generated for a wrapper uses besides its
// parameters, and what it is, for a message.
type Use struct {
	Name, What string
}

// Uses returns the names the code generated for w uses besides its
// parameters: its locals and struct members, the functions and macros it
// calls, and what it defines. A parameter of the same name would hide
// them or clash with them. Where a name is several of these, the first
// in the list says what it is.
func Uses(w *model.Wrapper) []Use {
	uses := []Use{{"s", "the generated local variable 's'"}}
	if w.Kind == model.Co {
		uses = append(uses, Use{"poll_state", "the generated struct member 'poll_state'"})
	} else {
		uses = append(uses, Use{"co", "the generated struct member 'co'"})
	}
	if !w.ReturnsVoid() {
		uses = append(uses, Use{"ret", "the generated struct member 'ret'"})
	}
	uses = append(uses, Use{w.Target, fmt.Sprintf("the function '%s' that the wrapper calls", w.Target)})
	for _, name := range called {
		uses = append(uses, Use{name, fmt.Sprintf("'%s', which the generated wrapper calls", name)})
	}
	defs := Definitions(w)
	uses = append(uses,
		Use{w.Name, "the wrapper itself"},
		Use{w.StructName, fmt.Sprintf("the generated struct type '%s'", w.StructName)},
		Use{defs[2].Name, fmt.Sprintf("the generated %s '%s'", strings.TrimPrefix(defs[2].What, "the "), defs[2].Name)},
	)
	return uses
}

// called are the functions and macros the templates name, in any
// dialect.
var called = []string{
	"qemu_in_coroutine", "qemu_coroutine_create", "qemu_coroutine_self",
	"qemu_coroutine_yield", "bdrv_poll_co", "assume_graph_lock",
	"aio_bh_schedule_oneshot", "qemu_get_current_aio_context",
	"qemu_get_aio_context", "bdrv_get_aio_context", "blk_get_aio_context",
	"blk_bs", "assert", "true", "false", "NULL",
}
