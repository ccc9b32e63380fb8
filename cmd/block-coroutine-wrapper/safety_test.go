//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The failure-safety tests run the real binary, built once, as a build
// system would: they kill it at random moments, run several copies against
// one output, make its writes fail, and vary its environment. The README
// promises "never a half-written output": after any of this the output
// holds either its old bytes or the complete new ones, and a handled error
// leaves no temporary file behind.
//
// They take about fifteen seconds and are skipped with -short.
func TestFailureSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("failure-safety tests build and run the binary many times; skipped with -short")
	}
	bin := buildBinary(t)
	t.Run("SIGKILL", func(t *testing.T) { testKill(t, bin) })
	t.Run("HandledErrors", func(t *testing.T) { testHandledErrors(t, bin) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, bin) })
	t.Run("Deterministic", func(t *testing.T) { testDeterministic(t, bin) })
}

// buildBinary builds the command into a temporary directory that lives as
// long as t.
func buildBinary(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the failure-safety tests build the binary and need the go command in PATH: %v", err)
	}
	bin := filepath.Join(t.TempDir(), binName)
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0") // static, as Meson builds it
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// binName is the binary's file name.
const binName = "block-coroutine-wrapper"

// outName is the output every test writes; tmpPattern matches the
// temporary files atomicfile creates beside it.
const outName = "block-gen.c"

var tmpPattern = regexp.MustCompile(`^\.block-gen\.c\.tmp-[0-9]+-[0-9a-f]{8}$`)

// generate runs the binary in dir and returns its output file's bytes.
func generate(t *testing.T, bin, dir, out string, inputs ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-o", out}, inputs...)...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s -o %s %s: %v\n%s", binName, out, strings.Join(inputs, " "), err, msg)
	}
	data, err := os.ReadFile(filepath.Join(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// strays returns the names in dir other than keep; it fails t for any name
// that is not one of atomicfile's temporary files.
func strays(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if slices.Contains(keep, e.Name()) {
			continue
		}
		if !tmpPattern.MatchString(e.Name()) {
			t.Errorf("unexpected file %s in the output directory", e.Name())
		}
		names = append(names, e.Name())
	}
	return names
}

// describe says how got differs from want, for a failure message.
func describe(got, want []byte) string {
	n := 0
	for n < len(got) && n < len(want) && got[n] == want[n] {
		n++
	}
	return fmt.Sprintf("%d bytes, first difference at byte %d (want %d bytes)", len(got), n, len(want))
}

// testKill kills the binary with SIGKILL while it replaces a large output
// (about 20 MB from 20,000 wrappers) and checks, after every kill, that
// the output holds exactly its old bytes or exactly the new ones. Half the
// kills come at a uniformly random moment of the measured run time; the
// other half wait until the directory changes (the temporary file appears,
// or the output itself changes, for a writer that writes in place) and
// kill within the measured write phase, so that the write itself is hit
// on every run of the test, not by luck.
//
// A killed process cannot remove its temporary file: strays are expected,
// must be named like atomicfile's temporary files, and must hold a prefix
// of the new output.
func testKill(t *testing.T, bin string) {
	const (
		uniformTrials  = 24
		targetedTrials = 16
		wrappers       = 20000
	)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "big.h"), synth.Header(wrappers, "syn"))
	writeFile(t, filepath.Join(dir, "old.h"), synth.Header(5, "old"))
	oldOut := generate(t, bin, dir, outName, "old.h")
	keep := []string{"big.h", "old.h", outName}

	// Reference runs: the new bytes, the run time, and when the write
	// starts (first sign of it in the directory).
	var newOut []byte
	var runTime, writeStart time.Duration
	for range 2 {
		writeFile(t, filepath.Join(dir, outName), oldOut)
		cmd := exec.Command(bin, "-o", outName, "big.h")
		cmd.Dir = dir
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		ws, err := waitForWrite(dir, oldOut, keep, exited)
		if ws {
			writeStart = max(writeStart, time.Since(start))
			err = <-exited
		}
		if err != nil {
			t.Fatalf("reference run: %v", err)
		}
		runTime = max(runTime, time.Since(start))
		newOut, err = os.ReadFile(filepath.Join(dir, outName))
		if err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(newOut, oldOut) {
		t.Fatal("the old and new outputs are the same; the test could not tell them apart")
	}
	writePhase := max(runTime-writeStart, time.Millisecond)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("output %d bytes (old %d); run time %v, write phase from %v (about %v); seed %d",
		len(newOut), len(oldOut), runTime.Round(time.Millisecond), writeStart.Round(time.Millisecond), writePhase.Round(time.Millisecond), seed)

	var (
		keptOld, keptOldWithTmp, gotNew, finished, torn int
		totalStrays                                     int
	)
	for trial := range uniformTrials + targetedTrials {
		for _, name := range strays(t, dir, keep...) {
			os.Remove(filepath.Join(dir, name))
		}
		writeFile(t, filepath.Join(dir, outName), oldOut)

		cmd := exec.Command(bin, "-o", outName, "big.h")
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var delay time.Duration
		if trial < uniformTrials {
			delay = time.Duration(rng.Int64N(int64(runTime)))
		} else {
			if ok, _ := waitForWrite(dir, oldOut, keep, exited); !ok {
				t.Fatalf("trial %d: the process exited before writing", trial)
			}
			delay = time.Duration(rng.Int64N(int64(writePhase)))
		}
		select {
		case <-time.After(delay):
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			<-exited
		case err := <-exited:
			if err != nil {
				t.Fatalf("trial %d: the run failed before the kill: %v", trial, err)
			}
			finished++
		}

		got, err := os.ReadFile(filepath.Join(dir, outName))
		if err != nil {
			t.Fatalf("trial %d (kill after %v): reading the output: %v", trial, delay, err)
		}
		tmps := strays(t, dir, keep...)
		totalStrays += len(tmps)
		for _, name := range tmps {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(newOut, data) {
				t.Errorf("trial %d: temporary file %s is not a prefix of the new output: %s", trial, name, describe(data, newOut))
			}
		}
		switch {
		case bytes.Equal(got, oldOut) && len(tmps) == 0:
			keptOld++
		case bytes.Equal(got, oldOut):
			keptOldWithTmp++
		case bytes.Equal(got, newOut):
			gotNew++
		default:
			torn++
			t.Errorf("trial %d (kill after %v): the output is neither the old nor the new bytes: %s", trial, delay, describe(got, newOut))
		}
	}
	t.Logf("%d kills: %d before the write (old bytes, no temporary file), %d during the write (old bytes, temporary file left), %d after the rename (new bytes; %d of them had exited before the kill), %d torn; %d stray temporary files in all",
		uniformTrials+targetedTrials, keptOld, keptOldWithTmp, gotNew, finished, torn, totalStrays)
	if keptOldWithTmp == 0 && torn == 0 {
		t.Errorf("no kill landed while the output was being written, so atomicity was not tested; make the output larger")
	}
}

// waitForWrite polls dir until the output is being replaced: a file
// other than keep appears, or the output no longer holds old. It returns
// false if the process exits first, with its exit error.
func waitForWrite(dir string, old []byte, keep []string, exited chan error) (bool, error) {
	out := filepath.Join(dir, outName)
	for {
		// The directory first: a process that wrote and exited between two
		// polls has still written.
		entries, err := os.ReadDir(dir)
		if err == nil {
			for _, e := range entries {
				if !slices.Contains(keep, e.Name()) {
					return true, nil
				}
			}
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() != int64(len(old)) {
			return true, nil
		}
		select {
		case err := <-exited:
			exited <- err // leave it for the caller
			return false, err
		default:
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// snapshot records every file under dir: its bytes, mode and modification
// time.
type snapshot map[string]string

func snap(t *testing.T, dir string) snapshot {
	t.Helper()
	s := snapshot{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			// A directory's modification time changes when a temporary
			// file comes and goes; only what is left in it matters.
			s[rel] = info.Mode().String()
			return nil
		}
		desc := fmt.Sprintf("%v %v", info.Mode(), info.ModTime().UnixNano())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %d bytes %q", len(data), clipBytes(data, 40))
			if rel == outName && len(data) > 0 {
				desc += fmt.Sprintf(" ...%x", data[len(data)-min(len(data), 16):])
			}
		}
		s[rel] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func clipBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// testHandledErrors runs the binary into every failure it handles and
// checks that nothing changed: no temporary file left, the output (when
// there is one) untouched, bytes and modification time. The file-size
// limit case makes the write itself fail after the temporary file exists,
// which is what exercises atomicfile's clean-up.
func testHandledErrors(t *testing.T, bin string) {
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	good := synth.Header(700, "ok") // about 700 KB of output
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) []string // returns the arguments
		// shell prefixes the command with a shell that applies it first,
		// such as a resource limit.
		shell    string
		exit     int
		rootSkip bool
	}{
		{name: "error in an input", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			writeFile(t, filepath.Join(dir, "bad.h"), []byte("int co_wrapper_mixd bdrv_x(int n);\n"))
			return []string{"-o", outName, "ok.h", "bad.h"}
		}},
		{name: "lexical error", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "bad.h"), append(slices.Clone(good), "/* never closed"...))
			return []string{"-o", outName, "bad.h"}
		}},
		{name: "missing input", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			return []string{"-o", outName, "ok.h", "missing.h"}
		}},
		{name: "input is a directory", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o777); err != nil {
				t.Fatal(err)
			}
			return []string{"-o", outName, "sub"}
		}},
		{name: "output directory missing", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			os.Remove(filepath.Join(dir, outName))
			return []string{"-o", "nowhere/" + outName, "ok.h"}
		}},
		{name: "output is a directory", exit: exitBadInput, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			os.Remove(filepath.Join(dir, outName))
			if err := os.Mkdir(filepath.Join(dir, outName), 0o777); err != nil {
				t.Fatal(err)
			}
			return []string{"-o", outName, "ok.h"}
		}},
		{name: "write fails (file size limit)", exit: exitBadInput, shell: "ulimit -f 64", setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			return []string{"-o", outName, "ok.h"}
		}},
		{name: "output directory not writable", exit: exitBadInput, rootSkip: true, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			return []string{"-o", outName, "ok.h"}
		}},
		{name: "usage error", exit: exitUsage, setup: func(t *testing.T, dir string) []string {
			writeFile(t, filepath.Join(dir, "ok.h"), good)
			return []string{"--no-such-flag", "-o", outName, "ok.h"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.rootSkip && os.Geteuid() == 0 {
				t.Skip("running as root, which writes to any directory")
			}
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, outName), []byte("/* old output */\n"))
			args := tc.setup(t, dir)
			err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				return os.Chtimes(p, past, past)
			})
			if err != nil {
				t.Fatal(err)
			}
			before := snap(t, dir)

			var cmd *exec.Cmd
			if tc.shell != "" {
				cmd = exec.Command("/bin/sh", append([]string{"-c", tc.shell + ` && exec "$0" "$@"`, bin}, args...)...)
			} else {
				cmd = exec.Command(bin, args...)
			}
			cmd.Dir = dir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err = cmd.Run()
			status := 0
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tc.exit {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, tc.exit, stderr.String())
			}
			if stderr.Len() == 0 {
				t.Errorf("no message on stderr")
			}
			after := snap(t, dir)
			for name, desc := range after {
				if tmpPattern.MatchString(filepath.Base(name)) {
					t.Errorf("temporary file %s left behind after a handled error", name)
				} else if before[name] != desc {
					t.Errorf("%s changed: was %s, now %s", name, before[name], desc)
				}
			}
			for name := range before {
				if _, ok := after[name]; !ok {
					t.Errorf("%s disappeared", name)
				}
			}
			t.Logf("exit %d: %s", status, strings.TrimSpace(firstLine(stderr.String())))
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// testConcurrentWriters runs several processes at once, each generating
// the same output path from a different valid input, while a reader reads
// the output again and again. Every read, and the final file, must be
// exactly one complete version: the old bytes or one process's output.
func testConcurrentWriters(t *testing.T, bin string) {
	const (
		writers  = 8
		rounds   = 3
		wrappers = 1500 // about 1.5 MB of output each
	)
	dir := t.TempDir()
	refDir := t.TempDir()
	var inputs []string
	versions := map[string]int{} // output bytes → version; 0 is the old output
	old := []byte("/* old output */\n")
	versions[string(old)] = 0
	for k := range writers {
		name := fmt.Sprintf("in%d.h", k)
		src := synth.Header(wrappers, fmt.Sprintf("v%d", k))
		writeFile(t, filepath.Join(dir, name), src)
		writeFile(t, filepath.Join(refDir, name), src)
		inputs = append(inputs, name)
		out := generate(t, bin, refDir, fmt.Sprintf("out%d.c", k), name)
		if _, dup := versions[string(out)]; dup {
			t.Fatalf("inputs %d and another give the same output; the test could not tell them apart", k)
		}
		versions[string(out)] = k + 1
	}
	keep := append(slices.Clone(inputs), outName)

	winners := map[int]int{}
	var reads, mixed atomic.Int64
	allSeen := map[int]bool{}
	for round := range rounds {
		writeFile(t, filepath.Join(dir, outName), old)
		stop := make(chan struct{})
		var readerDone sync.WaitGroup
		readerDone.Add(1)
		seen := map[int]bool{}
		go func() {
			defer readerDone.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				data, err := os.ReadFile(filepath.Join(dir, outName))
				if err != nil {
					t.Errorf("round %d: a reader could not read the output: %v", round, err)
					return
				}
				reads.Add(1)
				v, ok := versions[string(data)]
				if !ok {
					mixed.Add(1)
					t.Errorf("round %d: a reader saw a mix: %d bytes that are no complete version", round, len(data))
					return
				}
				seen[v] = true
			}
		}()

		var cmds []*exec.Cmd
		for k := range writers {
			cmd := exec.Command(bin, "-o", outName, inputs[k])
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		for k, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d: writer %d: %v", round, k, err)
			}
		}
		close(stop)
		readerDone.Wait()
		maps.Copy(allSeen, seen)

		got, err := os.ReadFile(filepath.Join(dir, outName))
		if err != nil {
			t.Fatal(err)
		}
		v, ok := versions[string(got)]
		switch {
		case !ok:
			t.Errorf("round %d: the output is a mix of versions (%d bytes)", round, len(got))
		case v == 0:
			t.Errorf("round %d: every writer succeeded but the output still holds the old bytes", round)
		default:
			winners[v]++
		}
		if left := strays(t, dir, keep...); len(left) > 0 {
			t.Errorf("round %d: temporary files left after every writer exited: %v", round, left)
		}
	}
	t.Logf("%d rounds of %d writers: final versions %v (writer → rounds won); %d reads by a concurrent reader saw %d of the %d versions (old included), %d mixed",
		rounds, writers, winners, reads.Load(), len(allSeen), len(versions), mixed.Load())
}

// testDeterministic runs the binary on the same inputs under different
// schedulers, locales, time zones and garbage collector settings, and in
// an empty environment, ten runs in all; the output bytes and, for an
// input with errors, the messages must be the same every time.
func testDeterministic(t *testing.T, bin string) {
	dir := t.TempDir()
	ref := "../../testdata/reference/qemu-9.0"
	inputs := []string{"co-kinds.h", "noco-kinds.h", "noco-locks.h"}
	for _, name := range inputs {
		data, err := os.ReadFile(filepath.Join(ref, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), data)
	}
	// Enough wrappers for the emitter to write in pieces on several goroutines.
	writeFile(t, filepath.Join(dir, "syn.h"), synth.Header(3000, "det"))
	inputs = append(inputs, "syn.h")
	// Errors in two files, in an order unlike the alphabet, so that sorting
	// and map order would show.
	writeFile(t, filepath.Join(dir, "z.h"), []byte("int co_wrapper_mixd bdrv_a(int n);\nint co_wrapper bdrv_b(int s);\nint co_wrapper bdrv_c(int n);\n"))
	writeFile(t, filepath.Join(dir, "a.h"), []byte("int co_wrapper bdrv_c(int n);\nint no_co_wrapper bdrv_co_b(int n);\n\"unterminated\n"))

	// The first run, which the others must match.
	var (
		first              []byte
		firstMsgs, firstOf string
	)
	base := os.Environ()
	for _, tc := range []struct {
		name string
		env  []string // added to the environment; nil with empty: none at all
		// empty runs with an empty environment.
		empty bool
	}{
		{name: "GOMAXPROCS=1", env: []string{"GOMAXPROCS=1"}},
		{name: "GOMAXPROCS=4", env: []string{"GOMAXPROCS=4"}},
		{name: "C locale, UTC", env: []string{"LANG=C", "LC_ALL=C", "TZ=UTC"}},
		{name: "Turkish locale, Chatham time", env: []string{"LANG=tr_TR.UTF-8", "LC_ALL=tr_TR.UTF-8", "TZ=Pacific/Chatham"}},
		{name: "German collation, Newfoundland time", env: []string{"LANG=de_DE.UTF-8", "LC_COLLATE=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8", "TZ=America/St_Johns"}},
		{name: "empty environment", empty: true},
		{name: "GOGC=1", env: []string{"GOGC=1"}},
		{name: "GOGC=off", env: []string{"GOGC=off"}},
		{name: "again 1"},
		{name: "again 2"},
	} {
		env := slices.Clone(base)
		for _, kv := range tc.env {
			key, _, _ := strings.Cut(kv, "=")
			env = slices.DeleteFunc(env, func(e string) bool { return strings.HasPrefix(e, key+"=") })
			env = append(env, kv)
		}
		if tc.empty {
			env = []string{}
		}
		t.Run(tc.name, func(t *testing.T) {
			// A fresh output each time: an unchanged output would not be
			// rewritten, and the comparison would prove nothing.
			out := "out-" + strings.NewReplacer(" ", "-", ",", "", "=", "-").Replace(tc.name) + ".c"
			cmd := exec.Command(bin, append([]string{"-o", out}, inputs...)...)
			cmd.Dir, cmd.Env = dir, env
			// The reference examples declare no targets: the warnings
			// about that must be the same in every run too.
			warnings, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("run: %v\n%s", err, clipBytes(warnings, 2000))
			}
			got, err := os.ReadFile(filepath.Join(dir, out))
			if err != nil {
				t.Fatal(err)
			}

			cmd = exec.Command(bin, "-o", "err.c", "z.h", "a.h")
			cmd.Dir, cmd.Env = dir, env
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err == nil {
				t.Fatal("the inputs with errors were accepted")
			}
			msgs := string(warnings) + stderr.String()

			if first == nil {
				first, firstMsgs, firstOf = got, msgs, tc.name
				t.Logf("%d bytes of output, %d lines of messages", len(got), strings.Count(msgs, "\n"))
				return
			}
			if !bytes.Equal(got, first) {
				t.Errorf("output differs from the run %q: %s", firstOf, describe(got, first))
			}
			if msgs != firstMsgs {
				t.Errorf("messages differ from the run %q:\n%s\nwant:\n%s", firstOf, msgs, firstMsgs)
			}
		})
	}
}
