package parse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// suggestion returns the fix-it that Read offers for the misspelt marker
// in a declaration, generating for dialect d ("" if none), and the
// message.
func suggestion(t *testing.T, d *dialect.Dialect, marker string) (fix, msg string) {
	t.Helper()
	var diags diag.List
	parse.Read("s.h", []byte("int "+marker+" bdrv_s(BlockDriverState *bs);\n"), d.Markers(), &diags)
	items := diags.Items()
	if len(items) != 1 || items[0].ID != diag.UnknownMarker {
		t.Fatalf("%s under %s: got %v, want one unknown-marker error", marker, d.Name, items)
	}
	if len(items[0].Fixits) > 0 {
		fix = items[0].Fixits[0].Text
	}
	return fix, items[0].Msg
}

// TestSuggestionsPerDialect is the table of what a misspelt marker is
// taken for, per dialect: always a marker that release accepts, the
// closest counting a missing or repeated word as one edit. A row holds
// the suggestion of each dialect in dialect.All's order: 5.2, 6.1, 6.2,
// 8.0, 8.1, 8.2, 9.0.
func TestSuggestionsPerDialect(t *testing.T) {
	const (
		gen   = "generated_co_wrapper"
		co    = "co_wrapper"
		mixed = "co_wrapper_mixed"
		rd    = "co_wrapper_bdrv_rdlock"
		mrd   = "co_wrapper_mixed_bdrv_rdlock"
		noco  = "no_co_wrapper"
		nrd   = "no_co_wrapper_bdrv_rdlock"
		nwr   = "no_co_wrapper_bdrv_wrlock"
	)
	tests := []struct {
		misspelt string
		want     [7]string
	}{
		// The two: a letter dropped from the old marker is the
		// old marker while it exists, then its new name; never no_co.
		{"generated_co_wraper", [7]string{gen, gen, gen, mixed, mixed, mixed, mixed}},
		{"co_wrapper_mixed_rdlock", [7]string{gen, gen, gen, mrd, mrd, mrd, mrd}},
		{"co_wraper", [7]string{gen, gen, gen, co, co, co, co}},
		{"co_wrapper_mixd", [7]string{gen, gen, gen, mixed, mixed, mixed, mixed}},
		{"co_wrapper_wrapper", [7]string{gen, gen, gen, co, co, co, co}},
		{"co_wrapper_rdlock", [7]string{gen, gen, gen, rd, rd, rd, rd}},
		{"no_co_wrapper_rdlock", [7]string{gen, gen, gen, noco, noco, nrd, nrd}},
		{"no_co_wrapper_bdrv_wrlok", [7]string{gen, gen, gen, noco, noco, nwr, nwr}},
		{"nocowrapper", [7]string{gen, gen, gen, noco, noco, noco, noco}},
		{"generated_coroutine_wrapper", [7]string{gen, gen, gen, mixed, mixed, mixed, mixed}},
		// The word order is wrong: the reason, and the marker meant where
		// the release has it.
		{"co_wrapper_bdrv_rdlock_mixed", [7]string{gen, gen, gen, mrd, mrd, mrd, mrd}},
	}
	for _, tc := range tests {
		for i, d := range dialect.All {
			t.Run(fmt.Sprintf("%s/%s", tc.misspelt, d.Name), func(t *testing.T) {
				fix, msg := suggestion(t, d, tc.misspelt)
				if fix != tc.want[i] {
					t.Errorf("fix-it %q (%s), want %q", fix, msg, tc.want[i])
				}
				if !d.HasMarker(mustMarker(t, fix)) {
					t.Errorf("suggests %s, which %s does not accept", fix, d.Releases)
				}
				if !strings.Contains(msg, "'"+fix+"'") {
					t.Errorf("message %q does not name the fix-it %s", msg, fix)
				}
			})
		}
	}
}

// TestBadCombinationsNeedNoRelease: marker words no release combines get
// the reason under every dialect, and no fix-it.
func TestBadCombinationsNeedNoRelease(t *testing.T) {
	for _, tc := range []struct{ marker, why string }{
		{"co_wrapper_bdrv_rdlock_bdrv_wrlock", "read lock or the write lock, not both"},
		{"co_wrapper_bdrv_wrlock", "only no_co_wrapper_bdrv_wrlock does"},
		{"no_co_wrapper_mixed", "no_co wrappers cannot be mixed"},
	} {
		for _, d := range dialect.All {
			fix, msg := suggestion(t, d, tc.marker)
			if fix != "" || !strings.Contains(msg, tc.why) {
				t.Errorf("%s under %s: %q with fix-it %q, want the reason %q", tc.marker, d.Name, msg, fix, tc.why)
			}
		}
	}
}

func mustMarker(t *testing.T, name string) model.Marker {
	t.Helper()
	m, ok := model.LookupMarker(name)
	if !ok {
		t.Fatalf("%q is no marker", name)
	}
	return m
}
