package diag

import (
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// sarif writes ds as one SARIF 2.1.0 log with one run: a result per
// diagnostic, its rule the diagnostic's ID (the rules used are described
// in the tool's driver, in the order of Rules), its notes as related
// locations and its fix-its as fixes. Columns count Unicode code points,
// as run.columnKind says, since SARIF has no byte columns. Files are URIs:
// a relative name stays relative, based on "PWD", the working directory
// (see Printer.Dir), so that GitHub code scanning places it in the
// repository; an absolute one is a file URI. Each rule used is described
// from Rules, with the fullDescription and help that GitHub's rules
// require (SARIF Multitool, validate --rule-kind "Gh;Sarif").
func (p *Printer) sarif(w io.Writer, ds []Diagnostic) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	p.based = false
	run := sarif.NewRunWithInformationURI(p.Tool, p.URI)
	run.Tool.Driver.WithVersion(p.Version)
	run.WithColumnKind("unicodeCodePoints")
	used := map[ID]bool{}
	for _, d := range ds {
		used[d.ID] = true
	}
	for _, r := range append(Rules, Rule{Summary: "A diagnostic of no known kind.", Help: "Report it: every diagnostic should have a rule."}) {
		if used[r.ID] {
			level := "error"
			if r.Warning {
				level = "warning"
			}
			run.AddRule(string(r.ID)).WithDescription(r.Summary).
				WithFullDescription(sarif.NewMultiformatMessageString(r.Summary)).
				WithHelp(sarif.NewMultiformatMessageString(ruleHelp(r))).
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
				sarif.NewArtifactChange(p.artifact(f.Pos.File)).WithReplacement(rep),
			}))
		}
		run.AddResult(res)
	}
	if p.based {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			pwd: sarif.NewSimpleArtifactLocation(DirURI(p.Dir, p.Windows)),
		})
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// ruleHelp is the help of rule r: how to mend what it finds and, for a
// warning, the switches that reach it.
func ruleHelp(r Rule) string {
	if !r.Warning {
		return r.Help + " An error: nothing is written and the exit status is 1."
	}
	on := "on by default"
	if !r.Default {
		on = "on with -Wall or -W" + string(r.ID)
	}
	return r.Help + " A warning, " + on + "; -Wno-" + string(r.ID) + " switches it off and -Werror=" + string(r.ID) + " makes it an error."
}

// pwd is the uriBaseId of the working directory, gcc's name for it.
const pwd = "PWD"

// artifact returns the artifact location of the file name: its URI and,
// for a relative one, the base it is relative to.
func (p *Printer) artifact(name string) *sarif.ArtifactLocation {
	uri, abs := fileURI(name, p.Dir, p.Windows)
	loc := sarif.NewSimpleArtifactLocation(uri)
	if !abs && p.Dir != "" {
		p.based = true
		loc.WithUriBaseId(pwd)
	}
	return loc
}

func (p *Printer) sarifLocation(pos Pos) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(p.artifact(pos.File))
	if pos.Line > 0 {
		pl.WithRegion(p.sarifRegion(pos, false))
	} else {
		pl.WithRegion(p.wholeFile(pos.File))
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// wholeFile returns the region of a result about a whole file (a missing
// input, a stale output): its lines, from the first to the last when the
// file was read, else the first. GitHub code scanning places an alert by
// its region's startLine, and the SARIF Multitool (SARIF2017) asks every
// location for one.
func (p *Printer) wholeFile(file string) *sarif.Region {
	r := sarif.NewRegion().WithStartLine(1)
	if n := p.lineCount(file); n > 0 {
		r.WithEndLine(n)
	}
	return r
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

// fileURI returns the URI reference of a file name and whether it is
// absolute: a relative name stays a relative reference, an absolute one
// becomes a file URI, and bytes that a URI cannot hold are
// percent-encoded. With windows, the name is read as Windows reads it:
// a backslash separates names as "/" does; "\\?\" and "\\.\" prefixes are
// dropped ("\\?\UNC\server\share" is "\\server\share"); "C:\x" is
// file:///C:/x, "\\server\share\x" file://server/share/x, and a rooted
// "\x" is on the drive of dir, as the system resolves it.
func fileURI(name, dir string, windows bool) (uri string, abs bool) {
	p := name
	if windows {
		p = strings.ReplaceAll(p, `\`, "/")
		switch {
		case strings.HasPrefix(p, "//?/UNC/"):
			p = "//" + p[len("//?/UNC/"):]
		case strings.HasPrefix(p, "//?/"), strings.HasPrefix(p, "//./"):
			p = p[len("//?/"):]
		}
		switch {
		case hasDrive(p) && len(p) > 2 && p[2] == '/':
			p = "/" + p
		case strings.HasPrefix(p, "//"): // \\server\share\x
			host, rest, _ := strings.Cut(p[2:], "/")
			return (&url.URL{Scheme: "file", Host: host, Path: "/" + rest}).String(), true
		case strings.HasPrefix(p, "/"):
			if d := strings.ReplaceAll(dir, `\`, "/"); hasDrive(d) {
				p = "/" + d[:2] + p
			}
		}
	}
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String(), true
	}
	return (&url.URL{Path: p}).String(), false
}

// hasDrive reports whether p starts with a Windows drive, "C:".
func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z')
}

// DirURI returns the file URI of the absolute directory dir, ending in
// "/" as a base URI must, read as Windows reads it with windows: the URI
// of SARIF's "PWD" base.
func DirURI(dir string, windows bool) string {
	sep := "/"
	if windows {
		sep = `\`
	}
	if !strings.HasSuffix(dir, sep) && !strings.HasSuffix(dir, "/") {
		dir += sep
	}
	uri, _ := fileURI(dir, dir, windows)
	return uri
}
