package clex

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestNextField holds nextField to bytes.Fields, whose split the include
// guard detection used to make, on random bytes rich in white space.
func TestNextField(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\v", "\f", "\r", "a", "B_", "\u00a0", "\u2028", "\x85", "\xff", "é", "#"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		want := bytes.Fields(b)
		first, rest := nextField(string(b))
		second, _ := nextField(rest)
		var got [][]byte
		if first != "" {
			got = append(got, []byte(first))
			if second != "" {
				got = append(got, []byte(second))
			}
		}
		if len(want) > 2 {
			want = want[:2]
		}
		if len(got) != len(want) || len(got) > 0 && !bytes.Equal(got[0], want[0]) || len(got) > 1 && !bytes.Equal(got[1], want[1]) {
			t.Fatalf("%q: nextField gives %q, bytes.Fields %q", b, got, want)
		}
	}
}
