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
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
)

// BenchmarkGenerate generates block-gen.c from synthetic headers of 1,000,
// 10,000 and 100,000 wrappers; the ns/wrapper figure should stay flat
// (linear growth). The real job is far smaller (QEMU's 56 wrappers): this
// measures how the cost grows, not what a build pays.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		src := synth.Header(n, "syn")
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
// with no warnings, every marker used, about 500 bytes a wrapper.
func TestSynthetic(t *testing.T) {
	src := synth.Header(700, "syn")
	r := gen.Generate([]gen.Input{{Name: "syn.h", Src: src}}, dialect.Current)
	if r.Diags.Len() != 0 {
		t.Fatal(r.Diags.Items())
	}
	if got := strings.Count(string(r.Bytes()), " * Wrappers for "); got != 700 {
		t.Errorf("generated %d wrappers, want 700", got)
	}
	if perWrapper := len(src) / 700; perWrapper < 450 || perWrapper > 550 {
		t.Errorf("%d bytes a wrapper, want about 500", perWrapper)
	}
}

// BenchmarkPhases splits the generation of 10,000 wrappers into its steps,
// so that a change can be traced to one: the lexer alone, the parser
// (lexing included), Generate (parsing and every check), and the emitter.
func BenchmarkPhases(b *testing.B) {
	src := synth.Header(10000, "syn")
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
			parse.Read("syn.h", src, nil, &d)
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
