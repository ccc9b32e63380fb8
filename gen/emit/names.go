package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// The names the generated code defines and uses are stated here, beside
// the templates that write them, so that the checks and the templates
// cannot drift apart.

// targetCaller returns the name of the static function that calls w's
// target: the coroutine entry TARGET_entry of a co wrapper, the bottom
// half TARGET_bh of a no_co wrapper.
func targetCaller(w *model.Wrapper) string { return w.Target + callerSuffix(w) }

// callerSuffix is what targetCaller adds to the target's name.
func callerSuffix(w *model.Wrapper) string {
	if w.Kind == model.NoCo {
		return "_bh"
	}
	return "_entry"
}

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
	fn := Definition{Name: targetCaller(w), What: "the coroutine entry", Function: true}
	if w.Kind == model.NoCo {
		fn.What = "the bottom half"
	}
	return [3]Definition{
		{Name: w.Name, What: "the wrapper"},
		{Name: w.StructName, What: "the struct"},
		fn,
	}
}

// Uses reports whether the code generated for w uses name besides its
// parameters, and says what it is for a message: a local or struct member
// of its functions, the target or another function or macro it calls, or
// one of the names it defines. A parameter of the same name would hide
// that name or clash with it. Where name is several of these, the first in
// that order is said.
func Uses(w *model.Wrapper, name string) (what string, ok bool) {
	switch {
	case name == "s":
		return "the generated local variable 's'", true
	case name == "poll_state" && w.Kind == model.Co, name == "co" && w.Kind == model.NoCo, name == "ret" && !w.ReturnsVoid():
		return fmt.Sprintf("the generated struct member '%s'", name), true
	case name == w.Target:
		return fmt.Sprintf("the function '%s' that the wrapper calls", w.Target), true
	case slices.Contains(called, name):
		return fmt.Sprintf("'%s', which the generated wrapper calls", name), true
	case name == w.Name:
		return "the wrapper itself", true
	case name == w.StructName:
		return fmt.Sprintf("the generated struct type '%s'", w.StructName), true
	}
	// TARGET_entry or TARGET_bh, without building the name.
	if suffix, ok := strings.CutPrefix(name, w.Target); ok && suffix == callerSuffix(w) {
		fn := Definitions(w)[2]
		return fmt.Sprintf("the generated %s '%s'", strings.TrimPrefix(fn.What, "the "), fn.Name), true
	}
	return "", false
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
