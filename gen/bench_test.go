package gen_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// synthetic returns a header declaring n wrappers in QEMU's style, cycling
// through every marker, with the function each calls and one more
// declaration beside each, as in a real header. With docs, each wrapper has
// a doc comment as block-io.h's have (100,000 wrappers make about 50 MB);
// without, a one-line comment.
func synthetic(n int, docs bool) []byte {
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
		if docs {
			fmt.Fprintf(&b, "/*\n * %s_%d:\n * @child: the child the request goes to\n * @offset: where the request starts, in bytes\n *\n * Returns 0 on success, -errno on failure.\n */\n", m.prefix, i)
		} else {
			fmt.Fprintf(&b, "/*\n * Wrapper number %d.\n */\n", i)
		}
		fmt.Fprintf(&b, "%s %s\n%s_%d(BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags);\n\n", m.ret, m.marker, m.prefix, i)
		// The function the wrapper calls, declared as QEMU's headers do.
		target, co := fmt.Sprintf("bdrv_co_syn_%d", i), " coroutine_fn GRAPH_RDLOCK"
		if strings.HasPrefix(m.prefix, "bdrv_co_") {
			target, co = fmt.Sprintf("bdrv_syn_%d", i), ""
		}
		fmt.Fprintf(&b, "%s%s\n%s(BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags);\n\n", strings.TrimSuffix(m.ret, " coroutine_fn"), co, target)
		fmt.Fprintf(&b, "int coroutine_fn GRAPH_RDLOCK bdrv_other_%d(BlockDriverState *bs);\n\n", i)
	}
	b.WriteString("#endif /* SYN_H */\n")
	return []byte(b.String())
}

// BenchmarkGenerate generates block-gen.c from synthetic headers of 1,000,
// 10,000 and 100,000 wrappers; the ns/wrapper figure should stay flat
// (linear growth). The real job is far smaller (QEMU's 56 wrappers): this
// measures how the cost grows, not what a build pays.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		src := synthetic(n, true)
		b.Run(fmt.Sprintf("wrappers=%d", n), func(b *testing.B) {
			benchGenerate(b, []gen.Input{{Name: "syn.h", Src: src}}, dialect.Current)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/wrapper")
		})
	}
}

// BenchmarkReference generates each release's reference example in its
// dialect: inputs of the size of a real job.
func BenchmarkReference(b *testing.B) {
	for _, d := range dialect.All {
		b.Run(d.Name, func(b *testing.B) {
			benchGenerate(b, readExample(b, filepath.Join(referenceDir, "qemu-"+d.Name)), d)
		})
	}
}

func benchGenerate(b *testing.B, inputs []gen.Input, d *dialect.Dialect) {
	var size int64
	for _, in := range inputs {
		size += int64(len(in.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r := gen.Generate(inputs, d)
		if r.Bytes() == nil {
			b.Fatal(r.Diags.Items())
		}
	}
}

// TestSynthetic checks that the benchmark input is what it claims: valid,
// with no warnings, every marker used.
func TestSynthetic(t *testing.T) {
	for _, docs := range []bool{true, false} {
		src := synthetic(700, docs)
		r := gen.Generate([]gen.Input{{Name: "syn.h", Src: src}}, dialect.Current)
		if r.Diags.Len() != 0 {
			t.Fatal(r.Diags.Items())
		}
		if got := strings.Count(string(r.Bytes()), " * Wrappers for "); got != 700 {
			t.Errorf("generated %d wrappers, want 700", got)
		}
		// 100,000 wrappers with docs are about 50 MB, as specified.
		if perWrapper := len(src) / 700; docs && (perWrapper < 450 || perWrapper > 550) {
			t.Errorf("%d bytes a wrapper with docs, want about 500", perWrapper)
		}
	}
}

// BenchmarkPhases splits the generation of 10,000 wrappers into its steps,
// so that a change can be traced to one: the lexer alone, the parser
// (lexing included), Generate (parsing and every check), and the emitter.
func BenchmarkPhases(b *testing.B) {
	src := synthetic(10000, true)
	b.Run("lex", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			var d diag.List
			l := clex.New("syn.h", src, &d)
			for l.Next().Kind != clex.EOF {
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var d diag.List
			parse.Read("syn.h", src, &d)
		}
	})
	inputs := []gen.Input{{Name: "syn.h", Src: src}}
	b.Run("check", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if r := gen.Generate(inputs, dialect.Current); !r.OK() {
				b.Fatal(r.Diags.Items())
			}
		}
	})
	r := gen.Generate(inputs, dialect.Current)
	b.Run("emit", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			r.Bytes()
		}
	})
}
