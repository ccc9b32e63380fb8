//go:build unix

// Unix only: the benchmarks run the binary built by safety_test.go (unix)
// and read the peak memory from getrusage, which Windows does not have.

package main

import (
	"fmt"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The test binary serves as peakRSS's launcher (see TestMain).
func init() {
	roles[launcherEnv] = func(string) int { return launch(os.Args[1:]) }
}

// launcherEnv makes the test binary run the command of its arguments and
// print that command's peak resident memory, in KiB, to stdout.
const launcherEnv = "BCW_TEST_LAUNCHER"

func launch(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	return 0
}

// peakRSS runs args and returns the peak resident memory of that process
// alone, in bytes. The test binary cannot measure it directly: Go starts a
// child with vfork, and Linux then counts the parent's peak (this
// benchmark's, holding the input and more) in the child's. So a fresh copy
// of the test binary, small when it starts the command, launches it.
func peakRSS(args ...string) (int64, error) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), launcherEnv+"=1")
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("%v: %w", args, err)
	}
	kib, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	return kib << 10, err
}

// BenchmarkProcess100k runs the built binary on a synthetic header of
// 100,000 wrappers, as a build would, and reports the peak resident memory
// of the process against the input size (peak/input) besides the time
// (which includes the launcher's start, about that of BenchmarkStartup).
func BenchmarkProcess100k(b *testing.B) {
	bin := buildBinary(b)
	dir := b.TempDir()
	in := filepath.Join(dir, "syn.h")
	src := synth.Header(100000, "bench")
	if err := os.WriteFile(in, src, 0o666); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	var peak int64
	b.ResetTimer()
	for i := range b.N {
		// A new output name each time: an unchanged output would not be
		// written, which is a different (cheaper) run.
		out := filepath.Join(dir, "out-"+itoa(i%2)+".c")
		rss, err := peakRSS(bin, "-o", out, in)
		if err != nil {
			b.Fatal(err)
		}
		peak = max(peak, rss)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(peak)/float64(len(src)), "peak/input")
}

// BenchmarkStartup runs the binary with --version: the cost of starting
// the process, which every build step pays. Nothing at package init may
// make it grow.
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b)
	b.ResetTimer()
	for range b.N {
		if out, err := exec.Command(bin, "--version").CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}

// BenchmarkProcessScan runs the binary with --scan over a synthetic tree
// the size of QEMU's include/ and block/ together (1,500 files, 9 MB, 1%
// annotated), warm, with an output that is already up to date: what a
// build that re-runs the generator pays. Subtract BenchmarkStartup for the
// scan's own cost.
func BenchmarkProcessScan(b *testing.B) {
	bin := buildBinary(b)
	dir := b.TempDir()
	st, err := synth.Tree(filepath.Join(dir, "tree"), 1500, 6000, 100)
	if err != nil {
		b.Fatal(err)
	}
	args := []string{"-o", filepath.Join(dir, "block-gen.c"), "--scan", filepath.Join(dir, "tree")}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	b.SetBytes(st.Bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}
