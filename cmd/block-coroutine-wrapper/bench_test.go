package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// BenchmarkProcess100k runs the built binary on a synthetic header of
// 100,000 wrappers, as a build would, and reports the peak resident memory
// of the process against the input size (peak/input) besides the time.
func BenchmarkProcess100k(b *testing.B) {
	bin := buildBinary(b)
	dir := b.TempDir()
	in := filepath.Join(dir, "syn.h")
	src := syntheticHeader(100000, "bench")
	if err := os.WriteFile(in, src, 0o666); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	var peak int64
	for i := 0; b.Loop(); i++ {
		// A new output name each time: an unchanged output would not be
		// written, which is a different (cheaper) run.
		out := filepath.Join(dir, "out-"+itoa(i%2)+".c")
		cmd := exec.Command(bin, "-o", out, in)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, clipBytes(msg, 2000))
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss<<10)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(peak)/float64(len(src)), "peak/input")
}

// BenchmarkStartup runs the binary with --version: the cost of starting
// the process, which every build step pays. Nothing at package init may
// make it grow.
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b)
	for b.Loop() {
		if out, err := exec.Command(bin, "--version").CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}
