package privatefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/opencx-tools/cxi/api/filekind"
)

// Replace puts data at path at once: a temporary file beside it, made
// 0600 before anything is written to it, synced, then renamed over the
// old one. A reader never sees half of it, and an existing file with a
// looser mode never receives the data. The folder is made 0700 when
// missing. Windows has no such mode bits: a failed chmod there is no error.
//
// When path is a symbolic link (config.toml kept with the user's dotfiles)
// the file it leads to is replaced, the same way, in its own folder, and
// the link stays: renamed over, the link would become a file of its own
// and the dotfiles copy would go stale. A link that leads nowhere, or to
// something other than a regular file, is refused (*LinkError): making a
// file wherever a link points is how a planted link steers a write.
func Replace(path string, data []byte) error {
	target, err := writeTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// writeTarget is the file Replace writes for path: path itself when it is
// a file or nothing yet, the file at the end of its links when it is a
// symbolic link.
func writeTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return path, nil
	case err != nil:
		return "", err
	case info.Mode()&fs.ModeSymlink == 0:
		if !info.Mode().IsRegular() {
			return "", &NotRegularError{Path: path, Mode: info.Mode()}
		}
		return path, nil
	}
	says, _ := os.Readlink(path) // for the message: the link as the user wrote it
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", &LinkError{Path: path, Target: says, Missing: true}
	}
	if err != nil {
		return "", err
	}
	info, err = os.Stat(target)
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		return "", &LinkError{Path: path, Target: says, Mode: info.Mode()}
	}
	return target, nil
}

// LinkError is a symbolic link Replace will not write through: it leads
// nowhere (Missing), or to something that is not a regular file (Mode).
type LinkError struct {
	Path    string
	Target  string // what the link says
	Missing bool
	Mode    fs.FileMode
}

func (e *LinkError) Error() string {
	if e.Missing {
		return fmt.Sprintf("%s is a symbolic link to %s, which does not exist: create that file, or put a file in the link's place", e.Path, e.Target)
	}
	return fmt.Sprintf("%s is a symbolic link to %s, which is %s, not a regular file", e.Path, e.Target, filekind.Of(e.Mode))
}
