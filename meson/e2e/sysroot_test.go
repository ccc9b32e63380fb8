package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// variableOnly is the pkg-config recipe meson/README.md gave before: the
// program named by the .pc variable alone, as wayland-scanner's users
// wrote it.
const variableOnly = `bcw_dep = dependency('block-coroutine-wrapper', version: '>=0.1.0', native: true)
bcw = find_program(bcw_dep.get_variable(pkgconfig: 'block_coroutine_wrapper'))
`

// TestSysrootPkgConfig proves meson/README.md's pkg-config form where a
// cross build environment (Buildroot, Yocto) runs meson: the tool
// installed for the build machine on PATH, the .pc file on
// PKG_CONFIG_PATH, and PKG_CONFIG_SYSROOT_DIR naming the target's sysroot,
// to which pkgconf prefixes the .pc's variables. The form finds the tool
// as a native program, generates block-gen.c with it and the QEMU-shaped
// parent's tests pass; the variable alone names a program inside the
// sysroot and stops meson setup.
func TestSysrootPkgConfig(t *testing.T) {
	requireMeson(t)
	ctest.Require(t, "pkg-config", "pkg-config")
	root := ctest.Root(t)
	env := goCacheEnv(os.Environ())
	build := filepath.Join(t.TempDir(), "build")
	// A relocatable .pc (prefix=${pcfiledir}/…), right in the staged tree.
	run(t, root, env, "meson", "setup", "--prefix=/usr", "--libdir=lib", "-Dpkgconfig.relocatable=true", build)
	staged := filepath.Join(t.TempDir(), "staged")
	run(t, root, append(slices.Clone(env), "DESTDIR="+staged), "meson", "install", "-C", build)
	bindir := filepath.Join(staged, "usr", "bin")
	pcDir := filepath.Join(staged, "usr", "lib", "pkgconfig")
	sysroot := filepath.Join(t.TempDir(), "sysroot") // the target's tree: no program for the build machine
	if err := os.MkdirAll(sysroot, 0o777); err != nil {
		t.Fatal(err)
	}
	crossEnv := func(p *parent) {
		p.env = append(p.env, "PKG_CONFIG_PATH="+pcDir, "PKG_CONFIG_SYSROOT_DIR="+sysroot)
	}
	if v := strings.TrimSpace(run(t, root, append(slices.Clone(env), "PKG_CONFIG_PATH="+pcDir, "PKG_CONFIG_SYSROOT_DIR="+sysroot),
		"pkg-config", "--variable=block_coroutine_wrapper", "block-coroutine-wrapper")); !strings.HasPrefix(v, sysroot+"/") {
		t.Fatalf("pkg-config does not prefix the sysroot to the variable (%q): the case this test is about does not arise", v)
	}

	t.Run("the README's form finds the native program", func(t *testing.T) {
		p := newQEMU(t, qemuOptions{form: "pkgconfig", pathFirst: bindir})
		crossEnv(p)
		out := p.cmd(t, "meson", "setup", p.build)
		if !strings.Contains(out, "Program block-coroutine-wrapper found: YES") || !strings.Contains(out, bindir) {
			t.Errorf("meson setup did not find the tool on PATH:\n%s", out)
		}
		out = p.ninja(t, "-v")
		generated := slices.ContainsFunc(commands(out), func(c string) bool {
			return strings.Contains(c, filepath.Join(bindir, "block-coroutine-wrapper")+" --qemu")
		})
		if !generated {
			t.Errorf("ninja did not run the tool found on PATH:\n%s", out)
		}
		checkTool(t, p.blockGen(t))
		p.testSuite(t, "qemu-9.0")
	})

	t.Run("the variable alone stops meson setup", func(t *testing.T) {
		p := newQEMU(t, qemuOptions{form: "pkgconfig", pathFirst: bindir})
		crossEnv(p)
		mb := filepath.Join(p.dir, "block", "meson.build")
		form := readFile(t, mb)
		start := strings.Index(form, "bcw = find_program('block-coroutine-wrapper'")
		end := strings.Index(form, "endif\n")
		if start < 0 || end < 0 {
			t.Fatalf("the pkg-config form has changed shape:\n%s", form)
		}
		writeFile(t, mb, form[:start]+variableOnly+form[end+len("endif\n"):])
		out, err := p.try("meson", "setup", p.build)
		if err == nil {
			t.Fatalf("meson setup found the tool through the sysroot-prefixed variable:\n%s", out)
		}
		if !strings.Contains(out, sysroot) {
			t.Errorf("meson setup failed, but not on the sysroot's path:\n%s", out)
		}
	})
}
