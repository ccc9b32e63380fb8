#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# go-build.sh GO MODULE PACKAGE OUTPUT DEPFILE
#
# Builds the Go command PACKAGE of the module in MODULE into OUTPUT, for a
# Meson custom_target whose rule has `deps = gcc` and `restat = 1`:
#
# - OUTPUT is replaced only when the new binary differs from it, so an
#   unchanged binary keeps its mtime and ninja re-runs nothing downstream
#   (go build -o would bump the mtime every time).
# - DEPFILE (Makefile syntax) names what the binary depends on: go.mod,
#   go.sum, the Go files of every package of the main module that PACKAGE
#   imports, and those packages' directories (so a Go file added to or
#   removed from one makes ninja run this again).  Modules from elsewhere are
#   pinned by go.sum and not listed file by file.
#
# -trimpath and -buildvcs=false make the binary a function of the sources
# only: no build or checkout paths, no VCS stamp that changes on every
# commit.  Ninja runs this from the build root.
set -eu

if [ $# -ne 5 ]; then
    echo "usage: $0 GO MODULE PACKAGE OUTPUT DEPFILE" >&2
    exit 2
fi
go=$1 module=$2 package=$3 output=$4 depfile=$5
me=$(basename "$0")

# go -C changes directory before it reads -o: make the paths absolute.
case $output in /*) out=$output ;; *) out=$PWD/$output ;; esac

# go refuses to run without a build cache, and it finds none when HOME,
# XDG_CACHE_HOME and GOCACHE are all unset (as in some sandboxed builds).
# Keep one in the build directory then; otherwise use the user's, which is
# what makes a rebuild fast.  Likewise the module cache: without HOME,
# GOPATH and GOMODCACHE it must be given, and then starts empty (the
# modules come from GOPROXY, or from vendor/ if there is one).
if [ -z "${HOME:-}" ]; then
    if [ -z "${GOCACHE:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ]; then
        GOCACHE=$PWD/go-cache
        export GOCACHE
    fi
    if [ -z "${GOMODCACHE:-}" ] && [ -z "${GOPATH:-}" ]; then
        # Writable, or `rm -rf BUILDDIR` would fail on it.
        GOMODCACHE=$PWD/go-mod
        GOFLAGS="${GOFLAGS:+$GOFLAGS }-modcacherw"
        export GOMODCACHE GOFLAGS
    fi
fi
# The tool runs on the build machine, whatever a cross build exports: no
# GOOS/GOARCH from the environment, and no cgo, which would pick up a cross
# CC (the tool needs no C).
unset GOOS GOARCH
CGO_ENABLED=0
export CGO_ENABLED

tmp=$out.tmp
list=$out.deps
trap 'rm -f "$tmp" "$list"' EXIT

# Everything the build reads that can change without go.sum changing,
# listed first so that a path the depfile cannot hold fails the run before
# anything is written.
gomod=$("$go" -C "$module" env GOMOD)
{
    echo "$gomod"
    for f in "${gomod%/go.mod}/go.sum" "${gomod%/go.mod}/vendor/modules.txt"; do
        if [ -f "$f" ]; then echo "$f"; fi
    done
    "$go" -C "$module" list -deps -f '{{if and .Module .Module.Main}}{{.Dir}}
{{range .GoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .CgoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .IgnoredGoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$.Dir}}/{{.}}
{{end}}{{end}}' "$package"
} >"$list"

# Ninja's depfile parser undoes only a few escapes (\ before a space, $$,
# \#); a path with any other special character cannot be written.
tab=$(printf '\t')
if grep -e "[$tab'\"&;|<>*?^\`\\\\]" -e ':$' "$list" >&2; then
    echo "$me: error: cannot write the path(s) above into a depfile; move the module to a plainer path" >&2
    exit 1
fi

"$go" -C "$module" build -trimpath -buildvcs=false -o "$tmp" "$package"
if cmp -s "$tmp" "$out"; then
    rm -f "$tmp"
else
    mv -f "$tmp" "$out"
fi

escape() {
    sed -e 's/[$]/$$/g' -e 's/#/\\#/g' -e 's/ /\\ /g'
}
{
    printf '%s:' "$(printf '%s\n' "$output" | escape)"
    escape <"$list" | while IFS= read -r path; do
        printf ' %s' "$path"
    done
    echo
} >"$depfile"
