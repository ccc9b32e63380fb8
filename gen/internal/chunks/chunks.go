// Package chunks is storage for many small values that live as long as a
// run: elements are kept in chunks that never move, so that growing never
// copies what is stored, pointers to elements stay valid, and a million
// values cost a few hundred allocations instead of one each.
package chunks

import "iter"

// Chunks grow from minChunk elements by doubling up to maxChunk, so that
// short lists stay small and long ones waste little.
const (
	minChunk = 16
	maxChunk = 4096
)

// Arena hands out slices of zeroed elements. The zero value is ready to use.
type Arena[T any] struct {
	chunks [][]T
}

// Alloc returns n contiguous zero elements for the caller to fill in. The
// slice's capacity is n, so appending to it cannot overwrite a neighbour.
func (a *Arena[T]) Alloc(n int) []T {
	if n > maxChunk/4 {
		return make([]T, n) // a chunk of its own, not to waste the rest
	}
	if len(a.chunks) > 0 {
		last := &a.chunks[len(a.chunks)-1]
		if start := len(*last); start+n <= cap(*last) {
			*last = (*last)[:start+n]
			return (*last)[start : start+n : start+n]
		}
	}
	size := minChunk
	if len(a.chunks) > 0 {
		size = min(2*cap(a.chunks[len(a.chunks)-1]), maxChunk)
	}
	a.chunks = append(a.chunks, make([]T, n, max(size, n)))
	return a.chunks[len(a.chunks)-1][:n:n]
}

// List is an append-only list. The zero value is empty and ready to use.
type List[T any] struct {
	arena Arena[T]
}

// Add appends v and returns a pointer to the stored copy, valid for the
// life of the list.
func (l *List[T]) Add(v T) *T {
	s := l.arena.Alloc(1)
	s[0] = v
	return &s[0]
}

// All yields a pointer to each element, in the order added.
func (l *List[T]) All() iter.Seq[*T] {
	return func(yield func(*T) bool) {
		for _, c := range l.arena.chunks {
			for i := range c {
				if !yield(&c[i]) {
					return
				}
			}
		}
	}
}
