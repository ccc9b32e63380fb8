package parse

import (
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// declaration examines one top-level declaration, its tokens toks and the
// token term that ended it. It returns ok=false when the declaration is
// not a wrapper or has an error, which it reports.
func (p *parser) declaration(toks []clex.Token, term clex.Token) (d Decl, ok bool) {
	var (
		markerTok clex.Token
		hasMarker bool
		typeToks  []int // indices in toks
		nameIdx   = -1
		storage   clex.Token // a storage class a wrapper cannot have
		capitals  []int      // upper-case words: annotations, unless no other word is a type
		// attrs are the attribute specifiers ("[[...]]") that appertain
		// to the function: before the specifiers, after its name, after
		// the parameter list; the indices of their first '['. gnuAttrs
		// are the GNU attributes, "__attribute__((...))": first and last
		// token.
		attrs    []int
		gnuAttrs [][2]int
		// lead ends the attribute specifiers that begin the declaration;
		// misplaced is the first other one among the specifiers, which
		// would appertain to the return type (C23 6.7.1), or -1.
		lead, misplaced = 0, -1
	)
	// Declaration specifiers, up to the declarator's name.
specifiers:
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if end := p.attrSpec(toks, i); end >= 0 {
			switch {
			case i == lead:
				attrs, lead = append(attrs, i), end+1
			case misplaced < 0:
				misplaced = i
			}
			i = end
			continue
		}
		if t.Kind != clex.Ident {
			switch {
			case p.is(t, "*"):
				typeToks = append(typeToks, i)
				continue
			case !hasMarker:
				// Not a wrapper: the marker, if any, is elsewhere.
				break specifiers
			case p.is(t, "("):
				p.errorf(diag.Declaration, p.pos(t), "unsupported declarator: a wrapper must be declared as a plain function, TYPE %s NAME(PARAMS);", p.text(markerTok))
			default:
				p.errorf(diag.Declaration, p.pos(t), "expected a function name after '%s', found '%s'", p.text(markerTok), p.text(t))
			}
			return d, false
		}
		id := p.text(t)
		if m, ok := model.LookupMarker(id); ok {
			if hasMarker {
				p.errorf(diag.MisplacedMarker, p.pos(t), "two wrapper markers in one declaration: '%s' and '%s'", p.text(markerTok), id)
				return d, false
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
			d.CoroutineFn = d.CoroutineFn || id == model.CoroutineFn
		case kind == specCapitals:
			capitals = append(capitals, i)
		case kind == specAnnotation:
			if i == lead && id == "_Pragma" {
				lead = last + 1 // the operator is gone before the compiler sees a token
			}
			gnuAttrs = append(gnuAttrs, [2]int{i, last})
			i = last
		case kind == specName:
			nameIdx = i
			break specifiers
		case (nextIsIdent || next == "*") && mightBeMarker(id):
			// Only a specifier can be a marker; the declarator's own
			// name (followed by '(', ';', '=' ...) cannot.
			why, fix := suggest(id, p.known)
			e := diag.Errorf(diag.UnknownMarker, p.pos(t), "unknown wrapper marker '%s'%s", id, why)
			if fix != "" {
				e = e.Fix(p.pos(t), fix)
			}
			p.diags.Add(e)
			return d, false
		case isStorageClass(id):
			if id != "extern" && storage.Kind == clex.EOF {
				storage = t
			}
		default:
			typeToks = append(typeToks, i)
		}
	}
	if !hasMarker {
		// A marker elsewhere than among the specifiers is misplaced.
		for _, t := range toks {
			if t.Kind == clex.Ident && isMarker(p.text(t)) {
				p.errorf(diag.MisplacedMarker, p.pos(t), "misplaced wrapper marker '%s': it belongs among the specifiers before the function name", p.text(t))
				return d, false
			}
		}
		return d, false
	}
	if misplaced >= 0 {
		p.errorf(diag.Declaration, p.span(toks[misplaced], toks[p.attrSpec(toks, misplaced)]), "attribute specifier sequences are not supported here: among the specifiers '[[...]]' appertains to the return type; put it before the declaration or after the function's name")
		return d, false
	}
	if storage.Kind != clex.EOF {
		// The fix deletes the word and the blanks after it.
		del := p.pos(storage)
		for end := int(storage.End); !storage.Spliced && end < len(p.src) && (p.src[end] == ' ' || p.src[end] == '\t'); end++ {
			del.Len++
		}
		p.diags.Add(diag.Errorf(diag.Declaration, p.pos(storage), "a wrapper cannot be declared '%s': block-gen.c defines it as an ordinary external function", p.text(storage)).Fix(del, ""))
		return d, false
	}
	if nameIdx < 0 {
		p.errorf(diag.MisplacedMarker, p.pos(markerTok), "wrapper marker '%s' is not followed by a function declaration", p.text(markerTok))
		return d, false
	}
	nameTok := toks[nameIdx]
	d.Name, d.NamePos = p.text(nameTok), p.pos(nameTok)
	d.Conditions = p.lex.Conditions()

	// The return type.
	typeToks = typeOrAnnotations(p, toks, typeToks, capitals)
	rt, ok := p.returnType(toks, typeToks)
	if !ok {
		p.errorf(diag.Declaration, d.NamePos, "wrapper '%s' has no return type", d.Name)
		return d, false
	}
	d.ReturnType = rt
	if len(typeToks) > 0 {
		d.ReturnPos = p.span(toks[typeToks[0]], toks[typeToks[len(typeToks)-1]])
	}

	// Attribute specifiers after the name, then the parameter list.
	open := nameIdx + 1
	for end := p.attrSpec(toks, open); end >= 0; end = p.attrSpec(toks, open) {
		attrs, open = append(attrs, open), end+1
	}
	end := closing(p, toks, open)
	if end >= len(toks) && term.Kind == clex.Directive {
		p.errorf(diag.Declaration, p.pos(term), "preprocessor directive inside the parameter list of '%s': a wrapper's parameters cannot depend on the configuration", d.Name)
		return d, false
	}
	if end >= len(toks) {
		// The note points at the '(' with its own caret, as gcc's and
		// clang's "to match this '('" do: after an unterminated literal
		// the error lands lines away from it.
		p.diags.Add(diag.Errorf(diag.Declaration, p.pos(term), "missing ')' to close the parameter list of '%s'", d.Name).
			Note(diag.Notef(p.pos(toks[open]), "to match this '('")))
		return d, false
	}
	if d.Params, ok = p.readParams(d.Name, toks, open, end); !ok {
		return d, false
	}

	// After the parameter list: attributes, then ';'.
	for i := end + 1; i < len(toks); i++ {
		t := toks[i]
		id := p.text(t)
		if last := p.attrSpec(toks, i); last >= 0 {
			attrs = append(attrs, i)
			i = last
			continue
		}
		switch {
		case t.Kind == clex.Ident && (isAttribute(id) || isAnnotationMacro(id) || isCoroutineAnnotation(id)):
			first := i
			if i+1 < len(toks) && p.is(toks[i+1], "(") {
				i = closing(p, toks, i+1)
			}
			gnuAttrs = append(gnuAttrs, [2]int{first, i})
		case t.Kind == clex.Ident && isMarker(id):
			p.errorf(diag.MisplacedMarker, p.pos(t), "misplaced wrapper marker '%s': it belongs among the specifiers before the function name", id)
			return d, false
		default:
			at := p.after(toks[i-1])
			p.diags.Add(diag.Errorf(diag.Declaration, at, "expected ';' after the declaration of '%s', found '%s'", d.Name, id).Fix(at, ";"))
			return d, false
		}
	}
	for _, i := range attrs {
		if !p.checkAttrs(toks, i, p.attrSpec(toks, i), "in the declaration of '"+d.Name+"'") {
			return d, false
		}
	}
	for _, a := range gnuAttrs {
		if !p.checkGNUAttrs(toks, a[0], min(a[1], len(toks)-1), "in the declaration of '"+d.Name+"'") {
			return d, false
		}
	}
	switch {
	case term.Kind == clex.Punct && p.is(term, ";"):
	case term.Kind == clex.Punct && p.is(term, "{"):
		p.errorf(diag.Declaration, p.pos(term), "wrapper '%s' must be a declaration, not a definition: block-gen.c holds its body", d.Name)
		return d, false
	default:
		at := p.after(toks[len(toks)-1])
		p.diags.Add(diag.Errorf(diag.Declaration, at, "expected ';' after the declaration of '%s'", d.Name).Fix(at, ";"))
		return d, false
	}
	return d, true
}

// returnType renders the specifier tokens toks[idx...] as a type, dropping
// top-level qualifiers (they mean nothing on a return type and would make
// the ret member of the generated struct read-only).
func (p *parser) returnType(toks []clex.Token, idx []int) (string, bool) {
	if rt, ok, plain := p.plainReturnType(toks, idx); plain && !p.slow {
		return rt, ok
	}
	lastStar := -1
	for k, i := range idx {
		if p.is(toks[i], "*") {
			lastStar = k
		}
	}
	words := p.pieces[:0]
	defer func() { p.pieces = words[:0] }()
	hasType := false
	for k, i := range idx {
		pc := p.piece(toks, i)
		if k > lastStar && ctype.IsQualifier(pc.text) {
			continue
		}
		if pc.kind == clex.Ident && !ctype.IsQualifier(pc.text) {
			hasType = true
		}
		words = append(words, pc)
	}
	if !hasType {
		return "", false
	}
	return render(p.src, words, -1, false), true
}

// plainReturnType is returnType for most return types: identifiers and
// '*', none of them a qualifier or spliced ("int", "BlockDriverState *"),
// joined as render joins their pieces, without making any. plain=false
// leaves the rest to returnType.
func (p *parser) plainReturnType(toks []clex.Token, idx []int) (rt string, ok, plain bool) {
	n, verbatim := 0, true
	for k, i := range idx {
		t := &toks[i]
		switch {
		case t.Kind == clex.Punct && p.src[t.Off] == '*':
		case t.Kind == clex.Ident && !t.Spliced && !ctype.IsQualifier(p.src[t.Off:t.End]):
			ok = true
		default:
			return "", false, false
		}
		if k > 0 {
			prev := &toks[idx[k-1]]
			sep := " "
			if prev.Kind == clex.Punct {
				sep = ""
			}
			verbatim = verbatim && i == idx[k-1]+1 && p.src[prev.End:t.Off] == sep
			n += len(sep)
		}
		n += int(t.End - t.Off)
	}
	switch {
	case !ok:
		return "", false, true // no type, only '*'
	case verbatim:
		return p.src[toks[idx[0]].Off:toks[idx[len(idx)-1]].End], true, true
	}
	var b strings.Builder
	b.Grow(n)
	for k, i := range idx {
		if prev := &toks[idx[max(k-1, 0)]]; k > 0 && prev.Kind != clex.Punct {
			b.WriteByte(' ')
		}
		b.WriteString(p.src[toks[i].Off:toks[i].End])
	}
	return b.String(), true, true
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
	call := false
	if i+1 < len(toks) && toks[i+1].Kind == clex.Punct {
		switch p.punct(toks[i+1]) {
		case '(':
			call = true
		case '[':
			if j := p.afterAttrSpecs(toks, i+1); j > i+1 && j < len(toks) && p.is(toks[j], "(") {
				return specName, i // bdrv_x [[gnu::nonnull]] (...)
			}
		}
	}
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
		if toks[i].Kind == clex.Ident && !ctype.IsQualifier(p.text(toks[i])) {
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
	// One pass, which most identifiers leave at their first byte.
	underscore := false
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c == '_':
			if i == 0 {
				return false
			}
			underscore = true
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return underscore
}

func isAttribute(id string) bool {
	switch id {
	case "__attribute__", "__attribute", "__declspec", "__asm__", "__asm", "asm", "_Pragma":
		return true
	}
	return false
}

// isCoroutineAnnotation reports whether id is one of QEMU's coroutine
// annotations (model.CoroutineAnnotations). Most words asked about are
// not as long as any, which a test of the length tells at once.
func isCoroutineAnnotation(id string) bool {
	return annotationLengths&lengthBit(id) != 0 && model.IsCoroutineAnnotation(id)
}

// isStorageClass reports whether id is a storage-class or function
// specifier (model.StorageClasses).
func isStorageClass(id string) bool {
	if storageLengths&lengthBit(id) == 0 {
		return false
	}
	_, ok := model.LookupStorageClass(id)
	return ok
}

// lengthBit is the bit of a word's length in a set of lengths: bit n for
// n bytes, bit 63 for 63 bytes or more.
func lengthBit(id string) uint64 { return 1 << min(len(id), 63) }

// annotationLengths and storageLengths are the sets of the lengths of
// model.CoroutineAnnotations and of the names of model.StorageClasses.
var annotationLengths, storageLengths = func() (a, s uint64) {
	for _, id := range model.CoroutineAnnotations {
		a |= lengthBit(id)
	}
	for _, sc := range model.StorageClasses {
		s |= lengthBit(sc.Name)
	}
	return a, s
}()
