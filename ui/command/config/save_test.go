package config

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestSaveActionsChangesOnlyTheTwoKeys(t *testing.T) {
	for _, tc := range []struct {
		name, before, after string
		o                   StatusOptions
	}{
		{"both there",
			doc(`# mine`, `theme = "dark"`, ``, `[actions]`, `helpdesk = false # comment`, `summary = true`, ``, `[queue]`, `status = "open"`),
			doc(`# mine`, `theme = "dark"`, ``, `[actions]`, `helpdesk = true # comment`, `summary = false`, ``, `[queue]`, `status = "open"`),
			StatusOptions{Helpdesk: true}},
		{"one there",
			doc(`[actions]`, `summary = false`, `[keys]`, `refresh = ["r"]`),
			doc(`[actions]`, `helpdesk = true`, `summary = true`, `[keys]`, `refresh = ["r"]`),
			StatusOptions{Helpdesk: true, Summary: true}},
		{"no table",
			doc(`theme = "dark"`, `[queue]`, `status = "open"`),
			doc(`theme = "dark"`, `[queue]`, `status = "open"`, ``, `[actions]`, `helpdesk = false`, `summary = true`),
			StatusOptions{Summary: true}},
		{"no final newline",
			`theme = "dark"`,
			doc(`theme = "dark"`, ``, `[actions]`, `helpdesk = true`, `summary = false`),
			StatusOptions{Helpdesk: true}},
		{"inline table",
			doc(`actions = { helpdesk = true, summary = true }`),
			doc(`actions = { helpdesk = false, summary = true }`),
			StatusOptions{Summary: true}},
		{"empty file", "", doc(`[actions]`, `helpdesk = true`, `summary = true`), StatusOptions{Helpdesk: true, Summary: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, tc.before)
			if err := SaveActions(path, tc.o); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.after {
				t.Errorf("file\n%s\nwant\n%s", got, tc.after)
			}
			c, err := Load(path)
			if err != nil || c.Actions != tc.o {
				t.Errorf("loads as %+v, %v; want %+v", c.Actions, err, tc.o)
			}
			if info, err := os.Stat(path); runtime.GOOS != "windows" && (err != nil || info.Mode().Perm() != 0o600) {
				t.Errorf("mode %v, %v", info.Mode(), err)
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("left beside it: %v", entries)
			}
		})
	}
}

func TestSaveActionsCreatesAMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxi", "config.toml")
	if err := SaveActions(path, StatusOptions{Helpdesk: true}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil || !c.Actions.Helpdesk || c.Actions.Summary {
		t.Errorf("%+v %v", c.Actions, err)
	}
	if info, err := os.Stat(path); runtime.GOOS != "windows" && (err != nil || info.Mode().Perm() != 0o600) {
		t.Errorf("mode %v, %v", info.Mode(), err)
	}
}

func TestSaveActionsLeavesABadFileAlone(t *testing.T) {
	bad := doc(`[actions]`, `helpdesk = "yes"`)
	path := writeConfig(t, bad)
	wantErr(t, SaveActions(path, StatusOptions{}), "config.toml:2", "actions.helpdesk must be true or false")
	if got, _ := os.ReadFile(path); string(got) != bad {
		t.Errorf("changed to %q", got)
	}
	if runtime.GOOS == "windows" {
		return
	}
	open := writeConfig(t, doc(`theme = "dark"`))
	if err := os.Chmod(open, 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr(t, SaveActions(open, StatusOptions{}), "accessible by other users")
}

func TestActionsAndReadOnlyAreStrict(t *testing.T) {
	_, err := load(t, doc(`[actions]`, `helpdsk = true`))
	wantErr(t, err, `config.toml:2: unknown key "helpdsk" in [actions] (known: helpdesk, summary)`)
	_, err = load(t, doc(`read_only = "yes"`))
	wantErr(t, err, "config.toml:1", "read_only must be true or false")
	c, err := load(t, doc(`read_only = true`))
	if err != nil || !c.ReadOnly {
		t.Errorf("%+v %v", c, err)
	}
}
