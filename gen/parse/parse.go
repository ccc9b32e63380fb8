// Package parse finds wrapper declarations in C source. It reads the token
// stream of package clex one top-level declaration at a time and looks
// closer only at declarations that carry a marker (or an identifier that
// looks like a misspelt one), so that files of ordinary C cost one pass of
// the lexer.
//
// A wrapper declaration is a function declaration at file scope whose
// declaration specifiers contain a marker token:
//
//	int co_wrapper_mixed_bdrv_rdlock bdrv_pread(BdrvChild *child, ...);
//
// Markers inside comments, string literals, preprocessor lines, groups
// removed by "#if 0" and function bodies are not tokens of a top-level
// declaration and so are never seen.
package parse

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

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
	// Params are valid until the next declaration is read: File and
	// Reader reuse their memory.
	Params []model.Param
	// CoroutineFn records that coroutine_fn was among the specifiers.
	CoroutineFn bool
	// Conditions are the preprocessor groups around the declaration,
	// include guard included (see FileInfo).
	Conditions []clex.Condition
	// ParamsText is the source inside the parameter list's parentheses,
	// which starts at ParamsLine:ParamsCol.
	ParamsText            string
	ParamsLine, ParamsCol int
}

// FileInfo is what File learns about a whole file.
type FileInfo struct {
	// IncludeGuard is set when the file is wrapped in an include guard,
	// which is then the outermost condition of every declaration.
	IncludeGuard bool
}

// Span is where a top-level function declaration that is not a wrapper
// lies: the function's name, and the declaration from its first token to
// the ';' or '{' that ends it. Prototypes reads it when it is needed.
//
// A header declares many functions and few are ever read again, so a span
// holds offsets into the source rather than strings. Like clex.Token's,
// they are int32: callers must not read inputs of 2 GiB or more (package
// gen refuses them).
type Span struct {
	Off, End  int32
	Line, Col int32
	// The name is src[nameOff:nameEnd], line splices removed; the
	// parameter list's parentheses enclose src[paramsOff:paramsEnd].
	nameOff, nameEnd, paramsOff, paramsEnd int32
	conds                                  *[]clex.Condition
}

// Name returns the declared name; src is the source the span is in. The
// name shares src's memory.
func (s *Span) Name(src []byte) string {
	name := src[s.nameOff:s.nameEnd]
	if bytes.IndexByte(name, '\\') >= 0 {
		return string(spelling(name))
	}
	return view(name)
}

// view returns b as a string sharing its memory: the source a parser reads
// does not change while what it found is in use.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Conditions returns the preprocessor groups around the declaration.
func (s *Span) Conditions() []clex.Condition {
	if s.conds == nil {
		return nil
	}
	return *s.conds
}

// NamePos returns the position of the declared name, in src (from file).
func (s *Span) NamePos(file string, src []byte) diag.Pos {
	pos := diag.Pos{File: file, Line: int(s.Line), Col: int(s.Col) + int(s.nameOff-s.Off)}
	specifiers := src[s.Off:s.nameOff]
	if i := bytes.LastIndexByte(specifiers, '\n'); i >= 0 {
		pos.Line += bytes.Count(specifiers, []byte("\n"))
		pos.Col = len(specifiers) - i
	}
	return pos
}

// Sink receives what File finds.
type Sink struct {
	// Wrapper is called with each wrapper declaration.
	Wrapper func(*Decl)
	// Batch, if not nil, replaces Wrapper: it is handed the declarations
	// that may declare a wrapper unread, a batch at a time in source order,
	// for a Reader to read, perhaps on another goroutine while File lexes
	// on. File no longer touches a batch it handed over; Batch returns an
	// empty one for File to fill next (a new one, or a read one Reset).
	Batch func(*Batch) *Batch
	// Function, if not nil, is called with the span of every other
	// function declaration or definition at file scope.
	Function func(Span)
}

// File reads one file and passes its wrapper declarations, and the spans
// of its other function declarations, to sink, in source order. Problems
// go to diags; a wrapper declaration with an error is left out.
func File(lex *clex.Lexer, diags *diag.List, sink Sink) FileInfo {
	return file(lex, diags, sink, false)
}

// file is File; with slow, it takes none of its shortcuts (skimming, plain
// parameters): tests compare the two.
func file(lex *clex.Lexer, diags *diag.List, sink Sink, slow bool) FileInfo {
	p := &parser{lex: lex, file: lex.Name(), src: lex.Src(), str: lex.Source(), diags: diags, sink: sink, slow: slow}
	if sink.Batch != nil {
		p.batch = new(Batch)
	}
	p.run()
	if p.batch != nil && len(p.batch.decls) > 0 {
		sink.Batch(p.batch)
	}
	return FileInfo{IncludeGuard: lex.IncludeGuard()}
}

// batchSize is how many declarations File gathers before handing a batch
// over: enough to make the hand-over cheap, few enough to start reading
// early.
const batchSize = 64

// A Batch holds declarations that File found to carry a marker, or a
// specifier that may be a misspelt one, before they are read: their tokens
// and the preprocessor groups around each.
type Batch struct {
	toks  []clex.Token
	decls []pending
}

// pending is one declaration of a batch: its tokens toks[lo:hi], the token
// that ended it, and the groups around it.
type pending struct {
	lo, hi int
	term   clex.Token
	conds  []clex.Condition
}

// Reset empties b for reuse.
func (b *Batch) Reset() {
	b.toks, b.decls = b.toks[:0], b.decls[:0]
}

func (b *Batch) add(toks []clex.Token, term clex.Token, conds []clex.Condition) {
	lo := len(b.toks)
	b.toks = append(b.toks, toks...)
	b.decls = append(b.decls, pending{lo: lo, hi: len(b.toks), term: term, conds: conds})
}

// Reader reads the declarations of batches of one file. A Reader is not
// safe for concurrent use; each goroutine needs its own.
type Reader struct {
	p parser
}

// NewReader returns a Reader of batches from src, which came from file.
// src must not change while the declarations read are in use.
func NewReader(file string, src []byte) *Reader {
	return &Reader{p: parser{file: file, src: src, str: view(src)}}
}

// Read reads every declaration of b in order, as File would have, passing
// each wrapper declaration to fn and problems to diags. The Decl passed to
// fn is reused: fn copies what it keeps.
func (r *Reader) Read(b *Batch, diags *diag.List, fn func(*Decl)) {
	p := &r.p
	p.diags = diags
	for _, pd := range b.decls {
		p.decl = Decl{}
		if p.declaration(b.toks[pd.lo:pd.hi], pd.term, pd.conds, &p.decl) {
			fn(&p.decl)
		}
	}
	p.diags = nil
}

// HasWrapper reports whether src declares at least one wrapper, valid or
// not. It reads the file like File does, so a marker in a comment, a string
// or a dead group does not count.
func HasWrapper(file string, src []byte) bool {
	var diags diag.List
	lex := clex.New(file, src, &diags)
	p := &parser{lex: lex, file: file, src: src, str: lex.Source(), diags: &diags, probe: true, sink: Sink{Wrapper: func(*Decl) {}}}
	p.run()
	return p.hit
}

type parser struct {
	lex   *clex.Lexer // nil in a Reader
	file  string
	src   []byte
	str   string // src as a string sharing its memory
	diags *diag.List
	sink  Sink

	// probe makes the parser stop at the first declaration with a marker,
	// setting hit.
	probe bool
	hit   bool

	// buf holds the tokens of the current top-level declaration.
	buf []clex.Token
	// pieces is scratch space for reading one parameter.
	pieces []piece
	// decl is the declaration being read.
	decl Decl
	// paramBuf holds the parameters of the declaration read.
	paramBuf []model.Param
	// batch gathers the declarations to read for Sink.Batch.
	batch *Batch
	// conds is the lexer's latest Conditions, for spans to share.
	conds *[]clex.Condition
	// skim is where the lexer describes a declaration it skimmed.
	skim clex.Skim
	// slow (for tests) makes the parser read every token and take no
	// shortcut.
	slow bool
	// marked is set when buf holds a marker token.
	marked bool
}

// text returns t's spelling: its bytes with line splices removed, as a C
// compiler reads them, so that "co_wra\\<newline>pper" is the marker
// co_wrapper and a message quoting a token stays on one line. Without a
// splice it is a substring of the source and costs no allocation.
func (p *parser) text(t clex.Token) string {
	s := p.str[t.Off:t.End]
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	return string(spelling([]byte(s)))
}

func (p *parser) is(t clex.Token, s string) bool {
	raw := p.str[t.Off:t.End]
	if len(raw) == len(s) {
		return raw == s
	}
	return len(raw) > len(s) && strings.IndexByte(raw, '\\') >= 0 && p.text(t) == s
}

// spelling returns raw without its line splices (a backslash followed by
// "\n", "\r\n" or a lone "\r"); raw itself when it has none.
func spelling(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) && (raw[i+1] == '\n' || raw[i+1] == '\r') {
			i++
			if raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, raw[i])
	}
	return out
}

func (p *parser) pos(t clex.Token) diag.Pos {
	return diag.Pos{File: p.file, Line: int(t.Line), Col: int(t.Col)}
}

// after returns the position just after t. A token continued by a line
// splice ends on a later line than it starts, so the line breaks inside it
// are counted ("\n", "\r\n" or a lone "\r", as the lexer counts them).
func (p *parser) after(t clex.Token) diag.Pos {
	pos := p.pos(t)
	text := p.src[t.Off:t.End]
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r', '\n':
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			pos.Line++
			pos.Col = 1
		default:
			pos.Col++
		}
	}
	return pos
}

func (p *parser) errorf(pos diag.Pos, format string, args ...any) {
	p.diags.Errorf(pos, format, args...)
}

func (p *parser) run() {
	for {
		if len(p.buf) == 0 && !p.slow {
			if p.lex.Skim(&p.skim, skimReject, nil) {
				p.skimmed(&p.skim)
				continue
			}
			// A plain declaration with a marker, or a suspect: its tokens
			// come from the skimmer, which is cheaper than Next.
			if p.skim.Rejected && p.lex.Skim(&p.skim, nil, &p.buf) {
				for _, t := range p.buf {
					if t.Kind == clex.Ident && isMarker(p.text(t)) {
						p.marked = true
						break
					}
				}
				p.end(p.skim.Term)
				if p.probe && p.hit {
					return
				}
				continue
			}
		}
		t := p.lex.Next()
		switch {
		case t.Kind == clex.EOF:
			p.flush(t)
			return
		case t.Kind == clex.Directive:
			p.flush(t)
		case t.Kind == clex.Punct && (p.is(t, ";") || p.is(t, "{") || p.is(t, "}")):
			p.end(t)
		default:
			p.buf = append(p.buf, t)
			if t.Kind == clex.Ident && !p.marked && isMarker(p.text(t)) {
				p.marked = true
			}
		}
		if p.probe && p.hit {
			return
		}
	}
}

// skimReject tells the lexer which declarations it must not skim: those
// flush would examine, with a marker anywhere or a specifier that might be
// a misspelt one (see hasSuspect).
func skimReject(id string, specifier bool) bool {
	if specifier {
		return mightBeMarker(id)
	}
	return isMarker(id)
}

// skimmed does for a declaration the lexer skimmed what run and flush do
// for the same tokens: report a function, skip a body.
func (p *parser) skimmed(s *clex.Skim) {
	if p.sink.Function != nil && s.Count >= 2 && !p.is(s.First, "typedef") &&
		s.Open.Kind == clex.Punct && p.is(s.Open, "(") && s.Close.Kind != clex.EOF {
		p.functionSpan(s.First, s.Name, s.Open, s.Close, s.Term)
	}
	if p.is(s.Term, "{") {
		p.skipBody()
	}
}

// end ends the buffered declaration at term, a ';', '{' or '}'. A '{'
// opens a body or initializer to skip, unless it opens a linkage
// specification, extern "C" { ... }, whose declarations are at file scope
// (a header shared with C++) and whose '}' ends nothing. A '}' at file
// scope has no '{': a compiler will say so.
func (p *parser) end(term clex.Token) {
	brace := p.is(term, "{")
	if brace && p.linkageSpec() {
		p.buf = p.buf[:0]
		return
	}
	p.flush(term)
	if brace {
		p.skipBody()
	}
}

// linkageSpec reports whether the buffered tokens are `extern "..."`, so
// that the '{' after them opens a linkage specification.
func (p *parser) linkageSpec() bool {
	return len(p.buf) == 2 && p.is(p.buf[0], "extern") && p.buf[1].Kind == clex.String
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
		case p.is(t, "{"):
			depth++
		case p.is(t, "}"):
			depth--
		}
	}
}

// flush ends the current declaration at the terminator term and examines
// it if it may declare a wrapper: if it holds a marker, or a specifier that
// looks like a misspelt one.
func (p *parser) flush(term clex.Token) {
	if p.marked || p.hasSuspect() {
		if p.batch != nil && !p.probe {
			p.batch.add(p.buf, term, p.lex.Conditions())
			if len(p.batch.decls) >= batchSize {
				p.batch = p.sink.Batch(p.batch)
			}
			p.buf = p.buf[:0]
			p.marked = false
			return
		}
		before := p.diags.Len()
		// One Decl, reused: the sink copies what it keeps.
		p.decl = Decl{}
		ok := p.declaration(p.buf, term, p.lex.Conditions(), &p.decl)
		switch {
		case p.probe:
			// A declaration with an error counts: its file must be read
			// for the error to be reported.
			p.hit = ok || p.diags.Len() > before
		case ok:
			p.sink.Wrapper(&p.decl)
		}
	} else if p.sink.Function != nil {
		p.function(term)
	}
	p.buf = p.buf[:0]
	p.marked = false
}

// function reports the buffered declaration to the sink if it declares or
// defines a function: the identifier before its first '(' names it, after
// at least one specifier.
func (p *parser) function(term clex.Token) {
	if len(p.buf) < 2 || p.is(p.buf[0], "typedef") {
		return
	}
	for i := 1; i < len(p.buf); i++ {
		t := p.buf[i]
		if t.Kind != clex.Punct {
			continue
		}
		if !p.is(t, "(") {
			if p.is(t, "*") {
				continue
			}
			return
		}
		end := closing(p, p.buf, i)
		if end >= len(p.buf) {
			return
		}
		p.functionSpan(p.buf[0], p.buf[i-1], t, p.buf[end], term)
		return
	}
}

// conditions returns the lexer's Conditions behind a pointer shared by
// every span until they change: a pointer is smaller than a slice.
func (p *parser) conditions() *[]clex.Condition {
	cs := p.lex.Conditions()
	if len(cs) == 0 {
		return nil
	}
	if p.conds == nil || len(*p.conds) != len(cs) || &(*p.conds)[0] != &cs[0] {
		shared := cs // allocated here, not on every call
		p.conds = &shared
	}
	return p.conds
}

// functionSpan reports the declaration from first to term to the sink if
// name, before the parameter list's parentheses open and close, names a
// function.
func (p *parser) functionSpan(first, name, open, close, term clex.Token) {
	text := p.text(name)
	if name.Kind != clex.Ident || isKeyword(text) || isAttribute(text) || isAnnotationMacro(text) {
		return
	}
	p.sink.Function(Span{
		Off: first.Off, End: term.Off, Line: first.Line, Col: first.Col,
		nameOff: name.Off, nameEnd: name.End, paramsOff: open.End, paramsEnd: close.Off,
		conds: p.conditions(),
	})
}

// hasSuspect reports whether a specifier of the buffered declaration (an
// identifier followed by an identifier or '*' before the first '(') might
// be a misspelt marker.
func (p *parser) hasSuspect() bool {
	for i := 0; i+1 < len(p.buf); i++ {
		t, next := p.buf[i], p.buf[i+1]
		if t.Kind != clex.Ident {
			if p.is(t, "(") {
				return false
			}
			continue
		}
		if (next.Kind == clex.Ident || p.is(next, "*")) && mightBeMarker(p.text(t)) {
			return true
		}
	}
	return false
}

// declaration examines one top-level declaration (its tokens and the token
// that ended it). It returns ok=false when the declaration is not a wrapper
// or has an error, which it reports.
func (p *parser) declaration(toks []clex.Token, term clex.Token, conds []clex.Condition, d *Decl) bool {
	var (
		markerTok clex.Token
		hasMarker bool
		typeToks  []int // indices in toks
		nameIdx   = -1
		storage   clex.Token // a storage class a wrapper cannot have
		capitals  []int      // upper-case words: annotations, unless no other word is a type
	)
	// Declaration specifiers, up to the declarator's name.
specifiers:
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != clex.Ident {
			switch {
			case p.is(t, "*"):
				typeToks = append(typeToks, i)
				continue
			case !hasMarker:
				// Not a wrapper: the marker, if any, is elsewhere.
				break specifiers
			case p.is(t, "("):
				p.errorf(p.pos(t), "unsupported declarator: a wrapper must be declared as a plain function, TYPE %s NAME(PARAMS);", p.text(markerTok))
			default:
				p.errorf(p.pos(t), "expected a function name after '%s', found '%s'", p.text(markerTok), p.text(t))
			}
			return false
		}
		id := p.text(t)
		if m, ok := model.LookupMarker(id); ok {
			if hasMarker {
				p.errorf(p.pos(t), "two wrapper markers in one declaration: '%s' and '%s'", p.text(markerTok), id)
				return false
			}
			hasMarker, markerTok, d.Marker, d.MarkerPos = true, t, m, p.pos(t)
			continue
		}
		next, nextIsIdent := "", false
		if i+1 < len(toks) {
			next, nextIsIdent = p.text(toks[i+1]), toks[i+1].Kind == clex.Ident
		}
		kind, last := p.specifier(toks, i)
		switch {
		case kind == specCoroutineFn:
			d.CoroutineFn = d.CoroutineFn || id == "coroutine_fn"
		case kind == specCapitals:
			capitals = append(capitals, i)
		case kind == specAnnotation:
			i = last
		case kind == specName:
			nameIdx = i
			break specifiers
		case (nextIsIdent || next == "*") && mightBeMarker(id):
			// Only a specifier can be a marker; the declarator's own
			// name (followed by '(', ';', '=' ...) cannot.
			p.errorf(p.pos(t), "unknown wrapper marker '%s'%s", id, suggest(id))
			return false
		case id == "extern":
		case isForbiddenStorage(id):
			if storage.Kind == clex.EOF {
				storage = t
			}
		default:
			typeToks = append(typeToks, i)
		}
	}
	if !hasMarker {
		// A marker elsewhere than among the specifiers is misplaced.
		for _, t := range toks {
			if t.Kind == clex.Ident {
				if _, ok := model.LookupMarker(p.text(t)); ok {
					p.errorf(p.pos(t), "misplaced wrapper marker '%s': it belongs among the specifiers before the function name", p.text(t))
					return false
				}
			}
		}
		return false
	}
	if storage.Kind != clex.EOF {
		p.errorf(p.pos(storage), "a wrapper cannot be declared '%s': block-gen.c defines it as an ordinary external function", p.text(storage))
		return false
	}
	if nameIdx < 0 {
		p.errorf(p.pos(markerTok), "wrapper marker '%s' is not followed by a function declaration", p.text(markerTok))
		return false
	}
	nameTok := toks[nameIdx]
	d.Name, d.NamePos = p.text(nameTok), p.pos(nameTok)
	d.Conditions = conds

	// The return type.
	typeToks = typeOrAnnotations(p, toks, typeToks, capitals)
	rt, ok := p.returnType(toks, typeToks)
	if !ok {
		p.errorf(d.NamePos, "wrapper '%s' has no return type", d.Name)
		return false
	}
	d.ReturnType = rt
	if len(typeToks) > 0 {
		d.ReturnPos = p.pos(toks[typeToks[0]])
	}

	// The parameter list.
	open := nameIdx + 1
	end := closing(p, toks, open)
	if end >= len(toks) && term.Kind == clex.Directive {
		p.errorf(p.pos(term), "preprocessor directive inside the parameter list of '%s': a wrapper's parameters cannot depend on the configuration", d.Name)
		return false
	}
	if end >= len(toks) {
		p.errorf(p.pos(term), "missing ')' to close the parameter list of '%s' opened at %d:%d", d.Name, toks[open].Line, toks[open].Col)
		return false
	}
	params, ok := p.params(d.Name, toks, open, end)
	if !ok {
		return false
	}
	d.Params = params
	d.ParamsText = p.str[toks[open].End:toks[end].Off]
	d.ParamsLine, d.ParamsCol = int(toks[open].Line), int(toks[open].Col)+1 // '(' is one byte

	// After the parameter list: attributes, then ';'.
	for i := end + 1; i < len(toks); i++ {
		t := toks[i]
		id := p.text(t)
		switch {
		case t.Kind == clex.Ident && (isAttribute(id) || isAnnotationMacro(id) || id == "coroutine_fn" || id == "coroutine_mixed_fn"):
			if i+1 < len(toks) && p.is(toks[i+1], "(") {
				i = closing(p, toks, i+1)
			}
		case t.Kind == clex.Ident && isMarker(id):
			p.errorf(p.pos(t), "misplaced wrapper marker '%s': it belongs among the specifiers before the function name", id)
			return false
		default:
			p.errorf(p.after(toks[i-1]), "expected ';' after the declaration of '%s', found '%s'", d.Name, id)
			return false
		}
	}
	switch {
	case term.Kind == clex.Punct && p.is(term, ";"):
	case term.Kind == clex.Punct && p.is(term, "{"):
		p.errorf(p.pos(term), "wrapper '%s' must be a declaration, not a definition: block-gen.c holds its body", d.Name)
		return false
	default:
		p.errorf(p.after(toks[len(toks)-1]), "expected ';' after the declaration of '%s'", d.Name)
		return false
	}
	return true
}

// closing returns the index of the token that closes the bracket at
// toks[open], or len(toks) if none does.
func closing(p *parser, toks []clex.Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != clex.Punct {
			continue
		}
		switch p.src[t.Off] {
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

// returnType renders the specifier tokens as a type, dropping top-level
// qualifiers (they mean nothing on a return type and would make the ret
// field of the generated struct read-only).
func (p *parser) returnType(toks []clex.Token, idx []int) (string, bool) {
	lastStar := -1
	for k, i := range idx {
		if p.is(toks[i], "*") {
			lastStar = k
		}
	}
	words := p.pieces[:0]
	hasType := false
	for k, i := range idx {
		t := toks[i]
		text := p.text(t)
		if k > lastStar && isQualifier(text) {
			continue
		}
		if t.Kind == clex.Ident && !isQualifier(text) {
			hasType = true
		}
		words = append(words, piece{text: text, kind: t.Kind, index: i, off: t.Off, end: t.End})
	}
	p.pieces = words
	if !hasType {
		return "", false
	}
	return p.render(words, -1, false), true
}

// piece is a token of a declarator being rewritten: its text, kind, and
// its index in the declaration's token buffer (-1 for a token the rewrite
// made up).
type piece struct {
	text     string
	kind     clex.Kind
	index    int
	off, end int32 // source offsets of an original token
}

func (pc piece) isWord() bool {
	switch pc.kind {
	case clex.Ident, clex.Number, clex.String, clex.Char:
		return true
	}
	return false
}

// render joins pieces, leaving out the one at index skip (-1 for none).
// With keepBlanks, where two pieces were adjacent tokens separated only by
// blanks the blanks are kept, as the reference generator keeps a
// declaration's spelling; elsewhere (comments, line breaks, rewritten
// pieces, and everywhere without keepBlanks) a canonical separator is used.
// When that reproduces the source exactly, the result is a substring of it
// and costs no allocation.
func (p *parser) render(pieces []piece, skip int, keepBlanks bool) string {
	if s, ok := p.verbatim(pieces, skip, keepBlanks); ok {
		return s
	}
	var b strings.Builder
	var prev *piece
	for k := range pieces {
		if k == skip {
			continue
		}
		pc := &pieces[k]
		if prev != nil {
			sep := canonicalSep(*prev, *pc)
			if keepBlanks && prev.index >= 0 && pc.index == prev.index+1 {
				if g := p.str[prev.end:pc.off]; isBlank(g) {
					sep = g
				}
			}
			b.WriteString(sep)
		}
		b.WriteString(pc.text)
		prev = pc
	}
	return b.String()
}

// verbatim returns the source text that render would produce, if it is one.
func (p *parser) verbatim(pieces []piece, skip int, keepBlanks bool) (string, bool) {
	first, last := -1, -1
	for k := range pieces {
		if k == skip {
			continue
		}
		pc := pieces[k]
		if pc.index < 0 {
			return "", false
		}
		if last >= 0 {
			prev := pieces[last]
			if pc.index != prev.index+1 {
				return "", false
			}
			g := p.str[prev.end:pc.off]
			if keepBlanks && !isBlank(g) || !keepBlanks && g != canonicalSep(prev, pc) {
				return "", false
			}
		} else {
			first = k
		}
		last = k
	}
	if first < 0 {
		return "", true
	}
	text := p.str[pieces[first].off:pieces[last].end]
	if strings.IndexByte(text, '\\') >= 0 {
		return "", false // a line splice to drop, or an escape: build it
	}
	return text, true
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// canonicalSep is the separator the generator prints between two tokens
// when it cannot keep the source's: "int *p", "void (*cb)(void *, int)".
func canonicalSep(a, b piece) string {
	switch {
	case a.isWord() && b.isWord():
		return " "
	case b.text == "*":
		if a.isWord() || a.text == ")" || a.text == "]" {
			return " "
		}
		return ""
	case a.text == "(" || a.text == "[":
		return ""
	case b.text == ")" || b.text == "]" || b.text == ",":
		return ""
	case a.text == ",":
		return " "
	case b.text == "(":
		if a.isWord() {
			return " "
		}
		return ""
	case b.text == "[" || a.text == "*":
		return ""
	}
	return " "
}

// params splits the parameter list toks[open+1:end] at top-level commas and
// reads each parameter.
func (p *parser) params(fn string, toks []clex.Token, open, end int) ([]model.Param, bool) {
	inner := toks[open+1 : end]
	if len(inner) == 0 || (len(inner) == 1 && p.is(inner[0], "void")) {
		return nil, true
	}
	// The parameters live in scratch memory until the next declaration:
	// most wrappers keep them as text (model.Wrapper.SetParams).
	params := p.paramBuf[:0]
	ok := p.eachParam(toks, open, end, func(lo, hi int) bool {
		if lo == hi {
			p.errorf(p.pos(toks[hi]), "expected a parameter declaration before '%s' in '%s'", p.text(toks[hi]), fn)
			return false
		}
		param, ok := p.param(fn, toks, lo, hi)
		params = append(params, param)
		return ok
	})
	p.paramBuf = params // keep the grown scratch buffer
	if !ok {
		return nil, false
	}
	return params, true
}

// eachParam calls fn with the bounds [lo, hi) of each parameter of the
// list whose parentheses are toks[open] and toks[end], split at top-level
// commas; an empty parameter has lo == hi. It stops, returning false, when
// fn does.
func (p *parser) eachParam(toks []clex.Token, open, end int, fn func(lo, hi int) bool) bool {
	start, depth := open+1, 0
	for i := open + 1; i <= end; i++ {
		t := toks[i]
		if i < end && t.Kind == clex.Punct {
			switch p.str[t.Off] {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
		}
		if i == end || (depth == 0 && p.is(t, ",")) {
			if !fn(start, i) {
				return false
			}
			start = i + 1
		}
	}
	return true
}

// param reads the parameter declaration toks[lo:hi].
func (p *parser) param(fn string, toks []clex.Token, lo, hi int) (model.Param, bool) {
	if !p.slow {
		if param, ok := p.plainParam(toks[lo:hi]); ok {
			return param, true
		}
	}
	pos := p.pos(toks[lo])
	pieces := p.pieces[:0]
	for i := lo; i < hi; i++ {
		t := toks[i]
		text := p.text(t)
		if t.Kind == clex.Ident && isAttribute(text) {
			if i+1 < hi && p.is(toks[i+1], "(") {
				i = closing(p, toks[:hi], i+1)
			}
			continue
		}
		if t.Kind == clex.Ident && text == "register" {
			continue // a storage class, which a struct member cannot have
		}
		switch {
		case p.is(t, "..."):
			p.errorf(p.pos(t), "wrapper '%s' is variadic: a variable argument list cannot be packed into the generated struct", fn)
			return model.Param{}, false
		case p.is(t, "void") && hi-lo == 1:
			p.errorf(pos, "'void' must be the only parameter of '%s'", fn)
			return model.Param{}, false
		case t.Kind == clex.Ident && isMarker(text):
			p.errorf(p.pos(t), "misplaced wrapper marker '%s' in the parameter list of '%s'", text, fn)
			return model.Param{}, false
		case t.Kind == clex.Other || t.Kind == clex.Directive || (t.Kind == clex.Punct && strings.Contains("{};=", text)):
			p.errorf(p.pos(t), "unexpected '%s' in a parameter of '%s'", text, fn)
			return model.Param{}, false
		}
		pieces = append(pieces, piece{text: text, kind: t.Kind, index: i, off: t.Off, end: t.End})
	}
	p.pieces = pieces // keep the grown scratch buffer
	if nesting(pieces) > maxNesting {
		p.errorf(pos, "parameter of '%s' nested more than %d parentheses deep", fn, maxNesting)
		return model.Param{}, false
	}
	name := declaratorName(pieces, 0, len(pieces))
	if name < 0 || isKeyword(pieces[name].text) {
		p.errorf(pos, "parameter '%s' of '%s' has no name: the generated struct stores every argument under its name", p.render(pieces, -1, false), fn)
		return model.Param{}, false
	}
	if !hasTypeBefore(pieces, name) {
		// A lone identifier is a type without a name or a name without a
		// type (K&R style); either way it cannot be stored.
		p.errorf(pos, "parameter '%s' of '%s' needs both a type and a name", p.render(pieces, -1, false), fn)
		return model.Param{}, false
	}
	// The parameter list keeps the declarator as written: a definition
	// that said uint8_t *buf where the declaration says uint8_t buf[16]
	// draws gcc's -Warray-parameter. The struct member is the pointer the
	// array decays to.
	written := p.render(pieces, -1, true)
	member := written
	if decayed, dname, changed := decay(pieces, name); changed {
		pieces, name = decayed, dname
		member = p.render(pieces, -1, true)
	}
	return model.NewParam(p.render(pieces, name, false), pieces[name].text, written, member, pos.Line, pos.Col), true
}

// plainParam reads the most common parameter without the general machinery
// of param: words and '*' only ("BlockDriverState *bs", "int64_t offset"),
// a type word before the name, spelt with single blanks where a canonical
// rendering has them. It returns ok=false for anything else, which param
// then reads; for what it accepts it returns exactly what param would.
func (p *parser) plainParam(toks []clex.Token) (model.Param, bool) {
	n := len(toks)
	if n < 2 || toks[0].Kind != clex.Ident || toks[n-1].Kind != clex.Ident {
		return model.Param{}, false
	}
	typed := false
	for i, t := range toks {
		raw := p.str[t.Off:t.End]
		switch {
		case t.Kind == clex.Punct:
			if raw != "*" {
				return model.Param{}, false
			}
		case t.Kind != clex.Ident || strings.IndexByte(raw, '\\') >= 0:
			return model.Param{}, false
		case isAttribute(raw) || isMarker(raw) || raw == "register" || raw == "struct" || raw == "union" || raw == "enum":
			return model.Param{}, false
		case i < n-1 && !typed:
			typed = !isQualifier(raw) || raw == "_Atomic"
		}
		if i == 0 {
			continue
		}
		// The blanks between two tokens: the declarator keeps them if they
		// are blanks; the type must be spelt canonically to be a substring.
		gap := p.str[toks[i-1].End:t.Off]
		if !isBlank(gap) {
			return model.Param{}, false
		}
		if i < n-1 {
			want := " " // word word, word '*'
			if toks[i-1].Kind == clex.Punct {
				want = "" // '*' '*', '*' word
			}
			if gap != want {
				return model.Param{}, false
			}
		}
	}
	name := p.str[toks[n-1].Off:toks[n-1].End]
	if !typed || isKeyword(name) {
		return model.Param{}, false
	}
	decl := p.str[toks[0].Off:toks[n-1].End]
	typ := p.str[toks[0].Off:toks[n-2].End]
	return model.NewParam(typ, name, decl, decl, int(toks[0].Line), int(toks[0].Col)), true
}

// maxNesting bounds the parentheses and brackets of one parameter: no real
// declarator comes near, and reading one costs time in the square of it.
const maxNesting = 256

// nesting returns the deepest nesting of brackets in pieces.
func nesting(pieces []piece) int {
	depth, deepest := 0, 0
	for _, pc := range pieces {
		switch pc.text {
		case "(", "[":
			depth++
			deepest = max(deepest, depth)
		case ")", "]":
			depth--
		}
	}
	return deepest
}

// declaratorName returns the index of the declared name in pieces[lo:hi],
// or -1 for an abstract declarator. The name is the last identifier before
// the declarator's suffixes ("[...]", "(...)") and after its last '*';
// a parenthesised declarator such as "(*cb)" is searched first.
func declaratorName(pieces []piece, lo, hi int) int {
	name := -1
	for i := lo; i < hi; i++ {
		pc := pieces[i]
		switch {
		case pc.text == "(":
			j := matchPiece(pieces, i, hi)
			inner := i + 1
			if inner < j && (pieces[inner].text == "*" || pieces[inner].text == "^" || pieces[inner].text == "(") {
				if n := declaratorName(pieces, inner, j); n >= 0 {
					return n
				}
			}
			return name
		case pc.text == "[":
			return name
		case pc.text == "*":
			name = -1
		case pc.kind == clex.Ident:
			if pc.text == "struct" || pc.text == "union" || pc.text == "enum" {
				// The next identifier is a tag, not a name.
				i++
				name = -1
				continue
			}
			if isTypeOperator(pc.text) && i+1 < hi && pieces[i+1].text == "(" {
				// _Atomic(int), typeof(x): a type, whatever is inside.
				i = matchPiece(pieces, i+1, hi)
				name = -1
				continue
			}
			name = i
		}
	}
	return name
}

// isTypeOperator reports whether id, followed by parentheses, spells a
// type.
func isTypeOperator(id string) bool {
	switch id {
	case "_Atomic", "typeof", "__typeof__", "__typeof", "typeof_unqual", "__typeof_unqual__":
		return true
	}
	return false
}

func matchPiece(pieces []piece, open, hi int) int {
	depth := 0
	for i := open; i < hi; i++ {
		switch pieces[i].text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return hi
}

// hasTypeBefore reports whether a type specifier precedes the name.
func hasTypeBefore(pieces []piece, name int) bool {
	for _, pc := range pieces[:name] {
		if pc.kind == clex.Ident && (!isQualifier(pc.text) || pc.text == "_Atomic") && pc.text != "register" {
			return true
		}
	}
	return false
}

// decay rewrites an array or function parameter as the pointer it is:
// "uint8_t buf[16]" becomes "uint8_t *buf", "int m[2][3]" becomes
// "int (*m)[3]", "void cb(int)" becomes "void (*cb)(int)". Qualifiers
// inside the first brackets move after the '*'. It returns the new pieces,
// the new index of the name, and whether anything decayed.
func decay(pieces []piece, name int) ([]piece, int, bool) {
	if name+1 >= len(pieces) {
		return pieces, name, false
	}
	var quals []piece
	rest := pieces[name+1:]
	switch rest[0].text {
	case "[":
		j := matchPiece(rest, 0, len(rest))
		for _, pc := range rest[1:j] {
			if isQualifier(pc.text) {
				quals = append(quals, piece{text: pc.text, kind: pc.kind, index: -1})
			}
		}
		if j < len(rest) {
			rest = rest[j+1:]
		} else {
			rest = nil
		}
	case "(":
	default:
		return pieces, name, false
	}
	out := make([]piece, 0, len(pieces)+3)
	out = append(out, pieces[:name]...)
	star := piece{text: "*", kind: clex.Punct, index: -1}
	nameP := pieces[name]
	nameP.index = -1
	wrap := len(rest) > 0 && (rest[0].text == "[" || rest[0].text == "(")
	if wrap {
		out = append(out, piece{text: "(", kind: clex.Punct, index: -1})
	}
	out = append(out, star)
	out = append(out, quals...)
	newName := len(out)
	out = append(out, nameP)
	if wrap {
		out = append(out, piece{text: ")", kind: clex.Punct, index: -1})
	}
	for _, pc := range rest {
		pc.index = -1
		out = append(out, pc)
	}
	return out, newName, true
}

// mightBeMarker reports whether an identifier looks enough like a marker
// to be a misspelling of one: it mentions "wrapper", starts like a marker,
// or is within two edits of one.
func mightBeMarker(id string) bool {
	if len(id) < 8 || len(id) > 40 {
		return false
	}
	if strings.Contains(id, "wrapper") || strings.HasPrefix(id, "co_wrap") || strings.HasPrefix(id, "no_co_wrap") {
		return true
	}
	if !strings.Contains(id, "co") && !strings.Contains(id, "wr") && !strings.Contains(id, "ap") {
		return false
	}
	if isCoroutineAnnotation(id) {
		return false
	}
	for _, m := range model.Markers {
		if abs(len(m.Name)-len(id)) <= 2 && editDistance(id, m.Name) <= 2 {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// suggest explains why id is not a marker: a combination of marker words
// that no release accepts gets the reason, anything else the closest marker.
func suggest(id string) string {
	if why := badCombination(id); why != "" {
		return ": " + why
	}
	best, bestDist := "", 1<<30
	for _, m := range model.Markers {
		if m.Removed != "" {
			continue
		}
		if d := editDistance(id, m.Name); d < bestDist {
			best, bestDist = m.Name, d
		}
	}
	return fmt.Sprintf("; did you mean '%s'?", best)
}

// badCombination returns why id, built from the words of the markers
// ("co_wrapper", "no_co_wrapper", "_mixed", "_bdrv_rdlock", "_bdrv_wrlock"),
// is not a marker; "" if id is not built that way.
func badCombination(id string) string {
	kind := model.Co
	rest, ok := strings.CutPrefix(id, "no_co_wrapper")
	if ok {
		kind = model.NoCo
	} else if rest, ok = strings.CutPrefix(id, "co_wrapper"); !ok {
		return ""
	}
	var mixed, rd, wr, ordered = false, false, false, true
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "_mixed") && !mixed:
			mixed, ordered = true, ordered && !rd && !wr
			rest = rest[len("_mixed"):]
		case strings.HasPrefix(rest, "_bdrv_rdlock") && !rd:
			rd, rest = true, rest[len("_bdrv_rdlock"):]
		case strings.HasPrefix(rest, "_bdrv_wrlock") && !wr:
			wr, rest = true, rest[len("_bdrv_wrlock"):]
		default:
			return ""
		}
	}
	switch {
	case rd && wr:
		return "a wrapper takes the graph read lock or the write lock, not both"
	case kind == model.Co && wr:
		return "co wrappers cannot take the graph write lock; only no_co_wrapper_bdrv_wrlock does"
	case kind == model.NoCo && mixed:
		return "no_co wrappers cannot be mixed: they are only called in coroutine context"
	case !ordered:
		return "'_mixed' comes before the lock; did you mean 'co_wrapper_mixed_bdrv_rdlock'?"
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	var rows [2][64]int
	prev, cur := rows[0][:], rows[1][:]
	if len(b)+1 > len(prev) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isMarker reports whether id is a marker. It is called for every
// identifier of a file, so it rejects by length and first byte before
// comparing.
func isMarker(id string) bool {
	if len(id) < 10 || len(id) > 28 || (id[0] != 'c' && id[0] != 'n' && id[0] != 'g') {
		return false
	}
	_, ok := model.LookupMarker(id)
	return ok
}

func isAttribute(id string) bool {
	switch id {
	case "__attribute__", "__attribute", "__declspec", "__asm__", "__asm", "asm", "_Pragma":
		return true
	}
	return false
}

// specKind is what an identifier among a declaration's specifiers is.
type specKind int

const (
	specOther       specKind = iota // a type word, a marker, a storage class...
	specCoroutineFn                 // coroutine_fn and its relatives
	specCapitals                    // an upper-case word: see typeOrAnnotations
	specAnnotation                  // an attribute or annotation macro, with its arguments
	specName                        // the declared function's name
)

// specifier classifies the identifier toks[i] among specifiers; for an
// annotation, last is the index of its last token.
func (p *parser) specifier(toks []clex.Token, i int) (kind specKind, last int) {
	id := p.text(toks[i])
	call := i+1 < len(toks) && p.is(toks[i+1], "(")
	switch {
	case isCoroutineAnnotation(id):
		return specCoroutineFn, i
	case isAnnotationMacro(id) && !call:
		return specCapitals, i
	case isAttribute(id) || (isAnnotationMacro(id) && isAnnotationCall(p, toks, i)):
		if call {
			return specAnnotation, closing(p, toks, i+1)
		}
		return specAnnotation, i
	case call:
		return specName, i
	}
	return specOther, i
}

// isCoroutineAnnotation reports whether id is one of QEMU's coroutine
// annotations, which expand to nothing the generated code needs.
func isCoroutineAnnotation(id string) bool {
	return id == "coroutine_fn" || id == "coroutine_mixed_fn" || id == "no_coroutine_fn"
}

// isAnnotationCall tells an upper-case identifier with arguments at
// toks[i] used as an annotation macro (TSA_REQUIRES(x)) from the declared
// function, which the spelling alone cannot: it is the function if nothing
// but annotations follows its arguments.
func isAnnotationCall(p *parser, toks []clex.Token, i int) bool {
	for j := closing(p, toks, i+1) + 1; j < len(toks); j++ {
		t := toks[j]
		if t.Kind == clex.Ident || p.is(t, "*") {
			return true // more specifiers, or the declarator
		}
	}
	return false
}

// typeOrAnnotations decides what the upper-case words among the
// specifiers are: annotations (GRAPH_RDLOCK) when another word names the
// type, else the last of them is the type (a typedef such as RND_T). It
// returns the type's tokens, in order.
func typeOrAnnotations(p *parser, toks []clex.Token, typeToks, capitals []int) []int {
	if len(capitals) == 0 {
		return typeToks
	}
	for _, i := range typeToks {
		if toks[i].Kind == clex.Ident && !isQualifier(p.text(toks[i])) {
			return typeToks
		}
	}
	out := append(typeToks[:len(typeToks):len(typeToks)], capitals[len(capitals)-1])
	slices.Sort(out)
	return out
}

// isAnnotationMacro reports whether id is spelt like QEMU's annotation
// macros (GRAPH_RDLOCK, TSA_NO_TSA, G_GNUC_WARN_UNUSED_RESULT): upper case
// with at least one '_'. Such a specifier is accepted and not repeated.
func isAnnotationMacro(id string) bool {
	if !strings.Contains(id, "_") {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_' {
			return false
		}
	}
	return id[0] != '_'
}

func isForbiddenStorage(id string) bool {
	switch id {
	case "static", "inline", "__inline", "__inline__", "typedef", "register", "auto", "_Thread_local", "__thread", "_Noreturn":
		return true
	}
	return false
}

func isQualifier(id string) bool {
	switch id {
	case "const", "volatile", "restrict", "__restrict", "__restrict__", "_Atomic":
		return true
	}
	return false
}

// isKeyword reports whether id is a C keyword, which cannot name a
// parameter.
func isKeyword(id string) bool {
	switch id {
	case "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
		"enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
		"restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
		"typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
		"_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
		"_Thread_local", "__restrict", "__restrict__", "bool":
		return true
	}
	return false
}
