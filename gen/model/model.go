// Package model describes coroutine wrappers: what a marker asks for, and
// one value per declared wrapper with everything an emitter needs. It knows
// nothing about C lexing or about the text of the generated code.
package model

import (
	"math"
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

// Param is one parameter of a wrapper. The parameters are the bulk of the
// model, so a Param holds its declarator and finds the rest in it: the
// name is a substring of the declarator, and so usually are the type (its
// start) and the struct member (all of it).
type Param struct {
	decl             string
	nameOff, nameLen uint16
	typeLen          uint16     // the type is decl[:typeLen], unless other says
	other            *paramText // the texts that are not substrings of decl
	// Line and Col are where the parameter starts, in its wrapper's file.
	Line, Col int32
}

// paramText is a Param's type, name and member when decl does not hold
// them as Param expects.
type paramText struct {
	typ, name, member string
}

// NewParam returns the parameter declared as decl: the full declarator to
// print in a parameter list ("int64_t offset", "uint8_t buf[16]"), the
// source spelling where it was plain and a canonical one where comments or
// line breaks had to go. typ is its type as an abstract declarator in
// canonical spelling ("BlockDriverState *", "void (*)(void *, int)"),
// arrays already decayed to pointers; name the declared name; member the
// declarator of the struct member that stores the argument: decl, but with
// an array or function parameter as the pointer it is ("uint8_t *buf").
func NewParam(typ, name, decl, member string, line, col int) Param {
	p := Param{decl: decl, Line: int32(line), Col: int32(col)}
	i := strings.Index(decl, name)
	compact := member == decl && strings.HasPrefix(decl, typ) && i >= 0 &&
		len(decl) <= math.MaxUint16 && name != ""
	if !compact {
		p.other = &paramText{typ: typ, name: name, member: member}
		return p
	}
	p.nameOff, p.nameLen, p.typeLen = uint16(i), uint16(len(name)), uint16(len(typ))
	return p
}

// Type is the parameter's type as an abstract declarator in canonical
// spelling ("BlockDriverState *", "void (*)(void *, int)"), arrays decayed
// to pointers. Use it to compare types.
func (p *Param) Type() string {
	if p.other != nil {
		return p.other.typ
	}
	return p.decl[:p.typeLen]
}

// Name is the declared name.
func (p *Param) Name() string {
	if p.other != nil {
		return p.other.name
	}
	return p.decl[p.nameOff : p.nameOff+p.nameLen]
}

// Decl is the full declarator to print in a parameter list.
func (p *Param) Decl() string { return p.decl }

// Member is the declarator of the struct member that stores the argument.
func (p *Param) Member() string {
	if p.other != nil {
		return p.other.member
	}
	return p.decl
}

// Equal reports whether p and q are the same parameter at the same place,
// however each holds its texts.
func (p Param) Equal(q Param) bool {
	return p.decl == q.decl && p.Type() == q.Type() && p.Name() == q.Name() &&
		p.Member() == q.Member() && p.Line == q.Line && p.Col == q.Col
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
	// ParamsText is the parameter list as written, inside the parentheses:
	// compared with the target's before the target is read, and most
	// wrappers' parameters are kept as this text (see SetParams).
	ParamsText string
	params     []Param
	// paramsLine and paramsCol are where ParamsText starts when the
	// parameters are split from it.
	paramsLine, paramsCol int32
	paramsSplit           bool
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

// SetParams records the wrapper's parameters, which must not change
// afterwards.
func (w *Wrapper) SetParams(ps []Param) {
	w.params, w.paramsSplit = ps, false
}

// SetParamsSplit records that the wrapper's parameters are what
// SplitParams makes of ParamsText, which starts at line:col. A model of
// many wrappers is mostly parameters, and their text is already in memory.
func (w *Wrapper) SetParamsSplit(line, col int) {
	w.params, w.paramsSplit = nil, true
	w.paramsLine, w.paramsCol = int32(line), int32(col)
}

// Params returns the wrapper's parameters. When they have to be split from
// ParamsText, they are split into *scratch (grown as needed; nil scratch
// means new memory), which the caller can reuse for the next wrapper. The
// result must not be modified.
func (w *Wrapper) Params(scratch *[]Param) []Param {
	if !w.paramsSplit {
		return w.params
	}
	var buf []Param
	if scratch != nil {
		buf = *scratch
	}
	ps, _ := SplitParams(w.ParamsText, int(w.paramsLine), int(w.paramsCol), buf)
	if scratch != nil {
		*scratch = ps
	}
	return ps
}

// SplitParams splits a parameter list (the text inside its parentheses,
// starting at line:col) at its commas, each declarator trimmed of blanks,
// named by its last word and typed by the text before the name; buf's
// memory is used for the result. It returns ok=false for a list it cannot
// split that way: one without parameters, or holding anything but words,
// '*', blanks and line breaks between parameters. Whether that is how C
// reads the list is for the caller to check: package parse reads it
// properly, and only a list that splits to the same parameters may be kept
// as text.
func SplitParams(text string, line, col int, buf []Param) (ps []Param, ok bool) {
	ps = buf[:0]
	start, startLine, startCol := -1, line, col
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ',' {
			if start < 0 {
				return nil, false // an empty parameter
			}
			end := i
			for end > start && isBlank(text[end-1]) {
				end--
			}
			decl := text[start:end]
			if strings.IndexByte(decl, '\n') >= 0 {
				return nil, false
			}
			n := len(decl)
			for n > 0 && isWordByte(decl[n-1]) {
				n--
			}
			if n == len(decl) || decl[n] >= '0' && decl[n] <= '9' {
				return nil, false // no name
			}
			t := n
			for t > 0 && (decl[t-1] == ' ' || decl[t-1] == '\t') {
				t--
			}
			typ := decl[:t]
			if len(decl) > math.MaxUint16 {
				return nil, false
			}
			// NewParam(typ, decl[n:], decl, decl, ...), knowing where the
			// name and type are.
			ps = append(ps, Param{decl: decl, nameOff: uint16(n), nameLen: uint16(len(decl) - n), typeLen: uint16(len(typ)),
				Line: int32(startLine), Col: int32(startCol)})
			start = -1
			col++
			continue
		}
		switch c := text[i]; {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c == ' ' || c == '\t':
		case isWordByte(c) || c == '*':
			if start < 0 {
				start, startLine, startCol = i, line, col
			}
		default:
			return nil, false
		}
		col++
	}
	return ps, true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
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
