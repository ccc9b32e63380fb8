// Package synth makes synthetic inputs for benchmarks and stress tests:
// headers of many wrappers written as QEMU writes them, and source trees
// the size and shape of QEMU's include/ and block/ directories.
//
// Everything is derived from the arguments: the same arguments give the
// same bytes.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Header returns a header declaring n valid wrappers of the current
// dialect, cycling through its markers (and, apart, through a few return
// types), each with a doc comment as
// block-io.h's have, the function it calls and one more declaration; a
// dead "#if 0" group and an include guard around them. 100,000 wrappers
// make about 50 MB. Different tags give different wrapper names, and so
// different outputs.
func Header(n int, tag string) []byte {
	markers := dialect.Current.Markers()
	returns := []string{"int", "int64_t", "BlockDriverState *", "void"}
	var b strings.Builder
	fmt.Fprintf(&b, "/* Synthetic header %q. */\n#ifndef SYN_H\n#define SYN_H\n\n#if 0\nint co_wrapper bdrv_dead(int n);\n#endif\n\n", tag)
	for i := range n {
		m, ret := markers[i%len(markers)], returns[i%len(returns)]
		// A co wrapper bdrv_X calls the coroutine_fn bdrv_co_X; a no_co
		// wrapper bdrv_co_X, itself coroutine_fn, calls bdrv_X.
		wrapper, target := fmt.Sprintf("bdrv_%s_%d", tag, i), fmt.Sprintf("bdrv_co_%s_%d", tag, i)
		wrapperAttrs, targetAttrs := "", " coroutine_fn GRAPH_RDLOCK"
		if m.Kind == model.NoCo {
			wrapper, target = target, wrapper
			wrapperAttrs, targetAttrs = " coroutine_fn", ""
		}
		fmt.Fprintf(&b, "/*\n * %s:\n * @child: the child the request goes to\n * @offset: where the request starts, in bytes\n *\n * Returns 0 on success, -errno on failure.\n */\n", wrapper)
		fmt.Fprintf(&b, "%s%s %s\n%s(BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags);\n", ret, wrapperAttrs, m.Name, wrapper)
		// The function the wrapper calls, as QEMU's headers declare it.
		fmt.Fprintf(&b, "%s%s %s(BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags);\n", ret, targetAttrs, target)
		fmt.Fprintf(&b, "int coroutine_fn GRAPH_RDLOCK bdrv_other_%d(BlockDriverState *bs);\n\n", i)
	}
	b.WriteString("#endif /* SYN_H */\n")
	return []byte(b.String())
}

// TreeStats describes a tree Tree made.
type TreeStats struct {
	Files, Annotated, Dirs int
	Bytes                  int64
}

// Tree writes under root a source tree shaped like QEMU's include/ and
// block/: files .h and .c files of about size bytes each in 40
// directories, every annotatedEvery-th of which declares wrappers (a few,
// as QEMU's block headers do). The others hold what QEMU's hold: doc
// comments, macros, struct definitions, function declarations and static
// inline functions; one in fifty mentions a marker only in a comment or
// a #define, as block-common.h does, so that the quick byte test lets
// them through to the parser.
func Tree(root string, files, size, annotatedEvery int) (TreeStats, error) {
	var st TreeStats
	dirs := map[string]bool{}
	for i := range files {
		dir := filepath.Join(root, fmt.Sprintf("d%02d", i%40))
		name := fmt.Sprintf("f%04d.h", i)
		if i%3 == 2 {
			name = fmt.Sprintf("f%04d.c", i)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "/*\n * Synthetic file %d.\n *\n * SPDX-License-Identifier: GPL-2.0-or-later\n */\n\n#ifndef F%04d_H\n#define F%04d_H\n\n#include \"qemu/osdep.h\"\n\n", i, i, i)
		if i%50 == 25 {
			b.WriteString("/* Wrappers are declared with co_wrapper and its relatives. */\n#define co_wrapper\n\n")
		}
		if annotatedEvery > 0 && i%annotatedEvery == 0 {
			fmt.Fprintf(&b, "int co_wrapper_mixed_bdrv_rdlock bdrv_f%d_read(BdrvChild *child, int64_t offset,\n    int64_t bytes, void *buf, BdrvRequestFlags flags);\n\n", i)
			fmt.Fprintf(&b, "int coroutine_fn GRAPH_RDLOCK bdrv_co_f%d_read(BdrvChild *child, int64_t offset,\n    int64_t bytes, void *buf, BdrvRequestFlags flags);\n\n", i)
			st.Annotated++
		}
		for k := 0; b.Len() < size; k++ {
			switch k % 4 {
			case 0:
				fmt.Fprintf(&b, "/**\n * f%d_fn%d:\n * @bs: the node\n * @flags: what to do\n *\n * Does part %d of the work. Returns 0 on success, -errno on failure.\n */\nint coroutine_fn GRAPH_RDLOCK f%d_fn%d(BlockDriverState *bs, int flags);\n\n", i, k, k, i, k)
			case 1:
				fmt.Fprintf(&b, "typedef struct F%dState%d {\n    BlockDriverState *bs;\n    uint64_t offset;\n    QLIST_ENTRY(F%dState%d) next;\n} F%dState%d;\n\n", i, k, i, k, i, k)
			case 2:
				fmt.Fprintf(&b, "#define F%d_FLAG%d (1ULL << %d)\n#define F%d_MASK%d \\\n    (F%d_FLAG%d | 0x%x)\n\n", i, k, k%64, i, k, i, k, k)
			case 3:
				fmt.Fprintf(&b, "static inline int f%d_helper%d(const F%dState%d *s, int64_t n)\n{\n    if (n < 0) {\n        return -EINVAL; /* \"negative\" */\n    }\n    return s->offset + n > INT64_MAX ? -ERANGE : 0;\n}\n\n", i, k, i, k-2)
			}
		}
		b.WriteString("#endif\n")
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return st, err
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o666); err != nil {
			return st, err
		}
		dirs[dir] = true
		st.Files++
		st.Bytes += int64(b.Len())
	}
	st.Dirs = len(dirs)
	return st, nil
}

// QEMUHeaders are QEMU master's seven annotated headers, by their paths in
// a QEMU source tree, in the order its block/meson.build passes them to
// the generator: the real job's inputs, for the benchmarks that read them
// from a QEMU tree and the tests that lay out a tree of that shape.
var QEMUHeaders = []string{
	"include/block/block-io.h",
	"include/block/dirty-bitmap.h",
	"include/block/block_int-io.h",
	"include/block/block-global-state.h",
	"include/system/block-backend-global-state.h",
	"include/system/block-backend-io.h",
	"block/coroutines.h",
}
