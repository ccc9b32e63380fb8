package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
//
// Windows also refuses to replace a read-only file, which POSIX systems
// replace: its read-only attribute is cleared for the rename (tmp carries
// it already) and put back if the rename fails.
func replace(tmp, path string) (err error) {
	if info, serr := os.Stat(path); serr == nil && info.Mode().Perm()&0o200 == 0 {
		if err := os.Chmod(path, 0o666); err != nil {
			return err
		}
		defer func() {
			if err != nil {
				os.Chmod(path, info.Mode().Perm())
			}
		}()
	}
	err = robustio.Rename(tmp, path)
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
