package gen

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/bcwtool/block-coroutine-wrapper/gen/atomicfile"
	"github.com/bcwtool/block-coroutine-wrapper/gen/depfile"
	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
	"github.com/bcwtool/block-coroutine-wrapper/gen/discover"
	"github.com/bcwtool/block-coroutine-wrapper/gen/model"
	"github.com/bcwtool/block-coroutine-wrapper/gen/qemutree"
)

// Report is what a run did: its problems, and what the caller prints.
type Report struct {
	// Diags holds every problem of the run, files ranked in output order;
	// the run failed if one is an error.
	Diags diag.List
	// Sources holds the bytes of each input read, by name, for excerpts.
	Sources map[string][]byte
	// Files holds each input's checked wrappers (with List, or after a
	// successful run).
	Files []model.File
	// Diff is --check's unified diff of the output on disk against what
	// would be written, when they differ.
	Diff []byte
}

// Run does what cfg asks: it chooses the release, reads the named inputs
// and scans the directories, generates, and then lists the wrappers,
// compares the output (Check), or writes the output and the depfile.
// Nothing is written unless every input was read and holds no error, and
// the depfile can list every file; an output or depfile whose bytes would
// not change is not rewritten (package atomicfile). Every problem goes to
// the report's one diag.List, as gcc reports every problem of a run.
//
// Run first validates cfg (Config.Validate): a Config that asks for what
// cannot be done returns its *UsageError, having read and written
// nothing, and no report.
func Run(cfg Config) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r := &run{cfg: cfg, dialect: cfg.Dialect, rep: &Report{Sources: map[string][]byte{}}}
	if r.dialect == nil {
		r.dialect = dialect.Current
	}
	r.generate()
	return r.rep, nil
}

// run is the state of one Run.
type run struct {
	cfg     Config
	dialect *dialect.Dialect
	tree    *qemutree.Tree // the tree whose VERSION chose dialect, if any
	rep     *Report
	// walked lists the directories the scan walked, as the depfile lists
	// them.
	walked []string
}

func (r *run) path(p string) string { return absPath(r.cfg.Dir, p) }

// absPath is discover.Abs, except that Windows' NUL device stays "NUL":
// joined to a directory it would name a file there on Windows 11, not the
// device that -o NUL asks for, as -o /dev/null asks elsewhere.
func absPath(dir, p string) string {
	if runtime.GOOS == "windows" && strings.EqualFold(p, "NUL") {
		return p
	}
	return discover.Abs(dir, p)
}

func (r *run) generate() {
	cfg, diags := r.cfg, &r.rep.Diags
	inputs, deps := r.read()
	for _, in := range inputs {
		r.rep.Sources[in.Name] = in.Src
	}
	if diags.HasErrors() {
		return
	}

	res := Generate(inputs, r.dialect)
	diags.Append(&res.Diags)
	cfg.Warn.Apply(diags)
	if diags.HasErrors() {
		return
	}
	r.rep.Files = res.Files
	switch {
	case cfg.List != "":
		if _, err := cfg.Stdout.Write(cfg.List.Records(res.Files)); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: "<stdout>"}, "cannot write the list: %v", err))
		}
		return
	case cfg.Check:
		r.checkOutput(res)
		return
	}

	// Everything that can fail on the inputs is checked before the first
	// byte is written.
	var dep []byte
	if cfg.Depfile != "" {
		var err error
		if dep, err = depfile.Host.Format(cfg.Output, deps); err != nil {
			var de *depfile.Error
			if errors.As(err, &de) {
				diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: ShownPath(de.Path)}, "cannot be listed in a depfile: %s", de.Reason))
			} else {
				diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: cfg.Depfile}, "%v", err))
			}
			return
		}
		if dir := r.scannedDir(cfg.Depfile); dir != "" {
			diags.Add(diag.Errorf(diag.DepfilePath, diag.Pos{File: cfg.Depfile},
				"the depfile is inside the scanned directory %s: ninja deletes a depfile once it has read it (deps = gcc), which changes %s and would make every build run the tool again; write the depfile outside the scanned directories",
				ShownPath(dir), ShownPath(dir)))
			return
		}
	}
	if cfg.Output == StdoutName {
		if _, err := cfg.Stdout.Write(res.Bytes()); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: "<stdout>"}, "cannot write the output: %v", err))
		}
		return
	}
	// Up to date, as on most rebuilds, the output is compared with the
	// file a piece at a time as it is printed; only an output that
	// changes is held whole, to be written.
	changed := false
	if same, err := atomicfile.Same(r.path(cfg.Output), res.Print); err != nil || !same {
		if changed, err = atomicfile.WriteIfChanged(r.path(cfg.Output), res.Bytes()); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: cfg.Output}, "cannot write the output: %v", pathErr(err)))
			return
		}
	}
	if dep != nil {
		if _, err := atomicfile.WriteIfChanged(r.path(cfg.Depfile), dep); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: cfg.Depfile}, "cannot write the depfile: %v", pathErr(err)))
			return
		}
	}
	if changed && len(r.walked) > 0 {
		// Renaming the new output (and the depfile) into a scanned
		// directory made that directory, which the depfile lists, newer
		// than the output's own modification time (when its bytes were
		// written, before the rename): ninja and make would run the tool
		// again on the next build. The output is stamped now, after every
		// write of this run. An output that did not change keeps its
		// time, for ninja's restat.
		now := time.Now()
		if err := os.Chtimes(r.path(cfg.Output), now, now); err != nil {
			diags.Add(diag.Errorf(diag.Unwritable, diag.Pos{File: cfg.Output}, "cannot set the output's modification time: %v", pathErr(err)))
		}
	}
}

// scannedDir returns the scanned directory (as the depfile lists it) that
// holds the file at p, "" if none does.
func (r *run) scannedDir(p string) string {
	parent, err := os.Stat(filepath.Dir(r.path(p)))
	if err != nil {
		return ""
	}
	for _, d := range r.walked {
		if info, err := os.Stat(r.path(d)); err == nil && os.SameFile(info, parent) {
			return d
		}
	}
	return ""
}

// checkOutput compares what would be written with the output on disk.
func (r *run) checkOutput(res *Result) {
	out, diags := r.cfg.Output, &r.rep.Diags
	// The output is read, and printed, whole only for the diff: up to
	// date, as in most runs, it is compared a piece at a time.
	if same, err := atomicfile.Same(r.path(out), res.Print); err == nil && same {
		return
	}
	want := res.Bytes()
	have, err := os.ReadFile(r.path(out))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: out}, "cannot read the output: %v", pathErr(err)))
		return
	}
	if err == nil && bytes.Equal(have, want) {
		return
	}
	d := diff.Diff(out, have, out+" (generated)", want)
	if err != nil {
		// The message stands alone; text shows the diff after it.
		diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: out}, "does not exist; it would be generated"))
		r.rep.Diff = d
		return
	}
	if !r.cfg.DiffAsNote {
		diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: out}, "is out of date; regenerating it would change:"))
		r.rep.Diff = d
		return
	}
	// The message stands alone, and a note carries the diff.
	added, removed := changedLines(d)
	diags.Add(diag.Errorf(diag.OutOfDate, diag.Pos{File: out}, "is out of date: regenerating it would add %s and remove %s; run the tool without --check to regenerate it",
		lines(added), lines(removed)).Note(diag.Notef(diag.Pos{File: out}, "%s", d)))
}

// changedLines counts the lines a unified diff adds and removes.
func changedLines(unified []byte) (added, removed int) {
	for _, l := range strings.Split(string(unified), "\n") {
		switch {
		case strings.HasPrefix(l, "+++ "), strings.HasPrefix(l, "--- "):
		case strings.HasPrefix(l, "+"):
			added++
		case strings.HasPrefix(l, "-"):
			removed++
		}
	}
	return added, removed
}

// lines says "1 line", "n lines".
func lines(n int) string {
	if n == 1 {
		return "1 line"
	}
	return strconv.Itoa(n) + " lines"
}

// read chooses the release to generate for (release.go), reads the named
// inputs, then scans the directories, and returns the inputs in output
// order and what the depfile must list. It ranks the inputs' names in
// that order, for the diagnostics to sort by.
func (r *run) read() (inputs []Input, deps []string) {
	cfg, diags := r.cfg, &r.rep.Diags
	release := r.chooseRelease()
	if diags.HasErrors() {
		return nil, nil
	}
	if cfg.Verbose {
		// Said whenever a release was chosen, also when the run then
		// fails: a marker the release lacks is when the user needs it.
		// Its file is ranked first, so it comes before every other
		// diagnostic, as the first thing the run decided.
		note := r.noteRelease()
		diags.Add(note)
		diags.RankFile(note.Pos.File)
	}
	order := cfg.Inputs
	defer func() {
		rank(diags, order)
		deps = append(deps, release...)
	}()
	paths := make([]string, len(cfg.Inputs))
	for i, name := range cfg.Inputs {
		paths[i] = r.path(name)
	}
	srcs, errs := readFiles(paths)
	for i, name := range cfg.Inputs {
		if err := errs[i]; err != nil {
			if info, serr := os.Stat(paths[i]); serr == nil && info.IsDir() {
				err = errIsDir // Windows would say "Invalid function."
			}
			diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: name}, "cannot read the file: %v", pathErr(err)))
			continue
		}
		inputs = append(inputs, Input{Name: name, Src: srcs[i]})
		deps = append(deps, name)
	}
	if len(cfg.Scan) == 0 || diags.HasErrors() {
		return inputs, deps
	}
	var named, own []fs.FileInfo
	for _, name := range cfg.Inputs {
		if info, err := os.Stat(r.path(name)); err == nil {
			named = append(named, info)
		}
	}
	// The output and the depfile as they exist before the run: a scan
	// neither reads nor lists them, as gcc -MD never lists its own -o, or
	// the depfile would name the output as its own input and ninja would
	// stop at a dependency cycle.
	for _, p := range []string{cfg.Output, cfg.Depfile} {
		if p == "" || p == StdoutName {
			continue
		}
		if info, err := os.Stat(r.path(p)); err == nil {
			own = append(own, info)
		}
	}
	found, err := discover.Scan(cfg.Dir, cfg.Scan, r.dialect.Markers(), func(_ string, info fs.FileInfo) bool {
		for _, n := range named {
			if os.SameFile(n, info) {
				return true // named explicitly: read once, in its place
			}
		}
		for _, o := range own {
			if os.SameFile(o, info) {
				return true // what this run writes is never its input
			}
		}
		return false
	})
	if err != nil {
		var pe *fs.PathError
		file := strings.Join(cfg.Scan, " ")
		if errors.As(err, &pe) {
			file = strings.TrimPrefix(pe.Path, cfg.Dir+string(filepath.Separator))
		}
		diags.Add(diag.Errorf(diag.Unreadable, diag.Pos{File: file}, "cannot scan: %v", pathErr(err)))
		return inputs, deps
	}
	order = append(order[:len(order):len(order)], make([]string, 0, len(found.Annotated))...)
	for _, f := range found.Annotated {
		order = append(order, f.Path)
		inputs = append(inputs, Input{Name: f.Path, Src: f.Src, Parsed: f.Parsed, Diags: f.Diags})
	}
	deps = append(deps, found.Read...)
	deps = append(deps, found.Dirs...)
	r.walked = found.Dirs
	return inputs, deps
}

// rank ranks the names of the inputs, in output order, in diags: files
// sort by it, so that diagnostics follow the command line rather than the
// alphabet. It is the one place files are ranked.
func rank(diags *diag.List, names []string) {
	for _, name := range names {
		diags.RankFile(name)
	}
}

// ShownPath is p as a message shows it: as it is, unless a line break or
// another control byte would break the message's line, then quoted as Go
// quotes a string.
func ShownPath(p string) string {
	for i := 0; i < len(p); i++ {
		if p[i] < ' ' || p[i] == 0x7f {
			return strconv.Quote(p)
		}
	}
	return p
}

// pathErr drops the path from a *fs.PathError, which the message already
// names, and spells a missing file and a refused access as Linux does (and
// gcc on every host), so that messages do not depend on the host: Windows
// would say "File not found.", "Path not found." or "Access is denied.".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errNotExist
	case errors.Is(err, fs.ErrPermission):
		return errPermission
	}
	return err
}

// The system errors spelt the same on every host, as Linux spells them.
var (
	errNotExist   = errors.New("no such file or directory")
	errPermission = errors.New("permission denied")
	errIsDir      = errors.New("is a directory")
)
