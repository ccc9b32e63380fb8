package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/rogpeppe/go-internal/robustio"
)

// replace renames tmp over path (MoveFileEx, replacing). Windows refuses
// while another process has path open without sharing its deletion (an
// editor, a virus scanner, the search indexer, a compiler reading it),
// with ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION, mostly for a
// moment: robustio.Rename retries for up to 2 s, as the go command does.
// If it is still refused, the error names path and says why; path keeps
// its old contents (the caller removes tmp).
func replace(tmp, path string) error {
	err := robustio.Rename(tmp, path)
	var errno syscall.Errno
	if errors.As(err, &errno) && (errno == syscall.ERROR_ACCESS_DENIED || errno == errSharingViolation) {
		return &fs.PathError{Op: "replace", Path: path, Err: fmt.Errorf(
			"refused by Windows for about 2 s, as it is while another process has the file open (%v); it keeps its old contents", errno)}
	}
	return err
}

// errSharingViolation is ERROR_SHARING_VIOLATION, which package syscall
// does not name.
const errSharingViolation syscall.Errno = 32
