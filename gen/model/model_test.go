package model

import (
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
