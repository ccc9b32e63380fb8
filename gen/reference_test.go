package gen_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
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

// TestPrint holds Result.Print, which compares an up-to-date output with
// the file a piece at a time, to Bytes: the same bytes, in pieces of at
// least emit.Chunk but the last, and it stops at the writer's error.
func TestPrint(t *testing.T) {
	results := map[string]*gen.Result{
		// Many pieces.
		"synthetic": gen.Generate([]gen.Input{{Name: "syn.h", Src: synth.Header(100, "syn")}}, dialect.Current),
	}
	for _, d := range dialect.All {
		results[d.Name] = gen.Generate(readExample(t, filepath.Join(referenceDir, "qemu-"+d.Name)), d)
	}
	for name, r := range results {
		if !r.OK() {
			t.Fatalf("%s: %v", name, r.Diags.Items())
		}
		w := &pieceWriter{}
		if err := r.Print(w); err != nil {
			t.Fatalf("%s: Print: %v", name, err)
		}
		if got, want := bytes.Join(w.pieces, nil), r.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("%s: Print wrote other bytes than Bytes returns:\n%s", name, cmp.Diff(string(want), string(got)))
		}
		if len(w.pieces) < len(r.Bytes())/(emit.Chunk*2) {
			t.Errorf("%s: %d bytes in %d pieces", name, len(r.Bytes()), len(w.pieces))
		}
		for i, p := range w.pieces {
			if i < len(w.pieces)-1 && len(p) < emit.Chunk {
				t.Errorf("%s: piece %d of %d is %d bytes, less than emit.Chunk", name, i, len(w.pieces), len(p))
			}
		}
		w = &pieceWriter{fail: errors.New("no room")}
		if err := r.Print(w); err != w.fail || len(w.pieces) != 1 {
			t.Errorf("%s: Print to a failing writer: %v after %d writes; want %v after 1", name, err, len(w.pieces), w.fail)
		}
	}
}

// pieceWriter keeps what it is given, a copy of each piece; with fail, it
// returns that.
type pieceWriter struct {
	pieces [][]byte
	fail   error
}

func (w *pieceWriter) Write(p []byte) (int, error) {
	w.pieces = append(w.pieces, bytes.Clone(p))
	if w.fail != nil {
		return 0, w.fail
	}
	return len(p), nil
}
