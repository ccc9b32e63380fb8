package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// The names the generated code defines and uses are stated here, beside
// the templates that print them, so that the checks keep clear of exactly
// those. names_test.go holds the two to each other, both ways, for every
// shape of wrapper in every dialect.

// Role is what a name is to the code generated for one wrapper: one it
// defines (Wrapper to BottomHalf), or one it uses; from Function on, QEMU's.
type Role uint8

// The roles.
const (
	Wrapper    Role = iota
	Struct          // the argument struct: a typedef and a tag
	Entry           // a co wrapper's coroutine entry, TARGET_entry
	BottomHalf      // a no_co wrapper's bottom half, TARGET_bh
	Target          // the function the wrapper calls
	Local           // a local variable, or the entry's or bottom half's parameter
	Member          // a member of the argument struct
	Function
	Type
	Macro     // object-like
	CallMacro // function-like: a name not followed by '(' is left alone
)

// roles says, for messages, what a parameter collides with (%s is the
// name) and what the role is.
var roles = [...][2]string{
	Wrapper:    {"the wrapper '%s'", "the wrapper"},
	Struct:     {"the generated struct type '%s'", "the struct"},
	Entry:      {"the generated coroutine entry '%s'", "the coroutine entry"},
	BottomHalf: {"the generated bottom half '%s'", "the bottom half"},
	Target:     {"the function '%s' that the wrapper calls", "the target"},
	Local:      {"the generated local variable '%s'", "local variable"},
	Member:     {"the generated struct member '%s'", "struct member"},
	Function:   {"'%s', which the generated wrapper calls", "function"},
	Type:       {"the type '%s'", "type"},
	Macro:      {"the macro '%s'", "macro"},
	CallMacro:  {"the macro '%s'", "macro"},
}

// String returns the role for a message: "the coroutine entry" for the
// names a wrapper defines, "function" for QEMU's.
func (r Role) String() string { return roles[r][1] }

// targetCaller returns the name of the static function that calls w's
// target: its coroutine entry or bottom half.
func targetCaller(w *model.Wrapper) string {
	if w.Kind == model.NoCo {
		return w.Target + "_bh"
	}
	return w.Target + "_entry"
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

// Definitions returns the names the code generated for w defines at file
// scope: the wrapper, its argument struct, its coroutine entry or bottom
// half.
func Definitions(w *model.Wrapper) [3]Use {
	caller := Entry
	if w.Kind == model.NoCo {
		caller = BottomHalf
	}
	return [3]Use{{w.Name, Wrapper, false}, {w.StructName, Struct, false}, {targetCaller(w), caller, false}}
}

// Use is a name the code generated for one wrapper names (other than its
// parameters), or one it defines (Definitions).
type Use struct {
	Name string
	Role Role
	// Body: the wrapper function's body names it, where the wrapper's
	// parameters are in scope; otherwise the struct, the entry or bottom
	// half, or the wrapper's signature do.
	Body bool
}

// String describes u for a message: "the generated local variable 's'".
func (u Use) String() string { return fmt.Sprintf(roles[u.Role][0], u.Name) }

// when is what a row of templateUses needs: all of its bits.
type when uint8

const (
	mixed     when = 1 << iota // a mixed wrapper
	plain                      // one that is not
	rdlock                     // the read lock (markers ending in _bdrv_rdlock)
	result                     // a ret member: not void, and the result not in BdrvPollCo (to 7.2)
	bhContext                  // a bottom half that holds an AioContext (d.BHContext)
)

// templateUses are the names the templates of emit.go print for each kind
// of wrapper, besides those AppendUses adds: the wrapper's own struct,
// target and entry or bottom half, and the names in the dialect's
// expressions.
var templateUses = [...]struct {
	kind model.Kind
	when when
	Use  // Name: names separated by spaces
}{
	// co: the struct and the coroutine entry
	{model.Co, 0, Use{"BdrvPollCo", Type, false}},
	{model.Co, 0, Use{"poll_state", Member, false}},
	{model.Co, result, Use{"ret", Member, false}},
	{model.Co, 0, Use{"opaque s", Local, false}},
	{model.Co, 0, Use{"coroutine_fn false", Macro, false}},
	{model.Co, rdlock, Use{"bdrv_graph_co_rdlock bdrv_graph_co_rdunlock", Function, false}},
	{model.Co, 0, Use{"aio_wait_kick", Function, false}},
	// co: the wrapper's body
	{model.Co, 0, Use{"s", Local, true}},
	{model.Co, 0, Use{"true", Macro, true}},
	{model.Co, 0, Use{"qemu_in_coroutine qemu_coroutine_create bdrv_poll_co", Function, true}},
	{model.Co, mixed | rdlock, Use{"assume_graph_lock", Function, true}},
	{model.Co, plain, Use{"assert", CallMacro, true}},
	// no_co: the struct, the bottom half and the signature
	{model.NoCo, 0, Use{"Coroutine", Type, false}},
	{model.NoCo, 0, Use{"co", Member, false}},
	{model.NoCo, result, Use{"ret", Member, false}},
	{model.NoCo, 0, Use{"opaque s", Local, false}},
	{model.NoCo, 0, Use{"coroutine_fn", Macro, false}},
	{model.NoCo, bhContext, Use{"AioContext", Type, false}},
	{model.NoCo, bhContext, Use{"ctx", Local, false}},
	{model.NoCo, bhContext, Use{"aio_context_acquire aio_context_release", Function, false}},
	{model.NoCo, rdlock, Use{"bdrv_graph_rdlock_main_loop bdrv_graph_rdunlock_main_loop", Function, false}},
	{model.NoCo, 0, Use{"aio_co_wake", Function, false}},
	// no_co: the wrapper's body
	{model.NoCo, 0, Use{"s", Local, true}},
	{model.NoCo, 0, Use{"qemu_coroutine_self qemu_in_coroutine aio_bh_schedule_oneshot qemu_coroutine_yield", Function, true}},
	{model.NoCo, 0, Use{"assert", CallMacro, true}},
}

// AppendUses appends the names that the code d generates for w uses to
// uses, once for each scope that names them, and returns the result.
func AppendUses(uses []Use, d *dialect.Dialect, w *model.Wrapper) []Use {
	have := plain
	if w.Mixed {
		have = mixed
	}
	if w.Lock == model.ReadLock {
		have |= rdlock
	}
	if !w.ReturnsVoid() && !d.ResultInPollState {
		have |= result
	}
	if d.BHContext != nil {
		have |= bhContext
	}
	for _, t := range templateUses {
		for names := t.Name; t.kind == w.Kind && t.when&^have == 0 && names != ""; {
			t.Name, names, _ = strings.Cut(names, " ")
			uses = append(uses, t.Use)
		}
	}
	caller := Definitions(w)[2]
	caller.Body = true
	uses = append(uses, Use{w.StructName, Struct, false}, Use{w.StructName, Struct, true}, Use{w.Target, Target, false}, caller)
	if w.Kind == model.Co {
		if w.Mixed {
			uses = append(uses, Use{w.Target, Target, true})
		}
		expr, _ := contextExpr(&d.Context, w.Params)
		return appendNames(uses, expr, true)
	}
	if d.BHContext != nil {
		expr, _ := contextExpr(d.BHContext, w.Params)
		uses = appendNames(uses, expr, false)
	}
	if w.Lock == model.WriteLock {
		uses = appendNames(appendNames(uses, d.WriteLock, false), d.WriteUnlock, false)
	}
	return appendNames(uses, d.NoCoScheduleContext, true)
}

// appendNames appends the names in expr, a C expression of the dialect's:
// a name followed by '(' as a Function, any other (NULL) as a Macro. The
// parameter's slot %s and the members after '.' or '->' are left out.
func appendNames(uses []Use, expr string, body bool) []Use {
	for i, j := 0, 0; i < len(expr); i = max(j, i+1) {
		for j = i; j < len(expr) && (expr[j] == '_' || 'a' <= expr[j]|0x20 && expr[j]|0x20 <= 'z' || j > i && '0' <= expr[j] && expr[j] <= '9'); j++ {
		}
		if j > i && (i == 0 || expr[i-1] != '.' && expr[i-1] != '>' && expr[i-1] != '%') {
			u := Use{expr[i:j], Macro, body}
			if j < len(expr) && expr[j] == '(' {
				u.Role = Function
			}
			uses = append(uses, u)
		}
	}
	return uses
}

// ParamClash returns what the parameter p would hide or break among uses
// (from AppendUses), and whether it would: a name the wrapper's body names;
// a member of the argument struct, which p would become too; an
// object-like macro, which would expand in p's declaration, such as those
// of the C headers every block-gen.c includes through qemu/osdep.h (true,
// false, NULL) whether or not the templates print them; a function-like
// macro only where p is declared as a function, its name followed by '('.
// Names the parameters' scope does not reach (in the entry, the bottom
// half, at file scope) are not hidden by one.
func ParamClash(uses []Use, p *model.Param) (Use, bool) {
	for _, u := range uses {
		if u.Name == p.Name && (u.Role == Member || u.Role == Macro || u.Body && u.Role != CallMacro ||
			u.Role == CallMacro && strings.Contains(strings.ReplaceAll(p.Decl, " ", ""), p.Name+"(")) {
			return u, true
		}
	}
	if slices.Contains([]string{"true", "false", "NULL"}, p.Name) {
		return Use{p.Name, Macro, false}, true
	}
	return Use{}, false
}

// QEMUNames returns the names of QEMU's functions, types and macros that
// the templates of d print for some wrapper, with their roles. Every
// block-gen.c of d includes the headers that declare them, whatever it
// wraps, so a generated definition of one would clash with QEMU's or,
// where the two agree, replace QEMU's for the code that calls it.
func QEMUNames(d *dialect.Dialect) map[string]Role {
	var uses []Use
	for _, m := range d.Markers() {
		uses = AppendUses(uses, d, &model.Wrapper{Marker: m, ReturnType: "void"})
	}
	for _, c := range [...]*dialect.Context{&d.Context, d.BHContext} {
		for i := 0; c != nil && i < len(c.Cases); i++ {
			uses = appendNames(uses, c.Cases[i].Expr, false)
		}
	}
	names := make(map[string]Role)
	for _, u := range uses {
		if u.Role >= Function {
			names[u.Name] = u.Role
		}
	}
	return names
}
