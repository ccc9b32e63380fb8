package parse_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/fuzzcheck"
)

// FuzzParse feeds arbitrary bytes to the lexer and the parser. The two are
// fuzzed together because the parser is the lexer's only client: a token
// stream the lexer can produce is exactly what the parser must survive.
//
// Besides "no panic" and "terminates" (fuzzcheck.Run fails an input that
// takes longer than fuzzcheck.Deadline), it checks:
//
//   - the lexer returns at most len(src)+1 tokens before EOF (each consumes
//     a byte), and EOF again and again afterwards without new diagnostics;
//   - tokens lie inside the input, do not overlap, come in source order,
//     and carry the line and column a plain count of line breaks gives;
//   - each token's text fits its kind;
//   - every diagnostic, of the lexer or the parser, points inside the file;
//   - the parser keeps every diagnostic of the lexer;
//   - a declaration's name and marker are spelt at the positions it gives
//     (line splices removed, as a compiler reads them);
//   - File.DeclaresWrapper agrees with what Read found;
//   - reading twice gives the same declarations, functions and
//     diagnostics;
//   - the shortcuts change nothing: Read and ReadSlow give the same
//     declarations, functions, diagnostics and prototypes of the
//     functions.
//
// Seeds: testdata/fuzz/FuzzParse, plus every input of the golden archives
// and reference examples, added at run time so new ones join by themselves.
func FuzzParse(f *testing.F) {
	for _, src := range seedInputs(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzcheck.MaxInput {
			t.Skip("input larger than fuzzcheck.MaxInput")
		}
		var r parseRun
		fuzzcheck.Run(t, fuzzcheck.Deadline, func() { r = runParse(src) })
		checkParse(t, src, &r)
	})
}

const fuzzFile = "f.h"

// parseRun is everything the lexer and the parser produced for one input,
// gathered on fuzzcheck.Run's goroutine and checked on the test's.
type parseRun struct {
	tokens []clex.Token // up to and including the first EOF
	// endless is set when the lexer gave more tokens than the input has
	// bytes without reaching EOF.
	endless bool
	// afterEOF are two more tokens asked for after EOF, and the number of
	// diagnostics before and after asking.
	afterEOF      []clex.Token
	diagsAtEOF    int
	diagsAfterEOF int
	lexItems      []diag.Diagnostic
	file, again   *parse.File
	items, again2 []diag.Diagnostic
	hasErrors     bool
	// slow is ReadSlow's file and diagnostics; protos and slowProtos are
	// the prototypes of file's and slow's functions, nil where not read.
	slow               *parse.File
	slowItems          []diag.Diagnostic
	protos, slowProtos []*parse.Proto
}

func runParse(src []byte) parseRun {
	var r parseRun
	var lexDiags diag.List
	lex := clex.New(fuzzFile, src, &lexDiags)
	for {
		if len(r.tokens) > len(src)+1 {
			r.endless = true
			break
		}
		tok := lex.Next()
		r.tokens = append(r.tokens, tok)
		if tok.Kind == clex.EOF {
			break
		}
	}
	if !r.endless {
		r.diagsAtEOF = lexDiags.Len()
		r.afterEOF = append(r.afterEOF, lex.Next(), lex.Next())
		r.diagsAfterEOF = lexDiags.Len()
	}
	r.lexItems = lexDiags.Items()

	var diags, again diag.List
	r.file = parse.Read(fuzzFile, src, nil, &diags)
	r.items = diags.Items()
	r.again = parse.Read(fuzzFile, src, nil, &again)
	r.again2 = again.Items()
	r.hasErrors = diags.HasErrors()
	var slow diag.List
	r.slow = parse.ReadSlow(fuzzFile, src, nil, &slow)
	r.slowItems = slow.Items()
	r.protos = prototypes(r.file)
	r.slowProtos = prototypes(r.slow)
	return r
}

// prototypes returns the prototype of each function of f, nil where
// Prototype cannot read one.
func prototypes(f *parse.File) []*parse.Proto {
	var protos []*parse.Proto
	for i := range f.Functions {
		p, ok := f.Prototype(&f.Functions[i])
		if !ok {
			p = nil
		}
		protos = append(protos, p)
	}
	return protos
}

func checkParse(t *testing.T, src []byte, r *parseRun) {
	lines := fuzzcheck.NewLines(src)
	files := map[string]*fuzzcheck.Lines{fuzzFile: lines}

	// The lexer alone.
	if r.endless {
		t.Fatalf("lexer returned %d tokens for %d bytes without reaching EOF", len(r.tokens), len(src))
	}
	prevEnd := 0
	for _, tok := range r.tokens {
		checkToken(t, src, lines, tok, prevEnd)
		prevEnd = int(tok.End)
	}
	for _, tok := range r.afterEOF {
		if tok.Kind != clex.EOF || int(tok.Off) != len(src) {
			t.Fatalf("after EOF the lexer returned %v at %d, want EOF at %d", tok.Kind, tok.Off, len(src))
		}
	}
	if r.diagsAfterEOF != r.diagsAtEOF {
		t.Errorf("calling Next after EOF added diagnostics: %s", fuzzcheck.Describe(r.lexItems))
	}
	fuzzcheck.CheckDiags(t, files, r.lexItems)
	for _, d := range r.lexItems {
		if d.Severity != diag.Error {
			t.Errorf("lexer diagnostic is not an error: %q", d.Format())
		}
	}

	// The parser, on a fresh lexer.
	fuzzcheck.CheckDiags(t, files, r.items)
	seen := map[string]bool{}
	for _, d := range r.items {
		seen[d.Format()] = true
	}
	lexSeen := map[string]bool{}
	for _, d := range r.lexItems {
		lexSeen[d.Format()] = true
		if !seen[d.Format()] {
			t.Errorf("the parser lost a lexer diagnostic: %q", d.Format())
		}
	}
	parserErrors := 0
	for _, d := range r.items {
		if !lexSeen[d.Format()] {
			parserErrors++
		}
	}

	for _, d := range r.file.Decls {
		checkDecl(t, src, lines, d)
		if !utf8.ValidString(d.Name) && !r.hasErrors {
			t.Errorf("declaration name %q is not valid UTF-8, yet no error was reported", d.Name)
		}
	}
	if diff := cmp.Diff([]any{r.file.Decls, r.file.Functions}, []any{r.again.Decls, r.again.Functions}, cmp.AllowUnexported(parse.Function{})); diff != "" {
		t.Errorf("reading twice gave different results (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(r.items, r.again2); diff != "" {
		t.Errorf("reading twice gave different diagnostics (-first +second):\n%s", diff)
	}

	if diff := cmp.Diff([]any{r.file.Decls, r.file.Functions, r.items, r.protos}, []any{r.slow.Decls, r.slow.Functions, r.slowItems, r.slowProtos}, cmp.AllowUnexported(parse.Function{})); diff != "" {
		t.Errorf("the shortcuts changed the result (-Read +ReadSlow):\n%s", diff)
	}
	if r.file.DeclaresWrapper() != r.slow.DeclaresWrapper() {
		t.Errorf("DeclaresWrapper = %v, but %v without the shortcuts", r.file.DeclaresWrapper(), r.slow.DeclaresWrapper())
	}

	want := len(r.file.Decls) > 0 || parserErrors > 0
	if r.file.DeclaresWrapper() != want {
		t.Errorf("DeclaresWrapper = %v, but Read found %d declarations and %d parser diagnostics", r.file.DeclaresWrapper(), len(r.file.Decls), parserErrors)
	}
}

// checkToken checks one token against the source and the token before it
// (which ended at prevEnd).
func checkToken(t *testing.T, src []byte, lines *fuzzcheck.Lines, tok clex.Token, prevEnd int) {
	t.Helper()
	if int(tok.Off) < prevEnd || tok.End < tok.Off || int(tok.End) > len(src) {
		t.Fatalf("token %v [%d,%d) out of order or outside the input (previous ended at %d, %d bytes)", tok.Kind, tok.Off, tok.End, prevEnd, len(src))
	}
	if line, col := lines.Pos(int(tok.Off)); int(tok.Line) != line || int(tok.Col) != col {
		t.Fatalf("token %v %q at offset %d says %d:%d, the source says %d:%d", tok.Kind, src[tok.Off:tok.End], tok.Off, tok.Line, tok.Col, line, col)
	}
	text := src[tok.Off:tok.End]
	if tok.Kind == clex.EOF {
		if int(tok.Off) != len(src) {
			t.Fatalf("EOF token at %d, want %d", tok.Off, len(src))
		}
		return
	}
	if len(text) == 0 {
		t.Fatalf("empty %v token at %d:%d", tok.Kind, tok.Line, tok.Col)
	}
	ok := true
	switch tok.Kind {
	case clex.Ident:
		ok = !(text[0] >= '0' && text[0] <= '9') && !strings.ContainsAny(string(text[:1]), " \t\r\n(){}[];,*\"'#")
	case clex.Number:
		ok = text[0] == '.' || (text[0] >= '0' && text[0] <= '9')
	case clex.String:
		ok = text[0] == '"'
	case clex.Char:
		ok = text[0] == '\''
	case clex.Punct:
		// The digraphs of C11 6.4.6p3, and no other, are marked.
		digraph := slices.Contains([]string{"<:", ":>", "<%", "%>", "%:", "%:%:"}, string(text))
		ok = tok.Digraph == digraph && (len(text) == 1 || string(text) == "..." || digraph)
	case clex.Directive:
		ok = !tok.Digraph && text[0] == '#' || tok.Digraph && strings.HasPrefix(string(text), "%:")
	case clex.Other:
		ok = len(text) == 1
	default:
		ok = false
	}
	if tok.Digraph && tok.Kind != clex.Punct && tok.Kind != clex.Directive {
		ok = false
	}
	if !ok {
		t.Fatalf("%v token %q at %d:%d does not look like one", tok.Kind, text, tok.Line, tok.Col)
	}
}

// checkDecl checks that a declaration's positions point at its name and
// marker, and that its parts are not empty.
func checkDecl(t *testing.T, src []byte, lines *fuzzcheck.Lines, d parse.Decl) {
	t.Helper()
	at := func(what string, pos diag.Pos, text string) {
		t.Helper()
		if !lines.Contains(pos.Line, pos.Col) {
			t.Errorf("%s %q at %d:%d is outside the file", what, text, pos.Line, pos.Col)
			return
		}
		off := lines.Offset(pos.Line, pos.Col)
		if !spelledAt(src, off, text) {
			t.Errorf("%s %q at %d:%d: the source there is %q", what, text, pos.Line, pos.Col, clip(src[off:], 2*len(text)))
		}
	}
	if d.Name == "" || d.ReturnType == "" {
		t.Errorf("declaration with an empty name or return type: %+v", d)
	}
	at("name", d.NamePos, d.Name)
	at("marker", d.MarkerPos, d.Marker.Name)
	for _, p := range d.Params {
		if p.Name == "" || p.Type == "" || !strings.Contains(p.Decl, p.Name) {
			t.Errorf("parameter of %s: empty name or type, or a declarator without the name: %+v", d.Name, p)
		}
		if !lines.Contains(p.Pos.Line, p.Pos.Col) {
			t.Errorf("parameter %s of %s at %d:%d is outside the file", p.Name, d.Name, p.Pos.Line, p.Pos.Col)
		}
	}
}

// spelledAt reports whether src, from off on, spells text once line
// splices (backslash-newline) are removed, as a compiler reads it.
func spelledAt(src []byte, off int, text string) bool {
	i := off
	for j := 0; j < len(text); j++ {
		for i+1 < len(src) && src[i] == '\\' && (src[i+1] == '\n' || src[i+1] == '\r') {
			i += 2
			if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
		}
		if i >= len(src) || src[i] != text[j] {
			return false
		}
		i++
	}
	return true
}

func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// seedInputs returns every input file of the golden archives (those at
// the top of testdata/, the catalogue of bad input and the declarator
// spellings) and the reference examples: real headers and every error the
// goldens show.
func seedInputs(tb testing.TB) [][]byte {
	tb.Helper()
	var seeds [][]byte
	var archives []string
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			archives = append(archives, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name != "args" && !strings.HasPrefix(file.Name, "want/") {
				seeds = append(seeds, file.Data)
			}
		}
	}
	headers, err := filepath.Glob("../../testdata/reference/*/*.h")
	if err != nil {
		tb.Fatal(err)
	}
	for _, path := range headers {
		src, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, src)
	}
	if len(seeds) == 0 {
		tb.Fatal("no seed inputs found under ../../testdata")
	}
	return seeds
}
