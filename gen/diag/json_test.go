package diag

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/owenrumney/go-sarif/v2/sarif"
)

var machineSrc = []byte("int64_t coroutine_fn bdrv_co_x(BlockDriverState *bs);\n/* é */ int co_wrapper bdrv_x(BlockDriverState *bs);\n")

func machineDiags() []Diagnostic {
	var l List
	l.Add(Warnf(TargetReturnType, Pos{File: "f.h", Line: 2, Col: 26, Len: 6}, "returns 'int'").
		Note(Notef(Pos{File: "f.h", Line: 1, Col: 22, Len: 9}, "'bdrv_co_x' is declared here")))
	l.Add(Errorf(UnknownMarker, Pos{File: "f.h", Line: 2, Col: 14, Len: 10}, "misspelt").
		Fix(Pos{File: "f.h", Line: 2, Col: 14, Len: 10}, "co_wrapper_mixed"))
	l.Add(Errorf(Unreadable, Pos{File: "dir/g h.h"}, "cannot read the file"))
	var s Switches
	s.Set("error=target-return-type")
	s.Apply(&l)
	return l.Items()
}

// TestJSON decodes the JSON output as gcc's consumers read it.
func TestJSON(t *testing.T) {
	p := &Printer{Format: JSON, Source: func(string) []byte { return machineSrc }}
	var b strings.Builder
	if err := p.Print(&b, machineDiags()); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	pos := func(line, col, display float64) map[string]any {
		return map[string]any{"file": "f.h", "line": line, "column": display, "byte-column": col, "display-column": display}
	}
	want := []map[string]any{{
		"kind": "error", "message": "cannot read the file", "column-origin": 1.0,
		"locations": []any{map[string]any{"caret": map[string]any{"file": "dir/g h.h"}}},
		"children":  []any{}, "escape-source": false,
	}, {
		"kind": "error", "message": "misspelt", "column-origin": 1.0,
		"locations": []any{map[string]any{"caret": pos(2, 14, 13), "finish": pos(2, 23, 22)}},
		"fixits":    []any{map[string]any{"start": pos(2, 14, 13), "next": pos(2, 24, 23), "string": "co_wrapper_mixed"}},
		"children":  []any{}, "escape-source": false,
	}, {
		"kind": "error", "message": "returns 'int'", "option": "-Werror=target-return-type", "column-origin": 1.0,
		"locations":     []any{map[string]any{"caret": pos(2, 26, 25), "finish": pos(2, 31, 30)}},
		"escape-source": false,
		"children": []any{map[string]any{
			"kind": "note", "message": "'bdrv_co_x' is declared here",
			"locations": []any{map[string]any{"caret": pos(1, 22, 22), "finish": pos(1, 30, 30)}},
			"children":  []any{}, "escape-source": false,
		}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var empty strings.Builder
	p.Print(&empty, nil)
	if empty.String() != "[]\n" {
		t.Errorf("no diagnostics: %q, want an empty array", empty.String())
	}
}

// TestSARIF decodes the SARIF output with the SARIF library and checks
// what code-scanning services read: rules, results, levels, regions in
// code points, related locations and fixes.
func TestSARIF(t *testing.T) {
	p := &Printer{Format: SARIF, Tool: "bcw", Version: "1.2.3", URI: "https://example.org/bcw", Source: func(string) []byte { return machineSrc },
		Dir: "/src/qemu build"}
	var b strings.Builder
	if err := p.Print(&b, machineDiags()); err != nil {
		t.Fatal(err)
	}
	log, err := sarif.FromString(b.String())
	if err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %s, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "bcw" || *d.Version != "1.2.3" {
		t.Errorf("driver %s %v", d.Name, d.Version)
	}
	var rules []string
	for _, r := range run.Tool.Driver.Rules {
		rules = append(rules, r.ID+" "+*r.ShortDescription.Text)
		// GitHub's rules (SARIF Multitool GH2012) require both.
		if r.FullDescription == nil || *r.FullDescription.Text == "" || r.Help == nil || *r.Help.Text == "" {
			t.Errorf("rule %s has no fullDescription or no help", r.ID)
		}
	}
	if base := run.OriginalUriBaseIDs["PWD"]; base == nil || *base.URI != "file:///src/qemu%20build/" {
		t.Errorf("originalUriBaseIds %v, want PWD as the working directory's file URI", run.OriginalUriBaseIDs)
	}
	wantRules := []string{
		"target-return-type A wrapper returns another type than the function it calls.",
		"unreadable-input An input cannot be read or a directory cannot be scanned.",
		"unknown-marker A wrapper marker is misspelt or combines words no release accepts.",
	}
	if diff := cmp.Diff(wantRules, rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	type result struct {
		Rule, Level, Msg, URI string
		Region                [3]int // start line, start and end column (0: none)
		Related               []string
		Fixes                 []string
	}
	var got []result
	for _, r := range run.Results {
		pl := r.Locations[0].PhysicalLocation
		res := result{Rule: *r.RuleID, Level: *r.Level, Msg: *r.Message.Text, URI: *pl.ArtifactLocation.URI}
		if b := pl.ArtifactLocation.URIBaseId; b == nil || *b != "PWD" {
			t.Errorf("%s: uriBaseId %v, want PWD", res.URI, b)
		}
		rg := pl.Region
		res.Region[0] = *rg.StartLine
		if rg.StartColumn != nil {
			res.Region[1], res.Region[2] = *rg.StartColumn, *rg.EndColumn
		}
		if got, want := run.Tool.Driver.Rules[*r.RuleIndex].ID, *r.RuleID; got != want {
			t.Errorf("ruleIndex points at %s, want %s", got, want)
		}
		for _, rl := range r.RelatedLocations {
			res.Related = append(res.Related, *rl.Message.Text)
		}
		for _, f := range r.Fixes {
			rep := f.ArtifactChanges[0].Replacements[0]
			rg := rep.DeletedRegion
			res.Fixes = append(res.Fixes, *f.ArtifactChanges[0].ArtifactLocation.URI+" "+
				strings.Join([]string{itoa(*rg.StartLine), itoa(*rg.StartColumn), itoa(*rg.EndColumn)}, ":")+" "+*rep.InsertedContent.Text)
		}
		got = append(got, res)
	}
	want := []result{
		{Rule: "unreadable-input", Level: "error", Msg: "cannot read the file", URI: "dir/g%20h.h", Region: [3]int{1, 0, 0}},
		{Rule: "unknown-marker", Level: "error", Msg: "misspelt", URI: "f.h", Region: [3]int{2, 13, 23},
			Fixes: []string{"f.h 2:13:23 co_wrapper_mixed"}},
		{Rule: "target-return-type", Level: "error", Msg: "returns 'int'", URI: "f.h", Region: [3]int{2, 25, 31},
			Related: []string{"'bdrv_co_x' is declared here"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	if ck := run.ColumnKind; ck != "unicodeCodePoints" {
		t.Errorf("columnKind %v", ck)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFileURI spells file names as SARIF URIs: relative ones relative
// (based on PWD), absolute ones as file URIs; on Windows, drives, the
// `\\?\` prefix, UNC names and paths rooted on the working directory's
// drive, as GitHub code scanning and the SARIF Multitool read them.
func TestFileURI(t *testing.T) {
	tests := []struct {
		name, dir string
		windows   bool
		want      string
		abs       bool
	}{
		{"block/coroutines.h", "/src", false, "block/coroutines.h", false},
		{"../block/coroutines.h", "/src/build", false, "../block/coroutines.h", false},
		{"dir with space/a#b%.h", "/src", false, "dir%20with%20space/a%23b%25.h", false},
		{"a:b.h", "/src", false, "./a:b.h", false},
		{"/usr/include/x.h", "/src", false, "file:///usr/include/x.h", true},
		{`C:\x\y.h`, "/src", false, "./C:%5Cx%5Cy.h", false}, // a POSIX name: one file
		{`C:\qemu\block\x.h`, `C:\qemu`, true, "file:///C:/qemu/block/x.h", true},
		{`c:/qemu/x.h`, `C:\qemu`, true, "file:///c:/qemu/x.h", true},
		{`\\?\C:\qemu\x.h`, `C:\qemu`, true, "file:///C:/qemu/x.h", true},
		{`\\?\UNC\server\share\x.h`, `C:\qemu`, true, "file://server/share/x.h", true},
		{`\\server\share\x.h`, `C:\qemu`, true, "file://server/share/x.h", true},
		{`\qemu\x.h`, `D:\build`, true, "file:///D:/qemu/x.h", true},
		{`block\x.h`, `D:\build`, true, "block/x.h", false},
		{`..\block\x.h`, `D:\build`, true, "../block/x.h", false},
	}
	for _, tt := range tests {
		got, abs := fileURI(tt.name, tt.dir, tt.windows)
		if got != tt.want || abs != tt.abs {
			t.Errorf("fileURI(%q, %q, windows %v) = %q, %v; want %q, %v", tt.name, tt.dir, tt.windows, got, abs, tt.want, tt.abs)
		}
	}
	for _, tt := range []struct {
		dir     string
		windows bool
		want    string
	}{
		{"/src/qemu/build", false, "file:///src/qemu/build/"},
		{"/", false, "file:///"},
		{`C:\Users\me\qemu`, true, "file:///C:/Users/me/qemu/"},
		{`\\?\C:\qemu\`, true, "file:///C:/qemu/"},
	} {
		if got := DirURI(tt.dir, tt.windows); got != tt.want {
			t.Errorf("DirURI(%q, %v) = %q, want %q", tt.dir, tt.windows, got, tt.want)
		}
	}
}
