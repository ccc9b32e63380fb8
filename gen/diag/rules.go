package diag

import (
	"fmt"
	"strings"
)

// ID names a kind of diagnostic: the name of a warning's -W switches, or
// the rule id of an error in SARIF output.
type ID string

// Rule describes one kind of diagnostic.
type Rule struct {
	ID ID
	// Warning: a named warning, which -W switches turn on, off or into an
	// error; otherwise an error, which nothing switches.
	Warning bool
	// Default: a warning on unless switched off; the others are off
	// unless -Wall or their own switch turns them on.
	Default bool
	// Summary says in one sentence what it finds.
	Summary string
	// Help says how to mend what it finds: SARIF's rule help, which code
	// scanning shows beside an alert.
	Help string
}

// The named warnings. The default set is what a correct QEMU tree of any
// release never triggers, so that a drop-in build is silent; -Wall adds
// the two that real trees of older releases do trigger.
const (
	TargetReturnType    ID = "target-return-type"
	TargetArgumentCount ID = "target-argument-count"
	TargetParameterType ID = "target-parameter-type"
	UndeclaredTarget    ID = "undeclared-target"
	MissingCoroutineFn  ID = "missing-coroutine-fn"
)

// The kinds of error.
const (
	Unreadable         ID = "unreadable-input"
	Unwritable         ID = "unwritable-output"
	DepfilePath        ID = "depfile-path"
	OutOfDate          ID = "out-of-date"
	Lexical            ID = "lexical"
	Conditional        ID = "conditional"
	UnknownMarker      ID = "unknown-marker"
	MisplacedMarker    ID = "misplaced-marker"
	Declaration        ID = "declaration"
	Parameter          ID = "parameter"
	WrapperName        ID = "wrapper-name"
	ParameterCollision ID = "parameter-collision"
	DuplicateParameter ID = "duplicate-parameter"
	Duplicate          ID = "duplicate-definition"
	WrapperCallsItself ID = "wrapper-calls-wrapper"
	Release            ID = "release-restriction"
	QEMURelease        ID = "qemu-release"
)

// Rules is the catalogue of diagnostics: the named warnings, then the
// kinds of error. The README's tables follow it (a test holds them to
// it).
var Rules = []Rule{
	{ID: TargetReturnType, Warning: true, Default: true, Summary: "A wrapper returns another type than the function it calls.",
		Help: "Declare the wrapper with the return type of the function it calls (the note points at that declaration), or correct the called function's."},
	{ID: TargetArgumentCount, Warning: true, Default: true, Summary: "A wrapper passes another number of arguments than the function it calls takes.",
		Help: "Give the wrapper the parameters of the function it calls, in its order: the generated code passes the wrapper's parameters on as they are."},
	{ID: TargetParameterType, Warning: true, Default: true, Summary: "A wrapper's parameter has another type than the function it calls takes there.",
		Help: "Declare the wrapper's parameter with the type the called function takes in that place (the note points at its declaration)."},
	{ID: UndeclaredTarget, Warning: true, Summary: "No input declares the function a wrapper calls.",
		Help: "Declare the called function in one of the inputs (named, or found by --scan), or switch the warning off with -Wno-undeclared-target when it is declared elsewhere."},
	{ID: MissingCoroutineFn, Warning: true, Summary: "The function a co wrapper runs in a coroutine is not declared coroutine_fn.",
		Help: "Mark the called function coroutine_fn, as QEMU requires of every function a coroutine calls, or call one that is."},

	{ID: Unreadable, Summary: "An input cannot be read or a directory cannot be scanned.",
		Help: "Check that the path exists and is readable, and that a directory given to --scan is one."},
	{ID: Unwritable, Summary: "The output or the depfile cannot be written.",
		Help: "Check that the output's directory exists and is writable, and that nothing else holds the file."},
	{ID: DepfilePath, Summary: "A path cannot be written in a depfile that ninja reads back as the same path, or the depfile lies inside a scanned directory.",
		Help: "Rename the file or directory so that its path has none of the characters the message names, or write the depfile outside the scanned directories."},
	{ID: OutOfDate, Summary: "With --check: the output does not hold what would be generated.",
		Help: "Run the tool without --check to regenerate the output, and commit it."},
	{ID: Lexical, Summary: "The C source cannot be read as tokens: an unterminated comment or literal, a null character, invalid UTF-8.",
		Help: "Close the comment or literal the message points at, remove the null character, or re-encode the file as UTF-8."},
	{ID: Conditional, Summary: "Preprocessor conditionals do not balance.",
		Help: "Balance every #if, #ifdef and #ifndef with its #endif, with #elif and #else only between them."},
	{ID: UnknownMarker, Summary: "A wrapper marker is misspelt or combines words no release accepts.",
		Help: "Spell the marker as the selected QEMU release does (block-coroutine-wrapper --help lists them); the message and its fix-it name the nearest spelling."},
	{ID: MisplacedMarker, Summary: "A wrapper marker is not among the specifiers of a function declaration.",
		Help: "Put the marker among the declaration specifiers of a function declaration, before its name, as in: int co_wrapper bdrv_foo(BlockDriverState *bs);"},
	{ID: Declaration, Summary: "A wrapper is not declared as a plain function declaration.",
		Help: "Declare the wrapper as a plain function declaration with a return type, ending in ';': no body, no storage class, no function pointer declarator, no directive inside its parameter list."},
	{ID: Parameter, Summary: "A wrapper's parameter cannot be stored in the generated struct.",
		Help: "Give every parameter a type and a name, as a member of the generated struct needs: no variadic '...', no 'void' beside other parameters."},
	{ID: WrapperName, Summary: "A wrapper's name does not name the function it calls as the generator derives it.",
		Help: "Name the wrapper as the generator derives the called function's name: bdrv_foo calls bdrv_co_foo, and a no_co_wrapper bdrv_co_foo calls bdrv_foo."},
	{ID: ParameterCollision, Summary: "A parameter's name collides with a name the generated code uses.",
		Help: "Rename the parameter: the generated code defines or uses a name of that spelling in the wrapper's scope."},
	{ID: DuplicateParameter, Summary: "Two parameters of a wrapper have the same name.",
		Help: "Give each parameter of the wrapper its own name."},
	{ID: Duplicate, Summary: "A name that block-gen.c defines would be defined twice, or is one of QEMU's that the generated code uses.",
		Help: "Remove or rename one of the two declarations (the note points at the first), or rename the wrapper whose generated name clashes with QEMU's."},
	{ID: WrapperCallsItself, Summary: "A wrapper calls another generated wrapper, or the coroutine entry or bottom half of one.",
		Help: "Call the coroutine function itself, not another wrapper or its generated entry or bottom half."},
	{ID: Release, Summary: "The generator of the selected QEMU release could not handle the declaration; a later release lifted the restriction.",
		Help: "Select a later release with --qemu (the message names the one that lifted the restriction), or declare the wrapper as the selected release accepts."},
	{ID: QEMURelease, Summary: "The QEMU release generated for: -v's note says which and what chose it; an error when the release of the QEMU tree the inputs lie in cannot be told: its VERSION cannot be read or parsed, or the inputs lie in trees of different releases.",
		Help: "Give the QEMU tree a readable VERSION (as QEMU's own, e.g. 9.2.0), keep the inputs in one tree, or name the release with --qemu."},
}

// RuleFor returns the rule of id, and whether there is one.
func RuleFor(id ID) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Switches are the -W switches of a run, read as gcc reads them: -Wname
// and -Wno-name turn a warning on and off whatever their place relative
// to -Wall; -Wall turns on every warning not switched by name; -Werror
// makes every warning an error and -Wno-error undoes it, the later of the
// two winning; -Werror=name turns name on and makes it an error,
// -Wno-error=name keeps it a warning under -Werror; -Wextra and
// -Wno-extra are accepted and change nothing, since none of the tool's
// warnings is in gcc's -Wextra set, so that a build passing gcc's usual
// switches works. The zero value is the default set.
type Switches struct {
	on     map[ID]bool // by name: -Wname, -Wno-name, -Werror=name
	errors map[ID]bool // -Werror=name, -Wno-error=name
	all    bool        // -Wall, undone by -Wno-all
	werror bool        // -Werror, undone by -Wno-error
	// Inhibit is gcc's -w: no warning is reported, whatever the other
	// switches say (and so none is made an error).
	Inhibit bool
}

// SwitchError is a -W switch that names no warning, worded as gcc 12
// words it: "unrecognized command-line option '-Wfoo'", "'-Werror=foo':
// no option '-Wfoo'".
type SwitchError struct {
	Msg string
	// Known lists the warnings there are, for a note after the error.
	Known []string
}

func (e *SwitchError) Error() string { return e.Msg }

// Set reads one switch, the text after "-W": "all", "extra", "error",
// "error=NAME", "NAME", their "no-" forms. An unknown name is a
// *SwitchError, except in -Wno-NAME, which gcc accepts and ignores so
// that a build file can silence a warning that an older release does not
// have.
func (s *Switches) Set(sw string) error {
	whole := sw
	neg := false
	if rest, ok := strings.CutPrefix(sw, "no-"); ok {
		neg, sw = true, rest
	}
	switch sw {
	case "all":
		s.all = !neg
		return nil
	case "extra":
		return nil
	case "error":
		s.werror = !neg
		return nil
	}
	if name, ok := strings.CutPrefix(sw, "error="); ok {
		if name == "extra" {
			return nil
		}
		id, err := warning(name, "'-W"+whole+"': no option '-W"+name+"'")
		if err != nil {
			return err
		}
		setIn(&s.errors, id, !neg)
		if !neg {
			setIn(&s.on, id, true)
		}
		return nil
	}
	id, err := warning(sw, "unrecognized command-line option '-W"+whole+"'")
	if err != nil {
		if neg {
			if _, known := RuleFor(ID(sw)); !known {
				return nil
			}
		}
		return err
	}
	setIn(&s.on, id, !neg)
	return nil
}

func setIn(m *map[ID]bool, id ID, v bool) {
	if *m == nil {
		*m = map[ID]bool{}
	}
	(*m)[id] = v
}

// warning returns the warning called name, or why there is none: for a
// name that is no rule, a *SwitchError saying unknown.
func warning(name, unknown string) (ID, error) {
	r, ok := RuleFor(ID(name))
	switch {
	case ok && r.Warning:
		return r.ID, nil
	case ok:
		return "", fmt.Errorf("-W%s: %s is an error, not a warning: it cannot be switched", name, name)
	}
	var names []string
	for _, r := range Rules {
		if r.Warning {
			names = append(names, string(r.ID))
		}
	}
	return "", &SwitchError{Msg: unknown, Known: names}
}

// Enabled reports whether the warning id is on.
func (s *Switches) Enabled(id ID) bool {
	if on, ok := s.on[id]; ok {
		return on
	}
	r, _ := RuleFor(id)
	return r.Default || s.all
}

// Apply drops the warnings of l that are off (all of them under -w) and
// makes errors of those that -Werror or -Werror=NAME make errors. A
// warning without a name is on unless -w, and an error under -Werror.
func (s *Switches) Apply(l *List) {
	kept := l.items[:0]
	for _, d := range l.items {
		if d.Severity == Warning {
			if s.Inhibit || d.ID != "" && !s.Enabled(d.ID) {
				continue
			}
			asError, ok := s.errors[d.ID]
			if !ok {
				asError = s.werror
			}
			if asError {
				d.Severity, d.Promoted = Error, true
			}
		}
		kept = append(kept, d)
	}
	l.items = kept
}
