package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/ui"
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

// smallKeyMap has a few bindings, the rest zero, as the brief of a test
// KeyMap: package main's defaults cannot be imported here.
func smallKeyMap() ui.KeyMap {
	return ui.KeyMap{
		Refresh:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		CopyExternalID: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy external_id")),
		Transcript:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "transcript")),
		Status:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status filter")),
		PageDown:       key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// fullKeyMap mirrors keymap.go's defaults, to check that the README's
// example applies cleanly to the real bindings.
func fullKeyMap() ui.KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return ui.KeyMap{
		Lookup:         b("enter", "open", "enter"),
		CopyExternalID: b("y", "copy external_id", "y"),
		CopySessionID:  b("Y", "copy session ID", "Y"),
		CopyMenu:       b("c", "copy…", "c"),
		OpenBrowser:    b("o", "open in browser", "o"),
		Refresh:        b("r", "refresh", "r"),
		FocusInput:     b("/", "filter / look up", "/"),
		SwitchFocus:    b("tab", "input ⇄ view", "tab"),
		Up:             b("↑/k", "up", "up", "k"),
		Down:           b("↓/j", "down", "down", "j"),
		PageUp:         b("pgup/b", "page up", "pgup", "b"),
		PageDown:       b("pgdn/f", "page down", "pgdown", "f", " "),
		HalfPageUp:     b("u", "half page up", "u", "ctrl+u"),
		HalfPageDown:   b("d", "half page down", "d", "ctrl+d"),
		Top:            b("g/home", "top", "home", "g"),
		Bottom:         b("G/end", "bottom", "end", "G"),
		Next:           b("n", "next", "n", "J", "]"),
		Prev:           b("p", "previous", "p", "K", "["),
		Transcript:     b("t", "transcript", "t"),
		Status:         b("s", "status filter", "s"),
		HandedOff:      b("h", "handed off only", "h"),
		Channel:        b("C", "channel filter", "C"),
		Window:         b("w", "updated within", "w"),
		Attention:      b("!", "needs-attention order", "!"),
		AutoRefresh:    b("a", "auto-refresh", "a"),
		Back:           b("esc", "back", "esc"),
		Help:           b("?", "all keys", "?"),
		Quit:           b("q", "quit", "q"),
		ForceQuit:      b("ctrl+c", "quit", "ctrl+c"),
	}
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
