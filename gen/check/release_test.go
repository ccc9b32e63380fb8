package check_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// TestReleaseRestrictions declares, for every dialect, what some release's
// generator refused, and holds each refusal to what the other dialects do:
// the release it names as accepting the declaration is the first later
// one that does, and a refusal that names none is one no later release
// lifted. CO stands for the dialect's mixed co marker; each probe breaks
// one restriction at most.
func TestReleaseRestrictions(t *testing.T) {
	probes := []string{
		"int64_t CO bdrv_x(BlockDriverState *bs);",
		"int CO blk_x(BlockDriverState *bs);",
		"int CO bdrv_x(BlockBackend *blk);",
		"int CO bdrv_x(BlockBackend *be);",
		"int CO bdrv_x(const char *filename);",
		"int CO bdrv_x(void);",
		"int CO bdrv_x(BlockDriverState *node);",
		"int CO bdrv_x(BdrvChild *c);",
		"int co_wrapper bdrv_x(BlockDriverState *bs);",
		"int co_wrapper_mixed bdrv_x(BlockDriverState *bs);",
		"int generated_co_wrapper bdrv_x(BlockDriverState *bs);",
		"int no_co_wrapper bdrv_co_x(BlockDriverState *bs);",
		"int no_co_wrapper bdrv_co_x(BlockDriverState *node);",
		"int no_co_wrapper_bdrv_rdlock bdrv_co_x(BlockDriverState *bs);",
		"int no_co_wrapper_bdrv_wrlock bdrv_co_x(BlockDriverState *bs);",
	}
	named := regexp.MustCompile(`\(accepted from QEMU ([0-9.]+) on\)$`)
	// refusal returns the dialect's error of kind diag.Release for the
	// probe, "" if there is none.
	refusal := func(probe string, d *dialect.Dialect) string {
		co := "co_wrapper_mixed"
		if !d.HasMarker(mustMarker(t, co)) {
			co = "generated_co_wrapper"
		}
		src := strings.Replace(probe, "CO", co, 1) + "\n"
		r := gen.Generate([]gen.Input{{Name: "p.h", Src: []byte(src)}}, d)
		for _, it := range r.Diags.Items() {
			if it.ID == diag.Release {
				return it.Msg
			}
		}
		return ""
	}
	refusals := 0
	for _, probe := range probes {
		for i, d := range dialect.All {
			msg := refusal(probe, d)
			if msg == "" {
				continue
			}
			refusals++
			want := ""
			for _, later := range dialect.All[i+1:] {
				if refusal(probe, later) == "" {
					want = later.Name
					break
				}
			}
			got := ""
			if m := named.FindStringSubmatch(msg); m != nil {
				got = m[1]
			}
			if got != want {
				t.Errorf("--qemu %s, %s: names release %q, want %q:\n%s", d.Name, probe, got, want, msg)
			}
		}
	}
	if refusals < 20 {
		t.Errorf("only %d refusals: the probes no longer test the restrictions", refusals)
	}
}

func mustMarker(t *testing.T, name string) model.Marker {
	m, ok := model.LookupMarker(name)
	if !ok {
		t.Fatalf("no marker %s", name)
	}
	return m
}
