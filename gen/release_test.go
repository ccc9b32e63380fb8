package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// TestNoteRelease checks -v's note: it names what chose the release for
// every way of choosing it (a library caller's Config.Dialect too), and
// it comes first, also when the run then fails.
func TestNoteRelease(t *testing.T) {
	d81, err := dialect.ForVersion("8.1")
	if err != nil {
		t.Fatal(err)
	}
	const good = "int co_wrapper bdrv_x(BlockDriverState *bs);\n"
	const bad = "int co_wrapper_mixd bdrv_x(BlockDriverState *bs);\n"
	for _, tc := range []struct {
		name      string
		cfg       Config
		src       string
		want      string // the first diagnostic
		wantCount int    // how many diagnostics
	}{
		{"--qemu", Config{Qemu: "8.1"}, good,
			"block-coroutine-wrapper: note: generating for QEMU 8.1 (dialect 8.1), as --qemu 8.1 says", 1},
		{"Config.Dialect", Config{Dialect: d81}, good,
			"block-coroutine-wrapper: note: generating for QEMU 8.1 (dialect 8.1), as the caller's Config.Dialect says", 1},
		{"outside a tree", Config{}, good,
			"block-coroutine-wrapper: note: generating for QEMU 9.0 and later (dialect 9.0), the newest: the inputs lie in no QEMU tree and --qemu is not given", 1},
		{"failing run", Config{Qemu: "8.1"}, bad,
			"block-coroutine-wrapper: note: generating for QEMU 8.1 (dialect 8.1), as --qemu 8.1 says", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "e.h"), []byte(tc.src), 0o666); err != nil {
				t.Fatal(err)
			}
			cfg := tc.cfg
			cfg.Dir, cfg.Output, cfg.Inputs, cfg.Verbose = dir, "g.c", []string{"e.h"}, true
			rep, err := Run(cfg)
			if err != nil {
				t.Fatal(err)
			}
			items := rep.Diags.Items()
			if len(items) != tc.wantCount {
				t.Fatalf("%d diagnostics, want %d: %v", len(items), tc.wantCount, items)
			}
			if got := strings.TrimSuffix(items[0].Format(), "\n"); got != tc.want {
				t.Errorf("first diagnostic:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}
