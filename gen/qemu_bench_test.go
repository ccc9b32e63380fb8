package gen_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
)

// BenchmarkQEMUPhases splits the in-memory work of a QEMU build's run into
// its steps, on QEMU's own seven headers read from the source tree that
// BCW_QEMU_SRC names (skipped without it: this repository holds no QEMU
// code). The whole process is BenchmarkQEMUHeaders in cmd/.
func BenchmarkQEMUPhases(b *testing.B) {
	src := os.Getenv("BCW_QEMU_SRC")
	if src == "" {
		b.Skip("BCW_QEMU_SRC names no QEMU source tree")
	}
	var inputs []gen.Input
	var size int64
	for _, h := range synth.QEMUHeaders {
		data, err := os.ReadFile(filepath.Join(src, h))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, gen.Input{Name: h, Src: data})
		size += int64(len(data))
	}
	b.Run("lex", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for range b.N {
			for _, in := range inputs {
				var d diag.List
				l := clex.New(in.Name, in.Src, &d)
				for l.Next().Kind != clex.EOF {
				}
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for range b.N {
			for _, in := range inputs {
				var d diag.List
				parse.Read(in.Name, in.Src, dialect.Current.Markers(), &d)
			}
		}
	})
	b.Run("generate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for range b.N {
			if r := gen.Generate(inputs, dialect.Current); !r.OK() {
				b.Fatal(r.Diags.Items())
			}
		}
	})
	r := gen.Generate(inputs, dialect.Current)
	b.Run("emit", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for range b.N {
			r.Bytes()
		}
	})
}
