package parse

import (
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// ReadSlow is Read without its shortcuts: every declaration and prototype
// read the general way, for the tests to compare with Read.
func ReadSlow(name string, src []byte, known []model.Marker, diags *diag.List) *File {
	return read(name, src, known, diags, true)
}
