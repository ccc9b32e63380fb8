package parse

import (
	"testing"
	"unsafe"
)

// TestSpanSize keeps Span small: a run holds one for every function
// declaration of every input.
func TestSpanSize(t *testing.T) {
	if size := unsafe.Sizeof(Span{}); size > 40 {
		t.Errorf("a Span takes %d bytes", size)
	}
}
