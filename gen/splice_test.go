package gen_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// TestSplicedDuplicate: "bdrv_\<newline>a" is the identifier bdrv_a to a
// compiler, so declaring it next to bdrv_a is a duplicate wrapper. Before
// the parser read identifiers without their splices, both were generated
// and block-gen.c defined bdrv_a twice.
func TestSplicedDuplicate(t *testing.T) {
	src := "int co_wrapper bdrv_a(int n);\nint co_wrapper bdrv_\\\na(int n);\n"
	r := gen.Generate([]gen.Input{{Name: "a.h", Src: []byte(src)}}, dialect.Current)
	var got []string
	for _, d := range r.Diags.Items() {
		got = append(got, d.Format())
	}
	want := []string{"a.h:2:16: error: duplicate wrapper 'bdrv_a'\na.h:1:16: note: 'bdrv_a' is declared here\n"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if r.OK() {
		t.Error("output generated despite the duplicate")
	}
}
