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

// TestRenamed holds each rename to a marker that the renaming release
// introduced, of the same shape, so that the fix-it it offers is right.
func TestRenamed(t *testing.T) {
	renames := 0
	for _, m := range Markers {
		if m.Renamed == "" {
			continue
		}
		renames++
		to, ok := LookupMarker(m.Renamed)
		switch {
		case !ok:
			t.Errorf("%s: renamed %s, which is no marker", m.Name, m.Renamed)
		case m.Removed == "" || to.Introduced != m.Removed:
			t.Errorf("%s: removed in %q but renamed %s, introduced in %s", m.Name, m.Removed, to.Name, to.Introduced)
		case to.Kind != m.Kind || to.Mixed != m.Mixed || to.Lock != m.Lock:
			t.Errorf("%s: renamed %s, a marker of another shape", m.Name, to.Name)
		}
	}
	if renames == 0 {
		t.Error("no marker is renamed: generated_co_wrapper became co_wrapper_mixed in QEMU 8.0")
	}
}

func TestWordLists(t *testing.T) {
	if !IsCoroutineAnnotation(CoroutineFn) || IsCoroutineAnnotation("coroutine") {
		t.Error("IsCoroutineAnnotation does not read CoroutineAnnotations")
	}
	seen := map[string]bool{}
	for _, sc := range StorageClasses {
		if seen[sc.Name] {
			t.Errorf("storage class %s listed twice", sc.Name)
		}
		seen[sc.Name] = true
		if got, ok := LookupStorageClass(sc.Name); !ok || got != sc {
			t.Errorf("LookupStorageClass(%s) = %v, %v", sc.Name, got, ok)
		}
	}
	if sc, ok := LookupStorageClass("extern"); !ok || !sc.OfFunction {
		t.Error("extern is a storage class of functions")
	}
	if _, ok := LookupStorageClass("const"); ok {
		t.Error("const is a qualifier, not a storage class")
	}
}
