package tui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// TestOptionsAreRememberedWithoutAConfigFile: with no config.toml yet, the
// status menu's options are still remembered (the README's promise): the
// first toggle makes cxi/config.toml, 0600, in a 0700 folder, and the next
// start reads them.
func TestOptionsAreRememberedWithoutAConfigFile(t *testing.T) {
	home := filepath.Join(t.TempDir(), "config") // not there yet either
	e := env(nil)
	e.UserConfigDir = func() (string, error) { return home, nil }
	cfg, err := parse([]string{"--demo", "--no-store"}, e)
	if err != nil {
		t.Fatal(err)
	}
	opts, stop, err := Options(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Acting.Save == nil {
		t.Fatal("with no config.toml the menu's options have nowhere to be remembered")
	}
	if err := opts.Acting.Save(true, false); err != nil {
		t.Fatal(err)
	}
	path := config.Path(home)
	c, err := config.Load(path)
	if err != nil || !c.Actions.Helpdesk || c.Actions.Summary {
		t.Fatalf("config.toml reads %+v, %v", c.Actions, err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v (%v), want %04o", p, info.Mode().Perm(), err, want)
		}
	}
}
