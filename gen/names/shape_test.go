package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/template"
)

// TestUsesOfTheShape holds the uses Fill gives a wrapper of every shape in
// every dialect (its shape's, recorded once for a stand-in without
// parameters, named by model.Wrapper.Named) to what template.Write names for that very
// wrapper, with its parameters and its own names: the names of the code
// depend on nothing but the shape, and the renaming misses none.
func TestUsesOfTheShape(t *testing.T) {
	bs := model.Param{Type: "BlockDriverState *", Name: "bs", Decl: "BlockDriverState *bs", Member: "BlockDriverState *bs"}
	child := model.Param{Type: "BdrvChild *", Name: "child", Decl: "BdrvChild *child", Member: "BdrvChild *child"}
	blk := model.Param{Type: "BlockBackend *", Name: "blk", Decl: "BlockBackend *blk", Member: "BlockBackend *blk"}
	buf := model.Param{Type: "uint8_t *", Name: "buf", Decl: "uint8_t buf[16]", Member: "uint8_t *buf"}
	n := 0
	for _, d := range dialect.All {
		q := NewQEMUNames(d)
		for _, m := range d.Markers() {
			for _, ret := range []string{"int", "void", "BlockDriverState *"} {
				for _, params := range [][]model.Param{nil, {bs}, {child, buf}, {blk, buf, bs}, {buf}} {
					w := &model.Wrapper{Marker: m, ReturnType: ret, Name: "blk_pread", Params: params}
					if m.Kind == model.NoCo {
						w.Name = "bdrv_co_do_open"
					}
					Fill(d, w)

					// The uses recorded afresh, for w itself.
					fresh := *w
					fresh.Context, _, _, _ = d.ContextFor(w.Kind).Choose(w.Params)
					var r recorder
					template.Write(&r, d, &fresh)

					named := make([]model.Use, len(w.Uses))
					for i, u := range w.Uses {
						named[i] = w.Named(u)
						// The pre-test of check (MayUse) holds every use.
						if !q.MayUse(w, named[i].Name) {
							t.Errorf("%s %s %s %v: MayUse(%s) is false, but the code uses it", d.Name, m.Name, ret, params, named[i].Name)
						}
					}
					if diff := cmp.Diff(set(r.uses), set(named)); diff != "" || len(named) != len(r.uses) {
						t.Errorf("%s %s %s %v: Fill's uses are not those recorded for the wrapper itself (-recorded +Fill):\n%s", d.Name, m.Name, ret, params, diff)
					}
					n++
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d wrappers tried", n)
	}
}

func set(uses []model.Use) map[model.Use]bool {
	s := make(map[model.Use]bool, len(uses))
	for _, u := range uses {
		s[u] = true
	}
	return s
}
