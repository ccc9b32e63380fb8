package clex

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// TestTooLarge holds New's limit to what a Token can hold without a file
// of 2 GiB: the check itself, on sizes around MaxSize.
func TestTooLarge(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string // the diagnostic, "" for none
	}{
		{0, ""},
		{MaxSize - 1, ""},
		{MaxSize, "big.h: error: cannot read the file: it is 2147483647 bytes long, and a file must be shorter than 2147483647 bytes (2 GiB)\n"},
	} {
		var diags diag.List
		refused := tooLarge("big.h", tt.n, &diags)
		got := ""
		for _, d := range diags.Items() {
			got += d.Format()
		}
		if refused != (tt.want != "") || got != tt.want {
			t.Errorf("tooLarge(%d) = %v, %q; want %q", tt.n, refused, got, tt.want)
		}
	}
}
