//go:build unix

package config

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSaveActionsWritesThroughALinkedConfig: a config.toml linked from a
// dotfiles folder stays a link when the menu's options are remembered;
// the dotfiles copy gets them, and only them.
func TestSaveActionsWritesThroughALinkedConfig(t *testing.T) {
	dots := filepath.Join(t.TempDir(), "dotfiles")
	if err := os.Mkdir(dots, 0o700); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dots, "cxi.toml")
	if err := os.WriteFile(target, []byte(doc(`theme = "dark" # mine`)), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cxi", "config.toml")
	if err := os.Mkdir(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../"+filepath.Base(filepath.Dir(dots))+"/dotfiles/cxi.toml", path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the test's relative link leads nowhere: %v", err)
	}
	if err := SaveActions(path, StatusOptions{Summary: true}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("config.toml became %v (%v): the dotfiles copy goes stale", info.Mode(), err)
	}
	want := doc(`theme = "dark" # mine`, ``, `[actions]`, `helpdesk = false`, `summary = true`)
	if b, _ := os.ReadFile(target); string(b) != want {
		t.Errorf("the dotfiles copy holds\n%s\nwant\n%s", b, want)
	}
	if c, err := Load(path); err != nil || !c.Actions.Summary {
		t.Errorf("Load through the link: %+v %v", c.Actions, err)
	}
}

// TestSaveActionsSaysWhatCannotBeWritten: a link that leads nowhere and a
// folder that cannot hold the file are refused with the file's name and
// why, never a temporary file's.
func TestSaveActionsSaysWhatCannotBeWritten(t *testing.T) {
	dangling := filepath.Join(t.TempDir(), "config.toml")
	if err := os.Symlink("/nonexistent/dotfiles/cxi.toml", dangling); err != nil {
		t.Fatal(err)
	}
	wantErr(t, SaveActions(dangling, StatusOptions{}), dangling+" is a symbolic link to /nonexistent/dotfiles/cxi.toml, which does not exist")

	file := filepath.Join(t.TempDir(), "cxi")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	under := filepath.Join(file, "config.toml") // its folder is a file: root cannot write there either
	wantErr(t, SaveActions(under, StatusOptions{}), "cannot read "+under+": not a directory")

	if os.Geteuid() == 0 {
		return // root writes into a read-only folder
	}
	ro := filepath.Join(t.TempDir(), "cxi")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	inRO := filepath.Join(ro, "config.toml")
	wantErr(t, SaveActions(inRO, StatusOptions{}), "cannot write "+inRO+": permission denied")
}
