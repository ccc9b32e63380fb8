package model

import (
	"strings"
	"testing"
)

func TestMarkersHoldTheStem(t *testing.T) {
	for _, m := range Markers {
		if !strings.Contains(m.Name, MarkerStem) {
			t.Errorf("marker %s does not contain %q: --scan's quick test would skip files declaring it", m.Name, MarkerStem)
		}
		if got, ok := LookupMarker(m.Name); !ok || got != m {
			t.Errorf("LookupMarker(%s) = %v, %v", m.Name, got, ok)
		}
	}
	if _, ok := LookupMarker("co_wrapper_mixd"); ok {
		t.Error("LookupMarker found a misspelt marker")
	}
}

func TestCamelCase(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"bdrv_co_pread", "BdrvCoPread"},
		{"blk_co_pwrite_zeroes", "BlkCoPwriteZeroes"},
		{"bdrv_x2_y", "BdrvX2Y"},
		{"CO_7", "CO7"},
		{"x", "X"},
	} {
		if got := CamelCase(tc.name); got != tc.want {
			t.Errorf("CamelCase(%q) = %q, want %q", tc.name, got, tc.want)
		}
		// In two pieces, cut at every byte: the same.
		for i := range len(tc.name) {
			var b strings.Builder
			WriteCamelCase(&b, tc.name[:i], tc.name[i:])
			if got := b.String(); got != tc.want {
				t.Errorf("WriteCamelCase(%q, %q) = %q, want %q", tc.name[:i], tc.name[i:], got, tc.want)
			}
		}
	}
}

func TestExclusive(t *testing.T) {
	ifA := Condition{ID: 1, Lines: []string{"#ifdef A"}}
	elseA := Condition{ID: 1, Lines: []string{"#ifdef A", "#else"}}
	ifB := Condition{ID: 2, Lines: []string{"#ifdef B"}}
	for _, tc := range []struct {
		name string
		a, b []Condition
		want bool
	}{
		{"both outside", nil, nil, false},
		{"one outside", []Condition{ifA}, nil, false},
		{"same branch", []Condition{ifA}, []Condition{ifA}, false},
		{"two branches", []Condition{ifA}, []Condition{elseA}, true},
		{"other groups", []Condition{ifA}, []Condition{ifB}, false},
		{"nested in two branches", []Condition{ifA, ifB}, []Condition{elseA}, true},
	} {
		if got := Exclusive(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: Exclusive = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A renamed marker's new name is a marker of the same shape that came
// when the old one went, so that a fix-it to it changes nothing else.
func TestRenamedTo(t *testing.T) {
	for _, m := range Markers {
		if m.RenamedTo == "" {
			continue
		}
		n, ok := LookupMarker(m.RenamedTo)
		switch {
		case !ok:
			t.Errorf("%s was renamed %s, which is no marker", m.Name, m.RenamedTo)
		case n.Kind != m.Kind || n.Mixed != m.Mixed || n.Lock != m.Lock:
			t.Errorf("%s was renamed %s, a marker of another shape", m.Name, m.RenamedTo)
		case m.Removed == "" || n.Introduced != m.Removed:
			t.Errorf("%s was renamed %s, but it went in %q and the new name came in %s", m.Name, m.RenamedTo, m.Removed, n.Introduced)
		}
	}
}
