package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// run checks the header h.h holding src for the dialect of release, and
// returns the wrappers that passed and every diagnostic, formatted with
// its ID and fix-its.
func run(t *testing.T, release, src string) ([]*model.Wrapper, []string) {
	t.Helper()
	d, err := dialect.ForVersion(release)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	f := parse.Read("h.h", []byte(src), d.Markers(), &diags)
	if diags.Len() != 0 {
		t.Fatalf("the test's input does not parse: %v", diags.Items())
	}
	files := Files([]*parse.File{f}, d, &diags)
	var got []string
	for _, it := range diags.Items() {
		// Format names a warning's switch; an error's ID is added, so
		// that the case pins the rule that reported it.
		s := strings.TrimSuffix(it.Format(), "\n")
		if it.Severity == diag.Error {
			first, notes, _ := strings.Cut(s, "\n")
			s = strings.TrimSuffix(first+" ["+string(it.ID)+"]\n"+notes, "\n")
		}
		for _, fx := range it.Fixits {
			s += fmt.Sprintf("\nfix %d:%d+%d %q", fx.Pos.Line, fx.Pos.Col, fx.Pos.Len, fx.Text)
		}
		got = append(got, s)
	}
	return files[0].Wrappers, got
}

// TestDeclarations holds what check says of one header per case, for the
// release given: every diagnostic, with its notes and fix-its, in order.
// Each case breaks one rule; the goldens show the same messages through
// the CLI, these pin down which rule says it.
func TestDeclarations(t *testing.T) {
	for _, tc := range []struct {
		name, release, src string
		want               []string
	}{
		{"a valid wrapper", "9.0",
			"int coroutine_fn bdrv_co_x(BlockDriverState *bs);\nint co_wrapper bdrv_x(BlockDriverState *bs);\n",
			nil},
		{"the renamed marker", "9.0",
			"int generated_co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:5: error: 'generated_co_wrapper' was renamed 'co_wrapper_mixed' in QEMU 8.0: write 'co_wrapper_mixed', or generate for an older release with --qemu [release-restriction]\nfix 1:5+20 \"co_wrapper_mixed\""}},
		{"a marker the release lacks, of another shape", "7.2",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:5: error: the generator of QEMU 6.2 to 7.2 knows only 'generated_co_wrapper', not 'co_wrapper' (accepted from QEMU 8.0 on) [release-restriction]"}},
		{"a marker the release knew by its old name", "7.2",
			"int co_wrapper_mixed bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:5: error: the generator of QEMU 6.2 to 7.2 knows only 'generated_co_wrapper', not 'co_wrapper_mixed' (accepted from QEMU 8.0 on) [release-restriction]\nfix 1:5+16 \"generated_co_wrapper\""}},
		{"a marker that came later", "8.1",
			"int no_co_wrapper_bdrv_rdlock bdrv_co_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:5: error: the generator of QEMU 8.1 does not know 'no_co_wrapper_bdrv_rdlock' (accepted from QEMU 8.2 on) [release-restriction]"}},
		{"int only", "7.2",
			"void generated_co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:1: error: the generator of QEMU 6.2 to 7.2 only wraps functions returning int, not 'void' (accepted from QEMU 8.0 on) [release-restriction]"}},
		{"the name prefix", "5.2",
			"int generated_co_wrapper blk_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:26: error: the generator of QEMU 5.2 and 6.0 needs wrapper names to start with 'bdrv_', not 'blk_x' (accepted from QEMU 6.1 on) [release-restriction]"}},
		{"an empty word", "9.0",
			"int co_wrapper bdrv__x(BlockDriverState *bs);\n",
			[]string{"h.h:1:16: error: wrapper name 'bdrv__x' has an empty word: the generated struct is named after its '_'-separated words [wrapper-name]"}},
		{"a co wrapper without '_'", "9.0",
			"int co_wrapper bdrvx(BlockDriverState *bs);\n",
			[]string{"h.h:1:16: error: co wrapper name 'bdrvx' has no '_': the wrapper SUB_REST calls the coroutine function SUB_co_REST [wrapper-name]"}},
		{"a co wrapper with '_co_'", "9.0",
			"int co_wrapper bdrv_x_co_y(BlockDriverState *bs);\n",
			[]string{"h.h:1:16: error: co wrapper name 'bdrv_x_co_y' contains '_co_': the wrapper SUB_REST calls the coroutine function SUB_co_REST, so the wrapper's own name must not have it [wrapper-name]"}},
		{"'_co_' further on, before 6.1", "5.2",
			"int generated_co_wrapper bdrv_x_co_y(BlockDriverState *bs);\n",
			[]string{"h.h:1:26: warning: 'bdrv_x_co_y' calls 'bdrv_co_x_co_y', which no input declares [-Wundeclared-target]"}},
		{"a no_co wrapper not SUB_co_REST", "9.0",
			"int no_co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:19: error: no_co wrapper name 'bdrv_x' is not of the form SUB_co_REST: the wrapper SUB_co_REST calls the function SUB_REST [wrapper-name]"}},
		{"a first parameter of no known type", "7.2",
			"int generated_co_wrapper bdrv_x(const char *filename);\n",
			[]string{"h.h:1:33: error: the generator of QEMU 6.2 to 7.2 needs the first parameter of 'bdrv_x' to be 'BlockDriverState *bs' or 'BdrvChild *child' or 'BlockBackend *blk', not 'const char *filename' (accepted from QEMU 8.0 on) [release-restriction]"}},
		{"a first parameter named otherwise than the template", "8.0",
			"int co_wrapper bdrv_x(BlockDriverState *node);\n",
			[]string{"h.h:1:23: error: the generator of QEMU 8.0 writes 'bdrv_get_aio_context(bs)' whatever the first parameter is called, so the generated C would not compile with 'node': name it 'bs' (accepted from QEMU 8.2 on) [release-restriction]\nfix 1:41+4 \"bs\""}},
		{"a bottom half's first parameter, 8.1", "8.1",
			"int no_co_wrapper bdrv_co_x(BlockBackend *be);\n",
			[]string{"h.h:1:29: error: the generator of QEMU 8.1 writes 'blk_get_aio_context(blk)' whatever the first parameter is called, so the generated C would not compile with 'be': name it 'blk' (accepted from QEMU 8.2 on) [release-restriction]\nfix 1:43+2 \"blk\""}},
		{"a definition taking QEMU's name", "9.0",
			"int co_wrapper bdrv_poll_co(BlockDriverState *bs);\n",
			[]string{"h.h:1:16: error: 'bdrv_poll_co' would be defined in block-gen.c as the wrapper of 'bdrv_poll_co', but the generated code uses QEMU's function of that name [duplicate-definition]"}},
		{"a parameter hiding a local", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs, int s, int s_arg);\n",
			[]string{"h.h:1:45: error: parameter 's' of 'bdrv_x' collides with the generated local variable 's'; rename the parameter [parameter-collision]\nfix 1:49+1 \"s_arg2\""}},
		{"a parameter named as a member", "9.0",
			"int no_co_wrapper bdrv_co_x(BlockDriverState *bs, int co);\n",
			[]string{"h.h:1:51: error: parameter 'co' of 'bdrv_co_x' collides with the generated struct member 'co'; rename the parameter [parameter-collision]\nfix 1:55+2 \"co_arg\""}},
		{"a duplicate parameter", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs, int n, int n);\n",
			[]string{"h.h:1:52: error: duplicate parameter name 'n' in 'bdrv_x' (first at 1:45) [duplicate-parameter]"}},
		{"a duplicate wrapper", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\nint co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:2:16: error: duplicate wrapper 'bdrv_x' [duplicate-definition]\nh.h:1:16: note: 'bdrv_x' is declared here"}},
		{"a duplicate in the other branch of an #if", "9.0",
			"#ifdef A\nint co_wrapper bdrv_x(BlockDriverState *bs);\n#else\nint co_wrapper bdrv_x(BlockDriverState *bs);\n#endif\n",
			[]string{
				"h.h:2:16: warning: 'bdrv_x' calls 'bdrv_co_x', which no input declares [-Wundeclared-target]",
				"h.h:4:16: warning: 'bdrv_x' calls 'bdrv_co_x', which no input declares [-Wundeclared-target]",
			}},
		{"a no_co wrapper calling a co wrapper", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\nint no_co_wrapper bdrv_co_x(BlockDriverState *bs);\n",
			[]string{"h.h:2:19: error: wrapper 'bdrv_co_x' calls 'bdrv_x', which is itself a generated wrapper: the two would call each other forever [wrapper-calls-wrapper]\nh.h:1:16: note: 'bdrv_x' is declared here"}},
		{"a struct defined twice", "9.0",
			"int co_wrapper bdrv_x_y(BlockDriverState *bs);\nint co_wrapper bdrv_X_y(BlockDriverState *bs);\n",
			[]string{"h.h:2:16: error: 'BdrvXY' would be defined twice in block-gen.c: as the struct of 'bdrv_X_y' and as the struct of 'bdrv_x_y' [duplicate-definition]\nh.h:1:16: note: 'bdrv_x_y' is declared here"}},
		{"a target that is another's entry", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\nint no_co_wrapper bdrv_co_co_x_entry(BlockDriverState *bs);\n",
			[]string{"h.h:2:19: error: wrapper 'bdrv_co_co_x_entry' calls 'bdrv_co_x_entry', which block-gen.c defines as the coroutine entry of 'bdrv_x' [wrapper-calls-wrapper]\nh.h:1:16: note: 'bdrv_x' is declared here"}},
		{"an undeclared target", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:1:16: warning: 'bdrv_x' calls 'bdrv_co_x', which no input declares [-Wundeclared-target]"}},
		{"a target without coroutine_fn", "9.0",
			"int bdrv_co_x(BlockDriverState *bs);\nint co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:2:16: warning: 'bdrv_x' runs 'bdrv_co_x' in a coroutine, but 'bdrv_co_x' is not declared coroutine_fn [-Wmissing-coroutine-fn]\nh.h:1:5: note: 'bdrv_co_x' is declared here"}},
		{"a target returning another type", "9.0",
			"int64_t coroutine_fn bdrv_co_x(BlockDriverState *bs);\nint co_wrapper bdrv_x(BlockDriverState *bs);\n",
			[]string{"h.h:2:16: warning: 'bdrv_x' returns 'int', but 'bdrv_co_x', which it calls, returns 'int64_t' [-Wtarget-return-type]\nh.h:1:22: note: 'bdrv_co_x' is declared here"}},
		{"a target taking more", "9.0",
			"int coroutine_fn bdrv_co_x(BlockDriverState *bs, int n, ...);\nint co_wrapper bdrv_x(BlockDriverState *bs, int n);\n",
			[]string{"h.h:2:16: warning: 'bdrv_x' passes 2 arguments, but 'bdrv_co_x' takes 2 and more [-Wtarget-argument-count]\nh.h:1:18: note: 'bdrv_co_x' is declared here"}},
		{"a target taking another type", "9.0",
			"int coroutine_fn bdrv_co_x(BlockDriverState *bs, long n);\nint co_wrapper bdrv_x(BlockDriverState *bs, const int n);\n",
			[]string{"h.h:2:45: warning: parameter 2 of 'bdrv_x' is 'const int', but 'bdrv_co_x' takes 'long' there [-Wtarget-parameter-type]\nh.h:1:18: note: 'bdrv_co_x' is declared here"}},
		{"every coroutine annotation after the parameter list", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs) coroutine_fn coroutine_mixed_fn no_coroutine_fn;\n",
			[]string{"h.h:1:16: warning: 'bdrv_x' calls 'bdrv_co_x', which no input declares [-Wundeclared-target]"}},
		{"a target's storage classes are not its type", "9.0",
			"static inline int coroutine_fn bdrv_co_x(BlockDriverState *bs) { return 0; }\nextern int co_wrapper bdrv_x(BlockDriverState *bs);\n",
			nil},
		{"no target warnings while there are errors", "9.0",
			"int co_wrapper bdrv_x(BlockDriverState *bs);\nint co_wrapper bdrv_y(BlockDriverState *bs, int s);\n",
			[]string{"h.h:2:45: error: parameter 's' of 'bdrv_y' collides with the generated local variable 's'; rename the parameter [parameter-collision]\nfix 2:49+1 \"s_arg\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := run(t, tc.release, tc.src)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("--qemu %s:\n%s(-want +got):\n%s", tc.release, tc.src, diff)
			}
		})
	}
}
