package parse_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// summary renders what File found in src: per declaration
// "marker ret|name" and per parameter "type|name|decl"; then diagnostics.
func summary(src string) []string {
	var diags diag.List
	var out []string
	parse.File(clex.New("t.h", []byte(src), &diags), &diags, parse.Sink{Wrapper: func(d *parse.Decl) {
		line := fmt.Sprintf("%s %s|%s", d.Marker.Name, d.ReturnType, d.Name)
		for _, p := range d.Params {
			line += fmt.Sprintf(" [%s|%s|%s]", p.Type(), p.Name(), p.Decl())
			if p.Member() != p.Decl() {
				line += fmt.Sprintf("(member %s)", p.Member())
			}
		}
		out = append(out, line)
	}})
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

func TestHasWrapper(t *testing.T) {
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
		if got := parse.HasWrapper("t.h", []byte(tc.src)); got != tc.want {
			t.Errorf("HasWrapper(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestBatchesMatchFile reads a file of many declarations, good and bad,
// across several batches, on another goroutine as Generate does, and
// compares with reading it at once.
func TestBatchesMatchFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("#ifndef G_H\n#define G_H\n")
	for i := range 300 {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "int co_wrapper bdrv_b%d(BlockDriverState *bs, int64_t offset);\n", i)
		case 1:
			fmt.Fprintf(&b, "#ifdef CONFIG_%d\nvoid coroutine_fn no_co_wrapper bdrv_co_b%d(BdrvChild *c,\n    void (*cb)(void *, int));\n#endif\n", i, i)
		case 2:
			fmt.Fprintf(&b, "int co_wrapper_mixd bdrv_b%d(BlockDriverState *bs);\n", i) // misspelt
		case 3:
			fmt.Fprintf(&b, "int coroutine_fn bdrv_co_b%d(BlockDriverState *bs, int64_t offset);\n", i)
		case 4:
			fmt.Fprintf(&b, "int co_wrapper bdrv_b%d(BlockDriverState *bs, int);\n", i) // unnamed
		}
	}
	b.WriteString("#endif\n")
	src := []byte(b.String())

	type result struct {
		decls []parse.Decl
		items []diag.Diagnostic
	}
	var once result
	var d1 diag.List
	parse.File(clex.New("g.h", src, &d1), &d1, parse.Sink{Wrapper: func(d *parse.Decl) { once.decls = append(once.decls, keep(d)) }})
	once.items = d1.Items()

	var batched result
	var d2 diag.List
	reader := parse.NewReader("g.h", src)
	done := make(chan struct{})
	batches := make(chan *parse.Batch, 100)
	go func() {
		defer close(done)
		for bt := range batches {
			reader.Read(bt, &d2, func(d *parse.Decl) { batched.decls = append(batched.decls, keep(d)) })
		}
	}()
	n := 0
	var lexDiags diag.List
	parse.File(clex.New("g.h", src, &lexDiags), &lexDiags, parse.Sink{Batch: func(bt *parse.Batch) *parse.Batch {
		n++
		batches <- bt
		return new(parse.Batch)
	}})
	close(batches)
	<-done
	d2.Append(&lexDiags)
	batched.items = d2.Items()
	if n < 3 {
		t.Errorf("%d batches: the test wants several", n)
	}
	if len(once.decls) != 120 || len(once.items) != 120 {
		t.Errorf("read at once: %d declarations and %d diagnostics, want 120 and 120", len(once.decls), len(once.items))
	}
	if diff := cmp.Diff(once, batched, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("batches differ from reading at once (-at once +batches):\n%s", diff)
	}
}

// keep copies a declaration out of the parser's memory, which the next
// declaration reuses.
func keep(d *parse.Decl) parse.Decl {
	c := *d
	c.Params = slices.Clone(d.Params)
	return c
}

// TestShortcutsChangeNothing reads parameters of many spellings with and
// without the parser's shortcuts (skimming, plain parameters): the
// declarations and diagnostics must be the same.
func TestShortcutsChangeNothing(t *testing.T) {
	params := []string{
		"int a", "int  a", "int\ta", "int \t a", "const char *name", "const char * name",
		"const char*name", "char * const p", "char *const p", "unsigned long long x",
		"struct S *s", "union U u", "enum E e", "int *restrict p", "volatile int v",
		"_Atomic int a", "const _Atomic x", "const volatile x", "int **pp", "int * * pp",
		"int ** pp", "register int r", "int int", "int /* c */ a", "int\n a", "int a /* c */",
		"BdrvChild *child", "co_wrapper x", "__attribute__((unused)) int a", "int co\\\nunt",
		"void (*cb)(void *)", "uint8_t buf[16]", "int $d", "T *", "const x", "int register",
	}
	for _, param := range params {
		src := []byte("int co_wrapper bdrv_t(BlockDriverState *bs, " + param + ");\n")
		type result struct {
			decls []parse.Decl
			items []diag.Diagnostic
		}
		read := func(file func(*clex.Lexer, *diag.List, parse.Sink) parse.FileInfo) result {
			var r result
			var diags diag.List
			file(clex.New("t.h", src, &diags), &diags, parse.Sink{Wrapper: func(d *parse.Decl) { r.decls = append(r.decls, keep(d)) }})
			r.items = diags.Items()
			return r
		}
		with, without := read(parse.File), read(parse.FileWithoutShortcuts)
		if diff := cmp.Diff(without, with, cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("%q: the shortcuts change the result (-without +with):\n%s", param, diff)
		}
	}
}
