//go:build !windows

package atomicfile

import "os"

// replace renames tmp over path. On POSIX systems this is atomic and works
// whoever has path open: readers keep the old file.
func replace(tmp, path string) error {
	return os.Rename(tmp, path)
}
