package config

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestPreviewSetting: [queue] preview is "auto" (or absent: the preview
// shows on a wide terminal), "on" or "off"; anything else is an error
// naming the line and the three values.
func TestPreviewSetting(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  *bool
	}{{"", nil}, {`"auto"`, nil}, {`"on"`, ptr(true)}, {`"off"`, ptr(false)}} {
		text := doc(`[queue]`)
		if tc.value != "" {
			text = doc(`[queue]`, `preview = `+tc.value)
		}
		c, err := load(t, text)
		if err != nil {
			t.Fatalf("%s: %v", tc.value, err)
		}
		if (c.Preview == nil) != (tc.want == nil) || c.Preview != nil && *c.Preview != *tc.want {
			t.Errorf("preview = %s reads as %v, want %v", tc.value, c.Preview, tc.want)
		}
	}
	_, err := load(t, doc(`theme = "dark"`, `[queue]`, `preview = "wide"`))
	wantErr(t, err, "config.toml:3", `preview "wide" is not one of "auto", "on", "off"`)
	_, err = load(t, doc(`[queue]`, `preview = true`))
	wantErr(t, err, "config.toml:2", `"auto", "on" or "off"`)
}

func ptr(b bool) *bool { return &b }

// TestSavePreviewChangesOnlyItsKey: the preview's toggle is written as
// [queue] preview, every other line, comment and value kept; a missing
// [queue] is added at the end, a missing file made private.
func TestSavePreviewChangesOnlyItsKey(t *testing.T) {
	for _, tc := range []struct {
		name, before, after string
		on                  bool
	}{
		{"there",
			doc(`# mine`, `[queue]`, `status = "open" # kept`, `preview = "auto" # comment`, `[actions]`, `helpdesk = true`),
			doc(`# mine`, `[queue]`, `status = "open" # kept`, `preview = "off" # comment`, `[actions]`, `helpdesk = true`),
			false},
		{"table without it",
			doc(`[queue]`, `status = "open"`, `[keys]`, `refresh = ["r"]`),
			doc(`[queue]`, `preview = "on"`, `status = "open"`, `[keys]`, `refresh = ["r"]`),
			true},
		{"no table",
			doc(`theme = "dark"`, `[actions]`, `summary = true`),
			doc(`theme = "dark"`, `[actions]`, `summary = true`, ``, `[queue]`, `preview = "on"`),
			true},
		{"empty file", "", doc(`[queue]`, `preview = "off"`), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, tc.before)
			if err := SavePreview(path, tc.on); err != nil {
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
			if err != nil || c.Preview == nil || *c.Preview != tc.on {
				t.Errorf("loads as %v, %v; want %v", c.Preview, err, tc.on)
			}
			if info, err := os.Stat(path); runtime.GOOS != "windows" && (err != nil || info.Mode().Perm() != 0o600) {
				t.Errorf("mode %v, %v", info.Mode(), err)
			}
		})
	}
}

func TestSavePreviewCreatesAMissingFileAndLeavesABadOneAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxi", "config.toml")
	if err := SavePreview(path, true); err != nil {
		t.Fatal(err)
	}
	if c, err := Load(path); err != nil || c.Preview == nil || !*c.Preview {
		t.Errorf("%v %v", c.Preview, err)
	}
	if info, err := os.Stat(path); runtime.GOOS != "windows" && (err != nil || info.Mode().Perm() != 0o600) {
		t.Errorf("mode %v, %v", info.Mode(), err)
	}
	bad := doc(`[queue]`, `preview = "sideways"`)
	path = writeConfig(t, bad)
	wantErr(t, SavePreview(path, false), "config.toml:2", `preview "sideways"`)
	if got, _ := os.ReadFile(path); string(got) != bad {
		t.Errorf("a file Load refuses was changed:\n%s", got)
	}
	inline := doc(`queue = { status = "open" }`)
	path = writeConfig(t, inline)
	wantErr(t, SavePreview(path, false), "inline table", "by hand")
	wantErr(t, SavePreview("", true), "no config file")
}
