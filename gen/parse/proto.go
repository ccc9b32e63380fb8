package parse

import (
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Proto is an ordinary function declaration, read to check a wrapper
// against the function it calls. Types are spelt canonically, as
// model.Param.Type is; compare them with SameType and SameParamType.
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
	if r.p.src == "" {
		r.p = parser{lex: &r.lex, file: f.Name, diags: &r.diags}
	}
	r.diags = diag.List{}
	r.lex.Reset(f.Name, f.src, &r.diags, fn.off, fn.line, fn.col)
	r.p.src = r.lex.Source()
	r.toks = r.toks[:0]
	for {
		t := r.lex.Next()
		if t.Kind == clex.EOF || t.Off >= fn.end {
			break
		}
		r.toks = append(r.toks, t)
	}
	return r.p.prototype(r.toks)
}

// protoReader is what Prototype keeps from one read to the next.
type protoReader struct {
	lex   clex.Lexer
	diags diag.List
	toks  []clex.Token
	p     parser
}

func (p *parser) prototype(toks []clex.Token) (*Proto, bool) {
	proto := &Proto{}
	var typeToks, capitals []int
	name := -1
	for i := 0; i < len(toks) && name < 0; i++ {
		t := toks[i]
		if p.is(t, "*") {
			typeToks = append(typeToks, i)
			continue
		}
		if t.Kind != clex.Ident {
			return nil, false
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
		return nil, false
	}
	proto.Name, proto.Pos = p.text(toks[name]), p.pos(toks[name])
	typeToks = typeOrAnnotations(p, toks, typeToks, capitals)
	rt, ok := p.returnType(toks, typeToks)
	if !ok {
		return nil, false
	}
	proto.ReturnType = rt
	end := closing(p, toks, name+1)
	if end >= len(toks) {
		return nil, false
	}
	inner := toks[name+2 : end]
	switch {
	case len(inner) == 0:
		proto.Unspecified = true
		return proto, true
	case len(inner) == 1 && p.is(inner[0], "void"):
		return proto, true
	}
	ok = p.eachParam(toks, name+1, end, func(lo, hi int) bool {
		switch {
		case lo == hi:
			return false
		case p.is(toks[lo], "..."):
			proto.Variadic = true
		default:
			proto.Params = append(proto.Params, p.paramType(toks[lo:hi]))
		}
		return true
	})
	if !ok {
		return nil, false
	}
	return proto, true
}

// paramType is the canonical spelling of a parameter's type, named or not.
func (p *parser) paramType(toks []clex.Token) string {
	pieces := p.pieces[:0]
	defer func() { p.pieces = pieces[:0] }()
	for i, t := range toks {
		if text := p.text(t); t.Kind == clex.Ident && (isAttribute(text) || text == "register") {
			continue // not part of the type
		}
		pieces = append(pieces, p.piece(toks, i))
	}
	name := declaratorName(pieces, 0, len(pieces))
	if name >= 0 && (isKeyword(pieces[name].text) || !hasTypeBefore(pieces, name)) {
		name = -1 // an unnamed parameter of a typedef type
	}
	if name >= 0 {
		pieces, name, _ = decay(pieces, name)
	}
	return render(p.src, pieces, name, false)
}

// SameType reports whether a and b, canonical spellings of types (as
// model.Param.Type), name the same type as far as their spelling tells:
// qualifiers in any order, one name for each integer type ("unsigned" and
// "unsigned int", "long int" and "long"), parameter names inside function
// pointer types ignored. It knows nothing of typedefs: "int64_t" and
// "long" differ.
func SameType(a, b string) bool { return a == b || typeKey(a) == typeKey(b) }

// SameParamType is SameType for parameter types, whose top-level
// qualifiers do not matter.
func SameParamType(a, b string) bool { return a == b || paramTypeKey(a) == paramTypeKey(b) }

// typeKey returns a spelling of the C type t (an abstract declarator, as
// in model.Param.Type) under which two spellings of the same type are
// equal: qualifiers come first and sorted, integer types have one name
// ("unsigned" and "unsigned int", "long int" and "long"), and parameter
// names inside function pointer types are dropped. It knows nothing of
// typedefs: "int64_t" and "long" stay different.
func typeKey(t string) string {
	return spell(normalize(piecesOf(t)))
}

// paramTypeKey is typeKey for a parameter, whose top-level qualifiers do
// not matter: "const int" and "int" parameters are compatible.
func paramTypeKey(t string) string {
	pieces := normalize(piecesOf(typeKey(t)))
	lastStar := -1
	depth := 0
	for i, pc := range pieces {
		switch pc.text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		case "*":
			if depth == 0 {
				lastStar = i
			}
		}
	}
	out := pieces[:0:0]
	for i, pc := range pieces {
		if isQualifier(pc.text) && (lastStar < 0 && depthAt(pieces, i) == 0 || i > lastStar && lastStar >= 0 && depthAt(pieces, i) == 0) {
			continue
		}
		out = append(out, pc)
	}
	return spell(out)
}

// piecesOf splits a type's spelling into tokens.
func piecesOf(t string) []piece {
	var diags diag.List
	lex := clex.New("", []byte(t), &diags)
	var pieces []piece
	for {
		tok := lex.Next()
		if tok.Kind == clex.EOF {
			return pieces
		}
		pieces = append(pieces, piece{text: lex.Text(tok), kind: tok.Kind, index: -1})
	}
}

func depthAt(pieces []piece, i int) int {
	depth := 0
	for _, pc := range pieces[:i] {
		switch pc.text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
	}
	return depth
}

// spell joins pieces with canonical separators.
func spell(pieces []piece) string { return render("", pieces, -1, false) }

// normalize puts every run of specifiers into its canonical order and drops
// the names of parameters in nested parameter lists.
func normalize(pieces []piece) []piece {
	var out []piece
	for i := 0; i < len(pieces); {
		pc := pieces[i]
		if pc.text == "(" && i > 0 && (pieces[i-1].text == ")" || pieces[i-1].kind == clex.Ident && !isKeyword(pieces[i-1].text)) {
			// A parameter list: normalise each parameter without its
			// name.
			j := matchPiece(pieces, i, len(pieces))
			out = append(out, pc)
			out = append(out, paramList(pieces[i+1:j])...)
			if j < len(pieces) {
				out = append(out, pieces[j])
			}
			i = j + 1
			continue
		}
		if pc.kind == clex.Ident {
			j := i
			for j < len(pieces) && pieces[j].kind == clex.Ident {
				j++
			}
			out = append(out, specifiers(pieces[i:j])...)
			i = j
			continue
		}
		out = append(out, pc)
		i++
	}
	return out
}

// paramList normalises a nested parameter list, dropping names.
func paramList(pieces []piece) []piece {
	var out []piece
	start, depth := 0, 0
	for i := 0; i <= len(pieces); i++ {
		if i < len(pieces) {
			switch pieces[i].text {
			case "(", "[":
				depth++
			case ")", "]":
				depth--
			}
		}
		if i == len(pieces) || (depth == 0 && pieces[i].text == ",") {
			param := pieces[start:i]
			if name := declaratorName(param, 0, len(param)); name >= 0 && !isKeyword(param[name].text) && hasTypeBefore(param, name) {
				param = append(slices.Clone(param[:name]), param[name+1:]...)
			}
			if len(out) > 0 {
				out = append(out, piece{text: ",", kind: clex.Punct, index: -1})
			}
			out = append(out, piecesOf(paramTypeKey(spell(param)))...)
			start = i + 1
		}
	}
	return out
}

// specifiers puts a run of specifier words in canonical order: sorted
// qualifiers, then the one name of an integer type, then the other words
// as written.
func specifiers(words []piece) []piece {
	var quals, others []string
	var signed, unsigned, short, char, plainInt bool
	long := 0
	for _, w := range words {
		switch w.text {
		case "const", "volatile", "restrict", "__restrict", "__restrict__", "_Atomic":
			q := w.text
			if strings.HasPrefix(q, "__restrict") {
				q = "restrict"
			}
			quals = append(quals, q)
		case "register":
			// A storage class, not part of the type.
		case "signed", "__signed__":
			signed = true
		case "unsigned":
			unsigned = true
		case "short":
			short = true
		case "long":
			long++
		case "char":
			char = true
		case "int":
			plainInt = true
		default:
			others = append(others, w.text)
		}
	}
	slices.Sort(quals)
	canonical := quals
	integer := signed || unsigned || short || long > 0 || char || plainInt
	if integer {
		var n []string
		if unsigned {
			n = append(n, "unsigned")
		} else if signed && char {
			n = append(n, "signed")
		}
		switch {
		case char:
			n = append(n, "char")
		case short:
			n = append(n, "short")
		case long > 0:
			for range long {
				n = append(n, "long")
			}
		default:
			n = append(n, "int")
		}
		if long > 0 && others != nil && slices.Contains(others, "double") {
			n = n[:len(n)-long] // "long double" is not an integer
			others = append([]string{strings.TrimSpace(strings.Repeat("long ", long))}, others...)
		}
		canonical = append(canonical, n...)
	}
	canonical = append(canonical, others...)
	out := make([]piece, len(canonical))
	for i, w := range canonical {
		out[i] = piece{text: w, kind: clex.Ident, index: -1}
	}
	return out
}

// isFunctionStorage reports whether id is a storage class a function's
// declaration may carry (model.StorageClass.OfFunction): not part of its
// type.
func isFunctionStorage(id string) bool {
	sc, ok := model.LookupStorageClass(id)
	return ok && sc.OfFunction
}
