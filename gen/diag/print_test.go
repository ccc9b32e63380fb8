package diag

import "testing"

// TestLineOf holds the printer to reading a line from Pos.LineStart,
// without splitting the file into lines, and to falling back to the split
// where the position has no usable LineStart.
func TestLineOf(t *testing.T) {
	src := []byte("first\nsecond\r\nthird\rfourth")
	for _, tc := range []struct {
		pos   Pos
		want  string
		split bool // the file had to be split into lines
	}{
		{Pos{File: "f.h", Line: 2, Col: 1, LineStart: 6}, "second", false},
		{Pos{File: "f.h", Line: 3, Col: 2, LineStart: 14}, "third", false},
		{Pos{File: "f.h", Line: 4, Col: 1, LineStart: 20}, "fourth", false},
		{Pos{File: "f.h", Line: 1, Col: 1}, "first", true},
		{Pos{File: "f.h", Line: 3, Col: 1}, "third", true},
		// Not a line start: the lines are counted instead.
		{Pos{File: "f.h", Line: 2, Col: 1, LineStart: 7}, "second", true},
		{Pos{File: "f.h", Line: 2, Col: 1, LineStart: 99}, "second", true},
	} {
		p := &Printer{Source: func(string) []byte { return src }}
		got, ok := p.lineOf(tc.pos)
		if !ok || string(got) != tc.want {
			t.Errorf("lineOf(%+v) = %q, %v; want %q", tc.pos, got, ok, tc.want)
		}
		if split := p.lines != nil; split != tc.split {
			t.Errorf("lineOf(%+v) split the file: %v, want %v", tc.pos, split, tc.split)
		}
	}
}
