package parse

import (
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// Proto is an ordinary function declaration, read to check a wrapper
// against the function it calls. Types are spelt canonically, as
// model.Param.Type is; compare them with SameType and SameParamType.
type Proto struct {
	Name       string
	Pos        diag.Pos
	ReturnType string
	// Params are the parameters' types; nil when Unspecified.
	Params []string
	// Unspecified is set for a declaration without a prototype, "f()".
	Unspecified bool
	Variadic    bool
	CoroutineFn bool
}

// Prototypes reads ordinary function declarations on demand. It keeps its
// scratch space between calls, so reading many costs few allocations.
type Prototypes struct {
	lex   clex.Lexer
	diags diag.List
	toks  []clex.Token
	p     parser
	proto Proto
}

// Clone returns a copy of p that a later Read does not change.
func (p *Proto) Clone() *Proto {
	c := *p
	c.Params = append([]string(nil), p.Params...)
	return &c
}

// Read reads the function declaration at span of src (from file). It
// returns ok=false for a declaration it cannot read, which is then not
// checked. The result is valid until the next Read; Clone keeps it.
func (r *Prototypes) Read(file string, src []byte, span *Span) (*Proto, bool) {
	r.diags = diag.List{}
	r.lex.Reset(file, src, &r.diags, int(span.Off), int(span.Line), int(span.Col))
	r.toks = r.toks[:0]
	for {
		t := r.lex.Next()
		if t.Kind == clex.EOF || t.Off >= span.End {
			break
		}
		r.toks = append(r.toks, t)
	}
	pieces := r.p.pieces
	r.p = parser{lex: &r.lex, file: file, src: src, str: r.lex.Source(), diags: &r.diags, pieces: pieces}
	r.proto = Proto{Params: r.proto.Params[:0]}
	return r.p.prototype(r.toks, &r.proto)
}

func (p *parser) prototype(toks []clex.Token, proto *Proto) (*Proto, bool) {
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
			proto.CoroutineFn = proto.CoroutineFn || id == "coroutine_fn"
		case kind == specCapitals:
			capitals = append(capitals, i)
		case kind == specAnnotation:
			i = last
		case kind == specName:
			name = i
		case id == "extern" || id == "static" || id == "inline" || id == "__inline" || id == "__inline__":
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
		text := p.text(t)
		if t.Kind == clex.Ident && (isAttribute(text) || text == "register") {
			continue // not part of the type
		}
		pieces = append(pieces, piece{text: text, kind: t.Kind, index: i, off: t.Off, end: t.End})
	}
	name := declaratorName(pieces, 0, len(pieces))
	if name >= 0 && (isKeyword(pieces[name].text) || !hasTypeBefore(pieces, name)) {
		name = -1 // an unnamed parameter of a typedef type
	}
	if name >= 0 {
		pieces, name, _ = decay(pieces, name)
	}
	return p.render(pieces, name, false)
}

// SameType reports whether a and b, canonical spellings of types, name the
// same type as far as TypeKey can tell. Equal spellings, the usual case,
// cost nothing.
func SameType(a, b string) bool { return a == b || TypeKey(a) == TypeKey(b) }

// SameParamType is SameType for parameter types, whose top-level
// qualifiers do not matter.
func SameParamType(a, b string) bool { return a == b || ParamTypeKey(a) == ParamTypeKey(b) }

// TypeKey returns a spelling of the C type t (an abstract declarator, as
// in model.Param.Type) under which two spellings of the same type are
// equal: qualifiers come first and sorted, integer types have one name
// ("unsigned" and "unsigned int", "long int" and "long"), and parameter
// names inside function pointer types are dropped. It knows nothing of
// typedefs: "int64_t" and "long" stay different.
func TypeKey(t string) string {
	return render0(normalize(piecesOf(t)))
}

// ParamTypeKey is TypeKey for a parameter, whose top-level qualifiers do
// not matter: "const int" and "int" parameters are compatible.
func ParamTypeKey(t string) string {
	pieces := normalize(piecesOf(TypeKey(t)))
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
	return render0(out)
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

// render0 joins pieces with canonical separators.
func render0(pieces []piece) string {
	p := &parser{}
	return p.render(pieces, -1, false)
}

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
			out = append(out, piecesOf(ParamTypeKey(render0(param)))...)
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
	var signed, unsigned, short, char, int_ bool
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
			int_ = true
		default:
			others = append(others, w.text)
		}
	}
	slices.Sort(quals)
	words2 := quals
	integer := signed || unsigned || short || long > 0 || char || int_
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
		words2 = append(words2, n...)
	}
	words2 = append(words2, others...)
	out := make([]piece, len(words2))
	for i, w := range words2 {
		out[i] = piece{text: w, kind: clex.Ident, index: -1}
	}
	return out
}

// SameSignature reports, without reading the declaration, whether the
// function at span of src certainly returns returnType and takes parameters
// spelt as params (the source of a parameter list), and whether it is
// declared coroutine_fn. ok=false means it cannot tell from the text alone
// (comments, attributes, other spellings), and Prototypes must read it.
func SameSignature(span *Span, src []byte, returnType, params string) (same, coroutineFn, ok bool) {
	rt, coroutineFn, ok := simpleReturnType(view(src[span.Off:span.nameOff]))
	if !ok || rt != returnType || !sameText(view(src[span.paramsOff:span.paramsEnd]), params) {
		return false, false, false
	}
	return true, coroutineFn, true
}

// simpleReturnType reads specifiers made only of words and '*', dropping
// the annotations QEMU puts there, and spells the rest canonically.
func simpleReturnType(spec string) (rt string, coroutineFn, ok bool) {
	var words [8]string
	n := 0
	for i := 0; i < len(spec); {
		c := spec[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '*':
			if n == len(words) {
				return "", false, false
			}
			words[n] = "*"
			n++
			i++
			continue
		case !isWordByte(c):
			return "", false, false
		}
		j := i
		for j < len(spec) && isWordByte(spec[j]) {
			j++
		}
		w := spec[i:j]
		i = j
		switch {
		case w == "coroutine_fn":
			coroutineFn = true
		case isCoroutineAnnotation(w) || w == "extern" || w == "static" || w == "inline" || isAnnotationMacro(w) || isQualifier(w):
			// Annotations; qualifiers (rare on return types) need the
			// slow path's care.
			if isQualifier(w) {
				return "", false, false
			}
		default:
			if n == len(words) {
				return "", false, false
			}
			words[n] = w
			n++
		}
	}
	switch {
	case n == 0:
		return "", false, false
	case n == 1:
		return words[0], coroutineFn, true
	case n == 2 && words[1] == "*" && words[0] != "*":
		return words[0] + " *", coroutineFn, true
	}
	return "", false, false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// sameText reports whether two parameter lists are the same tokens: equal
// up to where and how much white space separates them. Text with comments,
// literals, splices or directives is never the same here.
func sameText(a, b string) bool {
	i, j := 0, 0
	var prev byte // the last byte matched in both
	for {
		spaceA, spaceB := false, false
		for i < len(a) && isSpace(a[i]) {
			i, spaceA = i+1, true
		}
		for j < len(b) && isSpace(b[j]) {
			j, spaceB = j+1, true
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		c := a[i]
		if c != b[j] || c == '/' || c == '\\' || c == '"' || c == '\'' || c == '#' {
			return false
		}
		// White space matters only between two word characters, where
		// it separates two tokens.
		if isWordByte(c) && isWordByte(prev) && spaceA != spaceB {
			return false
		}
		prev = c
		i, j = i+1, j+1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
