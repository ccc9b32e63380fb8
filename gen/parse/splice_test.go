package parse_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplices pins how the parser reads tokens continued by a line splice
// (backslash-newline): by their spelling, as a compiler does after
// translation phase 2, with messages on one line and positions on the
// line where a token really ends. Both were wrong before; the fuzz
// invariants in fuzz_test.go found them.
func TestSplices(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"marker split by a splice", "int co_wra\\\npper bdrv_a(int n);",
			[]string{"co_wrapper int|bdrv_a [int|n|int n]"}},
		{"name split by a splice", "int co_wrapper bdrv_\\\na(int n);",
			[]string{"co_wrapper int|bdrv_a [int|n|int n]"}},
		{"annotation split by a splice", "int co_wrapper bdrv_a(void) GRAPH_\\\nRDLOCK;",
			[]string{"co_wrapper int|bdrv_a"}},
		{"CRLF splice in a parameter name", "int co_wrapper bdrv_a(int n\\\r\nm);",
			[]string{"co_wrapper int|bdrv_a [int|nm|int nm]"}},
		{"number in an array bound split by a splice", "int co_wrapper bdrv_a(uint8_t buf[1\\\n6]);",
			[]string{"co_wrapper int|bdrv_a [uint8_t *|buf|uint8_t buf[16]](member uint8_t *buf)"}},
		{"lone CR splice in a type", "int co_wrapper bdrv_a(in\\\rt n);",
			[]string{"co_wrapper int|bdrv_a [int|n|int n]"}},
		{"message quoting a spliced token stays on one line", "int co_wrapper bdrv_a(int n) x\\\ny;",
			[]string{"t.h:1:29: error: expected ';' after the declaration of 'bdrv_a', found 'xy'"}},
		{"misspelt marker split by a splice", "int co_wrap\\\nper_mixd bdrv_a(int n);",
			[]string{"t.h:1:5: error: unknown wrapper marker 'co_wrapper_mixd'; did you mean 'co_wrapper_mixed'?"}},
		{"position after a spliced token", "int co_wrapper bdrv_a(void) __attribute__((\"a\\\nbc\"",
			[]string{"t.h:2:4: error: expected ';' after the declaration of 'bdrv_a'"}},
		{"position after a token with a CRLF splice", "int co_wrapper bdrv_a(void) __attribute__((x\\\r\nyz",
			[]string{"t.h:2:3: error: expected ';' after the declaration of 'bdrv_a'"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, summary(tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
