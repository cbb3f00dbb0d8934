//go:build unix

package privatefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReplaceWritesThroughALink: config.toml or the key file kept in a
// dotfiles folder and linked into the config folder stays a link after a
// write-back; the file it points to gets the data, 0600, replaced whole in
// its own folder (nothing left beside it), whether the link is relative,
// absolute, or a chain of links.
func TestReplaceWritesThroughALink(t *testing.T) {
	for _, tt := range []struct {
		name string
		link func(t *testing.T, link, target string)
	}{
		{"absolute", func(t *testing.T, link, target string) { symlink(t, target, link) }},
		{"relative", func(t *testing.T, link, target string) {
			rel, err := filepath.Rel(filepath.Dir(link), target)
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, link)
		}},
		{"a chain", func(t *testing.T, link, target string) {
			middle := filepath.Join(filepath.Dir(filepath.Dir(link)), "middle.toml") // config/middle.toml → the dotfiles copy
			symlink(t, target, middle)
			symlink(t, "../middle.toml", link)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dots, conf := filepath.Join(root, "dotfiles", "cxi"), filepath.Join(root, "config", "cxi")
			for _, d := range []string{dots, conf} {
				if err := os.MkdirAll(d, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			target, link := filepath.Join(dots, "config.toml"), filepath.Join(conf, "config.toml")
			if err := os.WriteFile(target, []byte("old\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			tt.link(t, link, target)
			before, _ := os.Readlink(link)

			if err := Replace(link, []byte("new\n")); err != nil {
				t.Fatal(err)
			}
			info, err := os.Lstat(link)
			if err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("the link became %v (%v): the dotfiles copy goes stale", info.Mode(), err)
			}
			if after, _ := os.Readlink(link); after != before {
				t.Errorf("the link now points to %q, was %q", after, before)
			}
			if b, err := os.ReadFile(target); err != nil || string(b) != "new\n" {
				t.Errorf("the target holds %q (%v), want the new data", b, err)
			}
			if info, err := os.Stat(target); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("the target's mode is %v (%v), want 0600", info.Mode().Perm(), err)
			}
			for _, d := range []string{dots, conf} {
				if entries, _ := os.ReadDir(d); len(entries) != 1 {
					t.Errorf("%s holds %v, want only its file", d, names(entries))
				}
			}
		})
	}
}

// TestReplaceRefusesALinkToNothingOrNoFile: a link that points nowhere is
// not followed to create a file where it points, and one to a FIFO or a
// folder is refused; each says what the link is, and nothing is written.
func TestReplaceRefusesALinkToNothingOrNoFile(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, to, says string
	}{
		{"dangling", filepath.Join(root, "dotfiles", "config.toml"), "is a symbolic link to " + filepath.Join(root, "dotfiles", "config.toml") + ", which does not exist"},
		{"to a FIFO", fifo, "named pipe"},
		{"to a folder", root, "a directory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			link := filepath.Join(t.TempDir(), "config.toml")
			symlink(t, tt.to, link)
			err := Replace(link, []byte("new\n"))
			if err == nil || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), link) {
				t.Errorf("Replace through a link %s: %v, want it refused saying %q", tt.name, err, tt.says)
			}
			if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v %v", info.Mode(), err)
			}
			if _, err := os.Stat(filepath.Join(root, "dotfiles")); !errors.Is(err, os.ErrNotExist) {
				t.Error("a folder was made where the dangling link points")
			}
		})
	}
}

func symlink(t *testing.T, to, link string) {
	t.Helper()
	if err := os.Symlink(to, link); err != nil {
		t.Fatal(err)
	}
}

func names(entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
