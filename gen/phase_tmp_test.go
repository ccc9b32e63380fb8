package gen_test

import (
	"io"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

func TestPhasesTmp(t *testing.T) {
	src := synthetic(100000)
	best := func(f func()) time.Duration {
		b := time.Hour
		for range 3 {
			s := time.Now()
			f()
			b = min(b, time.Since(s))
		}
		return b
	}
	mb := float64(len(src)) / 1e6
	lex := best(func() {
		var d diag.List
		l := clex.New("x", src, &d)
		for l.Next().Kind != clex.EOF {
		}
	})
	prs := best(func() {
		var d diag.List
		parse.File(clex.New("x", src, &d), &d, parse.Sink{Wrapper: func(*parse.Decl) {}, Function: func(parse.Span) {}})
	})
	var r *gen.Result
	all := best(func() { r = gen.Generate([]gen.Input{{Name: "x", Src: src}}, dialect.Current) })
	em := best(func() { r.Write(io.Discard) })
	t.Logf("%.1f MB: lex %v (%.0f MB/s), parse %v, generate %v, emit %v", mb, lex, mb/lex.Seconds(), prs, all, em)
}
