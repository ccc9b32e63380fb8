package ctype

import "github.com/bcwtool/block-coroutine-wrapper/gen/clex"

// Declarator reads the declarators of a parameter or a type, written as
// any kind of token: Of returns a token's spelling and kind. package parse
// reads its own pieces with it, and this package its Tokens, so that C's
// declarator has one reading.
type Declarator[T any] struct {
	Of func(T) (text string, kind clex.Kind)
}

// tokenDeclarator reads this package's Tokens.
var tokenDeclarator = Declarator[Token]{Of: func(t Token) (string, clex.Kind) { return t.Text, t.Kind }}

// Name returns the index of the declared name in toks[lo:hi], or -1 for
// an abstract declarator. The name is the last identifier before the
// declarator's suffixes ("[...]", "(...)") and after its last '*'; a
// parenthesised declarator such as "(*cb)" is searched first.
func (d Declarator[T]) Name(toks []T, lo, hi int) int {
	name := -1
	for i := lo; i < hi; i++ {
		text, kind := d.Of(toks[i])
		switch {
		case text == "(":
			j := d.Match(toks, i, hi)
			inner := i + 1
			if inner < j {
				if in, _ := d.Of(toks[inner]); in == "*" || in == "^" || in == "(" {
					if n := d.Name(toks, inner, j); n >= 0 {
						return n
					}
				}
			}
			return name
		case text == "[":
			return name
		case text == "*":
			name = -1
		case kind == clex.Ident:
			if text == "struct" || text == "union" || text == "enum" {
				// The next identifier is a tag, not a name.
				i++
				name = -1
				continue
			}
			if i+1 < hi {
				if next, _ := d.Of(toks[i+1]); IsTypeOperator(text) && next == "(" {
					// _Atomic(int), typeof(x): a type, whatever is inside.
					i = d.Match(toks, i+1, hi)
					name = -1
					continue
				}
			}
			name = i
		}
	}
	return name
}

// Match returns the index of the bracket that closes the one at
// toks[open], or hi if none does before it.
func (d Declarator[T]) Match(toks []T, open, hi int) int {
	depth := 0
	for i := open; i < hi; i++ {
		switch text, _ := d.Of(toks[i]); text {
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

// HasTypeBefore reports whether a type specifier precedes the name at
// toks[name].
func (d Declarator[T]) HasTypeBefore(toks []T, name int) bool {
	for _, t := range toks[:name] {
		if text, kind := d.Of(t); kind == clex.Ident && (!IsQualifier(text) || text == "_Atomic") && text != "register" {
			return true
		}
	}
	return false
}
