// Package model describes coroutine wrappers: what a marker asks for, and
// one value per declared wrapper with everything an emitter needs. It knows
// nothing about C lexing or about the text of the generated code.
package model

import (
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// Kind says which way a wrapper bridges coroutine and non-coroutine code.
type Kind uint8

const (
	// Co wrappers are called outside coroutine context (or, when mixed,
	// from either context); they run the coroutine function SUB_co_REST in
	// a new coroutine and poll until it finishes.
	Co Kind = iota
	// NoCo wrappers are called in coroutine context; they run the function
	// SUB_REST in a bottom half of the main loop and yield until it is done.
	NoCo
)

func (k Kind) String() string {
	if k == NoCo {
		return "no_co"
	}
	return "co"
}

// Lock is the block graph lock a wrapper takes around the call.
type Lock uint8

// The graph locks.
const (
	NoLock Lock = iota
	ReadLock
	WriteLock
)

func (l Lock) String() string {
	switch l {
	case ReadLock:
		return "rdlock"
	case WriteLock:
		return "wrlock"
	}
	return "none"
}

// Marker is one of the specifiers that declare a wrapper.
type Marker struct {
	Name  string
	Kind  Kind
	Mixed bool // callable from coroutine context too (co wrappers only)
	Lock  Lock
	// Introduced is the QEMU release whose generator first knew it, and
	// Removed the first release whose generator no longer did ("" if it
	// still does).
	Introduced, Removed string
}

// Markers lists every marker any QEMU release has known, oldest first.
var Markers = []Marker{
	{Name: "generated_co_wrapper", Kind: Co, Mixed: true, Introduced: "5.2", Removed: "8.0"},
	{Name: "co_wrapper", Kind: Co, Introduced: "8.0"},
	{Name: "co_wrapper_mixed", Kind: Co, Mixed: true, Introduced: "8.0"},
	{Name: "co_wrapper_bdrv_rdlock", Kind: Co, Lock: ReadLock, Introduced: "8.0"},
	{Name: "co_wrapper_mixed_bdrv_rdlock", Kind: Co, Mixed: true, Lock: ReadLock, Introduced: "8.0"},
	{Name: "no_co_wrapper", Kind: NoCo, Introduced: "8.0"},
	{Name: "no_co_wrapper_bdrv_rdlock", Kind: NoCo, Lock: ReadLock, Introduced: "8.2"},
	{Name: "no_co_wrapper_bdrv_wrlock", Kind: NoCo, Lock: WriteLock, Introduced: "8.2"},
}

// LookupMarker returns the marker called name.
func LookupMarker(name string) (Marker, bool) {
	for _, m := range Markers {
		if m.Name == name {
			return m, true
		}
	}
	return Marker{}, false
}

// Param is one parameter of a wrapper.
type Param struct {
	// Type is the parameter's type as an abstract declarator in canonical
	// spelling ("BlockDriverState *", "void (*)(void *, int)"), arrays
	// already decayed to pointers. Use it to compare types.
	Type string
	// Name is the declared name.
	Name string
	// Decl is the full declarator to print in a parameter list
	// ("int64_t offset", "uint8_t buf[16]"): the source spelling where it
	// was plain, a canonical one where comments or line breaks had to go.
	Decl string
	// Member is the declarator of the struct member that stores the
	// argument: Decl, but with an array or function parameter as the
	// pointer it is ("uint8_t *buf").
	Member string
	// Line and Col are where the parameter starts, in its wrapper's file.
	// There are many parameters: they do not each hold the file name.
	Line, Col int32
}

// Pos returns where the parameter starts, given its wrapper's file.
func (p *Param) Pos(file string) diag.Pos {
	return diag.Pos{File: file, Line: int(p.Line), Col: int(p.Col)}
}

// Wrapper is one wrapper declaration, checked and named for a dialect.
type Wrapper struct {
	Kind  Kind
	Mixed bool
	Lock  Lock
	// CoroutineFn records that the declaration carried coroutine_fn.
	CoroutineFn bool
	// Marker is the marker as written.
	Marker string
	// ReturnType is printed as the reference generator prints it:
	// "int", "BlockDriverState *", "void".
	ReturnType string
	// Name is the wrapper function the generated code defines, Target the
	// function it calls, StructName the typedef carrying the arguments.
	Name, Target, StructName string
	Params                   []Param
	// ParamsText is the parameter list as written, inside the parentheses:
	// compared with the target's before the target is read.
	ParamsText string
	// Conditions are the preprocessor groups the declaration lies in,
	// outermost first, not counting the file's include guard: the
	// generated code goes inside the same ones.
	Conditions []Condition
	Pos        diag.Pos // of the wrapper's name
}

// Condition is a preprocessor group around a declaration: its directive
// lines as written, from the #if, #ifdef or #ifndef to the #elif or #else
// of the branch the declaration lies in.
type Condition struct {
	// ID tells apart groups of one file with the same lines.
	ID    int
	Lines []string
}

// ReturnsVoid reports whether the wrapper returns nothing.
func (w *Wrapper) ReturnsVoid() bool { return w.ReturnType == "void" }

// CamelCase joins the '_'-separated words of name with the first letter of
// each upper-cased: "bdrv_co_pread" becomes "BdrvCoPread". Every word must
// be non-empty.
func CamelCase(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	upper := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_':
			upper = true
		case upper:
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
			upper = false
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
