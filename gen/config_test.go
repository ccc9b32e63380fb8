package gen

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// TestValidate holds Config.Validate to each refusal, in its order, and to
// what it completes: QEMU's form OUT.c INPUT... and --qemu's release.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.h", "b.h", "out.c", "dep.d"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	// A second name of a.h, to refuse by os.SameFile rather than by name.
	link := "link.h"
	if err := os.Symlink("a.h", filepath.Join(dir, link)); err != nil {
		link = ""
	} else if info, err := os.Lstat(filepath.Join(dir, link)); err != nil || info.Mode()&os.ModeSymlink == 0 {
		// wine's os.Symlink succeeds and makes no link.
		link = ""
	}
	v72, err := dialect.ForVersion("7.2.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  Config
		want Config // the completed Config, when valid
		err  string // the *UsageError's message, when not
	}{
		{name: "output and inputs", cfg: Config{Output: "out.c", Inputs: []string{"a.h", "b.h"}},
			want: Config{Output: "out.c", Inputs: []string{"a.h", "b.h"}}},
		{name: "QEMU's form", cfg: Config{Inputs: []string{"out.c", "a.h", "b.h"}},
			want: Config{Output: "out.c", Inputs: []string{"a.h", "b.h"}}},
		{name: "QEMU's form with only a scan", cfg: Config{Inputs: []string{"out.c"}, Scan: []string{"inc"}},
			want: Config{Output: "out.c", Inputs: []string{}, Scan: []string{"inc"}}},
		{name: "listing reads every argument", cfg: Config{List: ListText, Inputs: []string{"a.h", "b.h"}},
			want: Config{List: ListText, Inputs: []string{"a.h", "b.h"}}},
		{name: "standard output", cfg: Config{Output: StdoutName, Inputs: []string{"a.h"}},
			want: Config{Output: StdoutName, Inputs: []string{"a.h"}}},
		{name: "qemu", cfg: Config{Output: "out.c", Inputs: []string{"a.h"}, Qemu: "7.2.0"},
			want: Config{Output: "out.c", Inputs: []string{"a.h"}, Qemu: "7.2.0", Dialect: v72}},

		{name: "stdout with depfile", cfg: Config{Output: StdoutName, Depfile: "dep.d", Check: true, Inputs: []string{"a.h"}},
			err: "-o - writes to standard output; a depfile names an output file, so it cannot go with --depfile"},
		{name: "stdout with check", cfg: Config{Output: StdoutName, Check: true, List: ListJSON, Inputs: []string{"a.h"}},
			err: "--check compares with the output file; -o - writes to standard output"},
		{name: "list not a format", cfg: Config{List: "xml", Check: true},
			err: `--list: "xml" is not a format: use text or json`},
		{name: "list with check", cfg: Config{List: ListJSON, Check: true},
			err: "--list writes nothing else; it cannot go with --check or --depfile"},
		{name: "list with depfile", cfg: Config{List: ListText, Depfile: "dep.d", Inputs: []string{"a.h"}},
			err: "--list writes nothing else; it cannot go with --check or --depfile"},
		{name: "QEMU's form without inputs", cfg: Config{Inputs: []string{"out.c"}},
			err: "expected -o OUT.c INPUT... or OUT.c INPUT..."},
		{name: "nothing at all", cfg: Config{},
			err: "expected -o OUT.c INPUT... or OUT.c INPUT..."},
		{name: "QEMU's form, output not C", cfg: Config{Inputs: []string{"a.h", "b.h"}},
			err: `without -o the first argument is the output and must end in .c, not "a.h"; use -o to name another output`},
		{name: "no inputs", cfg: Config{Output: "out.c", Qemu: "nonesuch"},
			err: "no input files"},
		{name: "qemu not a version", cfg: Config{Output: "out.c", Inputs: []string{"a.h"}, Qemu: "nonesuch", Check: true, Depfile: "dep.d"},
			err: `--qemu: "nonesuch" is not a QEMU version (MAJOR.MINOR or MAJOR.MINOR.MICRO, such as 8.2.0)`},
		{name: "qemu too old", cfg: Config{Output: "out.c", Inputs: []string{"a.h"}, Qemu: "5.1"},
			err: "--qemu: QEMU 5.1 has no block-coroutine-wrapper: the generator came with QEMU " + dialect.All[0].Name},
		{name: "check with depfile", cfg: Config{Output: "out.c", Depfile: "dep.d", Check: true, Inputs: []string{"a.h", "a.h"}},
			err: "--check writes nothing; it cannot go with --depfile"},
		{name: "input twice", cfg: Config{Output: "out.c", Inputs: []string{"a.h", "./a.h"}},
			err: "input ./a.h is named twice"},
		{name: "output is an input", cfg: Config{Output: "./a.h", Depfile: "a.h", Inputs: []string{"b.h", "a.h"}},
			err: "the output ./a.h is also an input; it would be overwritten"},
		{name: "depfile is an input", cfg: Config{Output: "out.c", Depfile: "b.h", Inputs: []string{"a.h", "b.h"}},
			err: "the depfile b.h is also an input; it would be overwritten"},
		{name: "depfile is the output", cfg: Config{Output: "out.c", Depfile: "out.c", Inputs: []string{"a.h"}},
			err: "the depfile and the output are the same file, out.c"},
		{name: "two names of one input", cfg: Config{Output: link, Inputs: []string{"a.h"}},
			err: "the output " + link + " is also an input; it would be overwritten"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "two names of one input" && link == "" {
				t.Skip("no symbolic links here")
			}
			cfg := tc.cfg
			cfg.Dir = dir
			err := cfg.Validate()
			if tc.err != "" {
				var ue *UsageError
				if !errors.As(err, &ue) || ue.Msg != tc.err {
					t.Fatalf("Validate() = %v, want *UsageError %q", err, tc.err)
				}
				run := tc.cfg
				run.Dir = dir
				if _, err := Run(run); !errors.As(err, &ue) || ue.Msg != tc.err {
					t.Errorf("Run() = %v, want its *UsageError", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Validate() = %v", err)
			}
			if diff := cmp.Diff(shape(tc.want), shape(cfg)); diff != "" {
				t.Errorf("Validate() completed the Config as (-want +got):\n%s", diff)
			}
			// A completed Config validates again to itself.
			again := cfg
			if err := again.Validate(); err != nil {
				t.Fatalf("Validate() again = %v", err)
			}
			if diff := cmp.Diff(shape(cfg), shape(again)); diff != "" {
				t.Errorf("Validate() again changed the Config (-first +again):\n%s", diff)
			}
		})
	}
}

// configShape is what Validate may complete in a Config, comparable.
type configShape struct {
	Output        string
	Inputs, Scan  []string
	List          ListFormat
	Qemu, Dialect string
}

func shape(c Config) configShape {
	s := configShape{Output: c.Output, Inputs: c.Inputs, Scan: c.Scan, List: c.List, Qemu: c.Qemu}
	if c.Dialect != nil {
		s.Dialect = c.Dialect.Name
	}
	return s
}
