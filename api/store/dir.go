package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/opencx-tools/cxi/api/filekind"
)

// EnvDir names the environment variable that puts the store somewhere else:
// a directory for cxi alone, which cxi makes private (0700).
const EnvDir = "CXI_STATE_DIR"

// The modes of what the store writes: it holds customer names, emails,
// summaries and transcripts, which no other user of the machine may read.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// Dir is the directory that holds cxi's stores: CXI_STATE_DIR when set;
// on Linux and the other Unixes $XDG_STATE_HOME/cxi, else
// ~/.local/state/cxi (the XDG base directory spec's place for state that
// is worth keeping but is not configuration); on macOS and Windows the user
// config directory's cxi/, beside config.toml, as those systems have no
// separate place for state. getenv, goos, userConfigDir and home are the
// process's (os.Getenv, runtime.GOOS, os.UserConfigDir, os.UserHomeDir),
// passed in so that a test can be any system.
func Dir(getenv func(string) string, goos string, userConfigDir func() (string, error), home string) (string, error) {
	if d := strings.TrimSpace(getenv(EnvDir)); d != "" {
		return filepath.Clean(d), nil
	}
	switch goos {
	case "darwin", "ios", "windows":
		if userConfigDir == nil {
			return "", errors.New("no user config directory for the local store")
		}
		d, err := userConfigDir()
		if err != nil {
			return "", fmt.Errorf("no user config directory for the local store: %w", err)
		}
		return filepath.Join(d, "cxi"), nil
	}
	// The spec says a relative $XDG_STATE_HOME is invalid and to be ignored.
	if x := getenv("XDG_STATE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "cxi"), nil
	}
	if home == "" {
		return "", fmt.Errorf("no home directory for the local store (set %s or XDG_STATE_HOME)", EnvDir)
	}
	return filepath.Join(home, ".local", "state", "cxi"), nil
}

// makePrivateDir makes dir, 0700, and tightens an existing one that others
// may enter: the store's files are 0600 anyway, but their names say which
// organizations this user works for, and a file someone else created in a
// group-writable directory could be swapped in. Changing the mode of a
// directory cxi did not make is acceptable because the directory is, by
// definition, cxi's own (see EnvDir). It returns a notice when it changed a
// mode. Windows has no such mode bits; there nothing is checked.
func makePrivateDir(dir string) (notice string, err error) {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return "", err
	}
	info, err := os.Stat(dir)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s is not a directory", dir)
	}
	if runtime.GOOS == "windows" || info.Mode().Perm()&0o077 == 0 {
		return "", nil
	}
	if err := os.Chmod(dir, dirMode); err != nil {
		return "", fmt.Errorf("%s is open to other users (mode %04o) and cannot be made private: %w", dir, info.Mode().Perm(), err)
	}
	return fmt.Sprintf("Made %s private (it was %04o): the local store keeps customer data there.", dir, info.Mode().Perm()), nil
}

// makePrivateFile creates path 0600 before SQLite opens it, because SQLite
// creates a database 0644 and gives its -wal and -shm files the database's
// mode. A file that exists with a looser mode, and its -wal and -shm
// beside it, are tightened; the notice says so.
//
// None of the three is followed if it is a symlink, nor used if it is not
// a regular file (checkNotLinked): a link there would have cxi create its
// database at the link's target, outside the store folder, or make
// someone's file 0600. Such a path is refused rather than moved aside as
// a damaged store is: cxi never makes a link there, so someone did, and
// what they meant by it is theirs to undo. The folder itself may be a link
// (see makePrivateDir): that is the user's own layout.
func makePrivateFile(path string) (notice string, err error) {
	companions := []string{path, path + "-wal", path + "-shm"}
	for _, p := range companions {
		if err := checkNotLinked(p); err != nil {
			return "", err
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow|nonBlocking, fileMode)
	if err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if runtime.GOOS == "windows" {
		return "", nil
	}
	var loose []string
	for _, p := range companions {
		was, err := tighten(p)
		if err != nil {
			return "", err
		}
		if was != 0 {
			loose = append(loose, fmt.Sprintf("%s (was %04o)", filepath.Base(p), was))
		}
	}
	if len(loose) == 0 {
		return "", nil
	}
	return "Made the local store private (0600): " + strings.Join(loose, ", ") + ".", nil
}

// tighten makes the file at p 0600 when others may read it, through the
// file opened (not following a link), and returns the mode it had; 0 when
// it was private already or is not there.
func tighten(p string) (fs.FileMode, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|noFollow|nonBlocking, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if !info.Mode().IsRegular() {
		return 0, &notAFileError{name: filepath.Base(p), mode: info.Mode()}
	}
	perm := info.Mode().Perm()
	if perm&0o077 == 0 {
		return 0, nil
	}
	return perm, f.Chmod(fileMode)
}

// checkNotLinked refuses a path that is a symlink or something other than
// a regular file; one that does not exist is fine.
func checkNotLinked(p string) error {
	info, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(p)
		return &linkError{name: filepath.Base(p), target: target}
	case !info.Mode().IsRegular():
		return &notAFileError{name: filepath.Base(p), mode: info.Mode()}
	}
	return nil
}

// linkError is a symlink where a file of the store should be.
type linkError struct{ name, target string }

func (e *linkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link (to %s), and cxi does not follow one there: remove it, or set %s to the folder to keep the store in",
		e.name, e.target, EnvDir)
}

// notAFileError is something other than a file where a file of the store
// should be: a FIFO would hang SQLite, a directory cannot be one.
type notAFileError struct {
	name string
	mode fs.FileMode
}

func (e *notAFileError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", e.name, filekind.Of(e.mode))
}
