package ctype

// IsQualifier reports whether id is a type qualifier, GNU spellings
// included.
func IsQualifier(id string) bool {
	switch id {
	case "const", "volatile", "restrict", "__restrict", "__restrict__", "_Atomic":
		return true
	}
	return false
}

// IsKeyword reports whether id is a C keyword (C11, with the GNU
// spellings of restrict and C23's bool), which cannot name a parameter.
func IsKeyword(id string) bool {
	switch id {
	case "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
		"enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
		"restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
		"typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
		"_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
		"_Thread_local", "__restrict", "__restrict__", "bool":
		return true
	}
	return false
}

// IsTypeOperator reports whether id, followed by parentheses, spells a
// type: _Atomic(int), typeof(x) and GCC's spellings of typeof.
func IsTypeOperator(id string) bool {
	switch id {
	case "_Atomic", "typeof", "__typeof__", "__typeof", "typeof_unqual", "__typeof_unqual__":
		return true
	}
	return false
}
