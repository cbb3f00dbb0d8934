//go:build unix

package auth

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAKeyFileLinkedFromDotfiles: a key file that is a link into the
// user's dotfiles gets the key written through it, 0600, the link kept;
// and deleting the key leaves it nowhere, neither at the link nor where it
// led (removing only the link would keep the key on disk).
func TestAKeyFileLinkedFromDotfiles(t *testing.T) {
	dir, dots := t.TempDir(), t.TempDir()
	target := filepath.Join(dots, "cxi-key")
	if err := os.WriteFile(target, []byte("old-key-0000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	store := KeySources{Dir: dir}
	if err := os.Symlink(target, store.KeyFile()); err != nil {
		t.Fatal(err)
	}
	if src, err := store.Save(secret); err != nil || src != SourceFile {
		t.Fatalf("Save: %v %v", src, err)
	}
	if info, err := os.Lstat(store.KeyFile()); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the key file's link became %v (%v)", info.Mode(), err)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != secret+"\n" {
		t.Errorf("the linked file holds %q (%v)", b, err)
	}
	if info, err := os.Stat(target); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the linked file's mode is %v (%v), want 0600", info.Mode().Perm(), err)
	}
	if key, src, err := store.Key(); err != nil || key != secret || src != SourceFile {
		t.Errorf("Key: %q %v %v", key, src, err)
	}

	if got, err := store.Delete(); err != nil || len(got) != 1 || got[0] != SourceFile {
		t.Fatalf("Delete = %v, %v", got, err)
	}
	for _, p := range []string{store.KeyFile(), target} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there after the key was deleted (%v)", p, err)
		}
	}
}
