package gen_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/fuzzcheck"
)

// FuzzGenerate runs the whole in-memory pipeline (lexer, parser, checks,
// emitter) on two inputs, a.h and b.h; b.h takes part only when it is not
// empty, so the fuzzer explores both a single file and the checks across
// files (duplicates, wrappers calling wrappers).
//
// Besides "no panic" and "terminates", it checks:
//
//   - Output is non-nil exactly when there is no error, and then starts
//     with the banner, whose last line is " */";
//   - Files has one entry per input, named after it, in input order;
//   - every diagnostic points inside the input it names;
//   - a second run on the same inputs gives identical bytes and
//     diagnostics (no map order, time or shared state in the result).
//
// Seeds: testdata/fuzz/FuzzGenerate, plus the inputs of every golden
// archive and reference example, added at run time.
func FuzzGenerate(f *testing.F) {
	for _, in := range fuzzSeedInputs(f) {
		f.Add(in[0], in[1])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		if len(a)+len(b) > fuzzcheck.MaxInput {
			t.Skip("inputs larger than fuzzcheck.MaxInput")
		}
		inputs := []gen.Input{{Name: "a.h", Src: a}}
		if len(b) > 0 {
			inputs = append(inputs, gen.Input{Name: "b.h", Src: b})
		}
		// Generate runs on fuzzcheck.Run's goroutine; the checks, which
		// may stop the test, on the test's.
		var first, again *gen.Result
		fuzzcheck.Run(t, fuzzcheck.Deadline, func() {
			first = gen.Generate(inputs, dialect.Current)
			again = gen.Generate(inputs, dialect.Current)
		})
		checkGenerate(t, inputs, first, again)
	})
}

func checkGenerate(t *testing.T, inputs []gen.Input, r, again *gen.Result) {
	files := map[string]*fuzzcheck.Lines{}
	for _, in := range inputs {
		files[in.Name] = fuzzcheck.NewLines(in.Src)
	}

	items := r.Diags.Items()
	fuzzcheck.CheckDiags(t, files, items)

	out, againOut := r.Bytes(), again.Bytes()
	if hasErr := r.Diags.HasErrors(); (out == nil) != hasErr || r.OK() == hasErr {
		t.Fatalf("HasErrors = %v but Output is nil = %v; diagnostics:\n%s", hasErr, out == nil, fuzzcheck.Describe(items))
	}
	if len(r.Files) != len(inputs) {
		t.Fatalf("Files has %d entries for %d inputs", len(r.Files), len(inputs))
	}
	for i, f := range r.Files {
		if f.Name != inputs[i].Name {
			t.Errorf("Files[%d] is %q, want %q", i, f.Name, inputs[i].Name)
		}
	}
	if out != nil {
		banner := emit.Banner(gen.Tool, gen.Version, dialect.Current)
		if !strings.HasSuffix(banner, "\n */\n") {
			t.Fatalf("the banner does not end with a line \" */\": %q", banner)
		}
		if !bytes.HasPrefix(out, []byte(banner)) {
			t.Fatalf("output does not start with the banner:\n%s", clipOutput(out))
		}
	}

	if !bytes.Equal(out, againOut) || (out == nil) != (againOut == nil) {
		t.Fatalf("two runs on the same inputs gave different output")
	}
	if got, want := fuzzcheck.Describe(again.Diags.Items()), fuzzcheck.Describe(items); got != want {
		t.Fatalf("two runs on the same inputs gave different diagnostics:\nfirst:\n%s\nsecond:\n%s", want, got)
	}
}

func clipOutput(b []byte) []byte {
	if len(b) > 400 {
		return b[:400]
	}
	return b
}

// fuzzSeedInputs returns the inputs of every golden archive at the top of
// testdata/ and in testdata/declarations/ (first input as a.h, second, if
// any, as b.h) and of every reference example (its first
// two headers in ARGS order).
func fuzzSeedInputs(tb testing.TB) [][2][]byte {
	tb.Helper()
	var seeds [][2][]byte
	archives, err := goldenArchives("../testdata")
	if err != nil {
		tb.Fatal(err)
	}
	declarations, err := filepath.Glob("../testdata/declarations/*.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	archives = append(archives, declarations...)
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		var srcs [][]byte
		for _, file := range ar.Files {
			if file.Name != "args" && !strings.HasPrefix(file.Name, "want/") {
				srcs = append(srcs, file.Data)
			}
		}
		seeds = append(seeds, pair(srcs))
	}
	dirs, err := filepath.Glob(filepath.Join(referenceDir, "qemu-*"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, dir := range dirs {
		args, err := os.ReadFile(filepath.Join(dir, "ARGS"))
		if err != nil {
			tb.Fatal(err)
		}
		var srcs [][]byte
		for _, name := range strings.Fields(string(args)) {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				tb.Fatal(err)
			}
			srcs = append(srcs, src)
		}
		seeds = append(seeds, pair(srcs))
	}
	if len(seeds) == 0 {
		tb.Fatal("no seed inputs found under ../testdata")
	}
	return seeds
}

func pair(srcs [][]byte) [2][]byte {
	var p [2][]byte
	for i := range min(len(srcs), 2) {
		p[i] = srcs[i]
	}
	if p[0] == nil {
		p[0] = []byte{}
	}
	if p[1] == nil {
		p[1] = []byte{}
	}
	return p
}

// goldenArchives returns every .txtar file under root, in lexical order:
// the golden archives live in folders by topic.
func goldenArchives(root string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return err
	})
	return paths, err
}
