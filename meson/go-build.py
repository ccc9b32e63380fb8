#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""go-build.py [--strip] GO MODULE PACKAGE OUTPUT DEPFILE

Builds the Go command PACKAGE of the module in MODULE into OUTPUT, for a
Meson custom_target whose rule has `deps = gcc` and `restat = 1`:

- OUTPUT is replaced only when the new binary differs from it, so an
  unchanged binary keeps its mtime and ninja re-runs nothing downstream
  (go build -o would bump the mtime every time).
- DEPFILE (Makefile syntax) names what the binary depends on: go.mod,
  go.sum, vendor/modules.txt, the Go files of every package PACKAGE
  imports from the main module or from vendor/, and those packages'
  directories (so a Go file added to or removed from one makes ninja run
  this again).  Modules from the module cache (a checkout without
  vendor/) are pinned by go.sum and not listed file by file.
- With vendor/ (the repository has one: see .ci/vendor) the build uses it
  and nothing else: -mod=vendor whatever GOFLAGS says, and GOWORK=off, so
  a go.work of the user's cannot pull the module into a workspace.  It
  needs no network and no module cache.

-trimpath and -buildvcs=false make the binary a function of the sources
only: no build or checkout paths, no VCS stamp that changes on every
commit.  Ninja runs this from the build root.

--strip (Meson's strip option) links without the symbol table and the
DWARF debug information (-ldflags=-s -w), which is what strip(1) removes
from the targets Meson links itself: Meson's install does not strip a
custom_target's output.

Python, not a shell script: Meson runs it with the Python Meson itself runs
on (the `python3` shebang), so it needs no POSIX shell, cmp or sed, which a
native Windows host does not have.  It uses only the standard library and
runs on Python 3.7, Meson 1.0's minimum.
"""

import filecmp
import os
import subprocess
import sys

ME = os.path.basename(sys.argv[0])

# For every package outside the standard library that PACKAGE needs: its
# directory, then its files, one path a line.  main() keeps those under the
# module's root: the main module's own and the vendored ones.
LIST_TEMPLATE = """{{if not .Standard}}{{.Dir}}
{{range .GoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .CgoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .IgnoredGoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$.Dir}}/{{.}}
{{end}}{{end}}"""


class DepfileError(Exception):
    """A path ninja's depfile parser cannot read back."""


# Bytes ninja's depfile parser takes as text wherever they stand (its
# plain-text class; any non-ASCII byte too).
PLAIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            "+,/_:.~(){}%=@[]!-")


def escape(path):
    """Spells path as ninja 1.11's depfile parser reads it back: a space
    as "\\ ", "#" as "\\#", "$" as "$$", and a path ending in ':' (which
    would read as a target) with a "/" after it, which ninja's
    canonicalisation drops.  Where it accepts a path, the spelling is the
    one gen/depfile.POSIX.Escape gives (TestGoBuildEscapesAsDepfile checks
    this).  It is stricter in one way: a backslash, which that function
    spells by rules that depend on what follows it, is refused here; a
    module path needs none (on Windows, separators are written as "/").
    Raises DepfileError for a path it cannot hold."""
    out = []
    for c in path:
        if c in "\n\r\0":
            raise DepfileError("it contains a line break or a NUL byte, which no depfile can hold")
        if c == "\\":
            raise DepfileError("it contains a backslash")
        if c == "\t":
            raise DepfileError("it contains a tab")
        if c == " ":
            out.append("\\ ")
        elif c == "#":
            out.append("\\#")
        elif c == "$":
            out.append("$$")
        elif c in PLAIN or ord(c) >= 0x80:
            out.append(c)
        else:
            raise DepfileError(
                "it contains %r, at which ninja's depfile parser ends a path" % c)
    if path.endswith(":"):
        out.append("/")
    return "".join(out)


def depfile_path(path):
    """path with "/" between names on every host: ninja on Windows reads
    "C:/x/y" as "C:\\x\\y", and "/" leaves no backslash to escape."""
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return path


def run_go(go, module, args, env):
    """Runs go -C module args and returns its stdout; its stderr goes to
    ours.  A failure ends this script with go's exit status."""
    proc = subprocess.run([go, "-C", module] + args, env=env, stdout=subprocess.PIPE,
                          encoding="utf-8", errors="surrogateescape")
    if proc.returncode != 0:
        sys.exit(proc.returncode)
    return proc.stdout


def go_env(go, module, env):
    """The environment go runs in.  The tool runs on the build machine,
    whatever a cross build exports: no GOOS/GOARCH, and no cgo, which would
    pick up a cross CC (the tool needs no C).  go refuses to build without a
    build cache, and finds none where HOME (or, on Windows, LocalAppData)
    is unset, as in some sandboxed builds: keep one in the build directory
    then; otherwise use the user's, which is what makes a rebuild fast.
    Likewise the module cache: when go knows none it must be given, and
    then starts empty (the modules come from GOPROXY, or from vendor/)."""
    env = dict(env)
    env.pop("GOOS", None)
    env.pop("GOARCH", None)
    env["CGO_ENABLED"] = "0"
    env["GOWORK"] = "off"
    cache, modcache = run_go(go, module, ["env", "GOCACHE", "GOMODCACHE"],
                             env).splitlines()[:2]
    if cache in ("", "off"):
        env["GOCACHE"] = os.path.abspath("go-cache")
    if modcache == "":
        env["GOMODCACHE"] = os.path.abspath("go-mod")
        # Writable, or `rm -rf BUILDDIR` would fail on it.
        env["GOFLAGS"] = (env.get("GOFLAGS", "") + " -modcacherw").strip()
    return env


def main(argv):
    args = argv[1:]
    ldflags = []
    if args[:1] == ["--strip"]:
        args = args[1:]
        ldflags = ["-ldflags=-s -w"]
    if len(args) != 5:
        print("usage: %s [--strip] GO MODULE PACKAGE OUTPUT DEPFILE" % ME, file=sys.stderr)
        return 2
    go, module, package, output, depfile = args
    # go -C changes directory before it reads -o.
    out = os.path.abspath(output)
    env = go_env(go, module, os.environ)

    # Everything the build reads that can change without go.sum changing,
    # listed first so that a path the depfile cannot hold fails the run
    # before anything is written.
    gomod = run_go(go, module, ["env", "GOMOD"], env).strip()
    root = os.path.dirname(gomod)
    vendored = os.path.join(root, "vendor", "modules.txt")
    mod = ["-mod=vendor"] if os.path.isfile(vendored) else []
    deps = [depfile_path(gomod)]
    for f in (os.path.join(root, "go.sum"), vendored):
        if os.path.isfile(f):
            deps.append(depfile_path(f))
    listed = run_go(go, module, ["list"] + mod + ["-deps", "-f", LIST_TEMPLATE, package], env)
    for line in listed.splitlines():
        path = os.path.normpath(line) if line else ""
        if path == root or path.startswith(os.path.join(root, "")):
            deps.append(depfile_path(path))
    escaped, bad = [], []
    for path in [depfile_path(output)] + deps:
        try:
            escaped.append(escape(path))
        except DepfileError as e:
            bad.append("%s: %s" % (path, e))
    if bad:
        print("\n".join(bad), file=sys.stderr)
        print("%s: error: cannot write the path(s) above into a depfile; "
              "move the module or the build directory to a plainer path" % ME, file=sys.stderr)
        return 1

    tmp = out + ".tmp"
    try:
        run_go(go, module, ["build"] + mod + ["-trimpath", "-buildvcs=false"] + ldflags +
               ["-o", tmp, package], env)
        if os.path.isfile(out) and filecmp.cmp(tmp, out, shallow=False):
            os.remove(tmp)
        else:
            os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)

    with open(depfile, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
        f.write(escaped[0] + ":")
        for e in escaped[1:]:
            f.write(" \\\n  " + e)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
