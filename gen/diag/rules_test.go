package diag

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSwitches reads -W switches as gcc does and applies them to one
// warning of each default: on by default (target-return-type) and on
// with -Wall (undeclared-target).
func TestSwitches(t *testing.T) {
	tests := []struct {
		switches string
		want     string // what each warning becomes: "-" dropped, "w" warning, "E" error
	}{
		{"", "w-"},
		{"all", "ww"},
		{"no-all", "w-"},
		{"all no-all", "w-"},
		{"undeclared-target", "ww"},
		{"no-target-return-type", "--"},
		{"no-target-return-type all", "-w"}, // by name wins over -Wall, in any order
		{"all no-undeclared-target", "w-"},  //
		{"no-undeclared-target all", "w-"},  //
		{"error", "E-"},                     // -Werror makes errors of those on
		{"error all", "EE"},                 //
		{"error no-error", "w-"},            // the later wins
		{"no-error error", "E-"},            //
		{"error=undeclared-target", "wE"},   // -Werror=NAME turns it on too
		{"error no-error=target-return-type", "w-"},
		{"error all no-error=undeclared-target", "Ew"},
		{"error=undeclared-target no-undeclared-target", "w-"},
		{"no-error=undeclared-target", "w-"}, // does not turn it on
		{"no-no-such-warning", "w-"},         // ignored, as gcc does
		{"extra", "w-"},                      // accepted, as gcc does; none of ours is in it
		{"all extra no-extra error=extra", "ww"},
		{"w", "--"},           // -w: none at all
		{"w all error", "--"}, //
	}
	for _, tt := range tests {
		t.Run(tt.switches, func(t *testing.T) {
			var s Switches
			for _, sw := range strings.Fields(tt.switches) {
				if sw == "w" {
					s.Inhibit = true
					continue
				}
				if err := s.Set(sw); err != nil {
					t.Fatal(err)
				}
			}
			var l List
			l.Add(Warnf(TargetReturnType, Pos{File: "a", Line: 1}, "a"))
			l.Add(Warnf(UndeclaredTarget, Pos{File: "a", Line: 2}, "b"))
			l.Add(Errorf(Declaration, Pos{File: "a", Line: 3}, "c"))
			s.Apply(&l)
			got := []byte("--")
			for _, d := range l.Items() {
				if d.ID == Declaration {
					if d.Severity != Error {
						t.Errorf("the error became a %s", d.Severity)
					}
					continue
				}
				c := byte('w')
				if d.Severity == Error {
					c = 'E'
				}
				got[d.Pos.Line-1] = c
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestSwitchErrors: an unknown warning is worded as gcc 12 words it.
func TestSwitchErrors(t *testing.T) {
	for sw, want := range map[string]string{
		"nonesuch":             "unrecognized command-line option '-Wnonesuch'",
		"error=nonesuch":       "'-Werror=nonesuch': no option '-Wnonesuch'",
		"no-error=nonesuch":    "'-Wno-error=nonesuch': no option '-Wnonesuch'",
		"unknown-marker":       "-Wunknown-marker: unknown-marker is an error, not a warning: it cannot be switched",
		"no-unknown-marker":    "-Wunknown-marker: unknown-marker is an error, not a warning: it cannot be switched",
		"error=unknown-marker": "-Wunknown-marker: unknown-marker is an error, not a warning: it cannot be switched",
	} {
		var s Switches
		err := s.Set(sw)
		if err == nil || err.Error() != want {
			t.Errorf("-W%s: %v, want %s", sw, err, want)
		}
	}
	var s Switches
	var se *SwitchError
	if err := s.Set("nonesuch"); !errors.As(err, &se) || !slices.Contains(se.Known, string(TargetReturnType)) {
		t.Errorf("-Wnonesuch: %v does not list the warnings", err)
	}
}

// TestFormat: the one-line form names a warning's switch, as gcc does, and
// -Werror's.
func TestFormat(t *testing.T) {
	var l List
	l.Add(Warnf(UndeclaredTarget, Pos{File: "a.h", Line: 1, Col: 2}, "w").Note(Notef(Pos{File: "b.h", Line: 3, Col: 4}, "n")))
	l.Add(Warnf(TargetReturnType, Pos{File: "a.h", Line: 2, Col: 2}, "w"))
	var s Switches
	s.Set("all")
	s.Set("error=target-return-type")
	s.Apply(&l)
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Format())
	}
	want := []string{
		"a.h:1:2: warning: w [-Wundeclared-target]\nb.h:3:4: note: n\n",
		"a.h:2:2: error: w [-Werror=target-return-type]\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
