// Package names works out, once, every name the code generated for a
// wrapper prints, for a dialect: the function it calls, its argument
// struct, its coroutine entry or bottom half, its context expression and
// its graph lock calls, then every name that code defines and uses. Fill
// writes them into the model.Wrapper, as protogen's newMessage fills
// GoIdent once; the emitter prints those fields and the checks read them,
// and neither works a name out again.
//
// The names the templates print whatever the wrapper (BdrvPollCo,
// aio_wait_kick, the local s...) are listed here too, in templateUses,
// beside the names that come from the dialect; package emit's tests hold
// that list to the text the templates print, in both directions.
package names

import (
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Fill works out, for the dialect d, the names of the code generated for
// w: Target, StructName, Caller, Context, the lock calls, Defines and
// Uses. w's Marker, Name, ReturnType and Params must be set, and Name be
// of the form its kind needs (package check makes sure of that first):
// SUB_REST with a non-empty SUB for a co wrapper, SUB_co_REST for a no_co
// one. A first parameter the dialect's context refuses (see
// dialect.Context.Choose) still gets the expression the templates would
// print.
func Fill(d *dialect.Dialect, w *model.Wrapper) {
	w.Target = Target(w.Kind, w.Name)
	w.StructName = model.CamelCase(w.Name)
	if d.StructNamedAfterTarget {
		w.StructName = model.CamelCase(w.Target)
	}
	role := model.RoleEntry
	w.Caller = w.Target + "_entry"
	if w.Kind == model.NoCo {
		role = model.RoleBottomHalf
		w.Caller = w.Target + "_bh"
	}
	w.Defines = [3]model.Use{{Name: w.Name, Role: model.RoleWrapper}, {Name: w.StructName, Role: model.RoleStruct}, {Name: w.Caller, Role: role}}

	// The context: a co wrapper's poll state names the parameter itself,
	// a bottom half the member of the argument struct.
	expr, param, _, _ := d.ContextFor(w.Kind).Choose(w.Params)
	w.Context = expr
	if param != "" {
		prefix := ""
		if w.Kind == model.NoCo {
			prefix = "s->"
		}
		w.Context = strings.Replace(expr, "%s", prefix+param, 1)
	}
	w.LockCall, w.UnlockCall, w.AssumeLock = lockCalls(d, w.Marker)
	// Built on the stack, kept in one allocation of the exact size: a
	// wrapper's code uses about 30 names.
	var buf [48]model.Use
	w.Uses = slices.Clone(appendUses(buf[:0], d, w, expr))
}

// Target returns the function that the wrapper name of kind k calls, as
// every release's generator names it: a co wrapper SUB_REST calls the
// coroutine function SUB_co_REST, a no_co wrapper SUB_co_REST the function
// SUB_REST. name must have that form.
func Target(k model.Kind, name string) string {
	first, rest, _ := strings.Cut(name, "_")
	if k == model.NoCo {
		return first + "_" + strings.TrimPrefix(rest, "co_")
	}
	return first + "_co_" + rest
}

// lockCalls returns the graph lock calls d's templates print for marker
// m: around the target's call in the entry or bottom half, and, for a
// mixed co wrapper, before it calls the target in coroutine context.
func lockCalls(d *dialect.Dialect, m model.Marker) (lock, unlock, assume string) {
	switch {
	case m.Lock == model.NoLock:
	case m.Kind == model.Co:
		if m.Mixed {
			assume = d.AssumeReadLock
		}
		return d.CoReadLock, d.CoReadUnlock, assume
	case m.Lock == model.ReadLock:
		return d.ReadLock, d.ReadUnlock, ""
	case m.Lock == model.WriteLock:
		return d.WriteLock, d.WriteUnlock, ""
	}
	return "", "", ""
}

// when is what a row of templateUses needs: all of its bits.
type when uint8

const (
	mixed     when = 1 << iota // a mixed wrapper
	plain                      // one that is not
	result                     // a ret member: not void, and the result not in BdrvPollCo (to 7.2)
	bhContext                  // a bottom half that holds an AioContext (d.BHContext)
)

// templateUses are the names that package emit's templates print for
// each kind of wrapper whatever the dialect, besides those appendUses
// takes from the wrapper's own names and the dialect's expressions.
var templateUses = [...]struct {
	kind      model.Kind
	when      when
	model.Use // Name: names separated by spaces
}{
	// co: the struct and the coroutine entry
	{model.Co, 0, model.Use{Name: "BdrvPollCo", Role: model.RoleType}},
	{model.Co, 0, model.Use{Name: "poll_state", Role: model.RoleMember}},
	{model.Co, result, model.Use{Name: "ret", Role: model.RoleMember}},
	{model.Co, 0, model.Use{Name: "opaque s", Role: model.RoleLocal}},
	{model.Co, 0, model.Use{Name: "coroutine_fn false", Role: model.RoleMacro}},
	{model.Co, 0, model.Use{Name: "aio_wait_kick", Role: model.RoleFunction}},
	// co: the wrapper's body
	{model.Co, 0, model.Use{Name: "s", Role: model.RoleLocal, Body: true}},
	{model.Co, 0, model.Use{Name: "true", Role: model.RoleMacro, Body: true}},
	{model.Co, 0, model.Use{Name: "qemu_in_coroutine qemu_coroutine_create bdrv_poll_co", Role: model.RoleFunction, Body: true}},
	{model.Co, plain, model.Use{Name: "assert", Role: model.RoleCallMacro, Body: true}},
	// no_co: the struct, the bottom half and the signature
	{model.NoCo, 0, model.Use{Name: "Coroutine", Role: model.RoleType}},
	{model.NoCo, 0, model.Use{Name: "co", Role: model.RoleMember}},
	{model.NoCo, result, model.Use{Name: "ret", Role: model.RoleMember}},
	{model.NoCo, 0, model.Use{Name: "opaque s", Role: model.RoleLocal}},
	{model.NoCo, 0, model.Use{Name: "coroutine_fn", Role: model.RoleMacro}},
	{model.NoCo, bhContext, model.Use{Name: "AioContext", Role: model.RoleType}},
	{model.NoCo, bhContext, model.Use{Name: "ctx", Role: model.RoleLocal}},
	{model.NoCo, bhContext, model.Use{Name: "aio_context_acquire aio_context_release", Role: model.RoleFunction}},
	{model.NoCo, 0, model.Use{Name: "aio_co_wake", Role: model.RoleFunction}},
	// no_co: the wrapper's body
	{model.NoCo, 0, model.Use{Name: "s", Role: model.RoleLocal, Body: true}},
	{model.NoCo, 0, model.Use{Name: "qemu_coroutine_self qemu_in_coroutine aio_bh_schedule_oneshot qemu_coroutine_yield", Role: model.RoleFunction, Body: true}},
	{model.NoCo, 0, model.Use{Name: "assert", Role: model.RoleCallMacro, Body: true}},
}

// appendUses appends the names that the code d generates for w uses to
// uses, once for each scope that names them, and returns the result. w's
// own names must be filled in; expr is its context expression with the
// parameter's slot %s.
func appendUses(uses []model.Use, d *dialect.Dialect, w *model.Wrapper, expr string) []model.Use {
	have := plain
	if w.Mixed {
		have = mixed
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
	// The lock calls: the entry's or bottom half's, and the one a mixed
	// wrapper's body makes.
	uses = appendNames(appendNames(appendNames(uses, w.LockCall, false), w.UnlockCall, false), w.AssumeLock, true)
	uses = append(uses,
		model.Use{Name: w.StructName, Role: model.RoleStruct}, model.Use{Name: w.StructName, Role: model.RoleStruct, Body: true},
		model.Use{Name: w.Target, Role: model.RoleTarget}, model.Use{Name: w.Caller, Role: w.Defines[2].Role, Body: true})
	if w.Kind == model.Co {
		if w.Mixed {
			uses = append(uses, model.Use{Name: w.Target, Role: model.RoleTarget, Body: true})
		}
		return appendNames(uses, expr, true)
	}
	uses = appendNames(uses, expr, false)
	return appendNames(uses, d.NoCoScheduleContext, true)
}

// appendNames appends the names in expr, a C expression of the dialect's:
// a name followed by '(' as a function, any other (NULL) as a macro. The
// parameter's slot %s and the members after '.' or '->' are left out.
func appendNames(uses []model.Use, expr string, body bool) []model.Use {
	for i, j := 0, 0; i < len(expr); i = max(j, i+1) {
		for j = i; j < len(expr) && (expr[j] == '_' || 'a' <= expr[j]|0x20 && expr[j]|0x20 <= 'z' || j > i && '0' <= expr[j] && expr[j] <= '9'); j++ {
		}
		if j > i && (i == 0 || expr[i-1] != '.' && expr[i-1] != '>' && expr[i-1] != '%') {
			u := model.Use{Name: expr[i:j], Role: model.RoleMacro, Body: body}
			if j < len(expr) && expr[j] == '(' {
				u.Role = model.RoleFunction
			}
			uses = append(uses, u)
		}
	}
	return uses
}

// QEMU returns the names of QEMU's functions, types and macros that the
// templates of d print for some wrapper, with their roles. Every
// block-gen.c of d includes the headers that declare them, whatever it
// wraps, so a generated definition of one would clash with QEMU's or,
// where the two agree, replace QEMU's for the code that calls it.
func QEMU(d *dialect.Dialect) map[string]model.Role {
	var uses []model.Use
	for _, m := range d.Markers() {
		w := &model.Wrapper{Marker: m, ReturnType: "void", Name: "x_y"}
		if m.Kind == model.NoCo {
			w.Name = "x_co_y"
		}
		Fill(d, w)
		uses = append(uses, w.Uses...)
	}
	for _, c := range [...]*dialect.Context{&d.Context, d.BHContext} {
		for i := 0; c != nil && i < len(c.Cases); i++ {
			uses = appendNames(uses, c.Cases[i].Expr, false)
		}
	}
	names := make(map[string]model.Role)
	for _, u := range uses {
		if u.Role >= model.RoleFunction {
			names[u.Name] = u.Role
		}
	}
	return names
}
