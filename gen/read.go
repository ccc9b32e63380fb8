package gen

import (
	"errors"
	"io"
	"os"
)

// readFiles reads the files at paths into pieces of one buffer, sized from
// their sizes as os.Stat gives them, and returns each file's bytes or the
// error reading it. One buffer rather than one for each file (as
// os.ReadFile would allocate) touches no more fresh pages than the bytes
// need: a run is short, and every page it touches first is a page fault
// (about 3 µs on a virtual machine); seven files of QEMU's headers in
// seven size classes left most of a page unused for each. A file that is
// not as long as its size said (a pipe, a file of /proc, one that changed
// since) is still read to its end.
func readFiles(paths []string) ([][]byte, []error) {
	srcs := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	sizes := make([]int, len(paths))
	total := 0
	for i, p := range paths {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			sizes[i] = int(info.Size())
			total += sizes[i]
		}
	}
	// The last byte is scratch, for the read that finds each file's end.
	buf := make([]byte, total+1)
	probe := buf[total:]
	off := 0
	for i, p := range paths {
		dst := buf[off : off+sizes[i] : off+sizes[i]]
		off += sizes[i]
		srcs[i], errs[i] = readInto(p, dst, probe)
	}
	return srcs, errs
}

// readInto reads the file at path into dst, which its size as os.Stat
// gave it fills; what is left after that (or all of it, for a size of 0)
// it reads into a buffer of its own. probe is one byte of scratch.
func readInto(path string, dst, probe []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	n, err := io.ReadFull(f, dst)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return dst[:n], nil // shorter than it was
	case err != nil:
		return nil, err
	}
	m, err := f.Read(probe)
	switch {
	case m == 0 && errors.Is(err, io.EOF):
		return dst, nil
	case m == 0 && err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	src := make([]byte, 0, n+m+len(rest))
	return append(append(append(src, dst...), probe[:m]...), rest...), nil
}
