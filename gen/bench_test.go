package gen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// synthetic returns a header declaring n wrappers in QEMU's style, cycling
// through every marker, with comments and ordinary declarations between
// them as in a real header.
func synthetic(n int) []byte {
	markers := []struct{ ret, marker, prefix string }{
		{"int", "co_wrapper", "bdrv_syn"},
		{"int", "co_wrapper_mixed", "bdrv_syn"},
		{"int64_t", "co_wrapper_bdrv_rdlock", "bdrv_syn"},
		{"int", "co_wrapper_mixed_bdrv_rdlock", "bdrv_syn"},
		{"BlockDriverState * coroutine_fn", "no_co_wrapper", "bdrv_co_syn"},
		{"int coroutine_fn", "no_co_wrapper_bdrv_rdlock", "bdrv_co_syn"},
		{"void coroutine_fn", "no_co_wrapper_bdrv_wrlock", "bdrv_co_syn"},
	}
	var b strings.Builder
	b.WriteString("/* A synthetic header for benchmarks. */\n#ifndef SYN_H\n#define SYN_H\n\n")
	for i := range n {
		m := markers[i%len(markers)]
		fmt.Fprintf(&b, "/*\n * Wrapper number %d.\n */\n", i)
		fmt.Fprintf(&b, "%s %s\n%s_%d(BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags);\n\n", m.ret, m.marker, m.prefix, i)
		fmt.Fprintf(&b, "int coroutine_fn GRAPH_RDLOCK bdrv_other_%d(BlockDriverState *bs);\n\n", i)
	}
	b.WriteString("#endif /* SYN_H */\n")
	return []byte(b.String())
}

func BenchmarkGenerate10k(b *testing.B) {
	src := synthetic(10000)
	inputs := []gen.Input{{Name: "syn.h", Src: src}}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r := gen.Generate(inputs, dialect.Current)
		if r.Diags.HasErrors() {
			b.Fatal(r.Diags.Items())
		}
	}
}

func TestSynthetic(t *testing.T) {
	r := gen.Generate([]gen.Input{{Name: "syn.h", Src: synthetic(70)}}, dialect.Current)
	if r.Diags.Len() != 0 {
		t.Fatal(r.Diags.Items())
	}
	if got := strings.Count(string(r.Output), " * Wrappers for "); got != 70 {
		t.Errorf("generated %d wrappers, want 70", got)
	}
}
