package e2e

import (
	"bytes"
	"debug/elf"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// TestInstall installs the project as a packager would (meson setup
// --prefix=/usr, meson install with DESTDIR) and checks what is installed;
// then a parent project shaped like QEMU, with no wrap and no
// block-coroutine-wrapper on PATH, finds the installed tool through its
// pkg-config file alone, generates block-gen.c with it and builds and runs
// it.
func TestInstall(t *testing.T) {
	requireMeson(t)
	ctest.Require(t, "pkg-config", "pkg-config")
	root := ctest.Root(t)
	build := filepath.Join(t.TempDir(), "build")
	env := goCacheEnv(os.Environ())
	run(t, root, env, "meson", "setup", "--prefix=/usr", build)
	var opts []struct {
		Name  string
		Value any
	}
	if err := json.Unmarshal([]byte(run(t, root, env, "meson", "introspect", "--buildoptions", build)), &opts); err != nil {
		t.Fatal(err)
	}
	opt := func(name string) string {
		i := slices.IndexFunc(opts, func(o struct {
			Name  string
			Value any
		}) bool {
			return o.Name == name
		})
		if i < 0 {
			t.Fatalf("meson introspect: no option %s", name)
		}
		return opts[i].Value.(string)
	}
	bin := filepath.Join("usr", opt("bindir"), "block-coroutine-wrapper")
	man := filepath.Join("usr", opt("mandir"), "man1", "block-coroutine-wrapper.1")
	pcDir := filepath.Join("usr", opt("libdir"), "pkgconfig")
	pc := filepath.Join(pcDir, "block-coroutine-wrapper.pc")

	dest := filepath.Join(t.TempDir(), "dest")
	out := run(t, root, append(env, "DESTDIR="+dest), "meson", "install", "-C", build)
	t.Logf("meson install:\n%s", out)

	t.Run("the files", func(t *testing.T) {
		if diff := cmp.Diff([]string{bin, pc, man}, listFiles(t, dest)); diff != "" {
			t.Errorf("installed files (-want +got):\n%s", diff)
		}
	})

	t.Run("the program is the Go binary, and runs", func(t *testing.T) {
		info, err := os.Stat(filepath.Join(dest, bin))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o755 {
			t.Errorf("mode %v, want -rwxr-xr-x", info.Mode())
		}
		if got := strings.TrimSpace(run(t, root, env, filepath.Join(dest, bin), "--version")); got != gen.Tool+" "+gen.Version {
			t.Errorf("--version says %q", got)
		}
		// Not the shim, which would run a binary in the build directory.
		m := run(t, root, env, "go", "version", "-m", filepath.Join(dest, bin))
		if !strings.Contains(m, "path\tgithub.com/bcwtool/block-coroutine-wrapper/cmd/block-coroutine-wrapper") {
			t.Errorf("the installed program is not the Go binary:\n%s", m)
		}
		// Unstripped, as Meson installs what it links unless asked to
		// strip (TestInstallStrip).
		if symtab, dwarf := elfSymbols(t, filepath.Join(dest, bin)); !symtab || !dwarf {
			t.Errorf("the installed program has symbol table %v, debug information %v; want both", symtab, dwarf)
		}
	})

	t.Run("the manual page", func(t *testing.T) {
		if readFile(t, filepath.Join(dest, man)) != readFile(t, filepath.Join(root, "doc", "block-coroutine-wrapper.1")) {
			t.Errorf("%s is not doc/block-coroutine-wrapper.1", man)
		}
	})

	t.Run("the pkg-config file", func(t *testing.T) {
		text := readFile(t, filepath.Join(dest, pc))
		for _, want := range []string{
			"prefix=/usr\n", "block_coroutine_wrapper=${bindir}/block-coroutine-wrapper\n", "Version: " + gen.Version + "\n",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", pc, want, text)
			}
		}
		pcEnv := append(slices.Clone(env), "PKG_CONFIG_PATH="+filepath.Join(dest, pcDir))
		if v := strings.TrimSpace(run(t, root, pcEnv, "pkg-config", "--modversion", "block-coroutine-wrapper")); v != gen.Version {
			t.Errorf("pkg-config --modversion: %q", v)
		}
		got := strings.TrimSpace(run(t, root, pcEnv, "pkg-config", "--define-variable=prefix="+filepath.Join(dest, "usr"),
			"--variable=block_coroutine_wrapper", "block-coroutine-wrapper"))
		if got != filepath.Join(dest, bin) {
			t.Errorf("pkg-config --variable=block_coroutine_wrapper: %q, want %q", got, filepath.Join(dest, bin))
		}
	})

	t.Run("a project finds it through pkg-config alone", func(t *testing.T) {
		// A relocatable .pc (prefix=${pcfiledir}/…) is right wherever the
		// tree is, DESTDIR included, for any pkg-config.
		run(t, root, env, "meson", "configure", "-Dpkgconfig.relocatable=true", build)
		staged := filepath.Join(t.TempDir(), "staged")
		run(t, root, append(env, "DESTDIR="+staged), "meson", "install", "-C", build)

		p := newQEMU(t, qemuOptions{form: "pkgconfig"})
		p.env = append(p.env, "PKG_CONFIG_PATH="+filepath.Join(staged, pcDir))
		out := p.cmd(t, "meson", "setup", p.build)
		if !strings.Contains(out, "Build-time dependency block-coroutine-wrapper found: YES "+gen.Version) {
			t.Errorf("meson setup did not find the installed tool through pkg-config:\n%s", out)
		}
		out = p.ninja(t, "-v")
		generated := slices.ContainsFunc(commands(out), func(c string) bool {
			return strings.Contains(c, staged) && strings.Contains(c, "bin/block-coroutine-wrapper --qemu 10.1.50")
		})
		if !generated {
			t.Errorf("ninja did not run the installed tool:\n%s", out)
		}
		checkTool(t, p.blockGen(t))
		p.testSuite(t, "qemu-9.0")
	})
}

// listFiles returns the files under dir, relative to it, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(files, func(a, b string) int { return bytes.Compare([]byte(a), []byte(b)) })
	return files
}

// TestInstallStrip installs with Meson's strip option on, as a packager
// who wants a small binary configures (meson setup --strip, or
// -Dstrip=true): the Go binary must come without its symbol table and
// debug information, as strip(1) leaves the programs Meson links.
func TestInstallStrip(t *testing.T) {
	requireMeson(t)
	root := ctest.Root(t)
	build := filepath.Join(t.TempDir(), "build")
	env := goCacheEnv(os.Environ())
	run(t, root, env, "meson", "setup", "--prefix=/usr", "--bindir=bin", "-Dstrip=true", "-Dtests=false", build)
	dest := filepath.Join(t.TempDir(), "dest")
	run(t, root, append(env, "DESTDIR="+dest), "meson", "install", "-C", build)
	bin := filepath.Join(dest, "usr", "bin", "block-coroutine-wrapper")
	if symtab, dwarf := elfSymbols(t, bin); symtab || dwarf {
		t.Errorf("with -Dstrip=true the installed program has symbol table %v, debug information %v; want neither", symtab, dwarf)
	}
	if got := strings.TrimSpace(run(t, root, env, bin, "--version")); got != gen.Tool+" "+gen.Version {
		t.Errorf("--version says %q", got)
	}
}

// elfSymbols reports whether the ELF program at path has a symbol table
// (.symtab) and DWARF debug information (.debug_info, which Go may
// compress as .zdebug_info), the two things strip(1) and Go's -ldflags=-s
// -w remove. It skips the test on a host whose programs are not ELF.
func elfSymbols(t *testing.T, path string) (symtab, dwarf bool) {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		if _, ok := err.(*elf.FormatError); ok {
			t.Skipf("%s is not an ELF program: the check of what is stripped reads ELF", path)
		}
		t.Fatal(err)
	}
	defer f.Close()
	return f.Section(".symtab") != nil, f.Section(".debug_info") != nil || f.Section(".zdebug_info") != nil
}
