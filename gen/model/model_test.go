package model

import (
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func TestParamTexts(t *testing.T) {
	long := strings.Repeat("x", 70000)
	tests := []struct {
		typ, name, decl, member string
		compact                 bool
	}{
		{"int64_t", "offset", "int64_t offset", "int64_t offset", true},
		{"BlockDriverState *", "bs", "BlockDriverState *bs", "BlockDriverState *bs", true},
		{"const char *", "name", "const char *name", "const char *name", true},
		{"uint8_t *", "buf", "uint8_t buf[16]", "uint8_t *buf", false},
		{"void (*)(void *, int)", "cb", "void (*cb)(void *, int)", "void (*cb)(void *, int)", false},
		{"int", "a", "int /* c */ a", "int /* c */ a", true},
		{"int", "b", "int a", "int a", false}, // a name the declarator lacks
		{long, "y", long + " y", long + " y", false},
	}
	for _, tt := range tests {
		p := NewParam(tt.typ, tt.name, tt.decl, tt.member, 3, 7)
		if p.Type() != tt.typ || p.Name() != tt.name || p.Decl() != tt.decl || p.Member() != tt.member {
			t.Errorf("NewParam(%.20q, %q, %.20q, %.20q) gives type %.20q, name %q, decl %.20q, member %.20q",
				tt.typ, tt.name, tt.decl, tt.member, p.Type(), p.Name(), p.Decl(), p.Member())
		}
		if (p.other == nil) != tt.compact {
			t.Errorf("NewParam(%.20q, %q, ...): compact = %v, want %v", tt.typ, tt.name, p.other == nil, tt.compact)
		}
		if pos := p.Pos("f.h"); pos.File != "f.h" || pos.Line != 3 || pos.Col != 7 {
			t.Errorf("Pos = %v, want f.h:3:7", pos)
		}
		if !p.Equal(NewParam(tt.typ, tt.name, tt.decl, tt.member, 3, 7)) || p.Equal(NewParam(tt.typ, tt.name, tt.decl, tt.member, 3, 8)) {
			t.Errorf("Equal does not compare %q by its texts and place", tt.decl)
		}
	}
	if size := unsafe.Sizeof(Param{}); size > 40 {
		t.Errorf("a Param takes %d bytes; the model holds one per parameter of every wrapper", size)
	}
}

func TestSplitParams(t *testing.T) {
	type param struct {
		typ, name, decl string
		line, col       int32
	}
	tests := []struct {
		text string
		want []param // nil: does not split
	}{
		{"BdrvChild *child, int64_t offset", []param{{"BdrvChild *", "child", "BdrvChild *child", 4, 10}, {"int64_t", "offset", "int64_t offset", 4, 28}}},
		{"int a,\n    void *buf", []param{{"int", "a", "int a", 4, 10}, {"void *", "buf", "void *buf", 5, 5}}},
		{"  const char *name  ", []param{{"const char *", "name", "const char *name", 4, 12}}},
		{"int\ta", []param{{"int", "a", "int\ta", 4, 10}}},
		{"int\n a", nil},         // a line break inside a parameter
		{"uint8_t buf[16]", nil}, // brackets
		{"void (*cb)(void)", nil},
		{"int a /* c */", nil},
		{"int a, ", nil}, // an empty parameter
		{"", nil},
		{"int 1a", nil},
		{"int a,\r\nint b", nil},
	}
	for _, tt := range tests {
		ps, ok := SplitParams(tt.text, 4, 10, nil)
		if ok != (tt.want != nil) {
			t.Errorf("SplitParams(%q) ok = %v", tt.text, ok)
			continue
		}
		var got []param
		for _, p := range ps {
			got = append(got, param{p.Type(), p.Name(), p.Decl(), p.Line, p.Col})
		}
		if ok && !slices.Equal(got, tt.want) {
			t.Errorf("SplitParams(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestWrapperParams(t *testing.T) {
	w := &Wrapper{ParamsText: "BdrvChild *child, int64_t offset"}
	w.SetParamsSplit(2, 20)
	var scratch []Param
	if ps := w.Params(&scratch); len(ps) != 2 || ps[1].Name() != "offset" || ps[1].Line != 2 || ps[1].Col != 38 {
		t.Errorf("split parameters: %v", ps)
	}
	if cap(scratch) < 2 {
		t.Error("Params did not keep its scratch memory for the next call")
	}
	kept := []Param{NewParam("uint8_t *", "buf", "uint8_t buf[16]", "uint8_t *buf", 1, 1)}
	w.SetParams(kept)
	if ps := w.Params(&scratch); len(ps) != 1 || &ps[0] != &kept[0] {
		t.Errorf("kept parameters: %v", ps)
	}
}

func BenchmarkSplitParams(b *testing.B) {
	text := "BdrvChild *child, int64_t offset, int64_t bytes,\n    void *buf, BdrvRequestFlags flags"
	var buf []Param
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		buf, _ = SplitParams(text, 1, 1, buf)
	}
}
