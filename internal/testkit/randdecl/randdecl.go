// Package randdecl generates random, valid wrapper declarations for tests:
// C headers in which every wrapper is one that a given dialect must accept,
// written with the comments, line breaks, annotations and declarators real
// headers use, together with what the generator meant (names, targets,
// struct names, return types, parameter names) so a test can compare it with
// what the tool read.
//
// The rules of each dialect are restated here from QEMU's scripts, not read
// from package dialect, so that a test built on this package checks the
// tool against an independent statement of them; only the markers each
// release knew are facts taken from the one list of them, model.Markers.
//
// Everything is derived from the seed: the same seed and rules give the same
// bytes.
package randdecl

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// Rules is what one dialect's generator accepts.
type Rules struct {
	// Dialect is the dialect's name ("5.2", ..., "9.0").
	Dialect string
	// Markers are the markers it knows.
	Markers []string
	// IntOnly: every wrapper returns int (5.2 to 7.2).
	IntOnly bool
	// Prefix, if set, is the first word of every wrapper name (5.2: bdrv).
	Prefix string
	// CoAnywhereForbidden: a co wrapper's name contains no "_co_" at all;
	// otherwise only its second word must not be "co".
	CoAnywhereForbidden bool
	// FirstRequired: a co wrapper's first parameter must be one of
	// Contexts, named as the case says (5.2 to 7.2).
	FirstRequired bool
	// Contexts are the first-parameter types that select a context.
	Contexts []ContextParam
	// FixedNamesCo and FixedNamesNoCo: a first parameter of a Contexts type
	// must have the case's name, in co and no_co wrappers respectively
	// (8.0 hard-coded them in co wrappers, 8.1 in both kinds).
	FixedNamesCo, FixedNamesNoCo bool
	// StructAfterTarget: the struct is named after the target (5.2 to
	// 7.2), not the wrapper.
	StructAfterTarget bool
	// ResultInPollState: the result travels in BdrvPollCo, so the struct
	// has no ret member, and the templates take no lock (5.2 to 7.2).
	ResultInPollState bool
	// CoContext is how a co wrapper's body finds what it polls: "node"
	// (5.2 to 7.2: the first parameter's node, through blk_bs for a
	// BlockBackend), "getter" (8.0 to 8.2: the AioContext getter of the
	// first parameter's type, qemu_get_aio_context for any other) or
	// "current" (9.0: qemu_get_current_aio_context).
	CoContext string
}

// ContextParam is a first-parameter type that selects an AioContext (or,
// up to 7.2, a BlockDriverState) and the name old templates hard-coded.
type ContextParam struct {
	Type string // "BlockDriverState"; the parameter is a plain pointer to it
	Name string // "bs"
}

var (
	bsParam    = ContextParam{"BlockDriverState", "bs"}
	childParam = ContextParam{"BdrvChild", "child"}
	blkParam   = ContextParam{"BlockBackend", "blk"}

	allContext = []ContextParam{bsParam, childParam, blkParam}
)

// RulesFor returns the rules of the dialect called name.
func RulesFor(name string) (Rules, bool) {
	r, ok := rulesFor(name)
	if d, err := dialect.ForVersion(name); ok && err == nil {
		for _, m := range d.Markers() {
			r.Markers = append(r.Markers, m.Name)
		}
	}
	return r, ok
}

func rulesFor(name string) (Rules, bool) {
	old := Rules{Dialect: name, IntOnly: true, FirstRequired: true, FixedNamesCo: true,
		StructAfterTarget: true, CoAnywhereForbidden: true, ResultInPollState: true, CoContext: "node"}
	switch name {
	case "5.2":
		old.Prefix, old.CoAnywhereForbidden = "bdrv", false
		old.Contexts = []ContextParam{bsParam, childParam}
		return old, true
	case "6.1":
		old.Contexts = []ContextParam{bsParam, childParam}
		return old, true
	case "6.2":
		old.Contexts = allContext
		return old, true
	case "8.0":
		return Rules{Dialect: name, CoAnywhereForbidden: true, Contexts: allContext, FixedNamesCo: true, CoContext: "getter"}, true
	case "8.1":
		return Rules{Dialect: name, CoAnywhereForbidden: true, Contexts: allContext, FixedNamesCo: true, FixedNamesNoCo: true, CoContext: "getter"}, true
	case "8.2":
		return Rules{Dialect: name, CoAnywhereForbidden: true, Contexts: allContext, CoContext: "getter"}, true
	case "9.0":
		return Rules{Dialect: name, CoAnywhereForbidden: true, Contexts: allContext, CoContext: "current"}, true
	}
	return Rules{}, false
}

// Config says how much to generate.
type Config struct {
	// Headers is the number of input headers (at least 1).
	Headers int
	// Wrappers is the number of wrappers over all headers.
	Wrappers int
	// NoBoundedArrays leaves out array parameters with a bound
	// (buf[16], m[2][3], a[static 4]).
	NoBoundedArrays bool
	// Splices adds backslash-newline line splices between tokens.
	Splices bool
	// SplicedIdentifiers adds line splices inside identifiers
	// (co_wrap\<newline>per), which a C compiler joins before it sees tokens.
	SplicedIdentifiers bool
	// Clashes gives some wrappers one more parameter, marked Clash, whose
	// name Rules.Clashes refuses: a case the tool must reject exactly there.
	Clashes bool
}

// Case is one generated test case.
type Case struct {
	Seed    uint64
	Rules   Rules
	Headers []Header
}

// Header is one generated input header.
type Header struct {
	Name     string
	Src      []byte
	Wrappers []*Wrapper
}

// Wrapper is what the generator meant one declaration to be.
type Wrapper struct {
	Marker string
	NoCo   bool
	Mixed  bool
	// Lock is "", "rdlock" or "wrlock".
	Lock   string
	Name   string
	Target string
	Struct string
	// Return is the return type in canonical spelling ("const char *",
	// "BdrvChild **", "void").
	Return string
	Params []Param
	// Context is the index in Rules.Contexts of the first parameter's
	// type, or -1 if the first parameter (if any) selects no context.
	Context int
}

// Param is one parameter as the generator meant it.
type Param struct {
	Name string
	// Clash: the name breaks the generated code (Config.Clashes).
	Clash bool
	// Decl is the declaration without comments, annotations and odd spacing,
	// array and function declarators as written: "uint8_t buf[16]".
	Decl string
}

// Prelude declares, for a C file that includes the generated headers,
// everything they use that the test runtime (testdata/runtime) does not
// define. It must come after the runtime's bcw/runtime.h.
const Prelude = `/* What the headers of package randdecl use beyond the test runtime. */
#define TSA_NO_TSA
#define G_GNUC_WARN_UNUSED_RESULT
#define TSA_REQUIRES(...)
struct rnd_s0;
struct rnd_s1;
struct rnd_s2;
union rnd_u0;
typedef unsigned rnd_cookie_t;
typedef void rnd_cb_t(void *opaque, int ret);
typedef struct rnd_s1 rnd_obj_t;
`

// TargetDecls returns C declarations of the function each wrapper of c
// calls, with the parameters as the generator wrote them.
func (c *Case) TargetDecls() string {
	var b strings.Builder
	for _, h := range c.Headers {
		for _, w := range h.Wrappers {
			co := "coroutine_fn "
			if w.NoCo {
				co = ""
			}
			fmt.Fprintf(&b, "%s%s%s(%s);\n", spaced(w.Return), co, w.Target, w.ParamList())
		}
	}
	return b.String()
}

// ParamList returns the parameter declarations joined by ", ", or "void".
func (w *Wrapper) ParamList() string {
	if len(w.Params) == 0 {
		return "void"
	}
	decls := make([]string, len(w.Params))
	for i, p := range w.Params {
		decls[i] = p.Decl
	}
	return strings.Join(decls, ", ")
}

// spaced returns a return type followed by a space unless it ends in '*'.
func spaced(typ string) string {
	if strings.HasSuffix(typ, "*") {
		return typ
	}
	return typ + " "
}

// Generate returns the case of the seed for the rules.
func Generate(seed uint64, rules Rules, cfg Config) *Case {
	g := &gen{
		r:     rand.New(rand.NewPCG(seed, hashString(rules.Dialect))),
		rules: rules,
		cfg:   cfg,
		used:  map[string]bool{},
	}
	for _, id := range reserved {
		g.used[id] = true
	}
	for _, m := range model.Markers {
		g.used[m.Name] = true
	}

	c := &Case{Seed: seed, Rules: rules}
	nh := max(cfg.Headers, 1)
	counts := make([]int, nh)
	for i := range counts {
		counts[i] = cfg.Wrappers / nh
		if i < cfg.Wrappers%nh {
			counts[i]++
		}
	}
	if nh > 1 && g.pct(25) {
		// A header without wrappers still takes part in the framing.
		counts = slices.Insert(counts, g.r.IntN(nh+1), 0)
	}
	for i, n := range counts {
		c.Headers = append(c.Headers, g.header(fmt.Sprintf("rand%d.h", i), n))
	}
	return c
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

type gen struct {
	r     *rand.Rand
	rules Rules
	cfg   Config
	// used holds every file-scope identifier taken: reserved ones, the
	// generated code's definitions, targets, fillers.
	used map[string]bool
	// noise is the current header's probability (in percent) of an odd
	// separator between two tokens.
	noise int
	n     int // counter for filler names
	// taken holds the parameter names of the current wrapper.
	taken map[string]bool
	// defined are the names earlier wrappers' generated code defines, and
	// their targets.
	defined []string
	// ints are the current wrapper's parameters of integer type so far,
	// which an array parameter after them may take as its bound.
	ints []string
	// digraphs is the current header's probability (in percent) of
	// spelling a bracket or brace as its digraph (<: :> <% %> %:).
	digraphs int
}

// reserved are identifiers the generated names must not take: those of the
// test runtime and the C library headers it includes, C keywords, macros,
// and the prelude's types.
var reserved = strings.Fields(`
auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef
union unsigned void volatile while bool true false NULL asm typeof
assert errno stdin stdout stderr offsetof main abort exit free malloc
int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t size_t ssize_t
coroutine_fn coroutine_mixed_fn GRAPH_RDLOCK GRAPH_WRLOCK GRAPH_UNLOCKED TSA_NO_TSA
AioContext Coroutine BlockDriverState BdrvChild BlockBackend Error QDict QEMUIOVector
BdrvRequestFlags CoroutineEntry QEMUBHFunc BdrvPollCo BcwWhere BcwEvent
qemu_coroutine_create qemu_coroutine_enter qemu_coroutine_self qemu_coroutine_yield
qemu_in_coroutine qemu_get_aio_context qemu_get_current_aio_context bdrv_get_aio_context
blk_get_aio_context blk_bs aio_bh_schedule_oneshot aio_poll aio_co_wake aio_wait_kick
aio_context_acquire aio_context_release bdrv_poll_co bdrv_graph_co_rdlock
bdrv_graph_co_rdunlock bdrv_graph_rdlock_main_loop bdrv_graph_rdunlock_main_loop
bdrv_graph_wrlock bdrv_graph_wrunlock assume_graph_lock
rnd_cookie_t rnd_cb_t rnd_obj_t
`)

// isReserved reports whether name is reserved or a marker.
func isReserved(name string) bool {
	_, marker := model.LookupMarker(name)
	return marker || slices.Contains(reserved, name)
}

func (g *gen) pct(p int) bool { return g.r.IntN(100) < p }

func pick[T any](g *gen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// tok is a C token of a declaration being built.
type tok struct {
	s    string
	word bool // an identifier, keyword or number
	// annot: the token belongs to an attribute or annotation macro,
	// which the canonical declaration leaves out
	annot bool
	// list: s is the '(' of a parameter list, written without a space
	// before it
	list bool
}

func w(s string) tok { return tok{s: s, word: true} }
func p(s string) tok { return tok{s: s} }

// open is the '(' that opens a parameter list.
var open = tok{s: "(", list: true}

// words splits a type spelling into tokens: "const char *" → const, char, *.
func words(s string) []tok {
	var out []tok
	for _, f := range strings.Fields(strings.ReplaceAll(s, "*", " * ")) {
		if f == "*" {
			out = append(out, p(f))
		} else {
			out = append(out, w(f))
		}
	}
	return out
}

// canon joins tokens as the canonical declaration: "int *p",
// "void (*cb)(void *opaque, int ret)", "uint8_t buf[16]".
func canon(toks []tok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && canonSpace(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String()
}

func canonSpace(a, b tok) bool {
	switch {
	case a.word && b.word:
		return true
	case b.s == "*":
		return a.word || a.s == ")" || a.s == "]"
	case a.s == ",":
		return true
	case b.s == "(":
		return a.word && !b.list
	case a.s == ")" && b.word:
		return true
	}
	return false
}

// header generates one header declaring n wrappers, with fillers between
// them.
func (g *gen) header(name string, n int) Header {
	h := Header{Name: name}
	g.noise = pick(g, 0, 5, 20, 50)
	g.digraphs = pick(g, 0, 0, 10, 50)
	var b strings.Builder
	guard := strings.ToUpper(strings.ReplaceAll(name, ".", "_"))
	if g.pct(60) {
		fmt.Fprintf(&b, "/*\n * %s: random wrapper declarations.\n */\n", name)
	}
	fmt.Fprintf(&b, "#ifndef RND_%s\n#define RND_%s\n\n", guard, guard)
	cxx := g.pct(30)
	if cxx {
		b.WriteString("#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n")
	}
	for range n {
		for g.pct(35) {
			b.WriteString(g.filler())
			b.WriteString("\n")
		}
		wr, toks := g.wrapper()
		h.Wrappers = append(h.Wrappers, wr)
		b.WriteString(g.render(toks))
		b.WriteString(pick(g, "\n", "\n\n", " // after\n", " /* after */\n", "\n\n\n"))
	}
	if g.pct(30) {
		b.WriteString(g.filler())
		b.WriteString("\n")
	}
	if cxx {
		b.WriteString("#ifdef __cplusplus\n}\n#endif\n\n")
	}
	fmt.Fprintf(&b, "#endif /* RND_%s */\n", guard)
	src := b.String()
	switch g.r.IntN(6) {
	case 0: // CRLF throughout
		src = strings.ReplaceAll(src, "\n", "\r\n")
	case 1: // some lines CRLF
		var m strings.Builder
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' && g.pct(50) {
				m.WriteByte('\r')
			}
			m.WriteByte(src[i])
		}
		src = m.String()
	}
	h.Src = []byte(src)
	return h
}

// render writes a declaration's tokens, separated by canonical spacing or,
// with the header's noise probability, by something odd.
func (g *gen) render(toks []tok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteString(g.sep(toks[i-1], t))
		}
		s := t.s
		if d, ok := digraph[s]; ok && g.pct(g.digraphs) {
			s = d
		}
		if g.cfg.SplicedIdentifiers && t.word && len(s) > 1 && !strings.Contains(s, `\`) && g.pct(g.noise/5) {
			k := 1 + g.r.IntN(len(s)-1)
			s = s[:k] + "\\\n" + s[k:]
		}
		b.WriteString(s)
	}
	b.WriteString(";")
	return b.String()
}

// digraph maps the punctuators that have a digraph to it (C11 6.4.6p3).
var digraph = map[string]string{"[": "<:", "]": ":>", "{": "<%", "}": "%>", "#": "%:"}

// digraphs replaces, with the header's probability, each of the
// punctuators in C source that have a digraph by it. Only for fillers,
// which hold no string literals or comments with such characters.
func (g *gen) digraphsIn(src string) string {
	if g.digraphs == 0 {
		return src
	}
	var b strings.Builder
	for _, r := range src {
		if d, ok := digraph[string(r)]; ok && g.pct(g.digraphs) {
			b.WriteString(d)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var commentWords = []string{
	"the node", "co_wrapper", "int co_wrapper bdrv_fake(BlockDriverState *bs);",
	"no_co_wrapper_bdrv_wrlock", "(", ")", ";", ",", "TODO", "**", "[16]", "\"", "'",
	"generated_co_wrapper", "bdrv_co_x", "{", "}", "#if 0", "in bytes", "",
	"naïve – Größe ≤ 16 → ok", "/", "*", "\\ not a splice",
}

func (g *gen) comment() string {
	text := pick(g, commentWords...)
	switch g.r.IntN(5) {
	case 0:
		return "/*" + text + "*/"
	case 1:
		return " /* " + text + " */ "
	case 2:
		return " // " + text + "\n" + pick(g, "", "    ", "\t")
	case 3:
		return "\n/*\n * " + text + "\n */\n"
	}
	return "/* " + text + " */"
}

// sep returns what goes between tokens a and b.
func (g *gen) sep(a, b tok) string {
	need := a.word && b.word
	if !g.pct(g.noise) {
		if canonSpace(a, b) {
			return " "
		}
		return ""
	}
	var s string
	switch g.r.IntN(12) {
	case 0, 1:
		s = ""
	case 2:
		s = "  "
	case 3:
		s = "\t"
	case 4:
		s = "\n"
	case 5:
		s = "\n    "
	case 6:
		s = "\n\t\t"
	case 7, 8, 9:
		s = g.comment()
	case 10:
		s = g.comment() + g.comment()
	case 11:
		switch {
		case g.cfg.Splices && g.pct(50):
			s = " \\\n  "
		case g.pct(50):
			s = pick(g, " \f ", "\v", "\f\n")
		default:
			s = " \n\n "
		}
	}
	if s == "" && need {
		s = " "
	}
	return s
}

// wrapper generates one wrapper declaration and returns it with its
// tokens (without the ';').
func (g *gen) wrapper() (*Wrapper, []tok) {
	wr := &Wrapper{Context: -1}
	wr.Marker = pick(g, g.rules.Markers...)
	wr.NoCo = strings.HasPrefix(wr.Marker, "no_co_")
	wr.Mixed = strings.Contains(wr.Marker, "mixed") || wr.Marker == "generated_co_wrapper"
	switch {
	case strings.HasSuffix(wr.Marker, "rdlock"):
		wr.Lock = "rdlock"
	case strings.HasSuffix(wr.Marker, "wrlock"):
		wr.Lock = "wrlock"
	}
	g.names(wr)
	g.taken = map[string]bool{}
	g.ints = nil

	// Return type.
	var ret []tok
	if g.rules.IntOnly {
		ret = []tok{w("int")}
	} else {
		ret = words(pick(g, returnTypes...))
	}
	wr.Return = canon(ret)

	// Parameters.
	var params []param
	fixed := g.rules.FixedNamesCo && !wr.NoCo || g.rules.FixedNamesNoCo && wr.NoCo
	if g.rules.FirstRequired && !wr.NoCo || g.pct(50) {
		k := g.r.IntN(len(g.rules.Contexts))
		c := g.rules.Contexts[k]
		wr.Context = k
		name := c.Name
		if !fixed && g.pct(50) {
			name = g.paramName(wr)
		}
		g.taken[name] = true
		params = append(params, g.decorate(param{toks: []tok{w(c.Type), p("*"), w(name)}, name: name}))
	}
	n := g.r.IntN(6)
	if g.pct(5) {
		n = 8 + g.r.IntN(8)
	}
	for ; n > 0; n-- {
		params = append(params, g.randomParam(wr, len(params) == 0))
	}
	if g.cfg.Clashes && g.pct(30) {
		// After the first parameter, which selects the context.
		name := g.clashName(wr)
		at := min(1, len(params)) + g.r.IntN(len(params)-min(1, len(params))+1)
		params = slices.Insert(params, at, param{toks: []tok{w("int"), w(name)}, name: name, clash: true})
	}
	for _, prm := range params {
		wr.Params = append(wr.Params, Param{Name: prm.name, Clash: prm.clash, Decl: canon(stripAttrs(prm.toks))})
	}

	// The declaration: specifiers with the marker and annotations among
	// the return type's tokens, then the name and the parameter list.
	var specs []tok
	if g.pct(8) {
		specs = append(specs, g.functionAttrs(wr.Return, len(params) > 0)...)
	}
	if g.pct(10) {
		specs = append(specs, w("extern"))
	}
	if g.pct(10) {
		specs = append(specs, g.attr()...)
	}
	markerAt := g.r.IntN(len(ret) + 1)
	annots := map[int][]tok{}
	for range g.r.IntN(3) {
		at := g.r.IntN(len(ret) + 1)
		annots[at] = append(annots[at], g.macro()...)
	}
	for i := 0; i <= len(ret); i++ {
		specs = append(specs, annots[i]...)
		if i == markerAt {
			specs = append(specs, w(wr.Marker))
		}
		if i < len(ret) {
			specs = append(specs, ret[i])
		}
	}
	toks := append(specs, w(wr.Name))
	if g.pct(8) {
		toks = append(toks, g.functionAttrs(wr.Return, len(params) > 0)...)
	}
	toks = append(toks, open)
	switch {
	case len(params) > 0:
		for i, prm := range params {
			if i > 0 {
				toks = append(toks, p(","))
			}
			toks = append(toks, prm.toks...)
		}
	case g.pct(50):
		toks = append(toks, w("void"))
	}
	toks = append(toks, p(")"))
	gnu := false // gcc reads no attribute specifier after a GNU attribute
	for range g.r.IntN(3) {
		switch {
		case g.pct(20):
			toks = append(toks, g.attr()...)
			gnu = true
		case g.pct(15) && !gnu:
			// After the parameter list, an attribute appertains to the
			// function's type: only some apply there.
			attr := pick(g, "gnu::unused", "gnu::deprecated")
			if wr.Return != "void" && g.pct(30) {
				attr = "gnu::warn_unused_result"
			}
			toks = append(toks, g.attrSpec(attr)...)
		default:
			toks = append(toks, g.macro()...)
		}
	}
	return wr, toks
}

// attr is a GCC attribute, accepted before the return type, after the
// parameter list and in parameters.
func (g *gen) attr() []tok {
	return annotation(w("__attribute__"), p("("), p("("), w(pick(g, "unused", "__unused__")), p(")"), p(")"))
}

// annotation marks toks as an annotation.
func annotation(toks ...tok) []tok {
	for i := range toks {
		toks[i].annot = true
	}
	return toks
}

// macro returns an annotation macro, sometimes one with arguments.
func (g *gen) macro() []tok {
	if g.pct(15) {
		return annotation(w("TSA_REQUIRES"), p("("), w("rnd_lock"), p(")"))
	}
	return annotation(w(pick(g, "coroutine_fn", "GRAPH_RDLOCK", "GRAPH_UNLOCKED", "coroutine_mixed_fn", "TSA_NO_TSA")))
}

func stripAttrs(toks []tok) []tok {
	return slices.DeleteFunc(slices.Clone(toks), func(t tok) bool { return t.annot })
}

// returnTypes are the return types of dialects that allow any.
var returnTypes = []string{
	"void", "int", "int64_t", "bool", "void *", "const char *", "BlockDriverState *",
	"unsigned long", "struct rnd_s0 *", "BdrvChild **", "uint8_t *", "size_t", "AioContext *",
	"char **", "const uint8_t *", "double", "BdrvRequestFlags", "unsigned", "long long",
	"Error *", "volatile int *", "struct rnd_s1 **", "enum BdrvRequestFlags", "QEMUIOVector",
	"unsigned long long int", "rnd_cookie_t", "rnd_obj_t *", "const void *", "rnd_cb_t *",
}

// names picks the wrapper's name, target and struct name, unused so far,
// and marks everything the generated code will define as used.
func (g *gen) names(wr *Wrapper) {
	for {
		var ws []string
		if wr.NoCo {
			ws = []string{g.word(true), "co"}
			for n := 1 + g.r.IntN(3); n > 0; n-- {
				ws = append(ws, g.word(false))
			}
			wr.Target = ws[0] + "_" + strings.Join(ws[2:], "_")
		} else {
			first := g.rules.Prefix
			if first == "" {
				first = g.word(true)
			}
			ws = []string{first}
			for n := 1 + g.r.IntN(3); n > 0; n-- {
				ws = append(ws, g.word(false))
			}
			name := strings.Join(ws, "_")
			if ws[1] == "co" || g.rules.CoAnywhereForbidden && strings.Contains(name, "_co_") {
				continue
			}
			wr.Target = ws[0] + "_co_" + strings.Join(ws[1:], "_")
		}
		wr.Name = strings.Join(ws, "_")
		if !strings.ContainsAny(wr.Name, "abcdefghijklmnopqrstuvwxyz") || !strings.ContainsAny(wr.Target, "abcdefghijklmnopqrstuvwxyz") {
			// The tool takes an upper-case name with a '_' (CO_7) for an
			// annotation macro such as GRAPH_RDLOCK: it reports such a
			// wrapper as having no function name and does not see such a
			// target's declaration.
			continue
		}
		wr.Struct = model.CamelCase(wr.Name)
		if g.rules.StructAfterTarget {
			wr.Struct = model.CamelCase(wr.Target)
		}
		helper := wr.Target + "_entry"
		if wr.NoCo {
			helper = wr.Target + "_bh"
		}
		ids := []string{wr.Name, wr.Target, wr.Struct, helper}
		if slices.ContainsFunc(ids, func(id string) bool { return g.used[id] }) {
			continue
		}
		for _, id := range ids {
			g.used[id] = true
		}
		g.defined = append(g.defined, wr.Name, wr.Target, wr.Struct, helper)
		return
	}
}

// word returns a word of a wrapper name: letters and digits, sometimes
// upper case or a word containing "co".
func (g *gen) word(first bool) string {
	if g.pct(12) {
		w := pick(g, "co", "cox", "eco", "coco", "co2", "x", "Co", "CO", "io", "rw", "bdrv", "blk", "nbd")
		if !first || w != "co2" {
			return w
		}
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	const more = letters + "0123456789"
	n := 1 + g.r.IntN(6)
	if g.pct(2) {
		n = 30 + g.r.IntN(40)
	}
	b := make([]byte, n)
	for i := range b {
		if i == 0 && first {
			b[i] = letters[g.r.IntN(len(letters))]
		} else {
			b[i] = more[g.r.IntN(len(more))]
		}
	}
	if g.pct(5) {
		b[0] = strings.ToUpper(string(b[0]))[0]
	}
	return string(b)
}

// param is a parameter being generated: its tokens and its name.
type param struct {
	toks  []tok
	name  string
	clash bool
}

// Types of parameters.
var (
	scalars = []string{
		"int", "int64_t", "uint64_t", "size_t", "bool", "unsigned", "unsigned long",
		"long long", "unsigned long long int", "char", "signed char", "short", "double",
		"long double", "uint8_t", "uint32_t", "BdrvRequestFlags", "enum BdrvRequestFlags",
		"_Bool", "rnd_cookie_t", "QEMUIOVector", "int const", "unsigned short int",
		"_Complex double", "long double _Complex",
	}
	pointees = append(slices.Clone(scalars),
		"void", "BlockDriverState", "BdrvChild", "BlockBackend", "AioContext", "QDict",
		"Error", "Coroutine", "struct rnd_s0", "struct rnd_s2", "union rnd_u0", "rnd_cb_t",
		"rnd_obj_t", "struct BlockDriverState", "const BlockDriverState", "_Atomic int", "char const")
	funcReturns = []string{"void", "int", "int64_t", "void *", "BlockDriverState *", "bool"}
	// elements are the complete types arrays may hold.
	elements = []string{"uint8_t", "int", "char *", "const char *", "void *", "int64_t",
		"BlockDriverState *", "QEMUIOVector", "bool", "struct rnd_s0 *"}
	// integers are the scalars that may bound an array.
	integers = []string{"int", "int64_t", "uint64_t", "size_t", "unsigned", "unsigned long",
		"long long", "unsigned long long int", "uint8_t", "uint32_t", "unsigned short int"}
)

// randomParam returns a parameter of any shape. A first parameter is never
// a plain pointer to a context type: that one selects a context and is
// generated on purpose only.
func (g *gen) randomParam(wr *Wrapper, first bool) param {
	name := g.paramName(wr)
	g.taken[name] = true
	n := w(name)
	var toks []tok
	shape := g.r.IntN(12)
	if shape == 9 && slices.Contains(funcMacros, name) {
		shape = 0
	}
	switch shape {
	case 0, 1, 2: // scalar
		typ := pick(g, scalars...)
		toks = append(g.qualified(typ), n)
		if slices.Contains(integers, typ) {
			g.ints = append(g.ints, name)
		}
	case 3, 4, 5, 6: // pointer
		base := pick(g, pointees...)
		toks = g.qualified(base)
		stars := 1
		for g.pct(20) && stars < 3 {
			stars++
		}
		qualified := len(toks) > len(words(base))
		for i := range stars {
			toks = append(toks, p("*"))
			if g.pct(15) {
				q := pick(g, "const", "volatile", "restrict", "__restrict")
				if i == 0 && base == "rnd_cb_t" && strings.Contains(q, "restrict") {
					q = "const" // only pointers to objects can be restrict
				}
				toks = append(toks, w(q))
				qualified = true
			}
		}
		if first && stars == 1 && !qualified && slices.ContainsFunc(g.rules.Contexts, func(c ContextParam) bool { return c.Type == base }) {
			toks = append([]tok{w("const")}, toks...)
		}
		toks = append(toks, n)
	case 7, 8: // function pointer
		toks = append(words(pick(g, funcReturns...)), p("("), p("*"))
		switch g.r.IntN(10) {
		case 0:
			toks = append(toks, w("const"), n, p(")"))
		case 1: // returning a function pointer
			toks = append(toks, p("("), p("*"), n, p(")"))
			toks = append(toks, g.innerParams()...)
			toks = append(toks, p(")"))
		case 2: // an array of them
			toks = append(toks, n, p("["), p("]"), p(")"))
		case 3: // a pointer to an array
			toks = append(words(pick(g, elements...)), p("("), p("*"), n, p(")"), p("["), w("4"), p("]"))
			return g.decorate(param{toks: toks, name: name})
		default:
			toks = append(toks, n, p(")"))
		}
		toks = append(toks, g.innerParams()...)
	case 9: // function, adjusted to a pointer
		toks = append(words(pick(g, funcReturns...)), n)
		toks = append(toks, g.innerParams()...)
	default: // array
		bounded := !g.cfg.NoBoundedArrays && g.pct(50)
		elem := words(pick(g, elements...))
		switch {
		case !bounded && g.pct(20):
			toks = append(words("const char *const"), n, p("["), p("]"))
		case !bounded:
			toks = append(elem, n, p("["), p("]"))
		case len(g.ints) > 0 && g.pct(25):
			// A variable length array, its bound an earlier parameter:
			// only the outermost array, which decays to a pointer in the
			// struct, may have one.
			bound := w(pick(g, g.ints...))
			switch g.r.IntN(3) {
			case 0:
				toks = append(elem, n, p("["), bound, p("]"))
			case 1:
				toks = append(elem, n, p("["), w("static"), bound, p("]"))
			case 2:
				toks = append(elem, n, p("["), bound, p("]"), p("["), w("3"), p("]"))
			}
		default:
			switch g.r.IntN(8) {
			case 0:
				toks = append(elem, n, p("["), w("16"), p("]"))
			case 1:
				toks = append(elem, n, p("["), w("2"), p("]"), p("["), w("3"), p("]"))
			case 2:
				toks = append(elem, n, p("["), w("static"), w("4"), p("]"))
			case 3:
				toks = append(elem, n, p("["), w("const"), w("8"), p("]"))
			case 4:
				toks = append(elem, n, p("["), w("static"), w("const"), w("4"), p("]"))
			case 5:
				toks = append(elem, n, p("["), w("const"), w("volatile"), w("static"), w("2"), p("]"))
			case 6:
				toks = append(elem, n, p("["), w("restrict"), p("]"))
			case 7:
				toks = append(elem, n, p("["), w("static"), w("restrict"), w("1"), p("]"), p("["), w("2"), p("]"))
			}
		}
	}
	if g.pct(3) {
		toks = append([]tok{w("register")}, toks...)
	}
	return g.decorate(param{toks: toks, name: name})
}

// decorate sometimes puts a GCC attribute before or after a parameter, or
// an attribute specifier (C23 [[...]], which gcc reads in every C mode)
// before it or after its name, where it appertains to the parameter.
func (g *gen) decorate(prm param) param {
	switch {
	case g.pct(4):
		prm.toks = append(g.attr(), prm.toks...)
	case g.pct(4):
		prm.toks = append(slices.Clone(prm.toks), g.attr()...)
	case g.pct(4):
		prm.toks = append(g.attrSpec(pick(g, "maybe_unused", "gnu::unused", "__maybe_unused__")), prm.toks...)
	case g.pct(4):
		at := slices.IndexFunc(prm.toks, func(t tok) bool { return t.word && t.s == prm.name }) + 1
		prm.toks = slices.Insert(slices.Clone(prm.toks), at, g.attrSpec(pick(g, "maybe_unused", "gnu::unused", "__gnu__::__unused__"))...)
	}
	return prm
}

// attrSpec is an attribute specifier holding attrs, sometimes with an
// empty attribute or two specifiers in a row.
func (g *gen) attrSpec(attrs ...string) []tok {
	toks := []tok{p("["), p("[")}
	if g.pct(10) {
		toks = append(toks, p(","))
	}
	for i, a := range attrs {
		if i > 0 {
			toks = append(toks, p(","))
		}
		prefix, name, scoped := strings.Cut(a, "::")
		if scoped {
			toks = append(toks, w(prefix), p("::"), w(name))
		} else {
			toks = append(toks, w(a))
		}
	}
	toks = append(toks, p("]"), p("]"))
	if g.pct(10) {
		toks = append(toks, p("["), p("["), p("]"), p("]"))
	}
	return annotation(toks...)
}

// functionAttrs are attributes that appertain to a wrapper without
// changing its type. (gcc refuses gnu::nonnull without arguments on a
// function declared with "()".)
func (g *gen) functionAttrs(ret string, proto bool) []tok {
	attrs := []string{pick(g, "gnu::cold", "gnu::noinline", "deprecated", "gnu::leaf")}
	if proto && g.pct(20) {
		attrs[0] = "gnu::nonnull"
	}
	if ret != "void" && g.pct(50) {
		attrs = append(attrs, pick(g, "nodiscard", "gnu::warn_unused_result"))
	}
	return g.attrSpec(attrs...)
}

// qualified returns the tokens of typ, sometimes qualified.
func (g *gen) qualified(typ string) []tok {
	if strings.Contains(typ, "const") {
		return words(typ)
	}
	return append(g.quals(), words(typ)...)
}

// quals returns qualifiers to put before a type, usually none. (The types
// that hold a qualifier themselves, like "int const", get none: gcc warns
// about a duplicate one.)
func (g *gen) quals() []tok {
	switch g.r.IntN(12) {
	case 0:
		return []tok{w("const")}
	case 1:
		return []tok{w("volatile")}
	case 2:
		return []tok{w("const"), w("volatile")}
	}
	return nil
}

// innerParams returns the parameter list of a function declarator:
// (void), (), or parameters with or without names. Their names live in
// prototype scope, so the generated code's names (ret, s, co) are fine.
func (g *gen) innerParams() []tok {
	toks := []tok{open}
	switch n := g.r.IntN(5); n {
	case 0:
		toks = append(toks, w("void"))
	case 1:
	default:
		seen := map[string]bool{}
		for i := range n - 1 {
			if i > 0 {
				toks = append(toks, p(","))
			}
			toks = append(toks, words(pick(g, "int", "void *", "const char *", "int64_t", "BlockDriverState *", "struct rnd_s0 *", "uint8_t *", "bool"))...)
			if g.pct(70) {
				name := pick(g, "opaque", "ret", "s", "co", "poll_state", "bs", "n", g.word(true))
				if !seen[name] && !isReserved(name) {
					seen[name] = true
					toks = append(toks, w(name))
				}
			}
			if g.pct(10) {
				// In a prototype, a variable length array of unspecified
				// size (C11 6.7.6.2p4).
				toks = append(toks, p("["), p("*"), p("]"))
			}
		}
	}
	return append(toks, p(")"))
}

// paramName picks a parameter name for wr that collides with nothing:
// now and then on purpose one that the generated code uses elsewhere, or
// that some wrapper's code defines, where Rules.Clashes allows it.
func (g *gen) paramName(wr *Wrapper) string {
	for {
		var name string
		switch g.r.IntN(8) {
		case 0:
			name = pick(g, "opaque", "ctx", "offset", "bytes", "flags", "errp", "buf", "qiov",
				"entry", "bh", "self", "in_progress", "bs", "child", "blk", "node", "n", "_x", "x_")
		case 1, 2:
			name = g.generatedName(wr)
		default:
			name = g.word(true)
			if g.pct(30) {
				name += "_" + g.word(false)
			}
			if g.pct(8) {
				// A universal character name (C11 6.4.3; Annex D ranges).
				name += pick(g, `\u00e9`, `\u00DF`, `\u03bb`, `\U0001F600`, `\u4e2d`)
			}
		}
		if g.taken[name] || g.rules.Clashes(wr, name) || isReserved(name) && !slices.Contains(GeneratedNames, name) {
			continue
		}
		return name
	}
}

// clashName picks a name for a parameter of wr that Rules.Clashes refuses.
func (g *gen) clashName(wr *Wrapper) string {
	for {
		if name := g.generatedName(wr); !g.taken[name] && g.rules.Clashes(wr, name) {
			g.taken[name] = true
			return name
		}
	}
}

// generatedName returns a name the generated code of some release uses
// or defines: one of GeneratedNames, one of wr's own, or one an earlier
// wrapper's code defines.
func (g *gen) generatedName(wr *Wrapper) string {
	switch g.r.IntN(4) {
	case 0:
		return pick(g, wr.Name, wr.Target, wr.Struct, wr.Target+"_entry", wr.Target+"_bh", "new", "class", "this", "template", "delete")
	case 1:
		if len(g.defined) > 0 {
			return pick(g, g.defined...)
		}
	}
	return pick(g, GeneratedNames...)
}

// funcMacros are function-like macros of the test runtime: a parameter of
// function type may not take their names, since the '(' after the name
// would call the macro (assert everywhere; bdrv_graph_wrlock and
// bdrv_graph_wrunlock only here: QEMU's are functions).
var funcMacros = []string{"assert", "bdrv_graph_wrlock", "bdrv_graph_wrunlock"}

// GeneratedNames are the names the templates of some release print besides
// a wrapper's own: locals, members, QEMU's functions, types and macros
// (AioContext and Coroutine left out: other parameters have those types).
// A test holds them to package emit's list.
var GeneratedNames = strings.Fields(`
s opaque ctx ret co poll_state in_progress BdrvPollCo true false NULL coroutine_fn assert
qemu_in_coroutine qemu_coroutine_create qemu_coroutine_self qemu_coroutine_yield bdrv_poll_co
aio_wait_kick aio_co_wake aio_bh_schedule_oneshot aio_context_acquire aio_context_release
qemu_get_aio_context qemu_get_current_aio_context bdrv_get_aio_context blk_get_aio_context blk_bs
assume_graph_lock bdrv_graph_co_rdlock bdrv_graph_co_rdunlock bdrv_graph_rdlock_main_loop
bdrv_graph_rdunlock_main_loop bdrv_graph_wrlock bdrv_graph_wrunlock
`)

// Clashes reports whether a parameter of w named name breaks the code the
// rules' release generates for w, or changes its meaning, as C scoping
// says: the parameters are in scope in the wrapper function's body only
// (not in the coroutine entry or bottom half, which read s->member), and a
// parameter there hides a function or type of the same name. So it must
// not take a name that body names, nor a member of the argument struct
// (the parameter is one too), nor an object-like macro of the headers
// block-gen.c includes (it would expand in the parameter's declaration).
// assert is a function-like macro: a parameter does not hide it. Restated
// from QEMU's scripts/block-coroutine-wrapper.py of each release.
func (r Rules) Clashes(w *Wrapper, name string) bool {
	switch name {
	case "s", w.Struct, "true", "false", "NULL", "coroutine_fn", "qemu_in_coroutine":
		return true
	case "ret":
		return w.Return != "void" && (w.NoCo || !r.ResultInPollState)
	}
	if w.NoCo {
		switch name {
		case "co", w.Target + "_bh", "qemu_coroutine_self", "aio_bh_schedule_oneshot", "qemu_get_aio_context", "qemu_coroutine_yield":
			return true
		}
		return false
	}
	switch name {
	case "poll_state", w.Target + "_entry", "qemu_coroutine_create", "bdrv_poll_co":
		return true
	case w.Target:
		return w.Mixed
	case "assume_graph_lock":
		return w.Mixed && w.Lock == "rdlock"
	}
	typ := ""
	if w.Context >= 0 {
		typ = r.Contexts[w.Context].Type
	}
	switch r.CoContext {
	case "node":
		return typ == "BlockBackend" && name == "blk_bs"
	case "current":
		return name == "qemu_get_current_aio_context"
	}
	switch typ {
	case "":
		return name == "qemu_get_aio_context"
	case "BlockBackend":
		return name == "blk_get_aio_context"
	}
	return name == "bdrv_get_aio_context"
}

// filler returns C that is not a wrapper declaration, to put between
// wrappers: ordinary declarations, and markers where they declare nothing
// (comments, strings, dead groups, function bodies, macro definitions).
func (g *gen) filler() string {
	g.n++
	for g.used[fmt.Sprintf("rnd_plain%d", g.n)] || g.used[fmt.Sprintf("rnd_inline%d", g.n)] ||
		g.used[fmt.Sprintf("rnd_str%d", g.n)] || g.used[fmt.Sprintf("rnd_get%d", g.n)] || g.used[fmt.Sprintf("rnd_type%d", g.n)] {
		g.n++
	}
	n := g.n
	for _, f := range []string{"rnd_plain%d", "rnd_inline%d", "rnd_str%d", "rnd_get%d", "rnd_type%d"} {
		g.used[fmt.Sprintf(f, n)] = true
	}
	switch g.r.IntN(10) {
	case 0:
		return fmt.Sprintf("int coroutine_fn GRAPH_RDLOCK rnd_plain%d(BlockDriverState *bs, int64_t offset);\n", n)
	case 1:
		return "/*\n * int co_wrapper_mixed bdrv_in_comment(BlockDriverState *bs);\n */\n"
	case 2:
		return "// no_co_wrapper int bdrv_co_in_line_comment(void);\n"
	case 3:
		return g.digraphsIn(pick(g, "#if 0", "#if 0 // off", "#  if   0", "#if (0)") +
			"\nint co_wrapper bdrv_dead(BlockDriverState *bs\nint no_co_wrapper_bdrv_wrlock\n#if 1\nco_wrapper_mixd x;\n#endif\n" +
			pick(g, "", "#elif 0\nint co_wrapper bdrv_dead2(void);\n#else\n", "#else\n") + "#endif\n")
	case 4:
		return g.digraphsIn(fmt.Sprintf("#define RND_MACRO%d(x) \\\n    int co_wrapper x(BlockDriverState *bs)\n", n))
	case 5:
		return g.digraphsIn(fmt.Sprintf("static inline int rnd_inline%d(int x)\n{\n    int co_wrapper y = x;\n    no_co_wrapper return y;\n}\n", n))
	case 6:
		return g.digraphsIn(fmt.Sprintf("struct rnd_def%d {\n    BlockDriverState *bs;\n    int64_t (*fn)(void *opaque, int ret);\n};\n", n))
	case 7:
		if g.pct(50) {
			return fmt.Sprintf("const char rnd_str%d[] = \"int co_wrapper \\\"bdrv_str\\\"(BlockDriverState *bs); /* \";\n", n)
		}
		return fmt.Sprintf("const char rnd_str%d[] = { '\\'', '\"', ';', '{' }; // co_wrapper\n", n)
	case 8:
		// The pragma operator needs no ';': it joins the next declaration.
		return "_Pragma(\"GCC diagnostic push\")"
	}
	return fmt.Sprintf("typedef int64_t rnd_type%d;\nint rnd_get%d(void) TSA_NO_TSA;\n", n, n)
}
