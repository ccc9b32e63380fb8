package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

// snapshot returns a git repository in a temporary directory holding the
// files of this checkout as they are now (tracked, and new ones git does
// not ignore), committed once, and that commit. meson dist and a wrap's
// git clone take only what is committed, so the tests give them this
// rather than the checkout, which may have changes.
func snapshot(t *testing.T) (repo, commit string) {
	t.Helper()
	ctest.Require(t, "git", "git")
	root := ctest.Root(t)
	ls := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	list, err := ls.Output()
	if err != nil {
		msg := "the repository is not a git checkout: " + err.Error()
		if os.Getenv("BCW_REQUIRE_E2E") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	repo = filepath.Join(t.TempDir(), "block-coroutine-wrapper")
	for _, name := range strings.Split(strings.TrimSuffix(string(list), "\x00"), "\x00") {
		src := filepath.Join(root, filepath.FromSlash(name))
		info, err := os.Lstat(src)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the checkout, or not a file
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	git(t, repo, "init", "-q", "-b", "main")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "snapshot")
	return repo, strings.TrimSpace(git(t, repo, "rev-parse", "HEAD"))
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=e2e", "-c", "user.email=e2e@example.org",
		"-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// offlineEnv is the environment of a build with no network and an empty
// module cache: the module proxy off, a new GOMODCACHE, no toolchain
// download, and GOFLAGS=-mod=mod, which would make the go command
// resolve modules over the network if go-build.py did not insist on
// vendor/. cache is the build cache ("" for the user's).
func offlineEnv(t *testing.T, cache string) []string {
	t.Helper()
	env := os.Environ()
	if cache == "" {
		env = goCacheEnv(env)
	} else {
		env = append(env, "GOCACHE="+cache)
	}
	return append(env, "GOPROXY=off", "GOMODCACHE="+t.TempDir(), "GOTOOLCHAIN=local",
		"GOFLAGS=-mod=mod", "GONOSUMDB=*", "GOWORK=off")
}

// TestOfflineBuilds builds the tool with no network and an empty module
// cache, from a checkout and from the tarball meson dist makes of it, and
// checks that the two builds, in different directories, one with a cold
// build cache, give the same binary bytes.
func TestOfflineBuilds(t *testing.T) {
	requireMeson(t)
	repo, _ := snapshot(t)
	bin := filepath.Join("cmd", "block-coroutine-wrapper", "block-coroutine-wrapper")
	meson := func(t *testing.T, dir string, env []string, args ...string) string {
		t.Helper()
		return run(t, dir, env, "meson", args...)
	}

	// From the checkout.
	checkout := filepath.Join(t.TempDir(), "checkout-build")
	env := offlineEnv(t, "")
	meson(t, repo, env, "setup", checkout)
	start := time.Now()
	run(t, repo, env, "ninja", "-C", checkout, bin)
	t.Logf("offline build from the checkout: %v", time.Since(start).Round(time.Millisecond))

	// From the tarball.
	meson(t, repo, env, "dist", "-C", checkout, "--no-tests", "--formats", "gztar")
	tarball := filepath.Join(checkout, "meson-dist", "block-coroutine-wrapper-"+gen.Version+".tar.gz")
	src := t.TempDir()
	if out, err := exec.Command("tar", "-xzf", tarball, "-C", src).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	src = filepath.Join(src, "block-coroutine-wrapper-"+gen.Version)
	for _, f := range []string{"vendor/modules.txt", "doc/block-coroutine-wrapper.1", "go.sum"} {
		if !isFile(filepath.Join(src, filepath.FromSlash(f))) {
			t.Errorf("the tarball lacks %s", f)
		}
	}
	tarballBuild := filepath.Join(t.TempDir(), "tarball-build")
	env = offlineEnv(t, t.TempDir()) // and a cold build cache
	meson(t, src, env, "setup", tarballBuild)
	start = time.Now()
	run(t, src, env, "ninja", "-C", tarballBuild, bin)
	t.Logf("offline build from the tarball, cold build cache: %v", time.Since(start).Round(time.Millisecond))

	a := readFile(t, filepath.Join(checkout, bin))
	b := readFile(t, filepath.Join(tarballBuild, bin))
	if a != b {
		t.Errorf("the builds from the checkout and from the tarball differ (%d and %d bytes)", len(a), len(b))
	}
	out, err := exec.Command(filepath.Join(tarballBuild, bin), "--version").Output()
	if err != nil || strings.TrimSpace(string(out)) != gen.Tool+" "+gen.Version {
		t.Errorf("--version: %q, %v", out, err)
	}
	// The vendored files it compiled were in its depfile.
	deps := run(t, src, env, "ninja", "-C", tarballBuild, "-t", "deps", bin)
	if !slices.Contains(strings.Fields(deps), filepath.Join(src, "vendor", "github.com", "alecthomas", "kong", "kong.go")) {
		t.Errorf("the depfile of the go build did not list the vendored kong:\n%s", deps)
	}
}

// TestWrapPinnedCommit builds the QEMU-shaped parent with the wrap file as
// meson/README.md says to pin it: revision set to a full commit id, with
// the wrap's depth = 1. Meson must fetch that commit alone, not the newer
// one on the branch. The clone is then a tree of the tool's own, so the
// test also edits a comment in its Go code and checks what ninja re-runs.
func TestWrapPinnedCommit(t *testing.T) {
	requireMeson(t)
	repo, pinned := snapshot(t)
	writeFile(t, filepath.Join(repo, "NEWER"), "a commit after the pinned one\n")
	git(t, repo, "add", "NEWER")
	git(t, repo, "commit", "-q", "-m", "newer")

	wrap := readFile(t, filepath.Join(ctest.Root(t), "meson", "block-coroutine-wrapper.wrap"))
	for _, want := range []string{"\nrevision = ", "\ndepth = 1\n"} {
		if !strings.Contains(wrap, want) {
			t.Fatalf("the wrap file has no %q line:\n%s", strings.TrimSpace(want), wrap)
		}
	}
	wrap = regexp.MustCompile(`(?m)^url = .*$`).ReplaceAllLiteralString(wrap, "url = file://"+repo)
	wrap = regexp.MustCompile(`(?m)^revision = .*$`).ReplaceAllLiteralString(wrap, "revision = "+pinned)

	p := newQEMU(t, qemuOptions{form: "required"})
	writeFile(t, filepath.Join(p.dir, "subprojects", "block-coroutine-wrapper.wrap"), wrap)
	p.cmd(t, "meson", "setup", p.build)
	sub := filepath.Join(p.dir, "subprojects", "block-coroutine-wrapper")
	if head := strings.TrimSpace(git(t, sub, "rev-parse", "HEAD")); head != pinned {
		t.Errorf("the subproject is at %s, want the pinned %s", head, pinned)
	}
	if shallow := strings.TrimSpace(git(t, sub, "rev-parse", "--is-shallow-repository")); shallow != "true" {
		t.Errorf("the clone is not shallow")
	}
	if n := strings.TrimSpace(git(t, sub, "rev-list", "--count", "--all")); n != "1" {
		t.Errorf("the clone has %s commits, want the pinned one alone", n)
	}
	if isFile(filepath.Join(sub, "NEWER")) {
		t.Errorf("the clone has the newer commit's file")
	}
	p.ninja(t)
	checkTool(t, p.blockGen(t))
	p.testSuite(t, "qemu-9.0")

	// Comment-only edits of the tool's Go code. go build runs; where the
	// binary keeps its bytes, nothing else does.
	blockGen := filepath.Join(p.build, "block", "block-gen.c")
	before := stat(t, blockGen)
	goFile := filepath.Join(sub, "gen", "gen.go")
	writeFile(t, goFile, readFile(t, goFile)+"\n// A comment at the end, which moves no line.\n")
	out := p.ninja(t, "-v")
	if cmds := commands(out); len(cmds) != 1 || !strings.Contains(cmds[0], "go-build.py") {
		t.Errorf("after a comment that moves no line, ninja ran more than go-build.py:\n%s", out)
	}
	p.noWork(t)

	// A comment that moves lines changes the binary's line tables: the
	// shim is relinked and the generator runs, but block-gen.c keeps its
	// bytes and its mtime, and nothing is compiled for it.
	edit(t, goFile, "\npackage gen\n", "\npackage gen\n\n// A comment that moves every line below it.\n")
	out = p.ninja(t, "-v")
	cmds := commands(out)
	ran := func(what string, match func(string) bool) {
		t.Helper()
		if !slices.ContainsFunc(cmds, match) {
			t.Errorf("ninja did not run %s:\n%s", what, out)
		}
	}
	ran("go-build.py", func(c string) bool { return strings.Contains(c, "go-build.py") })
	ran("the shim's link", func(c string) bool {
		return strings.Contains(c, "-o subprojects/block-coroutine-wrapper/block-coroutine-wrapper ")
	})
	ran("the generator", func(c string) bool { return strings.Contains(c, "--scan") })
	if c := compiled(out); len(c) != 0 {
		t.Errorf("ninja compiled %q", c)
	}
	if after := stat(t, blockGen); !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("block-gen.c was rewritten")
	}
	p.noWork(t)
}

// run runs a command in dir with env, which must succeed, and returns its
// combined output.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}
