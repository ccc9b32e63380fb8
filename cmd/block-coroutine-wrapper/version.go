package main

import (
	"runtime/debug"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

// version is what --version prints (see versionText), for this binary.
func version() string {
	var module string
	if bi, ok := debug.ReadBuildInfo(); ok {
		module = bi.Main.Version
	}
	return versionText(module)
}

// versionText is the tool's name and version, gen.Version, the one the
// banner carries; then, when the build info names a module version (a
// binary from `go install …@v0.1.0` or @commit, or a go build that stamped
// one from version control), that too, so that a binary built from an
// unreleased commit says which. "(devel)" (a build from a checkout, as
// Meson's with -buildvcs=false) adds nothing. The version comes first, so
// Meson's find_program(version:) reads it.
func versionText(module string) string {
	v := gen.Tool + " " + gen.Version
	if module != "" && module != "(devel)" {
		v += " (module " + module + ")"
	}
	return v
}
