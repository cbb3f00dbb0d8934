package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/keys"
)

// writeConfig writes doc to a private config.toml in a fresh directory.
func writeConfig(t *testing.T, doc string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil { // whatever the umask
		t.Fatal(err)
	}
	return path
}

// load writes doc and loads it.
func load(t *testing.T, doc string) (Config, error) {
	t.Helper()
	return Load(writeConfig(t, doc))
}

// doc joins a document's lines, so that a test can count them.
func doc(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// smallKeyMap has a few of the default bindings, the rest zero, to show
// that zero bindings neither conflict nor stop a remap.
func smallKeyMap() keys.Map {
	d := keys.Default()
	return keys.Map{Refresh: d.Refresh, CopyExternalID: d.CopyExternalID, Transcript: d.Transcript,
		Status: d.Status, PageDown: d.PageDown, ForceQuit: d.ForceQuit}
}

// wantErr fails unless err's text contains every part.
func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one containing %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q\ndoes not contain %q", err, p)
		}
	}
}
