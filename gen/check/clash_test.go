package check

import (
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
)

func param(typ, name string) *model.Param {
	decl := typ + name
	if !strings.HasSuffix(typ, "*") {
		decl = typ + " " + name
	}
	return &model.Param{Type: typ, Name: name, Decl: decl, Member: decl}
}

// named returns a wrapper of marker m (bdrv_x, or bdrv_co_x for a no_co
// one) with first, if any, as its only parameter, named for d.
func named(d *dialect.Dialect, m string, first *model.Param) *model.Wrapper {
	mk, ok := model.LookupMarker(m)
	if !ok {
		panic("no marker " + m)
	}
	w := &model.Wrapper{Marker: mk, ReturnType: "int", Name: "bdrv_x"}
	if mk.Kind == model.NoCo {
		w.Name = "bdrv_co_x"
	}
	if first != nil {
		w.Params = []model.Param{*first}
	}
	names.Fill(d, w)
	return w
}

// TestParamClash shows the rule on names whose C scoping is not obvious;
// the goldens testdata/dialects/params-generated-names-*.txtar (compiled by gcc)
// and testdata/error-generated-names-*.txtar hold the same cases.
func TestParamClash(t *testing.T) {
	d52, _ := dialect.ForVersion("5.2")
	d62, _ := dialect.ForVersion("6.2")
	d82, _ := dialect.ForVersion("8.2")
	cur := dialect.Current
	assertFn := &model.Param{Type: "int (*)(void)", Name: "assert", Decl: "int assert(void)", Member: "int (*assert)(void)"}
	if _, clash := paramClash(named(cur, "co_wrapper", nil), assertFn); !clash {
		t.Errorf("%s: the '(' after the name calls the macro assert", assertFn.Decl)
	}
	for _, tc := range []struct {
		d      *dialect.Dialect
		m      string
		first  *model.Param
		name   string
		clash  bool
		reason string
	}{
		{cur, "co_wrapper", nil, "s", true, "the local 's' in the wrapper's body"},
		{cur, "co_wrapper", nil, "ret", true, "a member"},
		{d52, "generated_co_wrapper", param("BlockDriverState *", "bs"), "ret", false, "5.2 keeps the result in BdrvPollCo"},
		{cur, "co_wrapper", nil, "bdrv_co_x", false, "only the entry calls the target"},
		{cur, "co_wrapper_mixed", nil, "bdrv_co_x", true, "the mixed wrapper calls its target"},
		{cur, "co_wrapper", nil, "bdrv_x", false, "the wrapper never names itself"},
		{cur, "co_wrapper", nil, "assert", false, "a function-like macro"},
		{cur, "co_wrapper", nil, "aio_wait_kick", false, "only the entry calls it"},
		{cur, "co_wrapper", nil, "qemu_get_current_aio_context", true, "the context expression"},
		{cur, "co_wrapper", nil, "blk_bs", false, "only 6.2 calls it"},
		{d62, "generated_co_wrapper", param("BlockBackend *", "blk"), "blk_bs", true, "6.2's context of a BlockBackend"},
		{d62, "generated_co_wrapper", param("BlockDriverState *", "bs"), "blk_bs", false, "6.2's context of a node"},
		{cur, "no_co_wrapper", nil, "bdrv_poll_co", false, "only co wrappers poll"},
		{cur, "no_co_wrapper", nil, "qemu_get_current_aio_context", false, "only co wrappers"},
		{cur, "no_co_wrapper", nil, "qemu_get_aio_context", true, "where the bottom half is scheduled"},
		{cur, "no_co_wrapper", nil, "NULL", true, "an object-like macro of the headers"},
		{cur, "no_co_wrapper", nil, "coroutine_fn", true, "an object-like macro in the signature"},
		{cur, "no_co_wrapper", nil, "ctx", false, "the bottom half's local, out of the parameters' scope"},
		{cur, "co_wrapper_mixed_bdrv_rdlock", nil, "assume_graph_lock", true, "the mixed wrapper's body assumes the lock"},
		{cur, "co_wrapper_bdrv_rdlock", nil, "assume_graph_lock", false, "only a mixed wrapper assumes the lock"},
		{cur, "co_wrapper_bdrv_rdlock", nil, "bdrv_graph_co_rdlock", false, "the entry takes the lock, out of the parameters' scope"},
		{d82, "no_co_wrapper_bdrv_wrlock", nil, "NULL", true, "8.2's write lock passes NULL"},
	} {
		w := named(tc.d, tc.m, tc.first)
		_, clash := paramClash(w, param("int", tc.name))
		if clash != tc.clash {
			t.Errorf("%s %s: parameter %s: clash %v, want %v (%s)", tc.d.Name, tc.m, tc.name, clash, tc.clash, tc.reason)
		}
	}
}

// TestFreeName holds the fix-it's name clear of the generated code's names
// and of the other parameters.
func TestFreeName(t *testing.T) {
	for _, tc := range []struct {
		params []string
		want   string
	}{
		{[]string{"s"}, "s_arg"},
		{[]string{"s", "s_arg"}, "s_arg2"},
		{[]string{"s", "s_arg", "s_arg2"}, "s_arg3"},
		{[]string{"ret"}, "ret_arg"},
	} {
		w := named(dialect.Current, "co_wrapper", nil)
		for _, n := range tc.params {
			w.Params = append(w.Params, *param("int", n))
		}
		if got := freeName(w, &w.Params[0]); got != tc.want {
			t.Errorf("parameters %v: freeName = %q, want %q", tc.params, got, tc.want)
		}
	}
}

// TestContextOK holds the first-parameter rule to the dialects' context
// data: what each release's templates could derive a context from.
func TestContextOK(t *testing.T) {
	for _, tc := range []struct {
		release, marker string
		first           *model.Param
		ok              bool
	}{
		{"5.2", "generated_co_wrapper", param("BlockDriverState *", "bs"), true},
		{"5.2", "generated_co_wrapper", param("BlockDriverState *", "node"), false},
		{"5.2", "generated_co_wrapper", param("BlockBackend *", "blk"), false},
		{"6.2", "generated_co_wrapper", param("BlockBackend *", "blk"), true},
		{"6.2", "generated_co_wrapper", nil, false},
		{"8.0", "co_wrapper", param("const char *", "filename"), true},
		{"8.0", "co_wrapper", param("BdrvChild *", "c"), false},
		{"8.0", "no_co_wrapper", param("BdrvChild *", "c"), true},
		{"8.1", "no_co_wrapper", param("BdrvChild *", "c"), false},
		{"8.2", "no_co_wrapper", param("BdrvChild *", "c"), true},
		{"9.0", "co_wrapper", nil, true},
	} {
		d, _ := dialect.ForVersion(tc.release)
		if got := contextOK(named(d, tc.marker, tc.first), d); got != tc.ok {
			t.Errorf("%s %s(%v): contextOK = %v, want %v", tc.release, tc.marker, tc.first, got, tc.ok)
		}
	}
}
