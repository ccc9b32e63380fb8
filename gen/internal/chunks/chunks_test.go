package chunks

import (
	"testing"
)

func TestListKeepsOrderAndAddresses(t *testing.T) {
	for _, n := range []int{0, 1, minChunk, minChunk + 1, 3 * maxChunk, 3*maxChunk + 7} {
		var l List[int]
		ptrs := make([]*int, n)
		for i := range n {
			ptrs[i] = l.Add(i)
		}
		i := 0
		for p := range l.All() {
			if *p != i || p != ptrs[i] {
				t.Fatalf("n=%d: element %d is %d at %p, want %d at %p", n, i, *p, p, i, ptrs[i])
			}
			i++
		}
		if i != n {
			t.Fatalf("n=%d: All yielded %d elements", n, i)
		}
	}
}

func TestListAllStops(t *testing.T) {
	var l List[int]
	for i := range 100 {
		l.Add(i)
	}
	seen := 0
	for range l.All() {
		seen++
		if seen == 3 {
			break
		}
	}
	if seen != 3 {
		t.Errorf("saw %d elements after break at 3", seen)
	}
}

func TestArenaSlicesDoNotOverlap(t *testing.T) {
	var a Arena[int]
	var all [][]int
	for i, n := range []int{3, 0, 1, minChunk, 5, maxChunk / 4, maxChunk/4 + 1, 2 * maxChunk, 7, 9} {
		s := a.Alloc(n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("Alloc(%d): len %d cap %d", n, len(s), cap(s))
		}
		for j := range s {
			if s[j] != 0 {
				t.Fatalf("Alloc(%d) is not zeroed", n)
			}
			s[j] = i + 1
		}
		all = append(all, s)
	}
	for i, s := range all {
		for _, v := range s {
			if v != i+1 {
				t.Fatalf("slice %d was overwritten: holds %d", i, v)
			}
		}
	}
}

func BenchmarkListAdd(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var l List[[64]byte]
		for range 100000 {
			l.Add([64]byte{})
		}
	}
}
