// Package model holds the finished values that flow from the parser through
// the checks to the emitter: the markers every QEMU release has known, and
// one Wrapper per declared wrapper with everything the emitter needs. It
// knows nothing of C lexing and nothing of the generated text: the parser
// fills it, the checks complete it, and the emitter and --list only read
// its fields.
package model

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// Kind says which way a wrapper bridges coroutine and non-coroutine code.
type Kind uint8

const (
	// Co wrappers are called outside coroutine context (or, when mixed,
	// from either context); they run the coroutine_fn SUB_co_REST in a new
	// coroutine and poll until it finishes.
	Co Kind = iota
	// NoCo wrappers are called in coroutine context; they run the function
	// SUB_REST in a bottom half of the main loop and yield until it is done.
	NoCo
)

// String returns "co" or "no_co", as --list prints the kind.
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

// String returns "none", "rdlock" or "wrlock", as --list prints the lock.
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
	// still does). Package dialect derives each release's markers from
	// them.
	Introduced, Removed string
	// RenamedTo is the marker that took this one's place in Removed under
	// another name, with the same Kind, Mixed and Lock; "" if none did.
	// Messages about the old name, and suggestions for a misspelling of
	// it, name the new one.
	RenamedTo string
}

// Markers lists every marker any QEMU release has known, oldest first. It
// is the one list of them: the dialects, the parser, the misspelling
// check and --scan's quick test all read it.
var Markers = []Marker{
	{Name: "generated_co_wrapper", Kind: Co, Mixed: true, Introduced: "5.2", Removed: "8.0", RenamedTo: "co_wrapper_mixed"},
	{Name: "co_wrapper", Kind: Co, Introduced: "8.0"},
	{Name: "co_wrapper_mixed", Kind: Co, Mixed: true, Introduced: "8.0"},
	{Name: "co_wrapper_bdrv_rdlock", Kind: Co, Lock: ReadLock, Introduced: "8.0"},
	{Name: "co_wrapper_mixed_bdrv_rdlock", Kind: Co, Mixed: true, Lock: ReadLock, Introduced: "8.0"},
	{Name: "no_co_wrapper", Kind: NoCo, Introduced: "8.0"},
	{Name: "no_co_wrapper_bdrv_rdlock", Kind: NoCo, Lock: ReadLock, Introduced: "8.2"},
	{Name: "no_co_wrapper_bdrv_wrlock", Kind: NoCo, Lock: WriteLock, Introduced: "8.2"},
}

// MarkerStem is the text every name in Markers contains (a test holds them
// to it): a file without it declares no wrapper.
const MarkerStem = "co_wrapper"

var markerByName = func() map[string]Marker {
	m := make(map[string]Marker, len(Markers))
	for _, mk := range Markers {
		m[mk.Name] = mk
	}
	return m
}()

// LookupMarker returns the marker called name, and whether there is one.
func LookupMarker(name string) (Marker, bool) {
	m, ok := markerByName[name]
	return m, ok
}

// Param is one parameter of a wrapper, as the parser read it.
type Param struct {
	// Type is the parameter's type as an abstract declarator in canonical
	// spelling ("BlockDriverState *", "void (*)(void *, int)"), arrays
	// decayed to pointers: what types are compared by.
	Type string
	// Name is the declared name.
	Name string
	// Decl is the full declarator to print in a parameter list: the
	// source's spelling where it was plain ("int64_t  offset",
	// "uint8_t buf[16]"), a canonical one where comments or line breaks
	// had to go.
	Decl string
	// Member is the declarator of the struct member that stores the
	// argument: Decl, but an array or function parameter as the pointer it
	// is ("uint8_t *buf").
	Member string
	// Pos is where the parameter starts, with the range of its
	// declaration on that line.
	Pos diag.Pos
	// NameCol is the column of the name on Pos's line, for a fix-it that
	// renames it; 0 if the name is on another line.
	NameCol int
}

// Wrapper is one wrapper declaration, checked and named for a dialect.
type Wrapper struct {
	// Marker is the marker the declaration carries; its Kind, Mixed and
	// Lock are the wrapper's (w.Kind, w.Mixed, w.Lock).
	Marker
	// CoroutineFn records that the declaration carried coroutine_fn.
	CoroutineFn bool
	// ReturnType is printed as the reference generator prints it:
	// "int", "BlockDriverState *", "void".
	ReturnType string
	// Name is the wrapper function the generated code defines, Target the
	// function it calls, StructName the typedef carrying the arguments.
	Name, Target, StructName string
	Params                   []Param
	// Conditions are the preprocessor groups the declaration lies in,
	// outermost first, not counting the file's include guard: the
	// generated code goes inside the same ones.
	Conditions []Condition
	// Pos is the position of the wrapper's name.
	Pos diag.Pos
}

// ReturnsVoid reports whether the wrapper returns nothing.
func (w *Wrapper) ReturnsVoid() bool { return w.ReturnType == "void" }

// Condition is a preprocessor group around a declaration: its directive
// lines as written, from the #if, #ifdef or #ifndef to the #elif or #else
// of the branch the declaration lies in.
type Condition struct {
	// ID tells apart groups of one file with the same lines: it is made
	// from the position of the group's opening directive.
	ID    int
	Lines []string
}

// Exclusive reports whether two points of one file, inside the groups a
// and b (outermost first), lie in different branches of one group, so that
// no configuration compiles both.
func Exclusive(a, b []Condition) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].ID != b[i].ID {
			return false
		}
		if len(a[i].Lines) != len(b[i].Lines) {
			return true
		}
	}
	return false
}

// File is one input file's wrappers, in declaration order. A file without
// wrappers still takes part in the output's framing.
type File struct {
	Name     string
	Wrappers []*Wrapper
}

// CamelCase joins the '_'-separated words of name with the first letter of
// each upper-cased: "bdrv_co_pread" becomes "BdrvCoPread". Every word must
// be non-empty. It follows the reference generator's struct naming
// (QEMU 5.2 and later).
func CamelCase(name string) string {
	b := make([]byte, 0, len(name))
	upper := true
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '_':
			upper = true
		case upper && c >= 'a' && c <= 'z':
			b = append(b, c-('a'-'A'))
			upper = false
		default:
			b = append(b, c)
			upper = false
		}
	}
	return string(b)
}
