module github.com/bcwtool/block-coroutine-wrapper

go 1.26.0

require (
	github.com/alecthomas/kong v1.17.0
	github.com/google/go-cmp v0.7.0
	golang.org/x/tools v0.52.0
)
