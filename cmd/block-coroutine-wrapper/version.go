package main

import (
	"fmt"
	"runtime/debug"

	"github.com/alecthomas/kong"

	"github.com/bcwtool/block-coroutine-wrapper/gen"
)

// versionFlag is --version. Unlike kong.VersionFlag, which prints a
// kong.Vars entry, it works out its text only when it is given: kong.New
// interpolates every entry of kong.Vars into every flag's variables, and
// the text needs the build info read, on every run.
type versionFlag bool

// BeforeReset prints versionText for this binary's build info and ends
// the run, as kong.VersionFlag does.
func (versionFlag) BeforeReset(app *kong.Kong) error {
	var module string
	if bi, ok := debug.ReadBuildInfo(); ok {
		module = bi.Main.Version
	}
	fmt.Fprintln(app.Stdout, versionText(module))
	app.Exit(0)
	return nil
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
