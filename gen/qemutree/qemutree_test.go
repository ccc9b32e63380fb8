package qemutree_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcwtool/block-coroutine-wrapper/gen/qemutree"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/synth"
)

const qemuMeson = "# SPDX-License-Identifier: GPL-2.0-or-later\n\nproject('qemu', ['c'], meson_version: '>=1.1.0',\n        version: files('VERSION'))\n"

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // the layout; a value "DIR" makes a directory
		input string            // relative to the working directory "build"
		isDir bool
		// want: the root and release, or "" for no tree; wantErr: the
		// start of the error.
		root, release, dialect, wantErr string
	}{
		{name: "release", files: map[string]string{"meson.build": qemuMeson, "VERSION": "8.1.0\n", "include/block/block-io.h": ""},
			input: "../include/block/block-io.h", root: "..", release: "8.1.0", dialect: "8.1"},
		{name: "development version is the next release", files: map[string]string{"meson.build": qemuMeson, "VERSION": "8.1.50\n", "block/coroutines.h": ""},
			input: "../block/coroutines.h", root: "..", release: "8.1.50", dialect: "8.2"},
		{name: "7.2 is the 6.2 dialect", files: map[string]string{"meson.build": qemuMeson, "VERSION": "7.2.0", "block/coroutines.h": ""},
			input: "../block/coroutines.h", root: "..", release: "7.2.0", dialect: "6.2"},
		{name: "10.x is 9.0", files: map[string]string{"meson.build": qemuMeson, "VERSION": "10.2.50\n", "block/coroutines.h": ""},
			input: "../block/coroutines.h", root: "..", release: "10.2.50", dialect: "9.0"},
		{name: "scanned directory is the root", files: map[string]string{"meson.build": qemuMeson, "VERSION": "9.0.0\n"},
			input: "..", isDir: true, root: "..", release: "9.0.0", dialect: "9.0"},
		{name: "input beside the build dir", files: map[string]string{"meson.build": qemuMeson, "VERSION": "5.2.0\n", "build/x.h": ""},
			input: "x.h", root: "..", release: "5.2.0", dialect: "5.2"},
		{name: "another project is no tree", files: map[string]string{"meson.build": "project('qemu-img-helper', 'c')\n", "VERSION": "8.1.0\n", "a.h": ""},
			input: "../a.h"},
		{name: "no VERSION is no tree", files: map[string]string{"meson.build": qemuMeson, "a.h": ""}, input: "../a.h"},
		{name: "no meson.build is no tree", files: map[string]string{"VERSION": "8.1.0\n", "a.h": ""}, input: "../a.h"},
		{name: "project not first is no tree", files: map[string]string{"meson.build": "x = 1\nproject('qemu')\n", "VERSION": "8.1.0\n", "a.h": ""}, input: "../a.h"},
		{name: "subdirectory meson.build does not count", files: map[string]string{"meson.build": qemuMeson, "VERSION": "8.2.0\n", "block/meson.build": "block_ss.add(files('io.c'))\n", "block/VERSION": "junk", "block/coroutines.h": ""},
			input: "../block/coroutines.h", root: "..", release: "8.2.0", dialect: "8.2"},
		{name: "nearest tree wins", files: map[string]string{"meson.build": qemuMeson, "VERSION": "9.0.0\n", "sub/meson.build": qemuMeson, "sub/VERSION": "8.0.0\n", "sub/a.h": ""},
			input: "../sub/a.h", root: "../sub", release: "8.0.0", dialect: "8.0"},
		{name: "unparsable VERSION", files: map[string]string{"meson.build": qemuMeson, "VERSION": "v8.1\n", "a.h": ""},
			input: "../a.h", wantErr: "../VERSION: cannot tell the QEMU release: \"v8.1\" is not a QEMU version"},
		{name: "release without the generator", files: map[string]string{"meson.build": qemuMeson, "VERSION": "5.1.0\n", "a.h": ""},
			input: "../a.h", wantErr: "../VERSION: cannot tell the QEMU release: QEMU 5.1.0 has no block-coroutine-wrapper"},
		{name: "two lines", files: map[string]string{"meson.build": qemuMeson, "VERSION": "8.1.0\n8.2.0\n", "a.h": ""},
			input: "../a.h", wantErr: "../VERSION: cannot tell the QEMU release:"},
		{name: "VERSION a directory", files: map[string]string{"meson.build": qemuMeson, "VERSION/x": "", "a.h": ""},
			input: "../a.h", wantErr: "../VERSION: cannot read the QEMU release: is a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			write(t, top, tc.files)
			wd := filepath.Join(top, "build")
			if err := os.MkdirAll(wd, 0o777); err != nil {
				t.Fatal(err)
			}
			tree, err := qemutree.NewFinder(wd).Find(filepath.FromSlash(tc.input), tc.isDir)
			if tc.wantErr != "" {
				var te *qemutree.Error
				if !errors.As(err, &te) || !strings.HasPrefix(filepath.ToSlash(err.Error()), tc.wantErr) {
					t.Fatalf("error %v, want one starting %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.root == "" {
				if tree != nil {
					t.Fatalf("found a tree at %s, want none", tree.Root)
				}
				return
			}
			if tree == nil {
				t.Fatal("found no tree")
			}
			got := []string{filepath.ToSlash(tree.Root), filepath.ToSlash(tree.Version), filepath.ToSlash(tree.MesonBuild), tree.Release, tree.Dialect.Name}
			want := []string{tc.root, tc.root + "/VERSION", tc.root + "/meson.build", tc.release, tc.dialect}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// An absolute input gives absolute paths, for the depfile.
func TestFindAbsolute(t *testing.T) {
	top := t.TempDir()
	write(t, top, map[string]string{"meson.build": qemuMeson, "VERSION": "8.0.0\n", "block/coroutines.h": ""})
	tree, err := qemutree.NewFinder(t.TempDir()).Find(filepath.Join(top, "block", "coroutines.h"), false)
	if err != nil || tree == nil {
		t.Fatalf("Find: %v, %v", tree, err)
	}
	if tree.Version != filepath.Join(top, "VERSION") {
		t.Errorf("Version = %s, want %s", tree.Version, filepath.Join(top, "VERSION"))
	}
}

func TestDeclaresQEMU(t *testing.T) {
	for src, want := range map[string]bool{
		"project('qemu', ['c'])":                  true,
		"# comment\n\n  project ( 'qemu' )":       true,
		"#!/x\r\n# c\r\nproject(\n  'qemu',\n)":   true,
		"project('qemu-guest-agent')":             false,
		"project(\"qemu\")":                       false, // not a Meson string
		"subdir('block')\nproject('qemu')":        false,
		"":                                        false,
		"# only a comment":                        false,
		"projects('qemu')":                        false,
		"project('block-coroutine-wrapper', 'c')": false,
	} {
		if got := qemutree.DeclaresQEMU([]byte(src)); got != want {
			t.Errorf("DeclaresQEMU(%q) = %v, want %v", src, got, want)
		}
	}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkFind finds the tree of QEMU's seven script inputs, from its
// build directory, with a new Finder each time as a run does: the cost
// the look-up adds to a run.
func BenchmarkFind(b *testing.B) {
	top := b.TempDir()
	inputs := synth.QEMUHeaders
	files := map[string]string{"meson.build": qemuMeson, "VERSION": "10.1.50\n", "build/.keep": ""}
	for _, in := range inputs {
		files[in] = ""
	}
	for name, data := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o666); err != nil {
			b.Fatal(err)
		}
	}
	wd := filepath.Join(top, "build")
	b.ResetTimer()
	for range b.N {
		f := qemutree.NewFinder(wd)
		for _, in := range inputs {
			if t, err := f.Find(filepath.Join("..", in), false); t == nil || err != nil {
				b.Fatal(t, err)
			}
		}
	}
}
