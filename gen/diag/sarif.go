package diag

import (
	"io"
	"net/url"
	"path/filepath"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// sarif writes ds as one SARIF 2.1.0 log with one run: a result per
// diagnostic, its rule the diagnostic's ID (the rules used are described
// in the tool's driver, in the order of Rules), its notes as related
// locations and its fix-its as fixes. Columns count Unicode code points,
// as run.columnKind says, since SARIF has no byte columns; files are URIs
// relative to the working directory, as given.
func (p *Printer) sarif(w io.Writer, ds []Diagnostic) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI(p.Tool, p.URI)
	run.Tool.Driver.WithVersion(p.Version)
	run.WithColumnKind("unicodeCodePoints")
	used := map[ID]bool{}
	for _, d := range ds {
		used[d.ID] = true
	}
	for _, r := range append(Rules, Rule{Summary: "A diagnostic of no known kind."}) {
		if used[r.ID] {
			level := "error"
			if r.Warning {
				level = "warning"
			}
			run.AddRule(string(r.ID)).WithDescription(r.Summary).
				WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level).WithEnabled(!r.Warning || r.Default))
		}
	}
	for _, d := range ds {
		res := sarif.NewRuleResult(string(d.ID)).WithMessage(sarif.NewTextMessage(d.Msg)).WithLevel(d.Severity.String())
		res.AddLocation(p.sarifLocation(d.Pos))
		for _, n := range d.Notes {
			res.AddRelatedLocation(p.sarifLocation(n.Pos).WithMessage(sarif.NewTextMessage(n.Msg)))
		}
		for _, f := range d.Fixits {
			rep := sarif.NewReplacement(p.sarifRegion(f.Pos, true)).WithInsertedContent(sarif.NewArtifactContent().WithText(f.Text))
			res.AddFix(sarif.NewFix().WithArtifactChanges([]*sarif.ArtifactChange{
				sarif.NewArtifactChange(sarif.NewSimpleArtifactLocation(fileURI(f.Pos.File))).WithReplacement(rep),
			}))
		}
		run.AddResult(res)
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

func (p *Printer) sarifLocation(pos Pos) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(fileURI(pos.File)))
	if pos.Line > 0 {
		pl.WithRegion(p.sarifRegion(pos, false))
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// sarifRegion returns the region of pos: its line, and its columns in
// code points when the source is at hand. A fix-it's region is what it
// replaces, empty for an insertion; a diagnostic's covers at least one
// character.
func (p *Printer) sarifRegion(pos Pos, fixit bool) *sarif.Region {
	r := sarif.NewRegion().WithStartLine(pos.Line)
	if pos.Col < 1 {
		return r
	}
	start, end := pos.Col, pos.Col+pos.Len
	if line, ok := p.lineOf(pos); ok {
		start, end = codePoints(line, start-1)+1, codePoints(line, end-1)+1
	}
	if !fixit && end == start {
		end++
	}
	return r.WithStartColumn(start).WithEndColumn(end)
}

// codePoints returns how many code points of line lie before byte off, a
// byte that is not UTF-8 counting as one; past the end, one a byte.
func codePoints(line []byte, off int) int {
	if off > len(line) {
		return utf8.RuneCount(line) + off - len(line)
	}
	return utf8.RuneCount(line[:off])
}

// fileURI returns the URI reference of a file name: relative names stay
// relative, absolute ones become file URIs, and bytes that a URI cannot
// hold are percent-encoded.
func fileURI(name string) string {
	u := url.URL{Path: filepath.ToSlash(name)}
	if filepath.IsAbs(name) {
		u.Scheme = "file"
		if u.Path[0] != '/' { // C:/...
			u.Path = "/" + u.Path
		}
	}
	return u.String()
}
