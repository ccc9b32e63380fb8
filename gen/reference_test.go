package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// referenceDir holds one worked example per dialect, produced by QEMU's own
// generator of that release: input headers, their order (ARGS), and the
// output after its banner.
const referenceDir = "../testdata/reference"

// afterBanner returns what follows the line " */" that closes the banner.
func afterBanner(t *testing.T, out []byte) []byte {
	t.Helper()
	_, rest, ok := bytes.Cut(out, []byte("\n */\n"))
	if !ok {
		t.Fatalf("output has no banner closed by a line \" */\":\n%s", out)
	}
	return rest
}

// readExample returns the inputs of a reference example, in ARGS order.
func readExample(t testing.TB, dir string) []gen.Input {
	t.Helper()
	args, err := os.ReadFile(filepath.Join(dir, "ARGS"))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []gen.Input
	for _, name := range strings.Fields(string(args)) {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, gen.Input{Name: name, Src: src})
	}
	return inputs
}

func TestReferenceExamples(t *testing.T) {
	for _, d := range dialect.All {
		t.Run(d.Name, func(t *testing.T) {
			dir := filepath.Join(referenceDir, "qemu-"+d.Name)
			want, err := os.ReadFile(filepath.Join(dir, "block-gen.c.after-banner"))
			if err != nil {
				t.Fatal(err)
			}
			// The examples declare the wrappers only, so target checking
			// warns that the functions they call are not declared.
			r := gen.Generate(readExample(t, dir), d)
			if !r.OK() {
				t.Fatalf("diagnostics: %v", r.Diags.Items())
			}
			if diff := cmp.Diff(string(want), string(afterBanner(t, r.Bytes()))); diff != "" {
				t.Errorf("output after the banner differs from QEMU's (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDeterministic generates the same inputs many times; the bytes must not
// vary (no map order, time or environment in the output).
func TestDeterministic(t *testing.T) {
	inputs := readExample(t, filepath.Join(referenceDir, "qemu-9.0"))
	first := gen.Generate(inputs, dialect.Current).Bytes()
	for range 20 {
		if got := gen.Generate(inputs, dialect.Current).Bytes(); !bytes.Equal(first, got) {
			t.Fatal("two runs on the same inputs gave different bytes")
		}
	}
}
