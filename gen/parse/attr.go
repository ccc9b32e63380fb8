package parse

import (
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// attrSpec returns, if toks[i] and toks[i+1] open an attribute specifier
// "[[ ... ]]" (C23 6.7.13.1; gcc reads them in every C mode), the index of
// its last ']'; otherwise -1. Two '[' tokens in a row can begin nothing
// else in C, so this needs no context. An unclosed or misnested one is no
// specifier: the caller reports the bracket.
//
// It is asked of nearly every token of a declaration, and nearly every
// answer is no, so the first test is one the compiler inlines into the
// caller; attrSpecAt does the rest.
func (p *parser) attrSpec(toks []clex.Token, i int) int {
	if i+1 >= len(toks) || toks[i].Kind != clex.Punct {
		return -1
	}
	return p.attrSpecAt(toks, i)
}

// attrSpecAt is attrSpec for a punctuator toks[i] with a token after it.
func (p *parser) attrSpecAt(toks []clex.Token, i int) int {
	if !p.is(toks[i], "[") || !p.is(toks[i+1], "[") {
		return -1
	}
	end := closing(p, toks, i)
	if end >= len(toks) || closing(p, toks, i+1) != end-1 {
		return -1
	}
	return end
}

// afterAttrSpecs returns the index of the first token at or after i that
// does not belong to an attribute specifier.
func (p *parser) afterAttrSpecs(toks []clex.Token, i int) int {
	for {
		end := p.attrSpec(toks, i)
		if end < 0 {
			return i
		}
		i = end + 1
	}
}

// checkAttrs checks the attributes of the specifier toks[i:end+1], which
// the generated code leaves out, and reports the first one it cannot: an
// attribute droppableAttr does not allow may change the type of the
// function or the parameter (gnu::ms_abi, gnu::vector_size), and
// block-gen.c's definition would then conflict with the header's
// declaration.
func (p *parser) checkAttrs(toks []clex.Token, i, end int, where string) bool {
	// The attribute list is toks[i+2:end-1]: comma-separated
	// "[prefix::]name[(arguments)]", any of them empty.
	for k := i + 2; k < end-1; k++ {
		t := toks[k]
		if p.is(t, ",") {
			continue
		}
		if t.Kind != clex.Ident {
			p.errorf(diag.Declaration, p.pos(t), "expected an attribute name in the attribute specifier %s, found '%s'", where, p.text(t))
			return false
		}
		first, name := t, p.text(t)
		if k+3 < end && p.is(toks[k+1], ":") && p.is(toks[k+2], ":") && toks[k+3].Kind == clex.Ident {
			name += "::" + p.text(toks[k+3])
			k += 3
		}
		if k+1 < end-1 && p.is(toks[k+1], "(") {
			k = closing(p, toks, k+1)
		}
		if !droppableAttr(name) {
			p.refuseAttr(first, toks[k], name, where)
			return false
		}
	}
	return true
}

// checkGNUAttrs is checkAttrs for the GNU attribute toks[i:end+1],
// "__attribute__((list))", whose attributes are GNU ones: the same
// attributes may be left out. Anything else that isAttribute accepts
// (__declspec, an asm label, _Pragma) passes, as does a list the tool
// cannot read (gcc, reading the header, reports that one).
func (p *parser) checkGNUAttrs(toks []clex.Token, i, end int, where string) bool {
	if id := p.text(toks[i]); (id != "__attribute__" && id != "__attribute") || end-i < 4 ||
		!p.is(toks[i+1], "(") || !p.is(toks[i+2], "(") || closing(p, toks, i+2) != end-1 {
		return true
	}
	for k := i + 3; k < end-1; k++ {
		t := toks[k]
		if p.is(t, ",") {
			continue
		}
		if t.Kind != clex.Ident {
			return true
		}
		first, name := t, p.text(t)
		if k+1 < end-1 && p.is(toks[k+1], "(") {
			k = closing(p, toks, k+1)
		}
		if !droppableAttr("gnu::" + name) {
			p.refuseAttr(first, toks[min(k, end)], name, where)
			return false
		}
	}
	return true
}

// refuseAttr reports the attribute called name, from the token first to
// last, as one the generated code cannot leave out.
func (p *parser) refuseAttr(first, last clex.Token, name, where string) {
	p.errorf(diag.Declaration, p.span(first, last), "attribute '%s' %s is not supported: it may change the type, and block-gen.c repeats the declaration without its attributes", name, where)
}

// droppableAttr reports whether the generated code may leave out the
// attribute called name ("nodiscard", "gnu::nonnull", "__gnu__::__cold__";
// a GNU __attribute__ is asked as "gnu::NAME"):
// one that says something about a declaration and not about its type, so
// that block-gen.c's definition, which the header's declaration precedes,
// is still compatible with it and inherits it from there. Checked with gcc
// 12 -std=gnu11. Not noreturn: the declaration's attribute reaches the
// definition, which returns.
func droppableAttr(name string) bool {
	prefix, attr, scoped := strings.Cut(name, "::")
	if !scoped {
		attr, prefix = prefix, ""
	}
	attr = strings.TrimSuffix(strings.TrimPrefix(attr, "__"), "__")
	switch prefix {
	case "":
		switch attr {
		case "nodiscard", "maybe_unused", "deprecated":
			return true
		}
		return false
	case "gnu", "__gnu__":
	default:
		return false
	}
	switch attr {
	case "unused", "used", "nonnull", "returns_nonnull", "warn_unused_result", "cold", "hot",
		"deprecated", "unavailable", "noinline", "noclone", "noipa", "access", "format", "format_arg",
		"nothrow", "leaf", "pure", "const", "malloc", "alloc_size", "alloc_align", "sentinel",
		"no_sanitize", "no_sanitize_address", "no_instrument_function", "warning", "error":
		return true
	}
	return false
}
