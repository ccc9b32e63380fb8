package parse

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// FileWithoutShortcuts is File reading every declaration token by token and
// every parameter with the general machinery.
func FileWithoutShortcuts(lex *clex.Lexer, diags *diag.List, sink Sink) FileInfo {
	return file(lex, diags, sink, true)
}
