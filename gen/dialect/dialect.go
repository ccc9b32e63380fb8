// Package dialect describes, as data, how each QEMU release's generator
// wrote block-gen.c: the markers it knew, what it accepted, the headers it
// included, the AioContext and lock calls its templates made and the shape
// of its poll state. The emitter consults a Dialect; no release has code of
// its own. Adding a release that changes the generator means adding one
// value to All.
package dialect

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Dialect is the output contract of one range of QEMU releases.
type Dialect struct {
	// Name is the first release of the range, as in "8.2".
	Name string
	// Releases describes the range for people: "QEMU 8.2".
	Releases string

	// What the release's generator accepted.

	// IntOnly: every wrapper returns int.
	IntOnly bool
	// NamePrefix, if set, starts every wrapper name ("bdrv_").
	NamePrefix string
	// CoAnywhereForbidden: a co wrapper name may not contain "_co_"
	// anywhere; otherwise only not right after the first word.
	CoAnywhereForbidden bool

	// What the release's generator wrote.

	// Includes are the headers block-gen.c includes, in order.
	Includes []string
	// IncludesEndLine: the last #include ends with a line break (8.0 on;
	// before, the first wrapper's blank lines follow it directly).
	IncludesEndLine bool
	// StructNamedAfterTarget: the argument struct is the CamelCase of the
	// coroutine function's name rather than the wrapper's.
	StructNamedAfterTarget bool
	// ResultInPollState: the coroutine's int result travels in
	// BdrvPollCo.ret and the wrapper returns bdrv_poll_co()'s value; the
	// struct has no ret member and the entry takes no lock (5.2 to 7.2).
	ResultInPollState bool
	// PollStateField is the BdrvPollCo member initialised from Context:
	// "bs" (to 7.2) or "ctx".
	PollStateField string
	// Context is the expression a co wrapper initialises PollStateField
	// with.
	Context Context
	// BHContext, if not nil, makes a no_co wrapper's bottom half hold the
	// AioContext of its first parameter around the call (8.1, 8.2).
	BHContext *Context
	// BHLockSlots: the bottom half has lines for the graph lock calls,
	// blank when the wrapper takes none (8.2 on).
	BHLockSlots bool
	// NoCoScheduleContext is where a no_co wrapper schedules its bottom
	// half.
	NoCoScheduleContext string

	// The graph lock calls, as printed without the ';'. A release whose
	// generator had no marker taking a lock has none.

	// CoReadLock and CoReadUnlock are the calls the coroutine entry of a
	// co wrapper whose marker ends in _bdrv_rdlock makes around its
	// target; AssumeReadLock is what a mixed one calls before it calls
	// its target directly, in coroutine context.
	CoReadLock, CoReadUnlock, AssumeReadLock string
	// ReadLock and ReadUnlock are the calls no_co_wrapper_bdrv_rdlock's
	// bottom half makes around its target, in the main loop.
	ReadLock, ReadUnlock string
	// WriteLock and WriteUnlock are the calls no_co_wrapper_bdrv_wrlock
	// makes around its target.
	WriteLock, WriteUnlock string
}

// Context is how a release derives an AioContext (or, to 7.2, a
// BlockDriverState) from a wrapper's first parameter.
type Context struct {
	// Fixed, if set, is the expression whatever the parameters are.
	Fixed string
	// Cases map the first parameter's type to an expression.
	Cases []ContextCase
	// Otherwise is the expression when no case matches; "" if the release
	// rejected such a wrapper.
	Otherwise string
}

// ContextCase is the expression for one first-parameter type.
type ContextCase struct {
	// Type is the parameter's canonical type, as in "BdrvChild *".
	Type string
	// Expr has %s where the parameter goes: "bdrv_get_aio_context(%s->bs)".
	Expr string
	// Name, if set, is the parameter name the release's template wrote
	// whatever the parameter was really called.
	Name string
}

// Case returns the case for a first parameter of type typ.
func (c *Context) Case(typ string) (ContextCase, bool) {
	for _, cc := range c.Cases {
		if cc.Type == typ {
			return cc, true
		}
	}
	return ContextCase{}, false
}

// ContextFor returns the context the templates of d derive for a wrapper
// of kind k: a co wrapper's poll state, a no_co wrapper's bottom half (nil
// where the release's bottom half took none). It is the one place that
// choice is made.
func (d *Dialect) ContextFor(k model.Kind) *Context {
	if k == model.NoCo {
		return d.BHContext
	}
	return &d.Context
}

// Choose returns what c gives for a wrapper whose parameters are params:
// the expression, with %s where a parameter goes; the name of the
// parameter that goes there ("" if none does); the case of the first
// parameter's type (zero if none matched); and whether the release
// accepted such a wrapper: not if no case matched and there is no
// Otherwise, nor if the case hard-codes a name the first parameter does
// not have. A nil c (no context) gives "" and accepts every wrapper.
func (c *Context) Choose(params []model.Param) (expr, param string, cc ContextCase, ok bool) {
	switch {
	case c == nil:
		return "", "", cc, true
	case c.Fixed != "":
		return c.Fixed, "", cc, true
	}
	if len(params) > 0 {
		if cc, ok := c.Case(params[0].Type); ok {
			return cc.Expr, cmp.Or(cc.Name, params[0].Name), cc, cc.Name == "" || cc.Name == params[0].Name
		}
	}
	return c.Otherwise, "", cc, c.Otherwise != ""
}

// HasMarker reports whether the dialect's generator knew m, one of
// model.Markers: whether m is among Markers, by name. It is asked of
// every wrapper; comparing release numbers each time (knew) cost 40,000
// instructions on QEMU master's headers.
func (d *Dialect) HasMarker(m model.Marker) bool {
	return slices.ContainsFunc(d.Markers(), func(k model.Marker) bool { return k.Name == m.Name })
}

// knew reports whether the dialect's generator knew m: the release that
// introduced m is not later than the dialect's, and the one that removed
// it, if any, is.
func (d *Dialect) knew(m model.Marker) bool {
	return !Before(d.Name, m.Introduced) && (m.Removed == "" || Before(d.Name, m.Removed))
}

// Markers returns the markers the dialect's generator knew, in the order
// of model.Markers. The slice of a dialect of All is worked out once and
// shared: callers must not change it.
func (d *Dialect) Markers() []model.Marker {
	i := slices.Index(All, d)
	if i < 0 {
		return d.markers()
	}
	k := &known[i]
	k.Do(func() { k.markers = d.markers() })
	return k.markers
}

// known holds Markers of each dialect of All, by its index there, worked
// out the first time it is asked for: every file read and every wrapper
// checked asks, and the answer depends on the dialect alone. Working out
// every dialect's at once, when a run needs one, cost 63,000
// instructions; a map guarded by a mutex, 20,000 for 61 questions.
var known = make([]struct {
	sync.Once
	markers []model.Marker
}, len(All))

func (d *Dialect) markers() []model.Marker {
	var ms []model.Marker
	for _, m := range model.Markers {
		if d.knew(m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// Before reports whether release a (MAJOR.MINOR, as in Dialect.Name and
// model.Marker.Introduced) came before release b. Both must be releases.
func Before(a, b string) bool {
	amaj, amin, _ := release(a)
	bmaj, bmin, _ := release(b)
	return amaj < bmaj || (amaj == bmaj && amin < bmin)
}

var (
	includes52 = []string{"qemu/osdep.h", "block/coroutines.h", "block/block-gen.h", "block/block_int.h"}
	includes80 = append(slices.Clone(includes52), "block/dirty-bitmap.h")

	// The read lock calls, unchanged since 8.0 (co) and 8.2 (no_co).
	coReadLock, coReadUnlock, assumeReadLock = "bdrv_graph_co_rdlock()", "bdrv_graph_co_rdunlock()", "assume_graph_lock()"
	mainReadLock, mainReadUnlock             = "bdrv_graph_rdlock_main_loop()", "bdrv_graph_rdunlock_main_loop()"

	bsCase    = ContextCase{Type: "BlockDriverState *", Expr: "%s", Name: "bs"}
	childCase = ContextCase{Type: "BdrvChild *", Expr: "%s->bs", Name: "child"}
	blkCase   = ContextCase{Type: "BlockBackend *", Expr: "blk_bs(%s)", Name: "blk"}

	// The AioContext of the first parameter, by its type, with the
	// parameter named as 8.0 and 8.1 hard-coded it...
	ctxFixedNames = Context{
		Cases: []ContextCase{
			{Type: "BlockDriverState *", Expr: "bdrv_get_aio_context(%s)", Name: "bs"},
			{Type: "BdrvChild *", Expr: "bdrv_get_aio_context(%s->bs)", Name: "child"},
			{Type: "BlockBackend *", Expr: "blk_get_aio_context(%s)", Name: "blk"},
		},
		Otherwise: "qemu_get_aio_context()",
	}
	// ...and as 8.2 wrote it, with the parameter's real name.
	ctxRealNames = Context{
		Cases: []ContextCase{
			{Type: "BlockDriverState *", Expr: "bdrv_get_aio_context(%s)"},
			{Type: "BdrvChild *", Expr: "bdrv_get_aio_context(%s->bs)"},
			{Type: "BlockBackend *", Expr: "blk_get_aio_context(%s)"},
		},
		Otherwise: "qemu_get_aio_context()",
	}
)

// All lists the dialects, oldest first. Each holds from its Name up to the
// next one's.
var All = []*Dialect{
	{
		Name: "5.2", Releases: "QEMU 5.2 and 6.0",
		IntOnly: true, NamePrefix: "bdrv_",
		Includes: includes52, StructNamedAfterTarget: true, ResultInPollState: true,
		PollStateField: "bs", Context: Context{Cases: []ContextCase{bsCase, childCase}},
	},
	{
		Name: "6.1", Releases: "QEMU 6.1",
		IntOnly: true, CoAnywhereForbidden: true,
		Includes: includes52, StructNamedAfterTarget: true, ResultInPollState: true,
		PollStateField: "bs", Context: Context{Cases: []ContextCase{bsCase, childCase}},
	},
	{
		Name: "6.2", Releases: "QEMU 6.2 to 7.2",
		IntOnly: true, CoAnywhereForbidden: true,
		Includes: includes52, StructNamedAfterTarget: true, ResultInPollState: true,
		PollStateField: "bs", Context: Context{Cases: []ContextCase{bsCase, childCase, blkCase}},
	},
	{
		Name: "8.0", Releases: "QEMU 8.0", CoAnywhereForbidden: true,
		Includes: includes80, IncludesEndLine: true,
		PollStateField: "ctx", Context: ctxFixedNames,
		NoCoScheduleContext: "qemu_get_aio_context()",
		CoReadLock:          coReadLock, CoReadUnlock: coReadUnlock, AssumeReadLock: assumeReadLock,
	},
	{
		Name: "8.1", Releases: "QEMU 8.1", CoAnywhereForbidden: true,
		Includes: includes80, IncludesEndLine: true,
		PollStateField: "ctx", Context: ctxFixedNames, BHContext: &ctxFixedNames,
		NoCoScheduleContext: "qemu_get_aio_context()",
		CoReadLock:          coReadLock, CoReadUnlock: coReadUnlock, AssumeReadLock: assumeReadLock,
	},
	{
		Name: "8.2", Releases: "QEMU 8.2", CoAnywhereForbidden: true,
		Includes: includes80, IncludesEndLine: true,
		PollStateField: "ctx", Context: ctxRealNames, BHContext: &ctxRealNames, BHLockSlots: true,
		NoCoScheduleContext: "qemu_get_aio_context()",
		CoReadLock:          coReadLock, CoReadUnlock: coReadUnlock, AssumeReadLock: assumeReadLock,
		ReadLock: mainReadLock, ReadUnlock: mainReadUnlock,
		WriteLock: "bdrv_graph_wrlock(NULL)", WriteUnlock: "bdrv_graph_wrunlock(NULL)",
	},
	{
		Name: "9.0", Releases: "QEMU 9.0 and later", CoAnywhereForbidden: true,
		Includes: includes80, IncludesEndLine: true,
		PollStateField: "ctx", Context: Context{Fixed: "qemu_get_current_aio_context()"}, BHLockSlots: true,
		NoCoScheduleContext: "qemu_get_aio_context()",
		CoReadLock:          coReadLock, CoReadUnlock: coReadUnlock, AssumeReadLock: assumeReadLock,
		ReadLock: mainReadLock, ReadUnlock: mainReadUnlock,
		WriteLock: "bdrv_graph_wrlock()", WriteUnlock: "bdrv_graph_wrunlock()",
	},
}

// Current is the dialect of QEMU 9.0 and every release since: the default.
var Current = All[len(All)-1]

// ForVersion returns the dialect of a QEMU version as QEMU spells it:
// "7.2.0", "8.1", "10.2.50". A development version X.Y.50 or later
// belongs to the release after X.Y.
func ForVersion(version string) (*Dialect, error) {
	major, minor, ok := release(version)
	if !ok {
		return nil, fmt.Errorf("%q is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)", version)
	}
	rel := fmt.Sprintf("%d.%d", major, minor)
	if Before(rel, All[0].Name) {
		return nil, fmt.Errorf("QEMU %s has no block-coroutine-wrapper: the generator came with QEMU %s", version, All[0].Name)
	}
	d := All[0]
	for _, cand := range All {
		if !Before(rel, cand.Name) {
			d = cand
		}
	}
	return d, nil
}

// release returns the release a version belongs to: X.Y for X.Y and X.Y.Z
// with Z < 50; for a development version X.Y.50 and later, the release
// after X.Y (QEMU releases X.0, X.1 and X.2 each year since 5.0).
func release(version string) (major, minor int, ok bool) {
	first, rest, ok1 := strings.Cut(version, ".")
	second, third, ok2 := strings.Cut(rest, ".")
	major, okMajor := number(first)
	minor, okMinor := number(second)
	if !ok1 || !okMajor || !okMinor {
		return 0, 0, false
	}
	if !ok2 {
		return major, minor, true
	}
	micro, ok := number(third)
	switch {
	case !ok:
		return 0, 0, false
	case micro < 50:
		return major, minor, true
	case minor >= 2:
		return major + 1, 0, true
	}
	return major, minor + 1, true
}

// number reads a number that is not negative and has no leading zero.
func number(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && (len(s) == 1 || s[0] != '0')
}

// Lifted returns the first release after d whose generator accepts what
// accepts says it does, "" if none does: the release that lifted one of
// d's restrictions. The answer is read from All, the one table of what
// each release accepted, so no message can name a release of its own.
func (d *Dialect) Lifted(accepts func(*Dialect) bool) string {
	for _, later := range All[slices.Index(All, d)+1:] {
		if accepts(later) {
			return later.Name
		}
	}
	return ""
}
