package clex

import "bytes"

// guardState follows the shape of an include guard: "#ifndef X" and
// "#define X" before anything else, and the #endif of that group after
// everything else.
type guardState struct {
	step   int // 0 start, 1 saw #ifndef, 2 saw #define, 3 saw its #endif, -1 none
	name   string
	endOff int // offset of the guard's #endif
}

// IncludeGuard reports, once Next has returned EOF, whether the file is
// wrapped in an include guard; its group is then the outermost condition
// of every point and is not a condition of anything in the file.
func (l *Lexer) IncludeGuard() bool { return l.guard.step == 3 }

// trackGuard advances the include guard detection with a token Next is
// about to return.
func (l *Lexer) trackGuard(t Token) {
	g := &l.guard
	if g.step < 0 || t.Kind == EOF {
		return
	}
	name, arg := "", ""
	if t.Kind == Directive {
		hash := 1
		if t.Digraph {
			hash = 2 // "%:"
		}
		fields := bytes.Fields(bytes.TrimLeft(l.src[t.Off+hash:t.End], " \t"))
		if len(fields) > 0 {
			name = string(fields[0])
		}
		if len(fields) > 1 {
			arg = string(fields[1])
		}
	}
	switch g.step {
	case 0:
		if name == "ifndef" && arg != "" {
			g.step, g.name = 1, arg
			return
		}
	case 1:
		if name == "define" && arg == g.name {
			g.step = 2
			return
		}
	case 2:
		if name == "endif" && len(l.conds) == 0 {
			g.step, g.endOff = 3, t.Off
		}
		return
	case 3:
		if t.Off == g.endOff {
			return
		}
	}
	g.step = -1
}
