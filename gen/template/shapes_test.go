package template_test

import (
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
)

// shapes returns a wrapper of every shape d's generator writes, named by
// names.Fill: each marker; int, void and pointer results; every first
// parameter that selects a context, one that selects none, and none, each
// followed by two more parameters.
func shapes(d *dialect.Dialect) []*model.Wrapper {
	var ws []*model.Wrapper
	results := []string{"int", "void", "BlockDriverState *"}
	if d.IntOnly {
		results = results[:1]
	}
	for _, m := range d.Markers() {
		for _, ret := range results {
			for _, first := range firstParams(d, m.Kind) {
				w := &model.Wrapper{Marker: m, ReturnType: ret, Name: "bdrv_x"}
				if m.Kind == model.NoCo {
					w.Name = "bdrv_co_x"
				}
				if first != nil {
					w.Params = append(w.Params, *first, *param("int64_t", "offset"), *param("void *", "buf"))
				}
				names.Fill(d, w)
				ws = append(ws, w)
			}
		}
	}
	return ws
}

// firstParams returns the first parameters to try for a wrapper of kind
// in d: one of each type that selects a context, named as the dialect
// needs, then (where the dialect allows it) one that selects none and no
// parameters at all.
func firstParams(d *dialect.Dialect, kind model.Kind) []*model.Param {
	c := d.ContextFor(kind)
	var firsts []*model.Param
	if c != nil {
		for _, cc := range c.Cases {
			name := cc.Name
			if name == "" {
				name = "node"
			}
			firsts = append(firsts, param(cc.Type, name))
		}
	}
	if c == nil || c.Fixed != "" || c.Otherwise != "" {
		firsts = append(firsts, param("const char *", "filename"), nil)
	}
	return firsts
}

func param(typ, name string) *model.Param {
	decl := typ + name
	if !strings.HasSuffix(typ, "*") {
		decl = typ + " " + name
	}
	return &model.Param{Type: typ, Name: name, Decl: decl, Member: decl}
}
