// Package privatefile opens and replaces the files cxi keeps to their owner, config.toml
// and the key file, without ever waiting on something that is not a file:
// os.Open of a FIFO blocks until a writer comes, a device may never end,
// and a directory cannot be read as one. Such a path is refused at once,
// with a sentence that says what it is.
package privatefile

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/opencx-tools/cxi/api/filekind"
)

// NotRegularError is a path that names something other than a regular file
// (a symlink to one is a regular file).
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", e.Path, filekind.Of(e.Mode))
}

// Open opens path for reading when it is a regular file, and returns it
// with the FileInfo of the file opened (whose mode the caller checks, not
// that of whatever the path names later). It looks before it opens, so a
// FIFO or a device is never opened at all, and opens without blocking
// where the system has the flag, so that one swapped in between the look
// and the open is refused as well, not waited on. A missing file is
// fs.ErrNotExist, as from os.Open.
func Open(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return f, info, nil
}
