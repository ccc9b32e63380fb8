module github.com/bcwtool/block-coroutine-wrapper

go 1.22.0

require (
	github.com/alecthomas/kong v1.17.0
	github.com/cpuguy83/go-md2man/v2 v2.0.7
	github.com/fatih/color v1.18.0
	github.com/google/go-cmp v0.7.0
	github.com/mattn/go-colorable v0.1.13
	github.com/mattn/go-isatty v0.0.20
	github.com/owenrumney/go-sarif/v2 v2.3.3
	github.com/rivo/uniseg v0.4.7
	github.com/rogpeppe/go-internal v1.13.1
	golang.org/x/term v0.29.0
	golang.org/x/tools v0.30.0
)

require (
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	golang.org/x/sys v0.30.0 // indirect
)
