package discover_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/discover"
)

func write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

const decl = "int co_wrapper bdrv_x(BlockDriverState *bs);\n"

func TestScan(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"inc/b.h":          decl,
		"inc/a/z.h":        decl,
		"inc/a/plain.h":    "int x;\n",
		"inc/a/comment.h":  "/* co_wrapper */\n",
		"inc/a/misspelt.h": "int co_wrapper_mixd bdrv_y(BlockDriverState *bs);\n",
		"inc/named.h":      decl,
		"inc/.git/h.h":     decl,
		"inc/readme.txt":   decl,
		"other/c.c":        decl,
	})
	mustLink(t, "../inc", filepath.Join(root, "inc/a/loop"))        // a loop back up
	mustLink(t, "missing.h", filepath.Join(root, "inc/dangling.h")) // dangling
	mustLink(t, "b.h", filepath.Join(root, "inc/b-again.h"))        // a second name

	named, err := os.Stat(filepath.Join(root, "inc/named.h"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := discover.Scan(root, []string{"inc", "other"}, func(_ string, info fs.FileInfo) bool {
		return os.SameFile(info, named)
	})
	if err != nil {
		t.Fatal(err)
	}
	var annotated []string
	for _, f := range res.Annotated {
		annotated = append(annotated, f.Path)
	}
	// A misspelt marker counts, so that its error is reported; the link
	// loop adds nothing, and b.h is read once, under the name met first
	// in sorted order.
	if diff := cmp.Diff([]string{"inc/a/misspelt.h", "inc/a/z.h", "inc/b-again.h", "other/c.c"}, annotated); diff != "" {
		t.Errorf("annotated files (-want +got):\n%s", diff)
	}
	wantRead := []string{"inc/a/comment.h", "inc/a/misspelt.h", "inc/a/plain.h", "inc/a/z.h", "inc/b-again.h", "other/c.c"}
	if diff := cmp.Diff(wantRead, res.Read); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"inc", "inc/a", "other"}, res.Dirs); diff != "" {
		t.Errorf("directories walked (-want +got):\n%s", diff)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestScanErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"file.h": decl})
	if _, err := discover.Scan(root, []string{"nowhere"}, nil); err == nil {
		t.Error("scanning a missing directory succeeded")
	}
	if _, err := discover.Scan(root, []string{"file.h"}, nil); err == nil {
		t.Error("scanning a file succeeded")
	}
}

// BenchmarkScan discovers the annotated headers of a synthetic tree the
// size of QEMU's include/ (1,000 headers in 50 directories, 1% of them
// annotated); the others hold ordinary declarations and comments.
func BenchmarkScan(b *testing.B) {
	root := b.TempDir()
	files := map[string]string{}
	body := ""
	for i := range 40 {
		body += fmt.Sprintf("/* A function. */\nint coroutine_fn GRAPH_RDLOCK bdrv_co_fn_%d(BlockDriverState *bs, int64_t offset);\n", i)
	}
	var size int64
	for i := range 1000 {
		data := body
		if i%100 == 0 {
			data += decl
		}
		files[fmt.Sprintf("include/d%02d/h%04d.h", i%50, i)] = data
		size += int64(len(data))
	}
	write(b, root, files)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		res, err := discover.Scan(root, []string{"include"}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Annotated) != 10 {
			b.Fatalf("found %d annotated headers, want 10", len(res.Annotated))
		}
	}
}
