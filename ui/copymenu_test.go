package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
)

func TestCopyMenu(t *testing.T) {
	star := demoSession(t, 0)
	var copied []string
	m := startedModel(t, &stubClient{sessions: map[string]*api.Session{star.ID: star}}, func(o *Options) {
		o.Copier = clipboard.Copier{Native: func(s string) error { copied = append(copied, s); return nil }, Mode: clipboard.Off}
		o.SessionURL = "https://app.example/inbox/{id}"
	})
	m = press(m, "enter", "c")
	v := m.View()
	for _, want := range []string{"external_id", "ZD-884213", "ticket number", "884213", "contact email", "dana.whitfield@example.com", "https://app.example/inbox/" + star.ID, "Markdown summary"} {
		if !strings.Contains(v, want) {
			t.Errorf("menu lacks %q:\n%s", want, v)
		}
	}
	m = press(m, "esc")
	for i, want := range []string{"ZD-884213", "884213", star.ID, "dana.whitfield@example.com", "https://app.example/inbox/" + star.ID} {
		m = press(m, "c", string(rune('1'+i)))
		if got := copied[len(copied)-1]; got != want {
			t.Errorf("entry %d copied %q, want %q", i+1, got, want)
		}
	}
	m = press(m, "c", "down", "down", "down", "down", "down", "enter")
	md := copied[len(copied)-1]
	if !strings.HasPrefix(md, "**Session**") || !strings.Contains(md, "\n> ") {
		t.Errorf("Markdown summary: %q", md)
	}
	if !strings.Contains(m.View(), "Copied the Markdown summary (") {
		t.Errorf("status:\n%s", m.View())
	}
	// esc closes without copying.
	n := len(copied)
	m = press(m, "c", "esc")
	if !m.overlays.Empty() || len(copied) != n {
		t.Error("esc did not just close the menu")
	}
}

func TestCopyMenuSaysWhatIsMissing(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(1)})
	m = press(m, "enter", "c", "1")
	if !strings.Contains(m.View(), "Nothing to copy: no ticketing system.") {
		t.Errorf("view:\n%s", m.View())
	}
	m = press(m, "c", "5")
	if !strings.Contains(m.View(), "no session_url in config.toml") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestOpenInBrowser(t *testing.T) {
	var opened []string
	m := startedModel(t, &stubClient{sessions: stubSessions(1)}, func(o *Options) {
		o.SessionURL = "https://app.example/s/{id}"
		o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	})
	press(m, "o")
	if len(opened) != 1 || opened[0] != "https://app.example/s/"+stubID(0) {
		t.Errorf("opened %q", opened)
	}
	// Over SSH (no opener) the link is copied instead.
	var copied []string
	m = startedModel(t, &stubClient{sessions: stubSessions(1)}, func(o *Options) {
		o.SessionURL = "https://app.example/s/{id}"
		o.Copier = clipboard.Copier{Native: func(s string) error { copied = append(copied, s); return nil }, Mode: clipboard.Off}
	})
	press(m, "o")
	if len(copied) != 1 || !strings.Contains(copied[0], stubID(0)) {
		t.Errorf("copied %q", copied)
	}
	// A browser that fails: the link is copied instead.
	copied = nil
	m = startedModel(t, &stubClient{sessions: stubSessions(1)}, func(o *Options) {
		o.SessionURL = "https://app.example/s/{id}"
		o.OpenURL = func(string) error { return errors.New("xdg-open: not found") }
		o.Copier = clipboard.Copier{Native: func(s string) error { copied = append(copied, s); return nil }, Mode: clipboard.Off}
	})
	m = press(m, "o")
	if len(copied) != 1 || !strings.Contains(m.View(), "Copied https://app.example/s/") {
		t.Errorf("copied %q, view:\n%s", copied, m.View())
	}
}
