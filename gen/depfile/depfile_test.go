package depfile_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bcwtool/block-coroutine-wrapper/gen/depfile"
	"github.com/bcwtool/block-coroutine-wrapper/internal/testkit/ctest"
)

var conventions = []struct {
	name string
	c    depfile.Convention
}{{"POSIX", depfile.POSIX}, {"Windows", depfile.Windows}}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ path, posix, windows string }{
		{"include/block/block-io.h", "include/block/block-io.h", ""},
		{"../a b/c.h", `../a\ b/c.h`, ""},
		{"cost$.h", "cost$$.h", ""},
		{"issue#3.h", `issue\#3.h`, ""},
		{"(x)+{y}[z]@%=!,~-.h", "(x)+{y}[z]@%=!,~-.h", ""},
		{"caf\xc3\xa9.h", "caf\xc3\xa9.h", ""},
		{"lat\xe9n1.h", "lat\xe9n1.h", ""},
		{"C:/x.h", "C:/x.h", ""},
		{`C:\src\block-io.h`, `C:\src\block-io.h`, ""},
		{`back\slash.h`, `back\slash.h`, ""},
		// A backslash before a space, '#' or ':' is one more than the
		// parser's escape takes.
		{`trail\ space.h`, `trail\\\ space.h`, ""},
		{`a\\ b`, `a\\\\\ b`, ""},
		{`h\#`, `h\\#`, ""},
		{`c\:d`, `c\\:d`, ""},
		// After a backslash, every byte but a line break is text.
		{`a\;b`, `a\;b`, ""},
		{`it\'s`, `it\'s`, ""},
		{"t\\\tb", "t\\\tb", ""},
		{`r\$s`, `r\$s`, ""},
		// A path ending in ':' or '\' gets a '/' that ninja drops, or
		// (Windows) loses the trailing separators.
		{"inc/old:", "inc/old:/", ""},
		{"C:", "C:/", ""},
		{`x\`, `x\/`, "x"},
		{`y\\`, `y\\/`, "y"},
		{`e\:`, `e\\:/`, "e\\\\:/"},
		{`C:\inc\`, `C:\inc\/`, `C:\inc`},
		{"inc/", "inc/", "inc"},
		{"/..", "/..", ""},
		{`\\server\share\x.h`, `\\server\share\x.h`, ""},
	} {
		for _, conv := range conventions {
			want := tc.posix
			if conv.c == depfile.Windows && tc.windows != "" {
				want = tc.windows
			}
			got, err := conv.c.Escape(tc.path)
			if err != nil || got != want {
				t.Errorf("%s.Escape(%q) = %q, %v; want %q", conv.name, tc.path, got, err, want)
			}
		}
	}
}

func TestEscapeRefuses(t *testing.T) {
	for _, tc := range []struct {
		path, reason string
		windowsOnly  bool
	}{
		{"", "empty", false},
		{"a\nb", "line break", false},
		{"a\\\nb", "line break", false},
		{"a\rb", "line break", false},
		{"a\tb", "tab", false},
		{"it's.h", "contains ', at which ninja's depfile parser ends a path", false},
		{`say"hi".h`, `contains ", at`, false},
		{"a&b", "contains &,", false},
		{"a;b", "contains ;,", false},
		{"a|b", "contains |,", false},
		{"a<b", "contains <,", false},
		{"a>b", "contains >,", false},
		{"a*b", "contains *,", false},
		{"a?b", "contains ?,", false},
		{"a^b", "contains ^,", false},
		{"a`b", "contains `,", false},
		{"a\x01b", "contains the byte 0x01,", false},
		{"/", "root directory", false},
		{"//", "root directory", false},
		{"/./", "root directory", false},
		{"/a/..", "root directory", false},
		{`C:\`, "drive's root directory", true},
		{`\`, "root directory", true},
		{`\\`, "root directory", true},
		{`D:/.`, "drive's root directory", true},
		{`C:\a\..`, "drive's root directory", true},
		{`C:\..`, "takes away its drive", true},
		{`C:x\..\y`, "takes away its drive", true},
	} {
		for _, conv := range conventions {
			got, err := conv.c.Escape(tc.path)
			if tc.windowsOnly && conv.c != depfile.Windows {
				if err != nil {
					t.Errorf("%s.Escape(%q): %v", conv.name, tc.path, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%s.Escape(%q) = %q, want an error", conv.name, tc.path, got)
			} else if !strings.Contains(err.Error(), "cannot be listed in a depfile") || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("%s.Escape(%q): error %q does not say %q", conv.name, tc.path, err, tc.reason)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	got, err := depfile.POSIX.Format("block-gen.c", []string{"a.h", "dir b/c.h", "inc", `x\`})
	if err != nil {
		t.Fatal(err)
	}
	want := "block-gen.c: \\\n  a.h \\\n  dir\\ b/c.h \\\n  inc \\\n  x\\/\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := depfile.POSIX.Format("out.c", []string{"ok.h", "bad\t.h"}); err == nil {
		t.Error("Format accepted a path with a tab")
	}
	if _, err := depfile.POSIX.Format("o'ut.c", []string{"ok.h"}); err == nil {
		t.Error("Format accepted a target with a quote")
	}
}

// corpus returns every path of one to three pieces of alphabet: each byte
// that ninja's depfile parser or its canonicalisation treats specially,
// next to each other in every order, with a plain letter and a non-UTF-8
// byte for contrast.
func corpus() []string {
	alphabet := []string{"a", `\`, " ", "#", ":", "$", "/", ".", ";", "\t", "\xe9"}
	paths := []string{""}
	var all []string
	for n := 0; n < 3; n++ {
		var next []string
		for _, p := range paths {
			for _, a := range alphabet {
				next = append(next, p+a)
			}
		}
		all = append(all, next...)
		paths = next
	}
	return append(all, `a\\ b`, `a\\\#b`, `x\\\`, `\\\:/`, "$$$", `C:\a b\`, `\\s\h\`, "a: b", "a\\:\\ b",
		"/a/..", `C:\a\..`, `C:x\..\y`, "./0:", "../a/..")
}

// refusable reports whether no spelling of p can survive ninja 1.11: a
// line break, a tab or another byte outside the parser's plain text with
// no backslash before it, or a root directory. It is the specification
// Escape's refusals are held to, written independently of it.
func refusable(p string, c depfile.Convention) bool {
	cp := canonical(p, c)
	if cp == "" || c == depfile.Windows && cp == "/" {
		return true // a root directory, read as "" ("/", "/a/..") or "/" (\\)
	}
	if c == depfile.Windows && len(p) > 2 && p[1] == ':' && strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", rune(p[0])) && (!strings.HasPrefix(cp, p[:2]) || cp == p[:2]) {
		return true // the drive lost (C:\.. reads as "."), or C:\ read as C:
	}
	for i := 0; i < len(p); i++ {
		switch b := p[i]; {
		case b == '\n' || b == '\r':
			return true
		case b == '\\' || b == ' ' || b == '#' || b == '$' || b == ':' || b >= 0x80:
		case strings.IndexByte("+,/_.~(){}%=@[]!-", b) >= 0:
		case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9':
		default:
			if i == 0 || p[i-1] != '\\' {
				return true
			}
		}
	}
	return false
}

// TestReadsBack holds every path of the corpus, under both conventions,
// to what ninja does with its spelling: read by a model of ninja 1.11's
// depfile parser (checked against the real ninja by TestNinjaReadsBack)
// and canonicalised as that host's ninja does, it is the path given, or
// Escape refused a path that refusable says no spelling survives.
func TestReadsBack(t *testing.T) {
	for _, conv := range conventions {
		for _, p := range corpus() {
			checkReadBack(t, conv.c, p)
		}
	}
}

func checkReadBack(t *testing.T, c depfile.Convention, p string) {
	t.Helper()
	conv := map[depfile.Convention]string{depfile.POSIX: "POSIX", depfile.Windows: "Windows"}[c]
	text, err := c.Format("out", []string{p})
	if err != nil {
		if !refusable(p, c) {
			t.Errorf("%s: %q refused, though it can be spelt: %v", conv, p, err)
		}
		return
	}
	if refusable(p, c) {
		t.Errorf("%s: %q accepted, though no spelling survives: written %q", conv, p, text)
	}
	outs, ins, err := parseDepfile(text)
	if err != nil {
		t.Errorf("%s: %q written as %q: the model parser says %v", conv, p, text, err)
		return
	}
	if want := []string{"out"}; !cmp.Equal(outs, want) || len(ins) != 1 || canonical(ins[0], c) != canonical(p, c) {
		t.Errorf("%s: %q written as %q reads back as %q: %q, want %q: %q", conv, p, text, outs, ins, want, []string{p})
	}
}

// FuzzEscape extends TestReadsBack to any path.
func FuzzEscape(f *testing.F) {
	for _, p := range corpus() {
		f.Add(p, false)
		f.Add(p, true)
	}
	f.Fuzz(func(t *testing.T, p string, windows bool) {
		c := depfile.POSIX
		if windows {
			c = depfile.Windows
		}
		if p == "" || strings.IndexByte(p, 0) >= 0 {
			return // no file system path
		}
		checkReadBack(t, c, p)
	})
}

// TestNinjaReadsBack has the real ninja read the spelling of every
// corpus path that Escape accepts, one build edge each, and checks that
// it recorded the path given (as its POSIX canonicalisation spells it)
// and that the model parser of the other tests reads what ninja reads.
func TestNinjaReadsBack(t *testing.T) {
	ctest.Require(t, "ninja-build", "ninja")
	dir := t.TempDir()
	var manifest bytes.Buffer
	manifest.WriteString("rule dep\n  command = touch $out\n  depfile = $out.d\n  deps = gcc\n")
	want := map[string][]string{}
	for i, p := range corpus() {
		text, err := depfile.POSIX.Format("out", []string{p})
		if err != nil {
			continue
		}
		target := fmt.Sprintf("t%d", i)
		if err := os.WriteFile(filepath.Join(dir, target+".d"), text, 0o666); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&manifest, "build %s: dep\n", target)
		_, ins, err := parseDepfile(text)
		if err != nil {
			t.Fatalf("%q: the model parser: %v", text, err)
		}
		if len(ins) != 1 {
			t.Fatalf("%q: the model parser reads %q", text, ins)
		}
		want[target] = []string{canonical(ins[0], depfile.POSIX)}
		if w := canonical(p, depfile.POSIX); want[target][0] != w {
			t.Errorf("%q written as %q: the model reads %q, want %q", p, text, want[target][0], w)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "build.ninja"), manifest.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	ninja(t, dir, "-k", "0")
	got := ninjaDeps(t, dir)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths ninja recorded (-model +ninja):\n%s", diff)
	}
}

func ninja(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("ninja", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ninja %q: %v\n%s", args, err, out)
	}
	return string(out)
}

// ninjaDeps returns what "ninja -t deps" prints: each target's recorded
// dependencies.
func ninjaDeps(t *testing.T, dir string) map[string][]string {
	t.Helper()
	deps := map[string][]string{}
	var target string
	for _, line := range strings.Split(ninja(t, dir, "-t", "deps"), "\n") {
		switch {
		case strings.HasPrefix(line, "    "):
			deps[target] = append(deps[target], line[4:])
		case line != "":
			target, _, _ = strings.Cut(line, ": #deps ")
		}
	}
	return deps
}

// parseDepfile reads text as ninja 1.11's DepfileParser::Parse does
// (src/depfile_parser.in.cc), returning the targets and the
// dependencies. The re2c rules are tried in their order; of those that
// match at a point the longest wins, and the first of equally long ones.
func parseDepfile(text []byte) (outs, ins []string, err error) {
	at := func(i int) byte { // the parser reads a NUL past the end
		if i < len(text) {
			return text[i]
		}
		return 0
	}
	parsingTargets, haveTarget, poisoned := true, false, false
	for in := 0; in < len(text); {
		var name []byte
		haveNewline := false
	scan:
		for {
			k := 0 // backslashes from in
			for at(in+k) == '\\' {
				k++
			}
			c := at(in + k)
			switch {
			case k == 0 && c == '$' && at(in+1) == '$':
				name = append(name, '$')
				in += 2
			case k == 0 && isPlain(c):
				for isPlain(at(in)) {
					name = append(name, at(in))
					in++
				}
			case k == 0 && c == 0:
				in++
				break scan
			case k == 0 && (c == '\n' || c == '\r' && at(in+1) == '\n'):
				in += 1 + boolInt(c == '\r')
				haveNewline = true
				break scan
			case k == 0:
				in++ // any other byte ends the name and is swallowed
				break scan
			case c == ' ' && k%2 == 1: // 2N+1 backslashes and a space
				name = append(name, bytes.Repeat([]byte{'\\'}, k/2)...)
				name = append(name, ' ')
				in += k + 1
			case c == ' ': // 2N backslashes and a space end the name
				name = append(name, bytes.Repeat([]byte{'\\'}, k)...)
				in += k + 1
				break scan
			case c == '#':
				name = append(name, bytes.Repeat([]byte{'\\'}, k-1)...)
				name = append(name, '#')
				in += k + 1
			case c == ':' && strings.IndexByte("\x00 \r\n\t", at(in+k+1)) >= 0:
				name = append(name, text[in:in+k+1]...)
				haveNewline = at(in+k+1) == '\n'
				in += k + 2
				break scan
			case c == ':':
				name = append(name, bytes.Repeat([]byte{'\\'}, k-1)...)
				name = append(name, ':')
				in += k + 1
			case c != 0 && c != '\r' && c != '\n': // backslashes and a byte, as written
				name = append(name, text[in:in+k+1]...)
				in += k + 1
			case k >= 2: // the last backslash is the byte after the others
				name = append(name, text[in:in+k]...)
				in += k
			case c == '\n' || c == '\r' && at(in+2) == '\n': // a line continuation
				in += 2 + boolInt(c == '\r')
				break scan
			default: // a lone backslash before NUL or a bare '\r'
				in++
				break scan
			}
		}
		isDependency := !parsingTargets
		if len(name) > 0 && name[len(name)-1] == ':' {
			name = name[:len(name)-1]
			parsingTargets, haveTarget = false, true
		}
		if len(name) > 0 {
			piece := string(name)
			switch {
			case contains(ins, piece):
				if !isDependency {
					poisoned = true
				}
			case isDependency && poisoned:
				return nil, nil, fmt.Errorf("inputs may not also have inputs")
			case isDependency:
				ins = append(ins, piece)
			case !contains(outs, piece):
				outs = append(outs, piece)
			}
		}
		if haveNewline {
			parsingTargets, poisoned = true, false
		}
	}
	if !haveTarget {
		return nil, nil, fmt.Errorf("expected ':' in depfile")
	}
	return outs, ins, nil
}

func isPlain(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80 ||
		strings.IndexByte("+,/_:.~(){}%=@[]!-", b) >= 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// canonical is ninja 1.11's CanonicalizePath (src/util.cc) on a host of
// convention c: "." names dropped, ".." taking back the name before it
// where there is one, separators collapsed and a trailing one dropped; a
// leading separator (two under Windows) kept. Under Windows every '\'
// becomes '/'. A root directory comes out empty, as it does in ninja.
func canonical(p string, c depfile.Convention) string {
	isSep := func(r rune) bool { return r == '/' || c == depfile.Windows && r == '\\' }
	prefix := ""
	if p != "" && isSep(rune(p[0])) {
		prefix = "/"
		if c == depfile.Windows && len(p) > 1 && isSep(rune(p[1])) {
			prefix = "//"
		}
	}
	var ups, names []string
	for _, name := range strings.FieldsFunc(p, isSep) {
		switch {
		case name == ".":
		case name == ".." && len(names) > 0:
			names = names[:len(names)-1]
		case name == "..":
			ups = append(ups, name)
		default:
			names = append(names, name)
		}
	}
	out := strings.Join(append(ups, names...), "/")
	if out == "" && prefix == "" {
		return "."
	}
	if out == "" {
		return prefix[:len(prefix)-1] // ninja drops the last separator
	}
	if c == depfile.Windows {
		out = strings.ReplaceAll(out, `\`, "/")
	}
	return prefix + out
}
