package parse

import (
	"math/rand/v2"
	"testing"
)

// TestEditDistanceLimit holds editDistance, which works out only the
// cells near the diagonal, to the whole table: the same distance when it
// is within the limit, and some number above the limit otherwise.
func TestEditDistanceLimit(t *testing.T) {
	full := func(a, b string) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			}
		}
		return d[len(a)][len(b)]
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = "abc_"[r.IntN(4)]
		}
		return string(b)
	}
	words := []string{"", "co_wrapper", "co_wrapper_mixed", "co_wraper", "no_co_wrapper", "cowrapper_mixd"}
	for range 3000 {
		words = append(words, word())
	}
	for k := 0; k+1 < len(words); k++ {
		a, b := words[k], words[len(words)-1-k]
		want := full(a, b)
		for _, limit := range []int{0, 1, 2, 3, 1 << 30} {
			got := editDistance(a, b, limit)
			if want <= limit && got != want || want > limit && got <= limit {
				t.Fatalf("editDistance(%q, %q, %d) = %d, the whole table says %d", a, b, limit, got, want)
			}
		}
	}
}
