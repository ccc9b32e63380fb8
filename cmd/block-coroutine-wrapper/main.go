// Command block-coroutine-wrapper generates QEMU's block-gen.c: the C code of
// the coroutine wrappers declared in C headers and sources with markers such
// as co_wrapper_mixed_bdrv_rdlock. It is a drop-in replacement for QEMU's
// scripts/block-coroutine-wrapper.py: the same output after the banner, plus
// real C parsing, positioned errors and an output that is replaced
// atomically and only when it changes.
//
// Usage:
//
//	block-coroutine-wrapper [flags] -o OUT.c INPUT...
//	block-coroutine-wrapper OUT.c INPUT...
//
// Run with --help for the flags.
package main

import (
	"os"

	"github.com/mattn/go-colorable"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

func main() {
	os.Exit(run(os.Args[1:], env{
		Env:    diag.Env{Dir: ".", Getenv: os.Getenv, Terminal: diag.StderrTerminal},
		stdout: os.Stdout,
		// On a Windows console that does not read ANSI colour sequences,
		// colorable turns them into console calls; elsewhere it is
		// os.Stderr.
		stderr: colorable.NewColorableStderr(),
	}))
}
