package emit_test

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/names"
)

// TestNamesMatchTemplates renders a wrapper of every shape in every
// dialect (each marker; int, void and pointer results; every first
// parameter that selects a context, one that selects none, and none),
// named by names.Fill, and holds the identifiers of the output to the
// wrapper's Uses and Defines, in both directions, scope by scope:
//
//   - the wrapper function's body names exactly its parameters, the C
//     keywords of the templates and the uses marked Body;
//   - the struct's template lines, the entry or bottom half and the
//     wrapper's signature name exactly the other uses, besides what they
//     define;
//   - the struct declares exactly the parameters and the Member uses,
//     and the code names no other member of it;
//   - a Function, CallMacro or Target is always called, any other use
//     never is;
//   - names.QEMU is the union of the uses of QEMU's names.
//
// So a name added to a template and not to package names, or left there
// when the template no longer prints it, fails here.
func TestNamesMatchTemplates(t *testing.T) {
	for _, d := range dialect.All {
		seen := map[string]model.Role{}
		for _, m := range d.Markers() {
			for _, ret := range results(d) {
				for _, first := range firstParams(d, m.Kind) {
					w := shape(d, m, ret, first)
					checkShape(t, d, w, w.Uses)
					for _, u := range w.Uses {
						if u.Role >= model.RoleFunction {
							seen[u.Name] = u.Role
						}
					}
				}
			}
		}
		if diff := cmp.Diff(seen, names.QEMU(d)); diff != "" {
			t.Errorf("%s: names.QEMU is not what the templates print (-printed +names.QEMU):\n%s", d.Name, diff)
		}
	}
}

func results(d *dialect.Dialect) []string {
	if d.IntOnly {
		return []string{"int"}
	}
	return []string{"int", "void", "BlockDriverState *"}
}

// firstParams returns the first parameters to try for a wrapper of kind
// in d: one of each type that selects a context, named as the dialect
// needs, then (where the dialect allows it) one that selects none and no
// parameters at all.
func firstParams(d *dialect.Dialect, kind model.Kind) []*model.Param {
	c := d.ContextFor(kind)
	var firsts []*model.Param
	if c != nil {
		for _, cc := range c.Cases {
			name := cc.Name
			if name == "" {
				name = "node"
			}
			firsts = append(firsts, param(cc.Type, name))
		}
	}
	if c == nil || c.Fixed != "" || c.Otherwise != "" {
		firsts = append(firsts, param("const char *", "filename"), nil)
	}
	return firsts
}

func param(typ, name string) *model.Param {
	decl := typ + name
	if !strings.HasSuffix(typ, "*") {
		decl = typ + " " + name
	}
	return &model.Param{Type: typ, Name: name, Decl: decl, Member: decl}
}

// shape returns a wrapper of marker m with first as its first parameter,
// followed by two more, named for d.
func shape(d *dialect.Dialect, m model.Marker, ret string, first *model.Param) *model.Wrapper {
	w := &model.Wrapper{Marker: m, ReturnType: ret, Name: "bdrv_x"}
	if m.Kind == model.NoCo {
		w.Name = "bdrv_co_x"
	}
	if first != nil {
		w.Params = append(w.Params, *first)
	}
	w.Params = append(w.Params, *param("int64_t", "offset"), *param("void *", "buf"))
	names.Fill(d, w)
	return w
}

var (
	identifier = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	keywords   = []string{"typedef", "struct", "static", "void", "if", "else", "return"}
)

// scopeNames gathers the identifiers of one scope of the output.
type scopeNames struct {
	plain   map[string]bool // names that are not members
	called  map[string]bool // plain names followed by '('
	members map[string]bool // members of the argument struct the code names
}

func newNames() *scopeNames {
	return &scopeNames{plain: map[string]bool{}, called: map[string]bool{}, members: map[string]bool{}}
}

// add gathers the identifiers of text, one line of template output. A name
// after "s->", "s." or a designator's leading '.' is a member of the
// argument struct; one after any other '.' or '->' is a member of one of
// QEMU's structs and left out.
func (ns *scopeNames) add(text string) {
	designator := strings.HasPrefix(strings.TrimSpace(text), ".")
	for _, loc := range identifier.FindAllStringIndex(text, -1) {
		name, before, after := text[loc[0]:loc[1]], text[:loc[0]], text[loc[1]:]
		switch {
		case designator && strings.TrimSpace(before) == ".",
			hasOwnPrefix(before, "s->"), hasOwnPrefix(before, "s."):
			ns.members[name] = true
		case strings.HasSuffix(before, ".") || strings.HasSuffix(before, "->"):
		default:
			ns.plain[name] = true
			if strings.HasPrefix(after, "(") {
				ns.called[name] = true
			}
		}
	}
}

// hasOwnPrefix reports whether before ends in prefix, which starts a
// name.
func hasOwnPrefix(before, prefix string) bool {
	rest, ok := strings.CutSuffix(before, prefix)
	return ok && (rest == "" || !identifier.MatchString(rest[len(rest)-1:]))
}

func checkShape(t *testing.T, d *dialect.Dialect, w *model.Wrapper, uses []model.Use) {
	t.Helper()
	out := string(emit.Render("t", "0", d, []model.File{{Name: "x.h", Wrappers: []*model.Wrapper{w}}}))
	_, section, ok := strings.Cut(out, " * Wrappers for "+w.Target+"\n */\n\n")
	if !ok {
		t.Fatalf("%s %s: no section for %s:\n%s", d.Name, w.Marker.Name, w.Target, out)
	}
	lines := strings.Split(strings.TrimRight(section, "\n"), "\n")
	what := d.Name + " " + w.Marker.Name + " returning " + w.ReturnType
	if len(w.Params) > 0 {
		what += " with " + w.Params[0].Decl
	}

	// The parts: the struct, the entry or bottom half, the wrapper.
	file, body := newNames(), newNames()
	declared := map[string]bool{}
	params := map[string]bool{}
	for _, p := range w.Params {
		params[p.Name] = true
	}
	i := 0
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "} "); i++ {
		switch l := lines[i]; {
		case strings.HasPrefix(l, "typedef struct "):
			file.add(strings.TrimSuffix(strings.TrimPrefix(l, "typedef struct "+w.StructName), " {"))
		case slices.ContainsFunc(w.Params, func(p model.Param) bool { return l == "    "+p.Member+";" }):
		case l == "    "+w.ReturnType+" ret;":
			declared["ret"] = true
		case strings.TrimSpace(l) != "":
			ids := identifier.FindAllString(l, -1)
			member := ids[len(ids)-1]
			declared[member] = true
			file.add(strings.TrimSuffix(l, member+";"))
		}
	}
	i++ // "} Struct;"
	for ; i < len(lines) && lines[i] != "}"; i++ {
		l := lines[i]
		if sig, ok := strings.CutPrefix(l, "static void "); ok {
			l = strings.Replace(sig, w.Caller+"(", "(", 1)
		}
		file.add(l)
	}
	i++ // the entry's "}"
	for ; i < len(lines) && strings.TrimSpace(lines[i]) == ""; i++ {
	}
	var decls []string
	for _, p := range w.Params {
		decls = append(decls, p.Decl)
	}
	if len(decls) == 0 {
		decls = []string{"void"}
	}
	middle, ok := strings.CutPrefix(lines[i], w.ReturnType)
	middle, ok2 := strings.CutSuffix(middle, w.Name+"("+strings.Join(decls, ", ")+")")
	if !ok || !ok2 {
		t.Fatalf("%s: signature %q", what, lines[i])
	}
	file.add(middle)
	for _, l := range lines[i+1:] {
		body.add(l)
	}

	// What package names says, scope by scope.
	wantFile, wantBody, members := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, u := range uses {
		switch {
		case u.Role == model.RoleMember:
			members[u.Name] = true
		case u.Body:
			wantBody[u.Name] = true
		default:
			wantFile[u.Name] = true
		}
		scope := file
		if u.Body {
			scope = body
		}
		call := u.Role == model.RoleFunction || u.Role == model.RoleCallMacro || u.Role == model.RoleTarget
		if u.Role != model.RoleMember && scope.plain[u.Name] && scope.called[u.Name] != call {
			t.Errorf("%s: %s is listed as %v, called: %v in the output", what, u.Name, u.Role, scope.called[u.Name])
		}
	}
	for _, k := range keywords {
		wantFile[k], wantBody[k] = true, true
	}
	gotFile, gotBody := file.plain, maps.Clone(body.plain)
	for p := range params {
		delete(gotBody, p)
	}
	// keep leaves out of want the keywords got does not have.
	keep := func(want, got map[string]bool) map[string]bool {
		for _, k := range keywords {
			if !got[k] {
				delete(want, k)
			}
		}
		return want
	}
	if diff := cmp.Diff(keep(wantFile, gotFile), gotFile); diff != "" {
		t.Errorf("%s: the struct, %s and signature name other names than package names says (-names +output):\n%s", what, w.Defines[2].Role, diff)
	}
	if diff := cmp.Diff(keep(wantBody, gotBody), gotBody); diff != "" {
		t.Errorf("%s: the wrapper's body names other names than package names says (-names +output):\n%s", what, diff)
	}
	if diff := cmp.Diff(members, declared); diff != "" {
		t.Errorf("%s: the struct's own members are not what package names says (-names +output):\n%s", what, diff)
	}
	for _, ns := range []*scopeNames{file, body} {
		for m := range ns.members {
			if !members[m] && !params[m] {
				t.Errorf("%s: the code names member %s, which the struct does not declare", what, m)
			}
		}
	}
}
