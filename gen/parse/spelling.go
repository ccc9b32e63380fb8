package parse

import (
	"fmt"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// isMarker reports whether id is a marker of any release. It is asked of
// every identifier of a file, so it looks for the stem first.
func isMarker(id string) bool {
	if !strings.Contains(id, model.MarkerStem) {
		return false
	}
	_, ok := model.LookupMarker(id)
	return ok
}

// mightBeMarker reports whether an identifier looks enough like a marker
// to be a misspelling of one: it mentions "wrapper", starts like a marker,
// or is within two edits of one.
func mightBeMarker(id string) bool {
	if len(id) < 8 || len(id) > 40 {
		return false
	}
	if strings.Contains(id, "wrapper") || strings.HasPrefix(id, "co_wrap") || strings.HasPrefix(id, "no_co_wrap") {
		return true
	}
	if !strings.Contains(id, "co") && !strings.Contains(id, "wr") && !strings.Contains(id, "ap") {
		return false
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// suggest explains why id is not a marker: a combination of marker words
// that no release accepts gets the reason, anything else the closest
// current marker. fix is the marker to write instead, if one is known.
func suggest(id string) (why, fix string) {
	if why, fix := badCombination(id); why != "" {
		return ": " + why, fix
	}
	best, bestDist := "", 1<<30
	for _, m := range model.Markers {
		if m.Removed != "" {
			continue
		}
		if d := editDistance(id, m.Name, bestDist); d < bestDist {
			best, bestDist = m.Name, d
		}
	}
	return fmt.Sprintf("; did you mean '%s'?", best), best
}

// badCombination returns why id, built from the words of the markers
// ("co_wrapper", "no_co_wrapper", "_mixed", "_bdrv_rdlock", "_bdrv_wrlock"),
// is not a marker, and the marker meant if that is clear; "" if id is not
// built that way.
func badCombination(id string) (why, fix string) {
	kind := model.Co
	rest, ok := strings.CutPrefix(id, "no_co_wrapper")
	if ok {
		kind = model.NoCo
	} else if rest, ok = strings.CutPrefix(id, "co_wrapper"); !ok {
		return "", ""
	}
	var mixed, rd, wr, ordered = false, false, false, true
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "_mixed") && !mixed:
			mixed, ordered = true, ordered && !rd && !wr
			rest = rest[len("_mixed"):]
		case strings.HasPrefix(rest, "_bdrv_rdlock") && !rd:
			rd, rest = true, rest[len("_bdrv_rdlock"):]
		case strings.HasPrefix(rest, "_bdrv_wrlock") && !wr:
			wr, rest = true, rest[len("_bdrv_wrlock"):]
		default:
			return "", ""
		}
	}
	switch {
	case rd && wr:
		return "a wrapper takes the graph read lock or the write lock, not both", ""
	case kind == model.Co && wr:
		return "co wrappers cannot take the graph write lock; only no_co_wrapper_bdrv_wrlock does", ""
	case kind == model.NoCo && mixed:
		return "no_co wrappers cannot be mixed: they are only called in coroutine context", ""
	case !ordered:
		return "'_mixed' comes before the lock; did you mean 'co_wrapper_mixed_bdrv_rdlock'?", "co_wrapper_mixed_bdrv_rdlock"
	}
	return "", ""
}

// editDistance is the Levenshtein distance between a and b, in bytes, if
// it is at most limit; otherwise some number above limit, found as soon
// as every way of editing a prefix of a costs more.
func editDistance(a, b string, limit int) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return best
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
