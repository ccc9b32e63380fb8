// Package model holds the finished values that flow from the parser through
// the checks to the emitter: the markers every QEMU release has known, the
// coroutine annotations and storage classes the parser must know, and one
// Wrapper per declared wrapper with everything the emitter and the checks
// need. It knows nothing of C lexing and no template: package check makes
// a Wrapper of what the parser read, package names works out every name
// its generated code prints (once, for a dialect), and the checks, the
// emitter and --list only read its fields.
package model

import (
	"fmt"
	"strings"

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

// CoroutineFn is the coroutine annotation a co wrapper's target must
// carry: it runs in a coroutine.
const CoroutineFn = "coroutine_fn"

// CoroutineAnnotations are QEMU's coroutine annotation macros
// (include/qemu/coroutine-core.h): they mark the context a function may
// run in and expand to nothing the generated code needs. This is the one
// list of them: the parser skips them among the specifiers and after a
// parameter list, and records CoroutineFn.
var CoroutineAnnotations = []string{CoroutineFn, "coroutine_mixed_fn", "no_coroutine_fn"}

// IsCoroutineAnnotation reports whether id is one of CoroutineAnnotations.
func IsCoroutineAnnotation(id string) bool {
	for _, a := range CoroutineAnnotations {
		if id == a {
			return true
		}
	}
	return false
}

// StorageClass is a C storage-class or function specifier, GNU spellings
// included.
type StorageClass struct {
	Name string
	// OfFunction: a file-scope function declaration may carry it (extern,
	// static, inline and its GNU spellings); the others (typedef,
	// register, auto, _Thread_local, __thread) declare no function, and
	// _Noreturn is a function specifier that says nothing of linkage.
	OfFunction bool
}

// StorageClasses lists the storage-class and function specifiers the
// parser knows, the one list of them. A wrapper may be declared extern
// (block-gen.c defines it as an ordinary external function) and with no
// other of them; a target's prototype skips those OfFunction.
var StorageClasses = []StorageClass{
	{"extern", true}, {"static", true}, {"inline", true}, {"__inline", true}, {"__inline__", true},
	{"typedef", false}, {"register", false}, {"auto", false}, {"_Thread_local", false}, {"__thread", false},
	{"_Noreturn", false},
}

// LookupStorageClass returns the storage class called id, and whether
// there is one.
func LookupStorageClass(id string) (StorageClass, bool) {
	for _, sc := range StorageClasses {
		if sc.Name == id {
			return sc, true
		}
	}
	return StorageClass{}, false
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
// The parser's fields come first; from Target on, package names fills
// them for the dialect (names.Fill, or FillNames and FillUses), and
// nothing else works them out.
type Wrapper struct {
	// Marker is the marker the declaration carries; its Kind, Mixed and
	// Lock are the wrapper's (w.Kind, w.Mixed, w.Lock).
	Marker
	// CoroutineFn records that the declaration carried coroutine_fn.
	CoroutineFn bool
	// ReturnType is printed as the reference generator prints it:
	// "int", "BlockDriverState *", "void".
	ReturnType string
	// Name is the wrapper function the generated code defines.
	Name   string
	Params []Param
	// Conditions are the preprocessor groups the declaration lies in,
	// outermost first, not counting the file's include guard: the
	// generated code goes inside the same ones.
	Conditions []Condition
	// Pos is the position of the wrapper's name.
	Pos diag.Pos

	// Target is the function the wrapper calls, StructName the typedef
	// carrying the arguments, and Caller the static function that calls
	// Target: a co wrapper's coroutine entry TARGET_entry, a no_co
	// wrapper's bottom half TARGET_bh.
	Target, StructName, Caller string
	// Context is the expression, as printed, that a co wrapper
	// initialises its poll state with (an AioContext, or up to QEMU 7.2
	// a BlockDriverState), or that a no_co wrapper's bottom half takes its
	// AioContext from; "" where the dialect's bottom half takes none.
	Context string
	// LockCall and UnlockCall are the graph lock calls around the call
	// of Target in the entry or bottom half, as printed without the ';'
	// ("bdrv_graph_co_rdlock()"); AssumeLock is the call a mixed co
	// wrapper makes before calling Target in coroutine context. "" where
	// the wrapper takes no lock.
	LockCall, UnlockCall, AssumeLock string
	// Defines are the names the generated code defines at file scope:
	// the wrapper, its struct, its entry or bottom half (Caller).
	Defines [3]Use
	// Uses are the names the generated code names besides its
	// parameters, once for each scope that names them: what the
	// parameters must not hide or break. The wrapper's own names among
	// them (its struct, its target, its entry or bottom half) are there by
	// role, without a Name: Named gives each its name. Every wrapper of a
	// shape shares one slice (package names), so nobody may change it: a
	// copy for each wrapper was 27 KB of the heap of a run on QEMU
	// master's headers, about 6 page faults. names.Fill fills them;
	// package check asks for them (names.FillUses) only for a wrapper
	// with a parameter whose name they might hold, so they are nil on
	// the others.
	Uses []Use
}

// Named returns u, one of w.Uses, with its name: w's own for a use of
// the wrapper, its struct, target, entry or bottom half, which Uses keep
// by role alone.
func (w *Wrapper) Named(u Use) Use {
	switch u.Role {
	case RoleWrapper:
		u.Name = w.Name
	case RoleStruct:
		u.Name = w.StructName
	case RoleTarget:
		u.Name = w.Target
	case RoleEntry, RoleBottomHalf:
		u.Name = w.Caller
	}
	return u
}

// ReturnsVoid reports whether the wrapper returns nothing.
func (w *Wrapper) ReturnsVoid() bool { return w.ReturnType == "void" }

// Role is what a name is to the code generated for one wrapper: one it
// defines (RoleWrapper to RoleBottomHalf), or one it uses; from
// RoleFunction on, QEMU's.
type Role uint8

// The roles.
const (
	RoleWrapper    Role = iota
	RoleStruct          // the argument struct: a typedef and a tag
	RoleEntry           // a co wrapper's coroutine entry, TARGET_entry
	RoleBottomHalf      // a no_co wrapper's bottom half, TARGET_bh
	RoleTarget          // the function the wrapper calls
	RoleLocal           // a local variable, or the entry's or bottom half's parameter
	RoleMember          // a member of the argument struct
	RoleFunction
	RoleType
	RoleMacro     // object-like
	RoleCallMacro // function-like: a name not followed by '(' is left alone
)

// roles says, for messages, what a parameter collides with (%s is the
// name) and what the role is.
var roles = [...][2]string{
	RoleWrapper:    {"the wrapper '%s'", "the wrapper"},
	RoleStruct:     {"the generated struct type '%s'", "the struct"},
	RoleEntry:      {"the generated coroutine entry '%s'", "the coroutine entry"},
	RoleBottomHalf: {"the generated bottom half '%s'", "the bottom half"},
	RoleTarget:     {"the function '%s' that the wrapper calls", "the target"},
	RoleLocal:      {"the generated local variable '%s'", "local variable"},
	RoleMember:     {"the generated struct member '%s'", "struct member"},
	RoleFunction:   {"'%s', which the generated wrapper calls", "function"},
	RoleType:       {"the type '%s'", "type"},
	RoleMacro:      {"the macro '%s'", "macro"},
	RoleCallMacro:  {"the macro '%s'", "macro"},
}

// String returns the role for a message: "the coroutine entry" for the
// names a wrapper defines, "function" for QEMU's.
func (r Role) String() string { return roles[r][1] }

// Use is a name the code generated for one wrapper names (other than its
// parameters), or one it defines (Wrapper.Defines).
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
	var b strings.Builder
	b.Grow(len(name))
	WriteCamelCase(&b, name)
	return b.String()
}

// WriteCamelCase writes to b the CamelCase of the concatenation of parts,
// so that a name made of pieces ("bdrv", "_co_", "pread") needs no string
// of its own first.
func WriteCamelCase(b *strings.Builder, parts ...string) {
	upper := true
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			switch c := p[i]; {
			case c == '_':
				upper = true
			case upper && c >= 'a' && c <= 'z':
				b.WriteByte(c - ('a' - 'A'))
				upper = false
			default:
				b.WriteByte(c)
				upper = false
			}
		}
	}
}
