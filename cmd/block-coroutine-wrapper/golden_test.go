package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/owenrumney/go-sarif/v2/sarif"
	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/golden"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of the golden archives in testdata/ from the actual results")

// The golden archives. Each .txtar file under testdata/ is one behaviour:
//
//	comment          what the case shows
//	-- args --       the command line, split on blanks ('single quotes' group)
//	-- env --        environment variables of the run, NAME=VALUE a line
//	                 (absent: an empty environment)
//	-- terminal --   stderr is a terminal this many columns wide (absent:
//	                 stderr is a pipe)
//	-- cwd --        the directory of the archive the run starts in, as a
//	                 build directory (absent: the archive's top)
//	-- NAME --       a file in the working directory before the run
//	-- want/exit --  the expected exit status
//	-- want/stdout --, -- want/stderr --   expected output (absent: empty)
//	-- want/NAME --  the expected contents of NAME after the run
//
// After the run every file of the working directory must be accounted for:
// a want/ file matches, any other file is byte-identical to what it was and
// keeps its modification time, and nothing else exists (no stray temporary
// files, no output after an error). A successful run is repeated and must
// change nothing, not even a modification time.
//
// Diagnostics printed as JSON or SARIF (--diagnostics-format) must also
// decode as such.
//
// The archives lie in folders under testdata/, a folder a topic, so that
// the examples of a behaviour are found in one place: cli/ (argument
// forms, usage errors, --check, --list, --scan, unreadable inputs),
// declarations/ (what is read as a declaration: #if groups, line
// endings, parameters, return types), errors/ (each kind of refused
// wrapper), warnings/ (each named warning, on, off and as an error, and
// the -W switches), diagnostics/ (excerpts, colour, widths, JSON and
// SARIF), depfile/, dialects/ (each release's names and refusals, and the
// script's command line in a tree laid out as each QEMU release's), and
// malformed/, the catalogue of bad input (one archive per kind, each with
// a previous block-gen.c and depfile that must survive). Moving an archive
// between folders changes nothing but its test's name.
const goldenRoot = "../../testdata"

// past is the modification time every file has before a run.
var past = golden.Past

func TestGolden(t *testing.T) {
	for _, path := range goldenPaths(t) {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/"), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runGolden(t, path)
		})
	}
}

// goldenPaths returns every golden archive: each .txtar file under
// goldenRoot, in lexical order.
func goldenPaths(t *testing.T) []string {
	var paths []string
	err := filepath.WalkDir(goldenRoot, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no golden archives under %s", goldenRoot)
	}
	return paths
}

type result struct {
	exit           int
	stdout, stderr string
	files          map[string][]byte
	mtimes         map[string]time.Time
}

func runGolden(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	var cwd string
	e := env{}
	inputs := map[string][]byte{}
	want := map[string][]byte{}
	for _, f := range ar.Files {
		switch {
		case f.Name == "args":
			args = golden.Split(t, string(f.Data))
		case f.Name == "env":
			vars := map[string]string{}
			for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
				name, value, _ := strings.Cut(line, "=")
				vars[name] = value
			}
			e.Getenv = func(name string) string { return vars[name] }
		case f.Name == "cwd":
			cwd = strings.TrimSpace(string(f.Data))
		case f.Name == "terminal":
			width, err := strconv.Atoi(strings.TrimSpace(string(f.Data)))
			if err != nil {
				t.Fatalf("terminal: %v", err)
			}
			e.Terminal = func() (bool, int) { return true, width }
		case strings.HasPrefix(f.Name, "want/"):
			want[strings.TrimPrefix(f.Name, "want/")] = f.Data
		default:
			inputs[f.Name] = f.Data
		}
	}
	if args == nil {
		t.Fatal("archive has no args section")
	}

	skipPOSIXNames(t, inputs)
	dir := t.TempDir()
	golden.Lay(t, dir, inputs)

	if err := os.MkdirAll(filepath.Join(dir, cwd), 0o777); err != nil {
		t.Fatal(err)
	}
	got := runIn(t, dir, cwd, e, args)
	if *update {
		rewrite(t, path, ar, inputs, got)
		return
	}
	check(t, inputs, want, got)
	checkMachineReadable(t, args, got.stderr)

	if got.exit == exitOK {
		again := runIn(t, dir, cwd, e, args)
		if diff := cmp.Diff(got, again, cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("a second run changed something (-first +second):\n%s", diff)
		}
	}
}

// workURI stands for the file URI of a golden's working directory, which
// SARIF output declares as its "PWD" base.
const workURI = "file:///WORK/"

// runIn runs the command line in the directory cwd of the archive's
// files at dir, and returns what it printed and every file under dir.
func runIn(t *testing.T, dir, cwd string, e env, args []string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e.Dir, e.stdout, e.stderr = filepath.Join(dir, cwd), &stdout, &stderr
	r := result{exit: run(args, e)}
	// SARIF names the working directory, a new one each run.
	r.stdout, r.stderr = stdout.String(), strings.ReplaceAll(stderr.String(), diag.DirURI(e.Dir, runtime.GOOS == "windows"), workURI)
	r.files, r.mtimes = map[string][]byte{}, map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		r.files[rel], r.mtimes[rel] = data, info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func check(t *testing.T, inputs, want map[string][]byte, got result) {
	t.Helper()
	wantExit := 0
	if w, ok := want["exit"]; ok {
		n, err := strconv.Atoi(strings.TrimSpace(string(w)))
		if err != nil {
			t.Fatalf("want/exit: %v", err)
		}
		wantExit = n
	}
	if got.exit != wantExit {
		t.Errorf("exit status %d, want %d", got.exit, wantExit)
	}
	if diff := cmp.Diff(string(want["stdout"]), got.stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(string(want["stderr"]), got.stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	for name, data := range got.files {
		w, wanted := want[name]
		old, existed := inputs[name]
		switch {
		case wanted:
			if diff := cmp.Diff(string(w), string(data)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
		case existed:
			if !bytes.Equal(old, data) {
				t.Errorf("%s changed but the archive has no want/%s", name, name)
			}
		default:
			t.Errorf("unexpected file %s after the run", name)
		}
		if existed && bytes.Equal(old, data) && !got.mtimes[name].Equal(past) {
			t.Errorf("%s kept its bytes but was rewritten (modification time changed)", name)
		}
	}
	for name := range want {
		if name == "exit" || name == "stdout" || name == "stderr" {
			continue
		}
		if _, ok := got.files[name]; !ok {
			t.Errorf("want/%s: the run did not produce %s", name, name)
		}
	}
}

// skipPOSIXNames skips a golden on Windows if it names a file that
// Windows cannot hold.
func skipPOSIXNames(t *testing.T, files map[string][]byte) {
	if runtime.GOOS != "windows" {
		return
	}
	for name := range files {
		if strings.ContainsAny(name, `\:*?"<>|`) {
			t.Skipf("for POSIX hosts: %q is no file name on Windows, where \\ separates names and :*?\"<>| are refused", name)
		}
	}
}

// checkMachineReadable decodes stderr as JSON or SARIF when args ask for
// it: a consumer must be able to read it, whatever the bytes are.
func checkMachineReadable(t *testing.T, args []string, stderr string) {
	t.Helper()
	for _, a := range args {
		switch a {
		case "--diagnostics-format=json", "-fdiagnostics-format=json", "-fdiagnostics-format=json-stderr":
			var v []map[string]any
			if err := json.Unmarshal([]byte(stderr), &v); err != nil {
				t.Errorf("stderr is not a JSON array: %v", err)
			}
		case "--diagnostics-format=sarif", "-fdiagnostics-format=sarif", "-fdiagnostics-format=sarif-stderr":
			log, err := sarif.FromString(stderr)
			if err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Errorf("stderr is not a SARIF 2.1.0 log of one run: %v", err)
			}
		}
	}
}

// rewrite replaces the archive's want/ sections with the actual results.
func rewrite(t *testing.T, path string, ar *txtar.Archive, inputs map[string][]byte, got result) {
	var files []txtar.File
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			files = append(files, f)
		}
	}
	files = append(files, txtar.File{Name: "want/exit", Data: []byte(strconv.Itoa(got.exit) + "\n")})
	if got.stdout != "" {
		files = append(files, txtar.File{Name: "want/stdout", Data: []byte(got.stdout)})
	}
	if got.stderr != "" {
		files = append(files, txtar.File{Name: "want/stderr", Data: []byte(got.stderr)})
	}
	var names []string
	for name, data := range got.files {
		if old, ok := inputs[name]; !ok || !bytes.Equal(old, data) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		files = append(files, txtar.File{Name: "want/" + name, Data: got.files[name]})
	}
	ar.Files = files
	if err := os.WriteFile(path, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestEveryDiagnosticHasARule runs every golden again with SARIF output:
// each result must name a rule the log describes, so that no diagnostic
// reaches code scanning without a kind, and none is a warning that the -W
// switches cannot reach. With BCW_SARIF_DIR set, each log is also written
// there, for .ci/sarif-validate to give to the SARIF Multitool.
func TestEveryDiagnosticHasARule(t *testing.T) {
	logs, results := 0, 0
	logDir := os.Getenv("BCW_SARIF_DIR")
	for _, path := range goldenPaths(t) {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		var args []string
		unwritable := ""
		for _, f := range ar.Files {
			switch {
			case f.Name == "args":
				// The -f spelling applies last, whatever format the
				// archive asks for.
				args = append(golden.Split(t, string(f.Data)), "-fdiagnostics-format=sarif")
			case f.Name == "env", f.Name == "terminal", strings.HasPrefix(f.Name, "want/"):
			default:
				p := filepath.Join(dir, f.Name)
				if os.MkdirAll(filepath.Dir(p), 0o777) != nil || os.WriteFile(p, f.Data, 0o666) != nil {
					unwritable = f.Name
				}
			}
		}
		if unwritable != "" {
			t.Logf("%s: not run: cannot write %s here", path, unwritable)
			continue
		}
		var stdout, stderr bytes.Buffer
		status := run(args, env{Env: diag.Env{Dir: dir}, stdout: &stdout, stderr: &stderr})
		log, err := sarif.FromString(stderr.String())
		if err != nil || len(log.Runs) != 1 {
			// Only a run that ends before reading any input prints no
			// log: a usage error, --help, --version.
			if status != exitUsage && !slices.Contains(args, "--help") && !slices.Contains(args, "--version") {
				t.Errorf("%s: exit status %d and stderr is no SARIF log of one run (%v):\n%s", path, status, err, stderr.String())
			}
			continue
		}
		logs++
		if logDir != "" {
			name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/"), ".txtar"), "/", "-")
			if err := os.WriteFile(filepath.Join(logDir, name+".sarif"), stderr.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		rules := log.Runs[0].Tool.Driver.Rules
		for _, r := range log.Runs[0].Results {
			results++
			if r.RuleID == nil || r.RuleIndex == nil {
				t.Errorf("%s: a result without a rule: %s", path, *r.Message.Text)
				continue
			}
			if _, known := diag.RuleFor(diag.ID(*r.RuleID)); !known || int(*r.RuleIndex) >= len(rules) || rules[*r.RuleIndex].ID != *r.RuleID {
				t.Errorf("%s: a result of no known rule: %s", path, *r.Message.Text)
			}
		}
	}
	// Goldens of every kind of diagnostic exist: a run that checked none
	// proves nothing.
	if logs == 0 || results == 0 {
		t.Fatalf("checked %d SARIF logs holding %d results: the goldens were not run", logs, results)
	}
	t.Logf("checked %d SARIF logs holding %d results", logs, results)
}
