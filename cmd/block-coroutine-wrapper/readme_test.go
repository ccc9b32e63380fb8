package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// TestReadmeRules holds the README's tables of warnings and of error kinds
// to diag.Rules: every warning with its default, every error's rule id, in
// the catalogue's order.
func TestReadmeRules(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := func(title string) string {
		_, rest, ok := strings.Cut(string(readme), "\n"+title+"\n")
		if !ok {
			t.Fatalf("README has no %q", title)
		}
		if i := strings.Index(rest, "\n#"); i >= 0 {
			rest = rest[:i]
		}
		return rest
	}
	var wantWarnings, wantErrors, gotWarnings, gotErrors []string
	for _, r := range diag.Rules {
		switch {
		case r.Warning && r.Default:
			wantWarnings = append(wantWarnings, string(r.ID)+" on")
		case r.Warning:
			wantWarnings = append(wantWarnings, string(r.ID)+" `-Wall`")
		default:
			wantErrors = append(wantErrors, string(r.ID))
		}
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `-W([a-z-]+)` \\| ([^|]+) \\|").FindAllStringSubmatch(section("### Warnings"), -1) {
		gotWarnings = append(gotWarnings, m[1]+" "+strings.TrimSpace(m[2]))
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(section("### JSON and SARIF"), -1) {
		gotErrors = append(gotErrors, m[1])
	}
	if diff := cmp.Diff(wantWarnings, gotWarnings); diff != "" {
		t.Errorf("README's warnings table (-diag.Rules +README):\n%s", diff)
	}
	if diff := cmp.Diff(wantErrors, gotErrors); diff != "" {
		t.Errorf("README's table of error rules (-diag.Rules +README):\n%s", diff)
	}
}
