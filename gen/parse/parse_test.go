package parse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// summary renders what Read found in src: per declaration
// "marker ret|name" and per parameter "type|name|decl"; then diagnostics.
func summary(src string) []string {
	var diags diag.List
	var out []string
	for _, d := range parse.Read("t.h", []byte(src), nil, &diags).Decls {
		line := fmt.Sprintf("%s %s|%s", d.Marker.Name, d.ReturnType, d.Name)
		for _, p := range d.Params {
			line += fmt.Sprintf(" [%s|%s|%s]", p.Type, p.Name, p.Decl)
			if p.Member != p.Decl {
				line += fmt.Sprintf("(member %s)", p.Member)
			}
		}
		out = append(out, line)
	}
	for _, d := range diags.Items() {
		out = append(out, strings.TrimSuffix(d.Format(), "\n"))
	}
	return out
}

func TestDeclarations(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"plain", "int co_wrapper bdrv_x(BlockDriverState *bs, int64_t offset);",
			[]string{"co_wrapper int|bdrv_x [BlockDriverState *|bs|BlockDriverState *bs] [int64_t|offset|int64_t offset]"}},
		{"spacing inside a parameter is kept", "int co_wrapper bdrv_x(BlockDriverState  *bs,int\tn);",
			[]string{"co_wrapper int|bdrv_x [BlockDriverState *|bs|BlockDriverState  *bs] [int|n|int\tn]"}},
		{"line break inside a parameter becomes a space", "int co_wrapper bdrv_x(BlockDriverState\n *bs);",
			[]string{"co_wrapper int|bdrv_x [BlockDriverState *|bs|BlockDriverState *bs]"}},
		{"comment inside a parameter", "int co_wrapper bdrv_x(char */*buf*/p);",
			[]string{"co_wrapper int|bdrv_x [char *|p|char *p]"}},
		{"pointer return", "BlockDriverState * coroutine_fn no_co_wrapper bdrv_co_x(void);",
			[]string{"no_co_wrapper BlockDriverState *|bdrv_co_x"}},
		{"return type around the marker", "BlockDriverState co_wrapper *bdrv_x(void);",
			[]string{"co_wrapper BlockDriverState *|bdrv_x"}},
		{"annotations are dropped", "int GRAPH_RDLOCK co_wrapper __attribute__((warn_unused_result)) bdrv_x(int n) TSA_NO_TSA;",
			[]string{"co_wrapper int|bdrv_x [int|n|int n]"}},
		{"extern is dropped", "extern int co_wrapper bdrv_x(int n);",
			[]string{"co_wrapper int|bdrv_x [int|n|int n]"}},
		{"function pointer", "int co_wrapper bdrv_x(int (*cb)(void *opaque, int ret), void *opaque);",
			[]string{"co_wrapper int|bdrv_x [int (*)(void *opaque, int ret)|cb|int (*cb)(void *opaque, int ret)] [void *|opaque|void *opaque]"}},
		{"function parameter decays", "int co_wrapper bdrv_x(void cb(int));",
			[]string{"co_wrapper int|bdrv_x [void (*)(int)|cb|void cb(int)](member void (*cb)(int))"}},
		{"arrays decay", "int co_wrapper bdrv_x(uint8_t buf[16], char *v[], int m[2][3], int q[const 4]);",
			[]string{"co_wrapper int|bdrv_x [uint8_t *|buf|uint8_t buf[16]](member uint8_t *buf) [char **|v|char *v[]](member char **v) [int (*)[3]|m|int m[2][3]](member int (*m)[3]) [int *const|q|int q[const 4]](member int *const q)"}},
		{"upper-case type and function names", "typedef int RND_T;\nRND_T co_wrapper CO_7(int n);\nGRAPH_UNLOCKED int TSA_NO_TSA co_wrapper bdrv_y(int n) TSA_REQUIRES(x);",
			[]string{"co_wrapper RND_T|CO_7 [int|n|int n]", "co_wrapper int|bdrv_y [int|n|int n]"}},
		{"type operators", "int co_wrapper bdrv_x(_Atomic(int) *p, __typeof__(int) n);",
			[]string{"co_wrapper int|bdrv_x [_Atomic (int) *|p|_Atomic(int) *p] [__typeof__ (int)|n|__typeof__(int) n]"}},
		{"pointer to array does not decay", "int co_wrapper bdrv_x(int (*p)[4]);",
			[]string{"co_wrapper int|bdrv_x [int (*)[4]|p|int (*p)[4]]"}},
		{"struct tag is not a name", "int co_wrapper bdrv_x(struct Foo *foo, enum Mode mode);",
			[]string{"co_wrapper int|bdrv_x [struct Foo *|foo|struct Foo *foo] [enum Mode|mode|enum Mode mode]"}},
		{"void and empty lists", "int co_wrapper bdrv_x(void);\nint co_wrapper bdrv_y();",
			[]string{"co_wrapper int|bdrv_x", "co_wrapper int|bdrv_y"}},
		{"not a wrapper", "int bdrv_x(int n);\nstatic int wrapper_count;\nint co_wrapper_helper(void);", nil},
		{"marker-like type is flagged only as a specifier", "co_wrapper_t *x;\nint y = co_wrapper_count;",
			[]string{"t.h:1:1: error: unknown wrapper marker 'co_wrapper_t'; did you mean 'co_wrapper'?"}},
		{"declaration after a macro call without semicolon", "G_DEFINE_AUTOPTR_CLEANUP_FUNC(Foo, foo_free)\nint co_wrapper bdrv_x(int n);",
			[]string{"co_wrapper int|bdrv_x [int|n|int n]"}},
		{"struct definition before", "typedef struct S { int co_wrapper; } S;\nint co_wrapper bdrv_x(int n);",
			[]string{"co_wrapper int|bdrv_x [int|n|int n]"}},
		{"extern C block", "#ifdef __cplusplus\nextern \"C\" {\n#endif\nint co_wrapper bdrv_x(int n);\n#ifdef __cplusplus\n}\n#endif\n",
			[]string{"co_wrapper int|bdrv_x [int|n|int n]"}},
		{"attribute specifiers that appertain to the function are dropped",
			"[[nodiscard]] [[gnu::cold, gnu::nonnull(1)]] int co_wrapper bdrv_x [[gnu::warn_unused_result]] (int *p) [[gnu::unused]] [[]];",
			[]string{"co_wrapper int|bdrv_x [int *|p|int *p]"}},
		{"attribute specifiers of parameters", "int co_wrapper bdrv_x([[maybe_unused]] int *p, int q [[__gnu__::__unused__]], int v [[deprecated(\"no\")]][4]);",
			[]string{"co_wrapper int|bdrv_x [int *|p|int *p] [int|q|int q] [int *|v|int v[4]](member int *v)"}},
		{"attribute specifier among the specifiers", "int [[gnu::aligned(8)]] co_wrapper bdrv_x(int n);",
			[]string{"t.h:1:5: error: attribute specifier sequences are not supported here: among the specifiers '[[...]]' appertains to the return type; put it before the declaration or after the function's name"}},
		{"attribute specifier on a parameter's type", "int co_wrapper bdrv_x(int * [[gnu::aligned(8)]] p);",
			[]string{"t.h:1:29: error: attribute specifier sequences are not supported here: in parameter 'p' of 'bdrv_x' '[[...]]' would appertain to a type; put it before the parameter or after its name"}},
		{"attribute that may change the type", "[[gnu::ms_abi]] int co_wrapper bdrv_x(int n);\nint co_wrapper bdrv_y(int n [[gnu::mode(DI)]]);",
			[]string{"t.h:1:3: error: attribute 'gnu::ms_abi' in the declaration of 'bdrv_x' is not supported: it may change the type, and block-gen.c repeats the declaration without its attributes",
				"t.h:2:31: error: attribute 'gnu::mode' in parameter 'n' of 'bdrv_y' is not supported: it may change the type, and block-gen.c repeats the declaration without its attributes"}},
		{"GNU attributes are held to the same list", "int co_wrapper bdrv_x(int v __attribute__((vector_size(16))));\nint co_wrapper bdrv_y(void) __attribute__((ms_abi));\n__attribute__((__warn_unused_result__, cold)) int co_wrapper bdrv_z(int n) __attribute__((format(printf, 1, 2)));",
			[]string{"co_wrapper int|bdrv_z [int|n|int n]",
				"t.h:1:44: error: attribute 'vector_size' in parameter 'v' of 'bdrv_x' is not supported: it may change the type, and block-gen.c repeats the declaration without its attributes",
				"t.h:2:44: error: attribute 'ms_abi' in the declaration of 'bdrv_y' is not supported: it may change the type, and block-gen.c repeats the declaration without its attributes"}},
		{"array parameters with qualifiers, static and restrict", "int co_wrapper bdrv_x(size_t n, int v[n], int w[static const 4], int *x[restrict], int y[const static 2], void (*cb)(int k, int u[*]));",
			[]string{"co_wrapper int|bdrv_x [size_t|n|size_t n] [int *|v|int v[n]](member int *v) [int *const|w|int w[static const 4]](member int *const w) [int **restrict|x|int *x[restrict]](member int **restrict x) [int *const|y|int y[const static 2]](member int *const y) [void (*)(int k, int u[*])|cb|void (*cb)(int k, int u[*])]"}},
		{"[*] has no spelling in a definition", "int co_wrapper bdrv_x(size_t n, const int v[*]);\nint co_wrapper bdrv_y(int (*g)[const *]);",
			[]string{"t.h:1:44: error: parameter 'v' of 'bdrv_x' has an array of unspecified size '[*]', which has no spelling in block-gen.c: gcc's -Wvla-parameter rejects every definition that follows such a declaration; give the bound, or write '[]'",
				"t.h:2:31: error: parameter 'g' of 'bdrv_y' has an array of unspecified size '[*]', which has no spelling in block-gen.c: outside a prototype no declarator spells that type"}},
		{"variably modified member", "int co_wrapper bdrv_x(size_t n, int m[][n]);\nint co_wrapper bdrv_y(size_t n, int (*p)[n + 1]);",
			[]string{"t.h:1:41: error: parameter 'm' of 'bdrv_x' has a variably modified type: its bound names parameter 'n', and the generated struct cannot hold such a member",
				"t.h:2:42: error: parameter 'p' of 'bdrv_y' has a variably modified type: its bound names parameter 'n', and the generated struct cannot hold such a member"}},
		{"directive inside a declaration", "int co_wrapper bdrv_x(int n,\n#ifdef A\nint a\n#endif\n);",
			[]string{"t.h:2:1: error: preprocessor directive inside the parameter list of 'bdrv_x': a wrapper's parameters cannot depend on the configuration"}},
		{"directive instead of semicolon", "#ifdef A\nint co_wrapper bdrv_x(int n)\n#endif\n",
			[]string{"t.h:2:29: error: expected ';' after the declaration of 'bdrv_x'"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, summary(tc.src)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

// TestGuardEndsADeclaration reads a declaration that the include guard's
// own #endif ends: it lies outside every group, the guard's too.
func TestGuardEndsADeclaration(t *testing.T) {
	var diags diag.List
	f := parse.Read("g.h", []byte("#ifndef G\n#define G\nint co_wrapper bdrv_x(int n);\nint bdrv_co_x(int n)\n#endif\n"), nil, &diags)
	if len(f.Decls) != 1 || len(f.Decls[0].Conditions) != 0 {
		t.Errorf("declarations %+v, want bdrv_x outside every group", f.Decls)
	}
	if len(f.Functions) != 1 || f.Functions[0].Name != "bdrv_co_x" || len(f.Functions[0].Conditions) != 0 {
		t.Errorf("functions %+v, want bdrv_co_x outside every group", f.Functions)
	}
}

func TestDeclaresWrapper(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"int co_wrapper bdrv_x(int n);", true},
		{"int co_wrapper_mixd bdrv_x(int n);", true},
		{"/* int co_wrapper bdrv_x(int n); */", false},
		{"#define co_wrapper\n", false},
		{"#if 0\nint co_wrapper bdrv_x(int n);\n#endif\n", false},
		{"int x;", false},
	} {
		var diags diag.List
		if got := parse.Read("t.h", []byte(tc.src), nil, &diags).DeclaresWrapper(); got != tc.want {
			t.Errorf("DeclaresWrapper(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestParamSpellings reads parameters of many spellings: blanks kept as
// written inside a declarator, comments and line breaks made canonical,
// storage classes and attributes dropped, and the errors of the ones that
// cannot be stored.
func TestParamSpellings(t *testing.T) {
	for _, tc := range []struct {
		param string
		want  []string
	}{
		{"int a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int a]"}},
		{"int  a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int  a]"}},
		{"int\ta", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int\ta]"}},
		{"int \t a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int \t a]"}},
		{"const char *name", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [const char *|name|const char *name]"}},
		{"const char * name", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [const char *|name|const char * name]"}},
		{"const char*name", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [const char *|name|const char*name]"}},
		{"char * const p", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [char *const|p|char * const p]"}},
		{"char *const p", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [char *const|p|char *const p]"}},
		{"unsigned long long x", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [unsigned long long|x|unsigned long long x]"}},
		{"struct S *s", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [struct S *|s|struct S *s]"}},
		{"union U u", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [union U|u|union U u]"}},
		{"enum E e", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [enum E|e|enum E e]"}},
		{"int *restrict p", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int *restrict|p|int *restrict p]"}},
		{"volatile int v", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [volatile int|v|volatile int v]"}},
		{"_Atomic int a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [_Atomic int|a|_Atomic int a]"}},
		{"const _Atomic x", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [const _Atomic|x|const _Atomic x]"}},
		{"const volatile x", []string{"t.h:1:45: error: parameter 'const volatile x' of 'bdrv_t' needs both a type and a name"}},
		{"int **pp", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int **|pp|int **pp]"}},
		{"int * * pp", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int **|pp|int * * pp]"}},
		{"int ** pp", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int **|pp|int ** pp]"}},
		{"register int r", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|r|int r]"}},
		{"int int", []string{"t.h:1:45: error: parameter 'int int' of 'bdrv_t' has no name: the generated struct stores every argument under its name"}},
		{"int /* c */ a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int a]"}},
		{"int\n a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int a]"}},
		{"int a /* c */", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int a]"}},
		{"BdrvChild *child", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [BdrvChild *|child|BdrvChild *child]"}},
		{"co_wrapper x", []string{"t.h:1:45: error: misplaced wrapper marker 'co_wrapper' in the parameter list of 'bdrv_t'"}},
		{"__attribute__((unused)) int a", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|a|int a]"}},
		{"int co\\\nunt", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|count|int count]"}},
		{"void (*cb)(void *)", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [void (*)(void *)|cb|void (*cb)(void *)]"}},
		{"uint8_t buf[16]", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [uint8_t *|buf|uint8_t buf[16]](member uint8_t *buf)"}},
		{"int $d", []string{"co_wrapper int|bdrv_t [BlockDriverState *|bs|BlockDriverState *bs] [int|$d|int $d]"}},
		{"T *", []string{"t.h:1:45: error: parameter 'T *' of 'bdrv_t' has no name: the generated struct stores every argument under its name"}},
		{"const x", []string{"t.h:1:45: error: parameter 'const x' of 'bdrv_t' needs both a type and a name"}},
		{"int register", []string{"t.h:1:45: error: parameter 'int' of 'bdrv_t' has no name: the generated struct stores every argument under its name"}},
	} {
		src := "int co_wrapper bdrv_t(BlockDriverState *bs, " + tc.param + ");\n"
		if diff := cmp.Diff(tc.want, summary(src)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.param, diff)
		}
	}
}
