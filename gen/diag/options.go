package diag

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// OptionError is a -f option the printer does not take, worded as gcc 12
// words it, with gcc's note where it has one.
type OptionError struct{ Msg, Note string }

func (e *OptionError) Error() string { return e.Msg }

// SetOption reads one of gcc's diagnostic -f options, the text after
// "-f", as gcc 12 reads it (later ones overriding earlier ones):
//
//	diagnostics-column-unit=display|byte
//	diagnostics-column-origin=N           N from 0
//	diagnostics-format=text|json          gcc 12's values; also json-stderr
//	                                      and sarif-stderr (gcc 13's), and
//	                                      sarif (as --diagnostics-format)
//	[no-]diagnostics-show-caret
//
// gcc 13's json-file and sarif-file (a file beside the object) are
// refused: the diagnostics go to stderr. The colour options
// (-f[no-]diagnostics-color[=WHEN]) need the environment, and are read by
// ColorWhen. Anything else is an *OptionError.
func (p *Printer) SetOption(opt string) error {
	name, value, hasValue := strings.Cut(opt, "=")
	switch {
	case name == "diagnostics-column-unit":
		switch u := ColumnUnit(value); u {
		case DisplayColumns, ByteColumns:
			p.ColumnUnit = u
			return nil
		}
		return &OptionError{Msg: "unrecognized argument in option '-f" + opt + "'",
			Note: "valid arguments to '-fdiagnostics-column-unit=' are: byte display"}
	case name == "diagnostics-column-origin":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || strings.TrimLeft(value, "0123456789") != "" {
			return &OptionError{Msg: "argument to '-fdiagnostics-column-origin=' should be a non-negative integer"}
		}
		p.ColumnOrigin = &n
		return nil
	case name == "diagnostics-format" && hasValue:
		switch value {
		case "text":
			p.Format = Text
		case "json", "json-stderr":
			p.Format = JSON
		case "sarif", "sarif-stderr":
			p.Format = SARIF
		case "json-file", "sarif-file":
			return &OptionError{Msg: "'-f" + opt + "' is not supported: diagnostics are written to standard error",
				Note: "use '-fdiagnostics-format=" + strings.TrimSuffix(value, "-file") + "' and redirect standard error"}
		default:
			return &OptionError{Msg: "unrecognized argument in option '-f" + opt + "'",
				Note: "valid arguments to '-fdiagnostics-format=' are: json json-stderr sarif sarif-stderr text"}
		}
		return nil
	case opt == "diagnostics-show-caret":
		p.Caret = true
		return nil
	case opt == "no-diagnostics-show-caret":
		p.Caret = false
		return nil
	}
	return &OptionError{Msg: "unrecognized command-line option '-f" + opt + "'"}
}

// ColorWhen reads gcc's colour options, the text after "-f":
// "diagnostics-color=always|never|auto", "diagnostics-color" (always) and
// "no-diagnostics-color" (never). It returns when, as --color takes it,
// and ok false for any other option (for SetOption); an unknown WHEN is
// an *OptionError worded as gcc 12 words it.
func ColorWhen(opt string) (when string, ok bool, err error) {
	switch opt {
	case "diagnostics-color":
		return "always", true, nil
	case "no-diagnostics-color":
		return "never", true, nil
	}
	value, found := strings.CutPrefix(opt, "diagnostics-color=")
	if !found {
		return "", false, nil
	}
	switch value {
	case "always", "never", "auto":
		return value, true, nil
	}
	return "", true, &OptionError{Msg: "unrecognized argument in option '-f" + opt + "'",
		Note: "valid arguments to '-fdiagnostics-color=' are: always auto never"}
}

// PrintUsageError prints err, a mistake of the command line, as gcc's
// driver prints one: "TOOL: error: MESSAGE", then "TOOL: note: NOTE" for
// an *OptionError with gcc's note ("valid arguments to ... are: ...") or
// a *SwitchError (the warnings there are).
func PrintUsageError(w io.Writer, tool string, err error) {
	fmt.Fprintf(w, "%s: error: %v\n", tool, err)
	var se *SwitchError
	var oe *OptionError
	note := ""
	switch {
	case errors.As(err, &se):
		note = "the warnings are " + strings.Join(se.Known, ", ")
	case errors.As(err, &oe):
		note = oe.Note
	}
	if note != "" {
		fmt.Fprintf(w, "%s: note: %s\n", tool, note)
	}
}
