package parse

import (
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// readParams splits the parameter list toks[open+1:end] of the wrapper fn at
// top-level commas and reads each parameter.
func (p *parser) readParams(fn string, toks []clex.Token, open, end int) ([]model.Param, bool) {
	if none, _ := p.noParams(toks[open+1 : end]); none {
		return nil, true
	}
	// The model keeps the parameters: room for exactly as many as there
	// are, counted first, rather than a scratch slice grown and copied
	// (36K instructions and 10 KB on QEMU's headers).
	params := make([]model.Param, 0, p.countParams(toks, open, end))
	ok := p.eachParam(toks, open, end, func(lo, hi int) bool {
		if lo == hi {
			p.errorf(diag.Parameter, p.pos(toks[hi]), "expected a parameter declaration before '%s' in '%s'", p.text(toks[hi]), fn)
			return false
		}
		param, ok := p.param(fn, toks, lo, hi, params)
		params = append(params, param)
		return ok
	})
	return params, ok
}

// noParams reports whether the parameter list inner (inside its
// parentheses) declares no parameter: "(void)", or "()", which is
// unspecified as well, a declaration without a prototype.
func (p *parser) noParams(inner []clex.Token) (none, unspecified bool) {
	if len(inner) == 0 {
		return true, true
	}
	return len(inner) == 1 && p.is(inner[0], "void"), false
}

// countParams returns how many parameters eachParam finds in the list
// whose parentheses are toks[open] and toks[end].
func (p *parser) countParams(toks []clex.Token, open, end int) int {
	n := 0
	p.eachParam(toks, open, end, func(int, int) bool { n++; return true })
	return n
}

// eachParam calls fn with the bounds [lo, hi) of each parameter of the
// list whose parentheses are toks[open] and toks[end], split at top-level
// commas; an empty parameter has lo == hi. It stops, returning false, when
// fn does.
func (p *parser) eachParam(toks []clex.Token, open, end int, fn func(lo, hi int) bool) bool {
	start, depth := open+1, 0
	for i := open + 1; i < end; i++ {
		if t := &toks[i]; t.Kind == clex.Punct {
			switch p.punct(*t) {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			case ',':
				if depth == 0 {
					if !fn(start, i) {
						return false
					}
					start = i + 1
				}
			}
		}
	}
	return fn(start, end)
}

// param reads the parameter declaration toks[lo:hi] of the wrapper fn,
// whose parameters before it are earlier.
func (p *parser) param(fn string, toks []clex.Token, lo, hi int, earlier []model.Param) (model.Param, bool) {
	pos := p.span(toks[lo], toks[hi-1])
	if name, ok := p.plainDeclarator(toks[lo:hi]); ok && name >= 0 && !p.slow {
		// Most parameters: the same result without pieces.
		plain := toks[lo:hi]
		param := model.Param{Name: p.text(plain[name]), Decl: p.renderPlain(plain, true), Pos: pos}
		if t := plain[name]; int(t.Line) == pos.Line {
			param.NameCol = int(t.Col)
		}
		param.Member = param.Decl
		param.Type = p.renderPlain(plain[:name], false)
		return param, true
	}
	pieces := p.pieces[:0]
	defer func() { p.pieces = pieces[:0] }()
	// attrs are the attribute specifiers ("[[...]]"): the index of the
	// first '[' of each, and where it stood among the pieces.
	type attr struct{ tok, at int }
	var attrs []attr
	var gnuAttrs [][2]int // __attribute__((...)): first and last token
	for i := lo; i < hi; i++ {
		t := toks[i]
		if end := p.attrSpec(toks[:hi], i); end >= 0 {
			attrs = append(attrs, attr{i, len(pieces)})
			i = end
			continue
		}
		text := p.text(t)
		if t.Kind == clex.Ident && isAttribute(text) {
			first := i
			if i+1 < hi && p.is(toks[i+1], "(") {
				i = closing(p, toks[:hi], i+1)
			}
			gnuAttrs = append(gnuAttrs, [2]int{first, min(i, hi-1)})
			continue
		}
		if t.Kind == clex.Ident && text == "register" {
			continue // a storage class, which a struct member cannot have
		}
		switch {
		case p.is(t, "..."):
			p.errorf(diag.Parameter, p.pos(t), "wrapper '%s' is variadic: a variable argument list cannot be packed into the generated struct", fn)
			return model.Param{}, false
		case p.is(t, "void") && hi-lo == 1:
			p.errorf(diag.Parameter, pos, "'void' must be the only parameter of '%s'", fn)
			return model.Param{}, false
		case t.Kind == clex.Ident && isMarker(text):
			p.errorf(diag.MisplacedMarker, p.pos(t), "misplaced wrapper marker '%s' in the parameter list of '%s'", text, fn)
			return model.Param{}, false
		case t.Kind == clex.Other || t.Kind == clex.Directive || (t.Kind == clex.Punct && strings.Contains("{};=", text)):
			p.errorf(diag.Parameter, p.pos(t), "unexpected '%s' in a parameter of '%s'", text, fn)
			return model.Param{}, false
		}
		pieces = append(pieces, p.piece(toks, i))
	}
	if nesting(pieces) > maxNesting {
		p.errorf(diag.Parameter, pos, "parameter of '%s' nested more than %d parentheses deep", fn, maxNesting)
		return model.Param{}, false
	}
	name := declarator.Name(pieces, 0, len(pieces))
	if name < 0 || ctype.IsKeyword(pieces[name].text) {
		p.errorf(diag.Parameter, pos, "parameter '%s' of '%s' has no name: the generated struct stores every argument under its name", render(p.src, pieces, -1, false), fn)
		return model.Param{}, false
	}
	if !declarator.HasTypeBefore(pieces, name) {
		// A lone identifier is a type without a name or a name without a
		// type (K&R style); either way it cannot be stored.
		p.errorf(diag.Parameter, pos, "parameter '%s' of '%s' needs both a type and a name", render(p.src, pieces, -1, false), fn)
		return model.Param{}, false
	}
	// An attribute specifier at the start of the parameter appertains to
	// it, as does one right after its name (C23 6.7.7.1); elsewhere it
	// would appertain to a type, which the generated code repeats.
	for _, a := range attrs {
		last := p.attrSpec(toks[:hi], a.tok)
		if a.at != 0 && a.at != name+1 {
			p.errorf(diag.Parameter, p.span(toks[a.tok], toks[last]), "attribute specifier sequences are not supported here: in parameter '%s' of '%s' '[[...]]' would appertain to a type; put it before the parameter or after its name", pieces[name].text, fn)
			return model.Param{}, false
		}
		if !p.checkAttrs(toks, a.tok, last, "in parameter '"+pieces[name].text+"' of '"+fn+"'") {
			return model.Param{}, false
		}
	}
	for _, a := range gnuAttrs {
		if !p.checkGNUAttrs(toks[:hi], a[0], a[1], "in parameter '"+pieces[name].text+"' of '"+fn+"'") {
			return model.Param{}, false
		}
	}
	if !p.definable(fn, toks, pieces, name, earlier) {
		return model.Param{}, false
	}
	// The parameter list keeps the declarator as written: a definition
	// that said uint8_t *buf where the declaration says uint8_t buf[16]
	// draws gcc's -Warray-parameter. The struct member is the pointer the
	// array decays to.
	param := model.Param{Name: pieces[name].text, Decl: render(p.src, pieces, -1, true), Pos: pos}
	if t := toks[pieces[name].index]; int(t.Line) == pos.Line {
		param.NameCol = int(t.Col)
	}
	param.Member = param.Decl
	if decayed, dname, changed := decay(pieces, name); changed {
		pieces, name = decayed, dname
		param.Member = render(p.src, pieces, -1, true)
	}
	param.Type = render(p.src, pieces, name, false)
	return param, true
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

// piece is a token of a declarator being rewritten: its text, kind, and
// its index in the declaration's tokens and offsets in the source (index
// -1 for a token the rewrite made up).
type piece struct {
	text     string
	kind     clex.Kind
	index    int
	off, end int
}

// piece returns toks[i] as a piece.
func (p *parser) piece(toks []clex.Token, i int) piece {
	t := toks[i]
	return piece{text: p.text(t), kind: t.Kind, index: i, off: int(t.Off), end: int(t.End)}
}

func (pc piece) isWord() bool {
	switch pc.kind {
	case clex.Ident, clex.Number, clex.String, clex.Char:
		return true
	}
	return false
}

// render joins pieces, leaving out the one at index skip (-1 for none).
// With keepBlanks, where two pieces were adjacent tokens of src separated
// only by blanks the blanks are kept, as the reference generator keeps a
// declaration's spelling; elsewhere (comments, line breaks, rewritten
// pieces, and everywhere without keepBlanks) a canonical separator is
// used. src matters only with keepBlanks, and for the common case where
// the result is spelt exactly as in src: it is then a substring of src,
// and costs no allocation.
func render(src string, pieces []piece, skip int, keepBlanks bool) string {
	// A first pass finds the separators and whether the result is src's.
	n, verbatim := 0, src != ""
	first, last := -1, -1
	for k := range pieces {
		if k == skip {
			continue
		}
		pc := &pieces[k]
		verbatim = verbatim && pc.index >= 0 && pc.text == src[pc.off:pc.end]
		if last >= 0 {
			sep := separator(src, &pieces[last], pc, keepBlanks)
			verbatim = verbatim && pc.index == pieces[last].index+1 && src[pieces[last].end:pc.off] == sep
			n += len(sep)
		} else {
			first = k
		}
		n += len(pc.text)
		last = k
	}
	switch {
	case first < 0:
		return ""
	case verbatim:
		return src[pieces[first].off:pieces[last].end]
	}
	var b strings.Builder
	b.Grow(n)
	last = -1
	for k := range pieces {
		if k == skip {
			continue
		}
		if last >= 0 {
			b.WriteString(separator(src, &pieces[last], &pieces[k], keepBlanks))
		}
		b.WriteString(pieces[k].text)
		last = k
	}
	return b.String()
}

// separator returns what render writes between the pieces a and b.
func separator(src string, a, b *piece, keepBlanks bool) string {
	if keepBlanks && a.index >= 0 && b.index == a.index+1 {
		if g := src[a.end:b.off]; isBlank(g) {
			return g
		}
	}
	return canonicalSep(*a, *b)
}

// isBlank reports whether s is only spaces and tabs.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// plainDeclarator reads the declaration toks of a parameter made of
// identifiers and '*' only, as most are ("BlockDriverState *bs"), the way
// declarator.Name and HasTypeBefore read its pieces: it returns the index
// of its name, -1 for none (the last token is no identifier, is a keyword,
// or has no type before it). ok=false leaves anything else, and what the
// pieces would read otherwise (an attribute, "register", a tag with no
// name after it, a splice, a marker), to the general reading. On QEMU's headers
// pieces cost 0.24M instructions for the 191 parameters of the functions
// wrappers call and as much again for the wrappers'; this, a tenth.
func (p *parser) plainDeclarator(toks []clex.Token) (name int, ok bool) {
	n := len(toks)
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Kind == clex.Punct && p.src[t.Off] == '*':
		case t.Kind == clex.Ident && !t.Spliced:
			// The words asked about below all start with one of these
			// letters; most type names and parameter names do not.
			switch id := p.src[t.Off:t.End]; id[0] {
			case '_', 'a', 'r':
				if isAttribute(id) || id == "register" {
					return -1, false
				}
			case 's', 'u', 'e':
				if (id == "struct" || id == "union" || id == "enum") && i >= n-2 {
					return -1, false // the tag would be the last token, or none
				}
			}
			if isMarker(p.src[t.Off:t.End]) {
				return -1, false // misplaced, which the general reading reports
			}
		default:
			return -1, false
		}
	}
	last := toks[n-1]
	if last.Kind != clex.Ident || ctype.IsKeyword(p.src[last.Off:last.End]) {
		return -1, true
	}
	for _, t := range toks[:n-1] {
		if id := p.src[t.Off:t.End]; t.Kind == clex.Ident && (!ctype.IsQualifier(id) || id == "_Atomic") {
			return n - 1, true
		}
	}
	return -1, true
}

// renderPlain is render for the tokens toks, which plainDeclarator read:
// identifiers and '*', none spliced, all of them in a row.
func (p *parser) renderPlain(toks []clex.Token, keepBlanks bool) string {
	if len(toks) == 0 {
		return ""
	}
	first, last := &toks[0], &toks[len(toks)-1]
	verbatim := true
	for i := 1; i < len(toks) && verbatim; i++ {
		a := &toks[i-1]
		switch gap := p.src[a.End:toks[i].Off]; {
		case a.Kind == clex.Punct && gap == "", a.Kind != clex.Punct && gap == " ":
			// The separator plainSep chooses.
		default:
			verbatim = keepBlanks && isBlank(gap)
		}
	}
	if verbatim {
		return p.src[first.Off:last.End]
	}
	// A separator is at most one byte, or blanks that the source has.
	var b strings.Builder
	b.Grow(int(last.End-first.Off) + len(toks))
	for i, t := range toks {
		if i > 0 {
			b.WriteString(p.plainSep(toks[i-1], p.src[toks[i-1].End:t.Off], keepBlanks))
		}
		b.WriteString(p.src[t.Off:t.End])
	}
	return b.String()
}

// plainSep is separator for renderPlain: the blanks gap between the token
// a and the next, kept, or canonicalSep's choice: "" after '*', else " ".
func (p *parser) plainSep(a clex.Token, gap string, keepBlanks bool) string {
	switch {
	case keepBlanks && isBlank(gap):
		return gap
	case a.Kind == clex.Punct:
		return ""
	}
	return " "
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

// declarator reads a parameter's pieces as package ctype reads C's
// declarators: the one reading of a declarator's name and brackets.
var declarator = ctype.Declarator[piece]{Of: func(pc piece) (string, clex.Kind) { return pc.text, pc.kind }}

// decay rewrites an array or function parameter as the pointer it is:
// "uint8_t buf[16]" becomes "uint8_t *buf", "int m[2][3]" becomes
// "int (*m)[3]", "void cb(int)" becomes "void (*cb)(int)". Qualifiers
// inside the first brackets move after the '*'. It returns the new pieces,
// the new index of the name, and whether anything decayed.
func decay(pieces []piece, name int) ([]piece, int, bool) {
	if name+1 >= len(pieces) {
		return pieces, name, false
	}
	made := func(text string, kind clex.Kind) piece { return piece{text: text, kind: kind, index: -1} }
	var quals []piece
	rest := pieces[name+1:]
	switch rest[0].text {
	case "[":
		j := declarator.Match(rest, 0, len(rest))
		for _, pc := range rest[1:j] {
			if ctype.IsQualifier(pc.text) {
				quals = append(quals, made(pc.text, pc.kind))
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
	wrap := len(rest) > 0 && (rest[0].text == "[" || rest[0].text == "(")
	if wrap {
		out = append(out, made("(", clex.Punct))
	}
	out = append(out, made("*", clex.Punct))
	out = append(out, quals...)
	newName := len(out)
	out = append(out, made(pieces[name].text, pieces[name].kind))
	if wrap {
		out = append(out, made(")", clex.Punct))
	}
	for _, pc := range rest {
		out = append(out, made(pc.text, pc.kind))
	}
	return out, newName, true
}

// definable reports whether the parameter pieces, whose name is
// pieces[name], has a spelling in block-gen.c: in the wrapper's definition
// and, decayed, in the argument struct. What it has not is reported,
// naming the parameter:
//
//   - "[*]" (C11 6.7.6.2p4: a variable length array of unspecified size)
//     is allowed only in a prototype. In the outermost array, gcc 12's
//     -Wvla-parameter (in -Wall) rejects every definition that follows
//     such a declaration: "v[]", "*v" and "v[n]" alike. Anywhere else in
//     the declarator ("int (*g)[*]", "int m[2][*]") no declarator outside
//     a prototype spells the same type ("int (*g)[]" is another one,
//     merely compatible). A "[*]" inside the parameter list of a function
//     declarator ("void (*cb)(int v[*])") is in a prototype and stays.
//   - a bound that names an earlier parameter ("int m[][n]",
//     "int (*p)[n]") outside the outermost array: the struct member would
//     have a variably modified type, which no struct can hold. In the
//     outermost array it is harmless: the member is the pointer it decays
//     to.
func (p *parser) definable(fn string, toks []clex.Token, pieces []piece, name int, earlier []model.Param) bool {
	depth := 0       // nesting in parameter lists of function declarators
	var lists []bool // per open '(': is it a parameter list
	for k := 0; k < len(pieces); k++ {
		pc := pieces[k]
		switch pc.text {
		case "(":
			list := k > 0 && (k-1 == name || pieces[k-1].text == ")" || pieces[k-1].text == "]")
			lists = append(lists, list)
			if list {
				depth++
			}
		case ")":
			if n := len(lists); n > 0 {
				if lists[n-1] {
					depth--
				}
				lists = lists[:n-1]
			}
		case "[":
			if depth > 0 {
				continue
			}
			j := declarator.Match(pieces, k, len(pieces))
			if j >= len(pieces) {
				continue
			}
			outermost := k == name+1
			if isStar(pieces[k+1 : j]) {
				why := "outside a prototype no declarator spells that type"
				if outermost {
					why = "gcc's -Wvla-parameter rejects every definition that follows such a declaration; give the bound, or write '[]'"
				}
				p.errorf(diag.Parameter, p.span(toks[pc.index], toks[pieces[j].index]), "parameter '%s' of '%s' has an array of unspecified size '[*]', which has no spelling in block-gen.c: %s", pieces[name].text, fn, why)
				return false
			}
			if outermost {
				k = j
				continue
			}
			for _, b := range pieces[k+1 : j] {
				if b.kind != clex.Ident {
					continue
				}
				for _, e := range earlier {
					if e.Name == b.text {
						p.errorf(diag.Parameter, p.pos(toks[b.index]), "parameter '%s' of '%s' has a variably modified type: its bound names parameter '%s', and the generated struct cannot hold such a member", pieces[name].text, fn, e.Name)
						return false
					}
				}
			}
			k = j
		}
	}
	return true
}

// isStar reports whether the inside of brackets is "*", after qualifiers:
// "[*]", "[const *]".
func isStar(inside []piece) bool {
	if len(inside) == 0 || inside[len(inside)-1].text != "*" {
		return false
	}
	for _, pc := range inside[:len(inside)-1] {
		if !ctype.IsQualifier(pc.text) {
			return false
		}
	}
	return true
}
