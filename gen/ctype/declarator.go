package ctype

import "github.com/bcwtool/block-coroutine-wrapper/gen/clex"

// declaratorName returns the index of the declared name in toks[lo:hi],
// or -1 for an abstract declarator. The name is the last identifier before
// the declarator's suffixes ("[...]", "(...)") and after its last '*';
// a parenthesised declarator such as "(*cb)" is searched first. It is
// parse's reading of a declarator, on a type's tokens.
func declaratorName(toks []Token, lo, hi int) int {
	name := -1
	for i := lo; i < hi; i++ {
		t := toks[i]
		switch {
		case t.Text == "(":
			j := matchBracket(toks, i, hi)
			inner := i + 1
			if inner < j && (toks[inner].Text == "*" || toks[inner].Text == "^" || toks[inner].Text == "(") {
				if n := declaratorName(toks, inner, j); n >= 0 {
					return n
				}
			}
			return name
		case t.Text == "[":
			return name
		case t.Text == "*":
			name = -1
		case t.Kind == clex.Ident:
			if t.Text == "struct" || t.Text == "union" || t.Text == "enum" {
				// The next identifier is a tag, not a name.
				i++
				name = -1
				continue
			}
			if IsTypeOperator(t.Text) && i+1 < hi && toks[i+1].Text == "(" {
				i = matchBracket(toks, i+1, hi)
				name = -1
				continue
			}
			name = i
		}
	}
	return name
}

// matchBracket returns the index of the bracket that closes the one at
// toks[open], or hi if none does before it.
func matchBracket(toks []Token, open, hi int) int {
	depth := 0
	for i := open; i < hi; i++ {
		switch toks[i].Text {
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
func hasTypeBefore(toks []Token, name int) bool {
	for _, t := range toks[:name] {
		if t.Kind == clex.Ident && (!IsQualifier(t.Text) || t.Text == "_Atomic") && t.Text != "register" {
			return true
		}
	}
	return false
}
