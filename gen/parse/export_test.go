package parse

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/clex"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
)

// FileWithoutSkim is File reading every declaration token by token.
func FileWithoutSkim(lex *clex.Lexer, diags *diag.List, sink Sink) FileInfo {
	return file(lex, diags, sink, true)
}
