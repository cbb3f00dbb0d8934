package privatefile

import (
	"os"
	"path/filepath"
	"runtime"
)

// Replace puts data at path at once: a temporary file beside it, made
// 0600 before anything is written to it, synced, then renamed over the
// old one. A reader never sees half of it, and an existing file with a
// looser mode never receives the data. The folder is made 0700 when
// missing. Windows has no such mode bits: a failed chmod there is no error.
func Replace(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*")
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
	return os.Rename(tmp.Name(), path)
}
