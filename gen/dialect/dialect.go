// Package dialect describes, as data, how each QEMU release's generator
// wrote block-gen.c: the markers it knew, the headers it included, and the
// calls its templates made. The emitter consults a Dialect; it holds no
// per-release code of its own.
package dialect

import "slices"

// Dialect is the output contract of one range of QEMU releases.
type Dialect struct {
	// Name is the first release of the range, as in "9.0".
	Name string
	// Releases describes the range for people: "QEMU 9.0 and later".
	Releases string
	// Markers are the marker names the release's generator knew.
	Markers []string
	// Includes are the headers block-gen.c includes, in order.
	Includes []string
	// CoContext is the AioContext expression every co wrapper polls in.
	CoContext string
	// NoCoScheduleContext is the AioContext a no_co wrapper schedules its
	// bottom half in.
	NoCoScheduleContext string
	// WriteLock and WriteUnlock are the calls a no_co wrapper with
	// no_co_wrapper_bdrv_wrlock makes around its target.
	WriteLock, WriteUnlock string
}

// HasMarker reports whether the dialect knows the marker called name.
func (d *Dialect) HasMarker(name string) bool { return slices.Contains(d.Markers, name) }

// Current is the dialect of QEMU 9.0 and every release since: the default.
var Current = &Dialect{
	Name:     "9.0",
	Releases: "QEMU 9.0 and later",
	Markers: []string{
		"co_wrapper", "co_wrapper_mixed", "co_wrapper_bdrv_rdlock", "co_wrapper_mixed_bdrv_rdlock",
		"no_co_wrapper", "no_co_wrapper_bdrv_rdlock", "no_co_wrapper_bdrv_wrlock",
	},
	Includes: []string{
		"qemu/osdep.h", "block/coroutines.h", "block/block-gen.h", "block/block_int.h",
		"block/dirty-bitmap.h",
	},
	CoContext:           "qemu_get_current_aio_context()",
	NoCoScheduleContext: "qemu_get_aio_context()",
	WriteLock:           "bdrv_graph_wrlock()",
	WriteUnlock:         "bdrv_graph_wrunlock()",
}
