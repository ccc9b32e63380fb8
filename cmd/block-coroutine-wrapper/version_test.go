package main

import (
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

func TestVersionText(t *testing.T) {
	// want is what follows the name and version.
	for _, tc := range []struct{ module, want string }{
		// A test binary, or a build whose info names no module version.
		{"", ""},
		// go build in a checkout without version control stamping.
		{"(devel)", ""},
		// go install …@v0.1.0
		{"v0.1.0", " (module v0.1.0)"},
		// go install …@<commit>: a pseudo-version.
		{"v0.1.1-0.20250301120000-0123456789ab", " (module v0.1.1-0.20250301120000-0123456789ab)"},
	} {
		want := gen.Tool + " " + gen.Version + tc.want
		if got := versionText(tc.module); got != want {
			t.Errorf("versionText(%q) = %q, want %q", tc.module, got, want)
		}
	}
}
