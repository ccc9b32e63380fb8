package parse

import "testing"

func TestSameText(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"BdrvChild *child, int64_t offset", "BdrvChild *child,\n   int64_t  offset", true},
		{"int *a", "int*a", true},
		{"", "  ", true},
		{"unsigned int x", "unsigned  int x", true},
		{"unsigned int x", "unsignedint x", false},
		{"int a", "inta", false},
		{"int a", "int b", false},
		{"int a", "int a, int b", false},
		{"int a /* x */", "int a /* x */", false}, // comments: read it properly
		{`char c = '"'`, `char c = '"'`, false},
	} {
		if got := sameText(c.a, c.b); got != c.want {
			t.Errorf("sameText(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestSimpleReturnType(t *testing.T) {
	for _, c := range []struct {
		spec, want  string
		coroutineFn bool
		ok          bool
	}{
		{"int coroutine_fn GRAPH_RDLOCK\n", "int", true, true},
		{"BlockDriverState * coroutine_fn ", "BlockDriverState *", true, true},
		{"BlockDriverState *", "BlockDriverState *", false, true},
		{"extern int64_t ", "int64_t", false, true},
		{"BdrvChild * no_coroutine_fn\n", "BdrvChild *", false, true},
		{"const char *", "", false, false},  // qualifiers: the slow path
		{"unsigned int ", "", false, false}, // two words: the slow path
		{"char **", "", false, false},       // two stars: the slow path
		{"int __attribute__((x)) ", "", false, false},
	} {
		rt, co, ok := simpleReturnType(c.spec)
		if rt != c.want || co != c.coroutineFn || ok != c.ok {
			t.Errorf("simpleReturnType(%q) = %q, %v, %v; want %q, %v, %v", c.spec, rt, co, ok, c.want, c.coroutineFn, c.ok)
		}
	}
}
