package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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
func makePrivateFile(path string) (notice string, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, fileMode)
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
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if info.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(p, fileMode); err != nil {
			return "", err
		}
		loose = append(loose, fmt.Sprintf("%s (was %04o)", filepath.Base(p), info.Mode().Perm()))
	}
	if len(loose) == 0 {
		return "", nil
	}
	return "Made the local store private (0600): " + strings.Join(loose, ", ") + ".", nil
}
