package template_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
	"github.com/bcwtool/block-coroutine-wrapper/gen/template"
)

// sink keeps what Write gives it.
type sink struct {
	text  strings.Builder
	names []model.Use
	exprs []string
}

func (s *sink) Text(t string)         { s.text.WriteString(t) }
func (s *sink) Name(u model.Use)      { s.names = append(s.names, u) }
func (s *sink) Expr(e string, _ bool) { s.exprs = append(s.exprs, e) }

// TestWriteIsAppend writes a wrapper of every shape in every dialect both
// ways and holds Write's text to Append's bytes: what package names
// records is what package emit prints. Write panics on a name of a
// template's text that role does not know, so this also shows that every
// name of every template is known.
func TestWriteIsAppend(t *testing.T) {
	for _, d := range dialect.All {
		for _, w := range shapes(d) {
			var s sink
			template.Write(&s, d, w)
			if got, want := s.text.String(), string(template.Append(nil, d, w)); got != want {
				t.Errorf("%s %s: Write's text is not Append's:\n%s\n---\n%s", d.Name, w.Marker.Name, got, want)
			}
		}
	}
}

// TestWriteNames pins the names Write gives for the text around the
// names, with role and scope: members of the argument struct after s->,
// s. or a designator's '.', QEMU's members after one of those left out,
// and the wrapper function's body apart.
func TestWriteNames(t *testing.T) {
	d, _ := dialect.ForVersion("8.1")
	m, _ := model.LookupMarker("no_co_wrapper")
	w := &model.Wrapper{Marker: m, ReturnType: "int", Name: "bdrv_co_x",
		Params: []model.Param{{Type: "BlockDriverState *", Name: "bs", Decl: "BlockDriverState *bs", Member: "BlockDriverState *bs"}}}
	names.Fill(d, w)
	var s sink
	template.Write(&s, d, w)
	var got []string
	for _, u := range s.names {
		got = append(got, fmt.Sprintf("%s %v %v", u.Name, u.Role, u.Body))
	}
	want := []string{
		"Coroutine type false", "co struct member false", "ret struct member false",
		"opaque local variable false", "BdrvCoX the struct false", "s local variable false", "opaque local variable false",
		"AioContext type false", "ctx local variable false",
		"aio_context_acquire function false", "ctx local variable false",
		"s local variable false", "ret struct member false", "bdrv_x the target false", "s local variable false",
		"aio_context_release function false", "ctx local variable false",
		"aio_co_wake function false", "s local variable false", "co struct member false",
		"coroutine_fn macro false",
		"BdrvCoX the struct true", "s local variable true",
		"co struct member false", "qemu_coroutine_self function true",
		"assert macro true", "qemu_in_coroutine function true",
		"aio_bh_schedule_oneshot function true", "bdrv_x_bh the bottom half true", "s local variable true",
		"qemu_coroutine_yield function true",
		"s local variable true", "ret struct member false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Write names\n%q\nwant\n%q", got, want)
	}
	if want := []string{"bdrv_get_aio_context(s->bs)", "qemu_get_aio_context()"}; !slices.Equal(s.exprs, want) {
		t.Errorf("Write's expressions %q, want %q", s.exprs, want)
	}
}

// TestAppendAllocatesNothing holds Append to printing into the buffer it
// is given: the pieces it converts to any stay on the stack.
func TestAppendAllocatesNothing(t *testing.T) {
	d := dialect.Current
	ws := shapes(d)
	buf := make([]byte, 0, 1<<16)
	if n := testing.AllocsPerRun(10, func() {
		buf = buf[:0]
		for _, w := range ws {
			buf = template.Append(buf, d, w)
		}
	}); n != 0 {
		t.Errorf("Append allocates %v times for %d wrappers", n, len(ws))
	}
}

// BenchmarkAppend prints a wrapper of every shape of the current dialect.
func BenchmarkAppend(b *testing.B) {
	d := dialect.Current
	ws := shapes(d)
	buf := make([]byte, 0, 1<<16)
	b.ReportAllocs()
	for range b.N {
		buf = buf[:0]
		for _, w := range ws {
			buf = template.Append(buf, d, w)
		}
	}
	b.SetBytes(int64(len(buf)))
}
