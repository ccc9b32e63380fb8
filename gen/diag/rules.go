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
	{ID: TargetReturnType, Warning: true, Default: true, Summary: "A wrapper returns another type than the function it calls."},
	{ID: TargetArgumentCount, Warning: true, Default: true, Summary: "A wrapper passes another number of arguments than the function it calls takes."},
	{ID: TargetParameterType, Warning: true, Default: true, Summary: "A wrapper's parameter has another type than the function it calls takes there."},
	{ID: UndeclaredTarget, Warning: true, Summary: "No input declares the function a wrapper calls."},
	{ID: MissingCoroutineFn, Warning: true, Summary: "The function a co wrapper runs in a coroutine is not declared coroutine_fn."},

	{ID: Unreadable, Summary: "An input cannot be read or a directory cannot be scanned."},
	{ID: Unwritable, Summary: "The output or the depfile cannot be written."},
	{ID: DepfilePath, Summary: "A path cannot be written in a depfile that ninja reads back as the same path."},
	{ID: OutOfDate, Summary: "With --check: the output does not hold what would be generated."},
	{ID: Lexical, Summary: "The C source cannot be read as tokens: an unterminated comment or literal, a null character, invalid UTF-8."},
	{ID: Conditional, Summary: "Preprocessor conditionals do not balance."},
	{ID: UnknownMarker, Summary: "A wrapper marker is misspelt or combines words no release accepts."},
	{ID: MisplacedMarker, Summary: "A wrapper marker is not among the specifiers of a function declaration."},
	{ID: Declaration, Summary: "A wrapper is not declared as a plain function declaration."},
	{ID: Parameter, Summary: "A wrapper's parameter cannot be stored in the generated struct."},
	{ID: WrapperName, Summary: "A wrapper's name does not name the function it calls as the generator derives it."},
	{ID: ParameterCollision, Summary: "A parameter's name collides with a name the generated code uses."},
	{ID: DuplicateParameter, Summary: "Two parameters of a wrapper have the same name."},
	{ID: Duplicate, Summary: "A name that block-gen.c defines would be defined twice, or is one of QEMU's that the generated code uses."},
	{ID: WrapperCallsItself, Summary: "A wrapper calls another generated wrapper, or the coroutine entry or bottom half of one."},
	{ID: Release, Summary: "The generator of the selected QEMU release could not handle the declaration; a later release lifted the restriction."},
	{ID: QEMURelease, Summary: "The release of the QEMU tree the inputs lie in cannot be told: its VERSION cannot be read or parsed, or the inputs lie in trees of different releases."},
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
// -Wno-error=name keeps it a warning under -Werror. The zero value is the
// default set.
type Switches struct {
	on     map[ID]bool // by name: -Wname, -Wno-name, -Werror=name
	errors map[ID]bool // -Werror=name, -Wno-error=name
	all    bool        // -Wall, undone by -Wno-all
	werror bool        // -Werror, undone by -Wno-error
}

// Set reads one switch, the text after "-W": "all", "error",
// "error=NAME", "NAME", their "no-" forms. An unknown name is an error,
// except in -Wno-NAME, which gcc accepts and ignores so that a build file
// can silence a warning that an older release does not have.
func (s *Switches) Set(sw string) error {
	neg := false
	if rest, ok := strings.CutPrefix(sw, "no-"); ok {
		neg, sw = true, rest
	}
	switch sw {
	case "all":
		s.all = !neg
		return nil
	case "error":
		s.werror = !neg
		return nil
	}
	if name, ok := strings.CutPrefix(sw, "error="); ok {
		id, err := warning(name)
		if err != nil {
			return err
		}
		setIn(&s.errors, id, !neg)
		if !neg {
			setIn(&s.on, id, true)
		}
		return nil
	}
	id, err := warning(sw)
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

// warning returns the warning called name, or why there is none.
func warning(name string) (ID, error) {
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
	return "", fmt.Errorf("-W%s: no warning is called %q; the warnings are %s", name, name, strings.Join(names, ", "))
}

// Enabled reports whether the warning id is on.
func (s *Switches) Enabled(id ID) bool {
	if on, ok := s.on[id]; ok {
		return on
	}
	r, _ := RuleFor(id)
	return r.Default || s.all
}

// Apply drops the warnings of l that are off and makes errors of those
// that -Werror or -Werror=NAME make errors. A warning without a name is
// always on, and an error under -Werror.
func (s *Switches) Apply(l *List) {
	kept := l.items[:0]
	for _, d := range l.items {
		if d.Severity == Warning {
			if d.ID != "" && !s.Enabled(d.ID) {
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
