//go:build unix

package privatefile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReplaceLeavesOnlyAPrivateFile: the data replaces a file that was
// open to others, the file is 0600 afterwards, a missing folder is made
// 0700, and no temporary file is left beside it.
func TestReplaceLeavesOnlyAPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cxi")
	path := filepath.Join(dir, "config.toml")
	if err := Replace(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Replace(path, []byte("second\n")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "second\n" {
		t.Errorf("read %q, %v", b, err)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v, %v; want %04o", p, info.Mode().Perm(), err, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want the one", len(entries))
	}
}
