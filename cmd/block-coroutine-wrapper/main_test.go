package main

import (
	"os"
	"testing"
)

// roles are what the test binary does instead of testing when started
// with one of these environment variables set to a non-empty value: the
// tool for ninja in TestOddPathsNinja (runArgsFile), and on Unix the
// launcher that measures peak memory for the benchmarks (bench_test.go).
var roles = map[string]func(value string) int{argsFileEnv: runArgsFile}

func TestMain(m *testing.M) {
	for name, role := range roles {
		if v := os.Getenv(name); v != "" {
			os.Exit(role(v))
		}
	}
	os.Exit(m.Run())
}
