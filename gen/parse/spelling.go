package parse

import (
	"fmt"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// isMarker reports whether id is a marker of any release. It is asked of
// every long identifier of a file, so it first tests the length, then the
// first byte, then looks for the stem (0.14M instructions on QEMU's seven
// headers with the stem alone, most of them spent on identifiers that
// the first two tests turn away).
func isMarker(id string) bool {
	return markerLengths&lengthBit(id) != 0 && isMarkerOfLength(id)
}

// isMarkerOfLength is isMarker for an id as long as a marker.
func isMarkerOfLength(id string) bool {
	if !markerFirst[id[0]] || !strings.Contains(id, model.MarkerStem) {
		return false
	}
	_, ok := model.LookupMarker(id)
	return ok
}

// markerFirst holds the first bytes of the markers: "BlockDriverState"
// is as long as "co_wrapper_mixed", and the commonest identifiers of a
// marker's length start otherwise.
var markerFirst = func() (first [256]bool) {
	for _, m := range model.Markers {
		first[m.Name[0]] = true
	}
	return first
}()

// markerLengths is the set of the lengths of the markers (see
// lengthBit).
var markerLengths = func() (bits uint64) {
	for _, m := range model.Markers {
		bits |= lengthBit(m.Name)
	}
	return bits
}()

// mightBeMarker reports whether an identifier looks enough like a marker
// to be a misspelling of one: it mentions "wrapper", starts like a marker,
// or is within two letters of one. Which markers it might be, and so what
// is suggested, depends on the release (suggest); whether it is taken for
// one does not, so that --scan finds the same files for every release.
func mightBeMarker(id string) bool {
	// Every way in below needs "co", "wr" or "ap": one pass over id
	// turns away most specifiers before the slower tests.
	if len(id) < 8 || len(id) > 40 || !hasMarkerPair(id) {
		return false
	}
	if strings.Contains(id, "wrapper") || strings.HasPrefix(id, "co_wrap") || strings.HasPrefix(id, "no_co_wrap") {
		return true
	}
	if isCoroutineAnnotation(id) {
		return false
	}
	for _, m := range model.Markers {
		if abs(len(m.Name)-len(id)) <= 2 && editDistance(id, m.Name, 2) <= 2 {
			return true
		}
	}
	return false
}

// hasMarkerPair reports whether id contains "co", "wr" or "ap".
func hasMarkerPair(id string) bool {
	for i := 1; i < len(id); i++ {
		switch id[i] {
		case 'o':
			if id[i-1] == 'c' {
				return true
			}
		case 'r':
			if id[i-1] == 'w' {
				return true
			}
		case 'p':
			if id[i-1] == 'a' {
				return true
			}
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// suggest explains why id is not a marker of the release whose markers are
// known (nil: every marker of any release). A combination of marker words
// that no release accepts gets the reason; anything else the closest of
// known, or the new name of a renamed marker it is closest to, by
// distance. fix is the marker to write instead, if one is known.
func suggest(id string, known []model.Marker) (why, fix string) {
	if known == nil {
		known = model.Markers
	}
	has := func(name string) bool {
		for _, m := range known {
			if m.Name == name {
				return true
			}
		}
		return false
	}
	if why, fix := badCombination(id); why != "" && (fix == "" || has(fix)) {
		return ": " + why, fix
	}
	// The candidates: each known marker under its name, and each renamed
	// marker under its old name, standing for its new one.
	type candidate struct{ spelling, marker string }
	var cands []candidate
	for _, m := range known {
		cands = append(cands, candidate{m.Name, m.Name})
	}
	for _, m := range model.Markers {
		if m.RenamedTo != "" && !has(m.Name) && has(m.RenamedTo) {
			cands = append(cands, candidate{m.Name, m.RenamedTo})
		}
	}
	var best candidate
	bestDist := distance{1 << 30, 1 << 30}
	for _, c := range cands {
		if d := distanceTo(id, c.spelling); d.less(bestDist) {
			best, bestDist = c, d
		}
	}
	if best.spelling != best.marker {
		m, _ := model.LookupMarker(best.spelling)
		return fmt.Sprintf("; did you mean '%s' (called '%s' before QEMU %s)?", best.marker, best.spelling, m.Removed), best.marker
	}
	return fmt.Sprintf("; did you mean '%s'?", best.marker), best.marker
}

// distance is how far a misspelling is from a marker: edits, each of a
// letter or of a whole '_'-separated word, whichever count is smaller,
// then letter edits alone to break ties.
type distance struct{ edits, letters int }

func (d distance) less(e distance) bool {
	return d.edits < e.edits || d.edits == e.edits && d.letters < e.letters
}

// distanceTo returns the distance from id to the marker name. Counted in
// words, a missing or repeated word ("co_wrapper_mixed_rdlock" for
// "co_wrapper_mixed_bdrv_rdlock") is one edit, fewer than a word replaced
// by another of similar letters ("co_wrapper_bdrv_rdlock").
func distanceTo(id, name string) distance {
	letters := editDistance(id, name, 1<<30)
	return distance{min(letters, wordDistance(strings.Split(id, "_"), strings.Split(name, "_"))), letters}
}

// wordDistance is the Levenshtein distance between two word lists where
// inserting or deleting a word costs 1 and replacing one word by another
// costs the letters that differ between them.
func wordDistance(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+editDistance(a[i-1], b[j-1], 1<<30))
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// grammar is how the markers are built from words, read from
// model.Markers: each kind's plain marker is its base ("co_wrapper",
// "no_co_wrapper"), and the rest of a marker's name after its base is the
// words of its features: "_mixed" for Mixed, "_bdrv_rdlock" and
// "_bdrv_wrlock" for the locks.
var grammar = func() (g struct {
	base  map[model.Kind]string
	mixed string
	lock  map[model.Lock]string
}) {
	g.base, g.lock = map[model.Kind]string{}, map[model.Lock]string{}
	for _, m := range model.Markers {
		if m.Removed == "" && !m.Mixed && m.Lock == model.NoLock {
			g.base[m.Kind] = m.Name
		}
	}
	for _, m := range model.Markers {
		rest, ok := strings.CutPrefix(m.Name, g.base[m.Kind])
		if m.Removed != "" || !ok || rest == "" {
			continue
		}
		switch {
		case m.Mixed && m.Lock == model.NoLock:
			g.mixed = rest
		case !m.Mixed && m.Lock != model.NoLock:
			g.lock[m.Lock] = rest
		}
	}
	return g
}()

// badCombination returns why id, built from the words of the markers (a
// base, then at most once each the words of a feature; see grammar), is
// not a marker, and the marker meant if that is clear; "" if id is not
// built that way.
func badCombination(id string) (why, fix string) {
	var kind model.Kind
	var rest string
	found := false
	for k, base := range grammar.base {
		// The longest base that id starts with: "no_co_wrapper" holds
		// no other base as a prefix, but let no map order decide.
		if r, ok := strings.CutPrefix(id, base); ok && (!found || len(r) < len(rest)) {
			kind, rest, found = k, r, true
		}
	}
	if !found {
		return "", ""
	}
	mixed, locks, ordered := false, map[model.Lock]bool{}, true
words:
	for rest != "" {
		if strings.HasPrefix(rest, grammar.mixed) && !mixed {
			mixed, ordered = true, ordered && len(locks) == 0
			rest = rest[len(grammar.mixed):]
			continue
		}
		for l, w := range grammar.lock {
			if strings.HasPrefix(rest, w) && !locks[l] {
				locks[l], rest = true, rest[len(w):]
				continue words
			}
		}
		return "", ""
	}
	rd, wr := locks[model.ReadLock], locks[model.WriteLock]
	switch {
	case rd && wr:
		return "a wrapper takes the graph read lock or the write lock, not both", ""
	case kind == model.Co && wr:
		return fmt.Sprintf("co wrappers cannot take the graph write lock; only %s does", grammar.base[model.NoCo]+grammar.lock[model.WriteLock]), ""
	case kind == model.NoCo && mixed:
		return "no_co wrappers cannot be mixed: they are only called in coroutine context", ""
	case !ordered:
		meant := grammar.base[kind] + grammar.mixed
		for l, w := range grammar.lock {
			if locks[l] {
				meant += w // one lock: both are refused above
			}
		}
		return fmt.Sprintf("'%s' comes before the lock; did you mean '%s'?", grammar.mixed, meant), meant
	}
	return "", ""
}

// editDistance is the Levenshtein distance between a and b, in bytes, if
// it is at most limit; otherwise some number above limit, found as soon
// as every way of editing a prefix of a costs more. Only the cells of
// the table within limit of its diagonal are worked out: the others are
// above limit anyway (mightBeMarker's limit of 2 left 17 calls costing
// 30K instructions on QEMU's headers when the whole table was).
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// Rows for a marker's length live on the stack.
	var rows [2][48]int
	prev, cur := rows[0][:], rows[1][:]
	if len(b) >= len(rows[0]) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	above := limit + 1 // stands for any cost above limit
	for j := range prev {
		prev[j] = min(j, above)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[lo-1] = above
		if lo == 1 {
			cur[0] = min(i, above)
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = above
		}
		if best > limit {
			return best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
