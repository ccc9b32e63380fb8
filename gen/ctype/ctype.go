// Package ctype compares C types by their spelling, as far as spelling
// tells without preprocessing: it knows C's keywords, qualifiers and
// integer type names, and nothing of typedefs, so "int64_t" and "long"
// differ.
//
// A type is lexed once into a token sequence, the sequence put into a
// canonical order, and two types are the same when their canonical
// sequences are equal token for token. Nothing is rendered back to a
// string on the way.
package ctype

import (
	"slices"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// Token is one token of a type's spelling.
type Token struct {
	Text string
	Kind clex.Kind
}

// Same reports whether a and b, spellings of C types as abstract
// declarators (as model.Param.Type and parse.Proto.ReturnType are), name
// the same type as far as their spelling tells: qualifiers in any order,
// one name for each integer type ("unsigned" and "unsigned int", "long
// int" and "long"), parameter names inside function pointer types ignored.
func Same(a, b string) bool {
	return a == b || slices.Equal(key(tokens(a)), key(tokens(b)))
}

// SameParam is Same for parameter types, whose top-level qualifiers do not
// matter: "const int" and "int" parameters are compatible (C11 6.7.6.3p15).
func SameParam(a, b string) bool {
	return a == b || slices.Equal(paramKey(tokens(a)), paramKey(tokens(b)))
}

// tokens lexes a type's spelling. A spelling comes from a declaration that
// was read already, so the lexer has nothing to report.
func tokens(t string) []Token {
	var diags diag.List
	lex := clex.New("", []byte(t), &diags)
	var toks []Token
	for {
		tok := lex.Next()
		if tok.Kind == clex.EOF {
			return toks
		}
		toks = append(toks, Token{Text: lex.Text(tok), Kind: tok.Kind})
	}
}

// key returns the canonical sequence of a type: every run of specifiers in
// canonical order (see specifiers) and the names of parameters in nested
// parameter lists dropped.
func key(toks []Token) []Token {
	var out []Token
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Text == "(" && i > 0 && (toks[i-1].Text == ")" || toks[i-1].Kind == clex.Ident && !IsKeyword(toks[i-1].Text)) {
			// A parameter list: each parameter without its name.
			j := tokenDeclarator.Match(toks, i, len(toks))
			out = append(out, t)
			out = append(out, paramList(toks[i+1:j])...)
			if j < len(toks) {
				out = append(out, toks[j])
			}
			i = j + 1
			continue
		}
		if t.Kind == clex.Ident {
			j := i
			for j < len(toks) && toks[j].Kind == clex.Ident {
				j++
			}
			out = append(out, specifiers(toks[i:j])...)
			i = j
			continue
		}
		out = append(out, t)
		i++
	}
	return out
}

// paramKey is key for a parameter's type, without its top-level
// qualifiers: those after the last top-level '*', or all top-level ones
// if there is none. The key is taken twice: putting the specifiers in
// order can leave a bracket that followed a qualifier after a type name,
// where the second pass reads it as a parameter list ("foo const (*)"
// and "const foo (*)" then have one key).
func paramKey(toks []Token) []Token {
	toks = key(key(toks))
	lastStar := -1
	depth := 0
	for i, t := range toks {
		switch t.Text {
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
	out := toks[:0:0]
	depth = 0
	for i, t := range toks {
		if depth == 0 && IsQualifier(t.Text) && i > lastStar {
			continue
		}
		switch t.Text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
		out = append(out, t)
	}
	return out
}

// paramList returns the keys of a nested parameter list's parameters,
// names dropped, separated by commas.
func paramList(toks []Token) []Token {
	var out []Token
	start, depth := 0, 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) {
			switch toks[i].Text {
			case "(", "[":
				depth++
			case ")", "]":
				depth--
			}
		}
		if i == len(toks) || (depth == 0 && toks[i].Text == ",") {
			param := toks[start:i]
			if name := tokenDeclarator.Name(param, 0, len(param)); name >= 0 && !IsKeyword(param[name].Text) && tokenDeclarator.HasTypeBefore(param, name) {
				param = append(slices.Clone(param[:name]), param[name+1:]...)
			}
			if len(out) > 0 {
				out = append(out, Token{Text: ",", Kind: clex.Punct})
			}
			out = append(out, paramKey(param)...)
			start = i + 1
		}
	}
	return out
}

// specifiers puts a run of specifier words in canonical order: sorted
// qualifiers ("__restrict" and "__restrict__" as "restrict"), then the one
// name of an integer type ("unsigned int", "long", "signed char"), then
// the other words as written. "register" is a storage class and is left
// out.
func specifiers(words []Token) []Token {
	var quals, others []string
	var signed, unsigned, short, char, plainInt bool
	long := 0
	for _, w := range words {
		switch w.Text {
		case "const", "volatile", "restrict", "_Atomic":
			quals = append(quals, w.Text)
		case "__restrict", "__restrict__":
			quals = append(quals, "restrict")
		case "register":
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
			others = append(others, w.Text)
		}
	}
	slices.Sort(quals)
	canonical := quals
	if signed || unsigned || short || long > 0 || char || plainInt {
		switch {
		case unsigned:
			canonical = append(canonical, "unsigned")
		case signed && char:
			canonical = append(canonical, "signed")
		}
		switch {
		case char:
			canonical = append(canonical, "char")
		case short:
			canonical = append(canonical, "short")
		case long == 0:
			canonical = append(canonical, "int")
		}
		// "long double" is not an integer type, but its "long"s come
		// first all the same.
		for range long {
			canonical = append(canonical, "long")
		}
	}
	canonical = append(canonical, others...)
	out := make([]Token, len(canonical))
	for i, w := range canonical {
		out[i] = Token{Text: w, Kind: clex.Ident}
	}
	return out
}
