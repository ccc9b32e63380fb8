package dialect_test

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

func TestForVersion(t *testing.T) {
	for _, tc := range []struct{ version, want string }{
		{"5.1.50", "5.2"}, // the 5.2 development cycle
		{"5.2", "5.2"},
		{"5.2.0", "5.2"},
		{"6.0.1", "5.2"},
		{"6.0.50", "6.1"},
		{"6.1.0", "6.1"},
		{"6.1.50", "6.2"},
		{"6.2.0", "6.2"},
		{"7.0", "6.2"},
		{"7.2.19", "6.2"},
		{"7.2.50", "8.0"}, // after 7.2 comes 8.0
		{"8.0.4", "8.0"},
		{"8.0.50", "8.1"},
		{"8.1", "8.1"},
		{"8.1.50", "8.2"},
		{"8.2.2", "8.2"},
		{"8.2.50", "9.0"},
		{"9.0.0", "9.0"},
		{"10.2.50", "9.0"},
		{"42.1", "9.0"},
	} {
		d, err := dialect.ForVersion(tc.version)
		if err != nil {
			t.Errorf("ForVersion(%q): %v", tc.version, err)
			continue
		}
		if d.Name != tc.want {
			t.Errorf("ForVersion(%q) = %s, want %s", tc.version, d.Name, tc.want)
		}
	}
}

func TestForVersionErrors(t *testing.T) {
	for _, tc := range []struct{ version, want string }{
		{"5.1", `QEMU 5.1 has no block-coroutine-wrapper: the generator came with QEMU 5.2`},
		{"4.2.1", `QEMU 4.2.1 has no block-coroutine-wrapper: the generator came with QEMU 5.2`},
		{"8", `"8" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
		{"8.x", `"8.x" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
		{"v8.2", `"v8.2" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
		{"8.2.0.1", `"8.2.0.1" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
		{"", `"" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
	} {
		_, err := dialect.ForVersion(tc.version)
		if err == nil || err.Error() != tc.want {
			t.Errorf("ForVersion(%q) error = %v, want %s", tc.version, err, tc.want)
		}
	}
}

// TestDialectsAreOrdered keeps All sorted and every dialect reachable by
// its own name.
func TestDialectsAreOrdered(t *testing.T) {
	for i, d := range dialect.All {
		got, err := dialect.ForVersion(d.Name)
		if err != nil || got != d {
			t.Errorf("ForVersion(%s) = %v, %v; want dialect %d", d.Name, got, err, i)
		}
	}
	if dialect.Current != dialect.All[len(dialect.All)-1] {
		t.Error("Current is not the newest dialect")
	}
}

// TestMarkers pins how many markers each dialect's generator knew, as
// derived from model.Markers: only generated_co_wrapper up to 7.2, five
// from 8.0, seven from 8.2.
func TestMarkers(t *testing.T) {
	want := map[string]int{"5.2": 1, "6.1": 1, "6.2": 1, "8.0": 5, "8.1": 5, "8.2": 7, "9.0": 7}
	for _, d := range dialect.All {
		ms := d.Markers()
		if len(ms) != want[d.Name] {
			t.Errorf("dialect %s knows %d markers, want %d", d.Name, len(ms), want[d.Name])
		}
		old := dialect.Before(d.Name, "8.0")
		for _, m := range ms {
			if (m.Name == "generated_co_wrapper") != old {
				t.Errorf("dialect %s knows %s", d.Name, m.Name)
			}
		}
	}
}
