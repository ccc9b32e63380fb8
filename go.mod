module github.com/bcwtool/block-coroutine-wrapper

go 1.26.8
