package gen

import (
	"fmt"
	"testing"
)

// TestNameFilter checks that the filter never forgets a name it holds, and
// that it does turn most other names away (or it saves nothing).
func TestNameFilter(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 100000} {
		f := newNameFilter(n)
		for i := range n {
			f.add(fmt.Sprintf("bdrv_co_syn_%d", i))
		}
		for i := range n {
			if name := fmt.Sprintf("bdrv_co_syn_%d", i); !f.mayHave(name) {
				t.Fatalf("n=%d: the filter lost %q", n, name)
			}
		}
		maybe := 0
		for i := range 10000 {
			if f.mayHave(fmt.Sprintf("bdrv_other_%d", i)) {
				maybe++
			}
		}
		if maybe > 1000 {
			t.Errorf("n=%d: %d of 10000 other names pass the filter", n, maybe)
		}
	}
}
