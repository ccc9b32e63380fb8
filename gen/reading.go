package gen

import (
	"runtime"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/emit"
	"github.com/bcwtool/block-coroutine-wrapper/gen/internal/chunks"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/parse"
)

// reading reads and checks wrapper declarations on worker goroutines, one
// per processor, while the lexer goes on through the inputs on the caller's:
// reading a marked declaration costs more than lexing it. Results come back
// in source order, so the output does not depend on the scheduling.
type reading struct {
	inputs []Input
	d      *dialect.Dialect
	work   chan *readJob
	free   chan *parse.Batch
	jobs   []*readJob
	exited chan struct{} // a value from each worker as it exits
	n      int           // workers
}

// readJob is one batch of one input, and what reading it gave.
type readJob struct {
	input    int
	batch    *parse.Batch
	wrappers []*model.Wrapper
	diags    diag.List
	done     chan struct{}
}

// startReading starts the workers that check inputs' wrappers for d.
func startReading(inputs []Input, d *dialect.Dialect) *reading {
	n := runtime.GOMAXPROCS(0)
	rd := &reading{
		inputs: inputs, d: d, n: n,
		work:   make(chan *readJob, 2*n),
		free:   make(chan *parse.Batch, 3*n+2), // every batch that can be out at once
		exited: make(chan struct{}, n),
	}
	for range n {
		go rd.worker()
	}
	return rd
}

// submit queues b, a batch of input i, and returns an empty batch to fill.
func (rd *reading) submit(i int, b *parse.Batch) *parse.Batch {
	j := &readJob{input: i, batch: b, done: make(chan struct{})}
	rd.jobs = append(rd.jobs, j)
	rd.work <- j
	select {
	case b := <-rd.free:
		return b
	default:
		return new(parse.Batch)
	}
}

func (rd *reading) worker() {
	defer func() { rd.exited <- struct{}{} }()
	readers := make([]*parse.Reader, len(rd.inputs))
	var wrappers chunks.List[model.Wrapper]
	var params chunks.Arena[model.Param]
	var scratch []model.Param
	var conds condCache
	for j := range rd.work {
		r := readers[j.input]
		if r == nil {
			in := rd.inputs[j.input]
			r = parse.NewReader(in.Name, in.Src)
			readers[j.input] = r
		}
		r.Read(j.batch, &j.diags, func(decl *parse.Decl) {
			if w, ok := check(decl, rd.d, &j.diags); ok {
				keepParams(&w, decl, &params, &scratch)
				w.Conditions = conds.convert(decl.Conditions)
				j.wrappers = append(j.wrappers, wrappers.Add(w))
			}
		})
		j.batch.Reset()
		select {
		case rd.free <- j.batch:
		default:
		}
		j.batch = nil
		close(j.done)
	}
}

// finish waits for every batch, and returns each input's wrappers in
// source order, adding the problems found to diags.
func (rd *reading) finish(diags *diag.List) []emit.File {
	close(rd.work)
	files := make([]emit.File, len(rd.inputs))
	for i, in := range rd.inputs {
		files[i].Name = in.Name
	}
	counts := make([]int, len(rd.inputs))
	for _, j := range rd.jobs {
		<-j.done
		counts[j.input] += len(j.wrappers)
	}
	for i := range files {
		files[i].Wrappers = make([]*model.Wrapper, 0, counts[i])
	}
	for _, j := range rd.jobs {
		files[j.input].Wrappers = append(files[j.input].Wrappers, j.wrappers...)
		diags.Append(&j.diags)
	}
	for range rd.n {
		<-rd.exited
	}
	return files
}
