package parse

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/ctype"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Proto is an ordinary function declaration, read to check a wrapper
// against the function it calls. Types are spelt canonically, as
// model.Param.Type is; compare them with ctype.Same and ctype.SameParam.
type Proto struct {
	Name       string
	Pos        diag.Pos // of the name
	ReturnType string
	// Params are the parameters' types; nil when Unspecified.
	Params []string
	// Unspecified is set for a declaration without a prototype, "f()".
	Unspecified bool
	Variadic    bool
	CoroutineFn bool
}

// Prototype reads the function fn of f. It returns ok=false for a
// declaration it cannot read, which is then not checked; reading it
// reports nothing. The scratch memory of one read is kept for the next,
// so Prototype must not be called on one File from two goroutines at once.
func (f *File) Prototype(fn *Function) (*Proto, bool) {
	r := &f.reader
	if r.p.types == nil {
		// Reading the file needed none of these.
		r.p.types, r.p.commas = make([]string, 0, 16), make([]int, 0, 16)
	}
	r.toks = r.lexTokens(f, fn)
	proto, ok := r.p.plainPrototype(r.toks)
	if !ok {
		proto, ok = r.p.prototype(r.toks)
	}
	if !ok {
		return nil, false
	}
	return r.keep(proto), true
}

// keep returns a lasting copy of proto, whose Params are scratch memory.
// The copies and their Params are cut from slabs, a few allocations for
// a file's prototypes rather than two each (35K instructions for QEMU's
// 53 targets). A slab holds few Protos: one of 16 was large enough to
// need a fresh span of its own size class, which cost more than it saved.
func (r *protoReader) keep(proto Proto) *Proto {
	if len(r.protos) == cap(r.protos) {
		r.protos = make([]Proto, 0, 4)
	}
	r.protos = append(r.protos, proto)
	kept := &r.protos[len(r.protos)-1]
	kept.Params = nil
	if n := len(proto.Params); n > 0 {
		if cap(r.params)-len(r.params) < n {
			r.params = make([]string, 0, max(64, n))
		}
		start := len(r.params)
		r.params = append(r.params, proto.Params...)
		kept.Params = r.params[start : start+n : start+n]
	}
	return kept
}

// lexTokens returns the tokens of fn, read again by the lexer.
func (r *protoReader) lexTokens(f *File, fn *Function) []clex.Token {
	r.diags = diag.List{}
	r.lex.Reset(f.Name, f.src, &r.diags, int(fn.off), int(fn.line), int(fn.col))
	toks := r.toks[:0]
	for {
		t := r.lex.Next()
		if t.Kind == clex.EOF || t.Off >= fn.end {
			return toks
		}
		toks = append(toks, t)
	}
}

// handOver gives f's Prototype the memory that reading f is done with:
// the token buffer and the scratch slices, which it would otherwise make
// afresh for each file (18 KB on QEMU's headers).
func (p *parser) handOver(f *File) {
	r := &f.reader
	r.toks = p.buf[:0]
	r.p = parser{lex: &r.lex, file: p.file, diags: &r.diags, src: p.src, slow: p.slow,
		pieces: p.pieces[:0], typeToks: p.typeToks[:0], capitals: p.capitals[:0], types: p.types[:0], commas: p.commas[:0]}
}

// protoReader is what Prototype keeps from one read to the next.
type protoReader struct {
	lex   clex.Lexer
	diags diag.List
	toks  []clex.Token
	p     parser
	// protos and params are the slabs keep cuts prototypes from.
	protos []Proto
	params []string
}

// prototype reads the declaration toks. The result's Params are scratch
// memory, valid until the next call.
func (p *parser) prototype(toks []clex.Token) (proto Proto, ok bool) {
	typeToks, capitals := p.typeToks[:0], p.capitals[:0]
	defer func() { p.typeToks, p.capitals = typeToks[:0], capitals[:0] }()
	name := -1
	for i := 0; i < len(toks) && name < 0; i++ {
		t := toks[i]
		if end := p.attrSpec(toks, i); end >= 0 && i == 0 {
			i = end // [[nodiscard]] int f(void): about the function
			continue
		}
		if p.is(t, "*") {
			typeToks = append(typeToks, i)
			continue
		}
		if t.Kind != clex.Ident {
			return proto, false
		}
		id := p.text(t)
		switch kind, last := p.specifier(toks, i); {
		case kind == specCoroutineFn:
			proto.CoroutineFn = proto.CoroutineFn || id == model.CoroutineFn
		case kind == specCapitals:
			capitals = append(capitals, i)
		case kind == specAnnotation:
			i = last
		case kind == specName:
			name = i
		case isFunctionStorage(id):
		default:
			typeToks = append(typeToks, i)
		}
	}
	if name < 0 {
		return proto, false
	}
	proto.Name, proto.Pos = p.text(toks[name]), p.pos(toks[name])
	typeToks = typeOrAnnotations(p, toks, typeToks, capitals)
	rt, ok := p.returnType(toks, typeToks)
	if !ok {
		return proto, false
	}
	proto.ReturnType = rt
	open := p.afterAttrSpecs(toks, name+1) // f [[gnu::cold]] (void)
	end := closing(p, toks, open)
	if end >= len(toks) {
		return proto, false
	}
	if none, unspecified := p.noParams(toks[open+1 : end]); none {
		proto.Unspecified = unspecified
		return proto, true
	}
	types := p.types[:0]
	ok = p.eachParam(toks, open, end, func(lo, hi int) bool {
		switch {
		case lo == hi:
			return false
		case p.is(toks[lo], "..."):
			proto.Variadic = true
		default:
			types = append(types, p.paramType(toks[lo:hi]))
		}
		return true
	})
	p.types = types[:0]
	if !ok {
		return proto, false
	}
	if len(types) > 0 {
		proto.Params = types
	}
	return proto, true
}

// plainPrototype is prototype for the declarations most targets have:
// specifiers of identifiers and '*', the name, and a parameter list of
// identifiers, '*' and ',' ending the declaration. It reads them as
// prototype does, without asking of every token what else it might be
// (an attribute specifier, an annotation with arguments, nested
// brackets), which cost QEMU's 53 targets 0.1M instructions. ok=false
// leaves the declaration to prototype: it is not of that shape, or
// prototype would not read it.
func (p *parser) plainPrototype(toks []clex.Token) (proto Proto, ok bool) {
	if p.slow {
		return proto, false
	}
	typeToks, capitals := p.typeToks[:0], p.capitals[:0]
	name := -1
	for i := 0; i+1 < len(toks) && name < 0; i++ {
		t := &toks[i]
		switch {
		case t.Kind == clex.Punct && p.src[t.Off] == '*':
			typeToks = append(typeToks, i)
			continue
		case t.Kind != clex.Ident || t.Spliced:
			return proto, false
		}
		id := p.src[t.Off:t.End]
		if next := &toks[i+1]; next.Kind == clex.Punct && p.src[next.Off] == '(' {
			if isCoroutineAnnotation(id) || isAttribute(id) {
				return proto, false
			}
			name = i
			break
		}
		switch {
		case isCoroutineAnnotation(id):
			proto.CoroutineFn = proto.CoroutineFn || id == model.CoroutineFn
		case isAnnotationMacro(id):
			capitals = append(capitals, i)
		case isAttribute(id), isFunctionStorage(id):
		default:
			typeToks = append(typeToks, i)
		}
	}
	// The memory grown is kept for the next call (no defer: with this
	// many returns one costs 13K instructions for QEMU's 53 targets).
	p.typeToks, p.capitals = typeToks[:0], capitals[:0]
	if name < 0 {
		return proto, false
	}
	// The parameter list: up to a ')' that ends the declaration. commas
	// are the indices of its commas, with end after them.
	open, end := name+1, len(toks)-1
	if t := &toks[end]; end <= open || t.Kind != clex.Punct || p.src[t.Off] != ')' {
		return proto, false
	}
	commas := p.commas[:0]
	for i := open + 1; i < end; i++ {
		switch t := &toks[i]; {
		case t.Kind == clex.Ident && !t.Spliced:
		case t.Kind == clex.Punct && p.src[t.Off] == '*':
		case t.Kind == clex.Punct && p.src[t.Off] == ',':
			commas = append(commas, i)
		default:
			return proto, false
		}
	}
	commas = append(commas, end)
	p.commas = commas[:0]
	typeToks = typeOrAnnotations(p, toks, typeToks, capitals)
	if proto.ReturnType, ok = p.returnType(toks, typeToks); !ok {
		return proto, false
	}
	proto.Name, proto.Pos = p.text(toks[name]), p.pos(toks[name])
	if none, unspecified := p.noParams(toks[open+1 : end]); none {
		proto.Unspecified = unspecified
		return proto, true
	}
	types := p.types[:0]
	lo := open + 1
	for _, i := range commas {
		if lo == i {
			return proto, false // an empty parameter
		}
		types = append(types, p.paramType(toks[lo:i]))
		lo = i + 1
	}
	p.types = types[:0]
	proto.Params = types
	return proto, true
}

// paramType is the canonical spelling of a parameter's type, named or not.
func (p *parser) paramType(toks []clex.Token) string {
	if name, ok := p.plainDeclarator(toks); ok && !p.slow {
		if name >= 0 {
			toks = toks[:name]
		}
		return p.renderPlain(toks, false)
	}
	pieces := p.pieces[:0]
	defer func() { p.pieces = pieces[:0] }()
	for i := 0; i < len(toks); i++ {
		if end := p.attrSpec(toks, i); end >= 0 {
			i = end // [[maybe_unused]]: not part of the type either
			continue
		}
		t := toks[i]
		if text := p.text(t); t.Kind == clex.Ident && (isAttribute(text) || text == "register") {
			continue // not part of the type
		}
		pieces = append(pieces, p.piece(toks, i))
	}
	name := declarator.Name(pieces, 0, len(pieces))
	if name >= 0 && (ctype.IsKeyword(pieces[name].text) || !declarator.HasTypeBefore(pieces, name)) {
		name = -1 // an unnamed parameter of a typedef type
	}
	if name >= 0 {
		pieces, name, _ = decay(pieces, name)
	}
	return render(p.src, pieces, name, false)
}

// isFunctionStorage reports whether id is a storage class a function's
// declaration may carry (model.StorageClass.OfFunction): not part of its
// type.
func isFunctionStorage(id string) bool {
	if storageLengths&lengthBit(id) == 0 {
		return false
	}
	sc, ok := model.LookupStorageClass(id)
	return ok && sc.OfFunction
}
