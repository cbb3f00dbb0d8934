//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// refused opens o and expects no store and one notice that says what is
// at the path named and that it is not followed.
func refused(t *testing.T, o Options, what string) {
	t.Helper()
	s, notices, err := Open(o)
	if s != nil {
		s.Close()
	}
	if s != nil || err != nil || len(notices) != 1 || !strings.HasPrefix(notices[0], "Not remembering this run: the local store ") ||
		!strings.Contains(notices[0], what) {
		t.Errorf("store %v, err %v, notices %q; want one saying %q", s, err, notices, what)
	}
}

// TestADanglingLinkIsNotFollowed: a symlink where the store file should be,
// to a file that does not exist, does not make cxi create its database at
// the link's target, outside the store folder; the link stays as it was.
func TestADanglingLinkIsNotFollowed(t *testing.T) {
	dir := stateDir(t)
	must(t, os.MkdirAll(dir, dirMode))
	target := filepath.Join(t.TempDir(), "elsewhere.sqlite")
	path := File(options(dir))
	must(t, os.Symlink(target, path))
	refused(t, options(dir), "is a symbolic link (to "+target+")")
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was made: %v", err)
	}
	if got, err := os.Readlink(path); err != nil || got != target {
		t.Errorf("the link was changed: %q %v", got, err)
	}
	// cxi store, which opens only what is there, is told the same.
	o := options(dir)
	o.Existing = true
	refused(t, o, "is a symbolic link")
}

// TestALinkToAFileIsNotFollowed: a symlink to an existing file (0644) does
// not get its target made 0600, written or read as the store.
func TestALinkToAFileIsNotFollowed(t *testing.T) {
	dir := stateDir(t)
	must(t, os.MkdirAll(dir, dirMode))
	target := filepath.Join(t.TempDir(), "notes.txt")
	must(t, os.WriteFile(target, []byte("someone's file"), 0o644))
	must(t, os.Chmod(target, 0o644)) // whatever the umask
	must(t, os.Symlink(target, File(options(dir))))
	refused(t, options(dir), "is a symbolic link")
	info, err := os.Stat(target)
	if err != nil || info.Mode().Perm() != 0o644 || info.Size() != int64(len("someone's file")) {
		t.Errorf("the target changed: %v %v", info.Mode(), err)
	}
}

// TestALinkedLogIsNotFollowed: the -wal and -shm beside the store are
// SQLite's, opened by it at their names: a link there is refused as well,
// and its target neither made nor chmodded.
func TestALinkedLogIsNotFollowed(t *testing.T) {
	for _, suffix := range []string{"-wal", "-shm"} {
		t.Run(suffix, func(t *testing.T) {
			dir := stateDir(t)
			mustOpen(t, options(dir)).Close() // a store that works
			path := File(options(dir))
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			target := filepath.Join(t.TempDir(), "elsewhere"+suffix)
			must(t, os.Symlink(target, path+suffix))
			refused(t, options(dir), filepath.Base(path+suffix)+" is a symbolic link")
			if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the link's target was made: %v", err)
			}
		})
	}
}

// TestALinkedDamageMarkIsNotWritten: the mark that says a store is
// damaged is written without following a link there, so no file
// elsewhere is emptied by it.
func TestALinkedDamageMarkIsNotWritten(t *testing.T) {
	s := fresh(t)
	target := filepath.Join(t.TempDir(), "precious.txt")
	must(t, os.WriteFile(target, []byte("keep me"), 0o600))
	must(t, os.Symlink(target, s.Path()+damageMark))
	s.markDamaged()
	if b, err := os.ReadFile(target); err != nil || string(b) != "keep me" {
		t.Errorf("the link's target was written: %q %v", b, err)
	}
}

// TestAFIFOIsNotAStore: a named pipe where the store file should be is
// refused at once, as the key and config files refuse one.
func TestAFIFOIsNotAStore(t *testing.T) {
	dir := stateDir(t)
	must(t, os.MkdirAll(dir, dirMode))
	if err := syscall.Mkfifo(File(options(dir)), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	refused(t, options(dir), "is a named pipe (FIFO), not a regular file")
}

// TestALinkedFolderIsFollowed: the store folder itself may be a link (a
// home directory whose ~/.local/state lives on another disk): that is the
// user's own layout, and the files inside it are still cxi's, 0600 in a
// folder made 0700.
func TestALinkedFolderIsFollowed(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real")
	must(t, os.MkdirAll(real, dirMode))
	link := filepath.Join(t.TempDir(), "cxi")
	must(t, os.Symlink(real, link))
	mustOpen(t, options(link)).Close()
	if _, err := os.Stat(filepath.Join(real, filepath.Base(File(options(link))))); err != nil {
		t.Errorf("the store is not in the linked folder: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
