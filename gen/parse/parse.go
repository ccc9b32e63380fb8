// Package parse finds wrapper declarations in C source. It reads the token
// stream of package clex one top-level declaration at a time and looks
// closer only at declarations that carry a marker (or an identifier that
// looks like a misspelt one); the other function declarations are only
// located, for the checks to read if a wrapper calls them.
//
// A wrapper declaration is a function declaration at file scope whose
// declaration specifiers contain a marker token:
//
//	int co_wrapper_mixed_bdrv_rdlock bdrv_pread(BdrvChild *child, ...);
//
// Markers inside comments, string literals, preprocessor lines, groups
// removed by "#if 0" and function bodies are not tokens of a top-level
// declaration and so are never seen.
//
// The files of the package follow the reading: this one walks the
// top-level declarations, decl.go reads a wrapper declaration, param.go
// its parameters, spelling.go tells misspelt markers, and proto.go reads
// the functions wrappers call and compares types.
package parse

import (
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// File is what Read found in one file.
type File struct {
	Name string
	// Decls are the file's valid wrapper declarations, in source order.
	Decls []Decl
	// Functions are its other function declarations and definitions at
	// file scope, in source order: candidates for a wrapper to call.
	Functions []Function

	src      []byte      // the source, for Prototype
	reader   protoReader // Prototype's scratch memory
	declared bool        // see DeclaresWrapper
}

// DeclaresWrapper reports whether the file declares at least one wrapper,
// valid or not: Decls holds the valid ones, and reading the others
// reported why they are not. A marker in a comment, a string or a dead
// group does not count. --scan keeps a file for generation by it.
func (f *File) DeclaresWrapper() bool { return f.declared }

// Decl is a wrapper declaration as written: the marker, return type, name
// and parameters, not yet checked against the rules of a dialect.
type Decl struct {
	Marker    model.Marker
	MarkerPos diag.Pos
	// ReturnType is the canonical spelling of the return type, top-level
	// qualifiers dropped ("const char *", "BlockDriverState *", "void").
	ReturnType string
	ReturnPos  diag.Pos
	Name       string
	NamePos    diag.Pos
	Params     []model.Param
	// CoroutineFn records that coroutine_fn was among the specifiers.
	CoroutineFn bool
	// Conditions are the preprocessor groups around the declaration,
	// outermost first, the file's include guard left out.
	Conditions []model.Condition
}

// Function is a function declared or defined at file scope that is not a
// wrapper. It is only located; Prototype reads it when a wrapper calls it.
type Function struct {
	Name string
	// Conditions are the groups around it, as Decl's.
	Conditions []model.Condition
	// The declaration starts at offset off, which is at line:col, and
	// ends before the ';' or '{' at offset end: int32, as a clex.Token's
	// are, so that a header's hundreds of Functions take fewer pages.
	off, line, col, end int32
}

// Read reads one file, src, named name in positions. Problems go to diags;
// a wrapper declaration with an error is left out of the result. known are
// the markers of the release generated for (dialect.Dialect.Markers): a
// misspelt marker is matched against them, so that the suggestion is one
// that release accepts; nil matches against every marker of any release.
// The strings of the result share src's memory, so src must not change
// while it is in use.
func Read(name string, src []byte, known []model.Marker, diags *diag.List) *File {
	return read(name, src, known, diags, false)
}

// read is Read, with the shortcuts left out if slow (see parser.slow).
func read(name string, src []byte, known []model.Marker, diags *diag.List, slow bool) *File {
	lex := clex.New(name, src, diags)
	p := &parser{lex: lex, file: name, src: lex.Source(), diags: diags, known: known, slow: slow,
		out: &File{Name: name, src: src}}
	// Room for the functions of a header (QEMU's declare one every 150
	// bytes or so), made once: growing the slice from nothing leaves a
	// trail of copies, and in a process that runs once every page it
	// touches first costs a page fault (about 3 µs in a virtual machine,
	// the time it takes to lex a kilobyte of C).
	p.out.Functions = make([]Function, 0, len(src)/128)
	p.buf = make([]clex.Token, 0, 64) // a long declaration's tokens
	p.run()
	p.handOver(p.out)
	if lex.IncludeGuard() {
		// The guard is the outermost group of everything in the file, and
		// the generated code must not repeat it.
		for i := range p.out.Decls {
			p.out.Decls[i].Conditions = outsideGuard(p.out.Decls[i].Conditions)
		}
		for i := range p.out.Functions {
			p.out.Functions[i].Conditions = outsideGuard(p.out.Functions[i].Conditions)
		}
	}
	return p.out
}

// outsideGuard returns the groups of a point of a guarded file without the
// guard. A declaration that the guard's own #endif ends has none left.
func outsideGuard(cs []model.Condition) []model.Condition {
	if len(cs) == 0 {
		return cs
	}
	return cs[1:]
}

// parser reads the top-level declarations of one file.
type parser struct {
	lex   *clex.Lexer
	file  string
	src   string
	diags *diag.List
	out   *File
	// known are the markers a misspelling is matched against (Read).
	known []model.Marker
	// slow leaves out the shortcuts (skim, plainDeclarator, plainPrototype)
	// and reads everything the general way: the tests hold the shortcuts
	// to giving the same results.
	slow bool

	// buf holds the tokens of the current top-level declaration, and
	// marked is set when one of them is a marker.
	buf    []clex.Token
	marked bool
	// skim is what run learns of buf as its tokens arrive.
	skim skim
	// pieces is memory for the declarator being read, reused from one to
	// the next.
	pieces []piece
	// typeToks and capitals are memory for the indices of the return
	// type's tokens and of upper-case specifiers; types and commas for
	// the types of a prototype's parameters and where they end.
	typeToks, capitals []int
	types              []string
	commas             []int // a parameter list's commas
}

// text returns t's spelling: its bytes with line splices removed, as a C
// compiler reads them, so that "co_wra\\<newline>pper" is the marker
// co_wrapper and a message quoting a token stays on one line; a digraph
// is the punctuator it spells ("<:" is "["). Otherwise it is a substring
// of the source.
//
// text, is and punct are asked of nearly every token read, so each is
// small enough for the compiler to inline, and the rare tokens that are
// spliced or digraphs go to respell.
func (p *parser) text(t clex.Token) string {
	if t.Spliced || t.Digraph {
		return p.respell(t)
	}
	return p.src[t.Off:t.End]
}

// respell is text for a token that is spliced or a digraph.
func (p *parser) respell(t clex.Token) string {
	if t.Digraph && t.Kind == clex.Punct {
		return clex.Punctuator(spelling(p.src[t.Off:t.End]))
	}
	return spelling(p.src[t.Off:t.End])
}

// is reports whether t is spelt s.
func (p *parser) is(t clex.Token, s string) bool {
	if t.Spliced || t.Digraph {
		return p.respell(t) == s
	}
	return p.src[t.Off:t.End] == s
}

// punct returns the first byte of the punctuator t spells (t.Kind is
// Punct): '[' for "<:".
func (p *parser) punct(t clex.Token) byte {
	if t.Digraph {
		return p.respell(t)[0]
	}
	return p.src[t.Off]
}

// spelling returns raw without its line splices (a backslash followed by
// "\n", "\r\n" or a lone "\r"); raw itself when it has none.
func spelling(raw string) string {
	if strings.IndexByte(raw, '\\') < 0 {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) && (raw[i+1] == '\n' || raw[i+1] == '\r') {
			i++
			if raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

// pos returns the position of t, the range of its text on its first line.
func (p *parser) pos(t clex.Token) diag.Pos {
	return p.span(t, t)
}

// span returns the position of from with the range from its start to the
// end of to, or to the end of from's line if to ends on a later one.
func (p *parser) span(from, to clex.Token) diag.Pos {
	text := p.src[from.Off:to.End]
	n := len(text)
	if from.Spliced || to.Line != from.Line {
		if i := strings.IndexAny(text, "\r\n"); i >= 0 {
			n = i
		}
	}
	return diag.Pos{File: p.file, Line: int(from.Line), Col: int(from.Col), Len: n, LineStart: int(from.Off - from.Col + 1)}
}

// after returns the position just after t. A token continued by a line
// splice ends on a later line than it starts, so the line breaks inside it
// are counted ("\n", "\r\n" or a lone "\r", as the lexer counts them).
func (p *parser) after(t clex.Token) diag.Pos {
	pos := diag.Pos{File: p.file, Line: int(t.Line), Col: int(t.Col), LineStart: int(t.Off - t.Col + 1)}
	text := p.src[t.Off:t.End]
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r', '\n':
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			pos.Line++
			pos.Col = 1
			pos.LineStart = int(t.Off) + i + 1
		default:
			pos.Col++
		}
	}
	return pos
}

func (p *parser) errorf(id diag.ID, pos diag.Pos, format string, args ...any) {
	p.diags.Errorf(id, pos, format, args...)
}

// run reads the file's top-level declarations, one at a time, into buf.
// It sees every token of the file, so it looks at each once: by kind, then
// for a punctuator by its byte; and it learns on the way what endDecl
// asks of the declaration (see skim). The common cases are written out
// here rather than in calls: a call per token costs more than the test.
func (p *parser) run() {
	s := &p.skim
	s.reset()
	for {
		t := p.lex.Next()
		switch t.Kind {
		case clex.EOF:
			p.endDecl(t)
			return
		case clex.Directive:
			p.endDecl(t)
			continue
		case clex.Punct:
			switch c := p.punct(t); {
			case c == ';' || c == '{' || c == '}':
				p.endAt(t, c)
				continue
			case c == '*':
				if n := len(p.buf); s.looking && n > 0 && p.buf[n-1].Kind == clex.Ident {
					p.suspect(n - 1)
				}
			case s.open < 0 || s.depth > 0 || c == '(':
				p.punctuator(c, len(p.buf))
			}
		case clex.Ident:
			// A marker is at least as long as the stem, splices or not.
			if !p.marked && int(t.End-t.Off) >= len(model.MarkerStem) && isMarker(p.text(t)) {
				p.marked, s.looking = true, false
			}
			if n := len(p.buf); s.looking && n > 0 && p.buf[n-1].Kind == clex.Ident {
				p.suspect(n - 1)
			}
		}
		p.buf = append(p.buf, t)
	}
}

// skim is what run learns of the buffered declaration as its tokens
// arrive, so that endDecl need not walk it again to tell a function
// declaration from the rest (function, 0.32M instructions on QEMU's seven
// headers when it walked buf, with closing) or to look for a misspelt
// marker (0.23M when it did): both answer from these fields.
type skim struct {
	// open is the index in buf of the first punctuator after the first
	// token that is not '*', or -1: the '(' after a function's name, or
	// what shows that the declaration declares no function. c is its
	// byte.
	open int
	c    byte
	// depth counts the brackets open since buf[open] while it is a '(';
	// closed is set once they are all closed again.
	depth  int
	closed bool
	// looking is set while a misspelt marker may still turn up: until a
	// '(' ends the specifiers, where one may stand, and unless a marker
	// or a suspect was found. suspect is set when a specifier, followed
	// by an identifier or '*', might be a misspelt marker.
	looking, suspect bool
}

func (s *skim) reset() { *s = skim{open: -1, looking: true} }

// punctuator notes the punctuator c, neither ';', '{', '}' nor '*', about
// to be appended to buf at index n.
func (p *parser) punctuator(c byte, n int) {
	s := &p.skim
	switch {
	case s.open < 0:
		if n > 0 {
			s.open, s.c = n, c
			if c == '(' {
				s.depth = 1
			}
		}
	case s.depth > 0:
		switch c {
		case '(', '[':
			s.depth++
		case ')', ']':
			s.depth--
			s.closed = s.depth == 0
		}
	}
	if c == '(' {
		s.looking = false
	}
}

// suspect notes buf[i], an identifier followed by an identifier or '*'
// among the specifiers, if it might be a misspelt marker.
func (p *parser) suspect(i int) {
	if mightBeMarker(p.text(p.buf[i])) {
		p.skim.suspect, p.skim.looking = true, false
	}
}

// endAt ends the buffered declaration at term, a ';', '{' or '}' (c). A
// '{' opens a body or initializer to skip, unless it opens a linkage
// specification, extern "C" { ... }, whose declarations are at file scope
// (a header shared with C++) and whose '}' ends nothing. A '}' at file
// scope has no '{': a compiler will say so.
func (p *parser) endAt(term clex.Token, c byte) {
	brace := c == '{'
	if brace && len(p.buf) == 2 && p.is(p.buf[0], "extern") && p.buf[1].Kind == clex.String {
		p.buf = p.buf[:0]
		p.skim.reset()
		return
	}
	p.endDecl(term)
	if brace {
		p.skipBody()
	}
}

// skipBody skips a brace-enclosed body or initializer whose '{' was just
// read.
func (p *parser) skipBody() {
	depth := 1
	for depth > 0 {
		t := p.lex.Next()
		switch {
		case t.Kind == clex.EOF:
			return
		case t.Kind != clex.Punct:
		case p.punct(t) == '{':
			depth++
		case p.punct(t) == '}':
			depth--
		}
	}
}

// endDecl ends the buffered declaration at the token term (a terminator,
// a directive or the end of the file) and examines it if it may declare a
// wrapper: if it holds a marker, or a specifier that looks like a misspelt
// one. Any other function declaration is recorded as a Function.
func (p *parser) endDecl(term clex.Token) {
	switch {
	case len(p.buf) == 0:
	case p.marked || p.skim.suspect || p.slow && p.hasSuspect():
		before := p.diags.Len()
		d, ok := p.declaration(p.buf, term)
		if ok {
			if p.out.Decls == nil {
				// Room for one wrapper per kilobyte, about as many as
				// QEMU's densest headers declare: growing a slice of
				// 300-byte Decls from one left 30 KB behind on QEMU's
				// seven, some 7 fresh pages.
				p.out.Decls = make([]Decl, 0, max(4, len(p.src)/1024))
			}
			p.out.Decls = append(p.out.Decls, d)
		}
		// A declaration with an error counts: its file must be read for
		// the error to be reported.
		p.out.declared = p.out.declared || ok || p.diags.Len() > before
	default:
		p.function(term)
	}
	p.buf = p.buf[:0]
	p.marked = false
	p.skim.reset()
}

// function records the buffered declaration if it declares or defines a
// function: the identifier before its first '(' names it, after at least
// one specifier. The '(' must be closed within the declaration.
func (p *parser) function(term clex.Token) {
	s := &p.skim
	switch {
	case len(p.buf) < 2 || p.is(p.buf[0], "typedef"):
	case p.slow || s.open >= 0 && s.c == '[':
		// Attribute specifiers, or an array: the slow reading.
		p.functionWithAttrs(term)
	case s.open >= 0 && s.c == '(' && s.closed:
		p.record(p.buf[s.open-1], term)
	}
}

// functionWithAttrs is function for a declaration that may hold attribute
// specifiers: [[nodiscard]] int f(void), int f [[gnu::cold]] (void).
func (p *parser) functionWithAttrs(term clex.Token) {
	prev, words := -1, 0 // the last token outside attribute specifiers, and how many there were
	for i := 0; i < len(p.buf); i++ {
		if end := p.attrSpec(p.buf, i); end >= 0 {
			i = end
			continue
		}
		t := p.buf[i]
		switch {
		case words == 0:
			prev, words = i, 1 // the first token is no name, whatever it is
			continue
		case t.Kind != clex.Punct || p.punct(t) == '*':
			prev, words = i, words+1
			continue
		case p.punct(t) != '(' || closing(p, p.buf, i) >= len(p.buf):
			return
		}
		p.record(p.buf[prev], term)
		return
	}
}

// hasSuspect is skim.suspect worked out from buf: whether a specifier of
// the buffered declaration (an identifier followed by an identifier or
// '*' before the first '(') might be a misspelt marker.
func (p *parser) hasSuspect() bool {
	for i := 0; i+1 < len(p.buf); i++ {
		t, next := p.buf[i], p.buf[i+1]
		if t.Kind != clex.Ident {
			if t.Kind == clex.Punct && p.punct(t) == '(' {
				return false
			}
			continue
		}
		if (next.Kind == clex.Ident || next.Kind == clex.Punct && p.punct(next) == '*') && mightBeMarker(p.text(t)) {
			return true
		}
	}
	return false
}

// record records the buffered declaration, ended by term, as a function
// called name, unless name is no identifier that can name one.
func (p *parser) record(name, term clex.Token) {
	text := p.text(name)
	if name.Kind != clex.Ident || ctype.IsKeyword(text) || isAttribute(text) || isAnnotationMacro(text) {
		return
	}
	first := p.buf[0]
	p.out.Functions = append(p.out.Functions, Function{
		Name: text, Conditions: p.lex.Conditions(),
		off: first.Off, line: first.Line, col: first.Col, end: term.Off,
	})
}

// closing returns the index of the token that closes the bracket at
// toks[open], or len(toks) if none does.
func closing(p *parser, toks []clex.Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		// A pointer, not a copy of the token: closing runs over whole
		// parameter lists, for every declaration of a file.
		t := &toks[i]
		if t.Kind != clex.Punct {
			continue
		}
		switch p.punct(*t) {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}
