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

import "os"

func main() {
	os.Exit(run(os.Args[1:], env{dir: ".", stdout: os.Stdout, stderr: os.Stderr}))
}
