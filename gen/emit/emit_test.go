package emit

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
)

// files returns inputs for Write with many wrappers, in and out of nested
// #if groups that change at and across piece boundaries, and a file
// without wrappers between two with.
func files(n int) []File {
	group := func(id int, lines ...string) model.Condition { return model.Condition{ID: id, Lines: lines} }
	outer := group(1, "#ifdef CONFIG_A")
	outerElse := group(1, "#ifdef CONFIG_A", "#else")
	inner := group(2, "#if defined(CONFIG_B)")
	conditions := [][]model.Condition{
		nil, {outer}, {outer}, {outer, inner}, {outerElse}, nil, {outerElse, inner},
	}
	var fs []File
	for f := range 3 {
		file := File{Name: fmt.Sprintf("f%d.h", f)}
		if f != 1 {
			for i := range n {
				kind := model.Co
				if i%3 == 2 {
					kind = model.NoCo
				}
				name := fmt.Sprintf("bdrv_f%d_w%d", f, i)
				target := fmt.Sprintf("bdrv_co_f%d_w%d", f, i)
				if kind == model.NoCo {
					name, target = target, name
				}
				w := &model.Wrapper{
					Kind: kind, Mixed: i%2 == 0, Lock: model.Lock(i % 3), ReturnType: "int",
					Name: name, Target: target, StructName: model.CamelCase(name),
					ParamsText: "BlockDriverState *bs, int64_t offset",
					Conditions: conditions[(i/7)%len(conditions)],
				}
				if i%2 == 0 {
					w.SetParamsSplit(1, 1)
				} else {
					w.SetParams([]model.Param{
						model.NewParam("BlockDriverState *", "bs", "BlockDriverState *bs", "BlockDriverState *bs", 1, 1),
						model.NewParam("uint8_t *", "buf", "uint8_t buf[16]", "uint8_t *buf", 1, 1),
					})
				}
				file.Wrappers = append(file.Wrappers, w)
			}
		}
		fs = append(fs, file)
	}
	return fs
}

// TestPiecesMatchOneGoroutine checks that writing in pieces on several
// goroutines gives the bytes one goroutine writes.
func TestPiecesMatchOneGoroutine(t *testing.T) {
	for _, d := range dialect.All {
		for _, n := range []int{1, pieceSize - 1, pieceSize, 3*pieceSize + 5} {
			fs := files(n)
			var one bytes.Buffer
			e := &emitter{d: d, w: &one}
			for _, f := range fs {
				e.piece(f.Wrappers, nil, true)
			}
			e.flush()
			for _, workers := range []int{1, 2, 5} {
				var many bytes.Buffer
				if err := writePieces(&many, d, fs, workers); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(one.Bytes(), many.Bytes()) {
					t.Errorf("dialect %s, %d wrappers a file, %d workers: the pieces differ from one goroutine's text", d.Name, n, workers)
				}
			}
		}
	}
}

// failAfter fails every write after the first n bytes.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestPiecesStopAtAWriteError(t *testing.T) {
	err := writePieces(&failAfter{n: 1 << 20}, dialect.Current, files(20*pieceSize), 2)
	if err == nil || err.Error() != "disk full" {
		t.Errorf("writePieces = %v, want the writer's error", err)
	}
}
