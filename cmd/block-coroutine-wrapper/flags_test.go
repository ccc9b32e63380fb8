package main

import (
	"io"
	"reflect"
	"testing"
)

// TestFlagHelp: flagHelp gives every flag and argument of the model its
// help, once, and names nothing the model does not have; kong's own
// --help keeps its text. No help is left in a tag, where every run would
// pay for it again (see flagHelp).
func TestFlagHelp(t *testing.T) {
	ft := reflect.TypeOf(flags{})
	for i := range ft.NumField() {
		if ft.Field(i).Tag.Get("help") != "" {
			t.Errorf("flags.%s has help in its tag; put it in flagHelp", ft.Field(i).Name)
		}
	}
	var f flags
	app := newParser(&f, env{stdout: io.Discard, stderr: io.Discard}).Model
	values := map[string]string{}
	for _, v := range app.Positional {
		values[v.Name] = v.Help
	}
	for _, fl := range app.Flags {
		values[fl.Name] = fl.Help
	}
	if len(values) != len(app.Positional)+len(app.Flags) {
		t.Fatalf("two flags or arguments of the model share a name: %v", values)
	}
	seen := map[string]bool{}
	for _, h := range flagHelp {
		if _, ok := values[h.name]; !ok {
			t.Errorf("flagHelp names %q, which is no flag or argument of the command line", h.name)
		}
		if seen[h.name] {
			t.Errorf("flagHelp names %q twice", h.name)
		}
		seen[h.name] = true
		if h.help == "" {
			t.Errorf("flagHelp gives %q no text", h.name)
		}
	}
	for name, help := range values {
		switch {
		case name == "help":
			if help == "" {
				t.Errorf("kong's --help lost its help")
			}
		case !seen[name]:
			t.Errorf("--%s has no help in flagHelp", name)
		}
	}
	if app.Help != description() {
		t.Errorf("the model's description is %q, not description()", app.Help)
	}
}
