package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/bcwtool/block-coroutine-wrapper/gen/dialect"
)

// TestDialectGoldensMatchReference holds the goldens of the QEMU-tree
// layouts (testdata/dialects/qemu-X.Y.txtar, one per dialect, run without
// --qemu) to QEMU's own output of that release: what follows the banner
// is testdata/reference/qemu-X.Y/block-gen.c.after-banner, byte for byte,
// and the banner names the dialect the tree's VERSION chose.
func TestDialectGoldensMatchReference(t *testing.T) {
	for _, d := range dialect.All {
		t.Run(d.Name, func(t *testing.T) {
			ar, err := txtar.ParseFile(filepath.Join(goldenRoot, "dialects", "qemu-"+d.Name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			for _, f := range ar.Files {
				switch f.Name {
				case "want/build/block-gen.c":
					got = f.Data
				case "args":
					if strings.Contains(string(f.Data), "--qemu") {
						t.Fatal("the tree's VERSION must choose the dialect, not --qemu")
					}
				}
			}
			banner, after, ok := bytes.Cut(got, []byte("\n */\n"))
			if !ok {
				t.Fatalf("no banner in want/build/block-gen.c:\n%s", got)
			}
			if !bytes.Contains(banner, []byte("(dialect "+d.Name+")")) {
				t.Errorf("the banner does not name dialect %s:\n%s", d.Name, banner)
			}
			want, err := os.ReadFile(filepath.Join(goldenRoot, "reference", "qemu-"+d.Name, "block-gen.c.after-banner"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(after)); diff != "" {
				t.Errorf("after the banner the golden differs from QEMU's (-want +got):\n%s", diff)
			}
		})
	}
}
