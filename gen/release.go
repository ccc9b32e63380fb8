package gen

import (
	"errors"

	"github.com/bcwtool/block-coroutine-wrapper/gen/diag"
	"github.com/bcwtool/block-coroutine-wrapper/gen/qemutree"
)

// The release to generate for, when --qemu does not say: the release of the
// QEMU source tree the inputs lie in (package qemutree), so that a QEMU tree
// that swaps its script for this tool needs no new flag. This step only
// chooses the dialect and names the files that chose it; it runs before any
// input is read.

// chooseRelease sets r.dialect from the QEMU tree of the named inputs and
// the scanned directories, unless --qemu set it, and returns the files the
// depfile must list because they chose it: the tree's VERSION and
// top-level meson.build. Inputs outside any tree keep the current dialect.
// A VERSION that cannot be read or parsed, and inputs in trees of
// different releases (VERSIONs), are errors.
func (r *run) chooseRelease() (deps []string) {
	if r.cfg.Dialect != nil {
		return nil
	}
	diags := &r.rep.Diags
	finder := qemutree.NewFinder(r.cfg.Dir)
	var chosen *qemutree.Tree
	look := func(path string, isDir bool) {
		t, err := finder.Find(path, isDir)
		var te *qemutree.Error
		switch {
		case errors.As(err, &te):
			if !diags.HasErrors() {
				diags.Add(diag.Errorf(diag.QEMURelease, diag.Pos{File: ShownPath(te.Path)}, "%v", te.Err))
			}
		case t == nil || chosen != nil && t.Root == chosen.Root:
		case chosen == nil:
			chosen = t
		case t.Release != chosen.Release:
			// Even releases that share a dialect (7.1 and 7.2) are refused:
			// inputs from two releases' trees are a mistake in the build,
			// and nothing says which release the output is for.
			if !diags.HasErrors() {
				diags.Add(diag.Errorf(diag.QEMURelease, diag.Pos{File: ShownPath(t.Version)},
					"the inputs lie in QEMU trees of different releases: %s (QEMU %s) and %s (QEMU %s); choose one with --qemu",
					ShownPath(chosen.Root), chosen.Release, ShownPath(t.Root), t.Release))
			}
		default:
			// Another tree of the same release (two checkouts of one
			// VERSION): both trees' files chose the dialect.
			deps = append(deps, t.Version, t.MesonBuild)
		}
	}
	for _, in := range r.cfg.Inputs {
		look(in, false)
	}
	for _, dir := range r.cfg.Scan {
		look(dir, true)
	}
	if chosen == nil || diags.HasErrors() {
		return nil
	}
	r.dialect, r.tree = chosen.Dialect, chosen
	return append([]string{chosen.Version, chosen.MesonBuild}, deps...)
}

// noteRelease returns the note --verbose prints first (of rule
// diag.QEMURelease, so that SARIF places it under a described rule), whenever a release
// was chosen (also when the run then fails): the release generated for
// and what chose it.
func (r *run) noteRelease() diag.Diagnostic {
	n := r.releaseNote()
	n.ID = diag.QEMURelease
	return n
}

// releaseNote words noteRelease.
func (r *run) releaseNote() diag.Diagnostic {
	d := r.dialect
	switch {
	case r.cfg.Dialect != nil && r.cfg.Qemu == "":
		// A library caller that set Config.Dialect itself.
		return diag.Notef(diag.Pos{File: Tool}, "generating for %s (dialect %s), as the caller's Config.Dialect says", d.Releases, d.Name)
	case r.cfg.Dialect != nil:
		return diag.Notef(diag.Pos{File: Tool}, "generating for %s (dialect %s), as --qemu %s says", d.Releases, d.Name, r.cfg.Qemu)
	case r.tree != nil:
		t := r.tree
		return diag.Notef(diag.Pos{File: ShownPath(t.Version)}, "generating for %s (dialect %s): the inputs lie in the QEMU tree at %s, release %s", d.Releases, d.Name, ShownPath(t.Root), t.Release)
	}
	return diag.Notef(diag.Pos{File: Tool}, "generating for %s (dialect %s), the newest: the inputs lie in no QEMU tree and --qemu is not given", d.Releases, d.Name)
}
