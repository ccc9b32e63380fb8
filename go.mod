module github.com/bcwtool/block-coroutine-wrapper

go 1.22.0

require (
	github.com/alecthomas/kong v1.17.0
	github.com/google/go-cmp v0.7.0
	github.com/rogpeppe/go-internal v1.13.1
	golang.org/x/tools v0.30.0
)
