package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestEveryKeySaysWhatItDid: o, y in the transcript, esc on the full help,
// n with an ID in the input, ↑ through recent sessions.
func TestEveryKeySaysWhatItDid(t *testing.T) {
	sessions := stubSessions(3)
	sessions[stubID(1)].TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-1", IDType: "ticket_id"}
	var copied, opened []string
	m := startedModel(t, &stubClient{sessions: sessions}, func(o *Options) {
		o.SessionURL = "https://dash.example/s/{id}"
		o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
		o.Copier.Native = func(s string) error { copied = append(copied, s); return nil }
	})

	// o names what it opened.
	m = press(m, "o")
	if len(opened) != 1 || !strings.Contains(m.View(), "Opened https://dash.example/s/"+stubID(0)+" in the browser.") {
		t.Errorf("o: opened %q\n%s", opened, m.View())
	}

	// y in the transcript copies the session's external_id, or says why not.
	m = press(m, "down", "enter", "t")
	m = press(m, "y")
	if len(copied) != 1 || copied[0] != "ZD-1" || !strings.Contains(m.View(), "Copied ZD-1") {
		t.Errorf("y in the transcript: copied %q\n%s", copied, m.View())
	}
	m = press(m, "esc", "esc", "up", "enter", "t", "y")
	if !strings.Contains(m.View(), "has no ticketing system") {
		t.Errorf("y in the transcript without a ticket:\n%s", m.View())
	}

	// esc closes ? in every view.
	for _, open := range [][]string{{}, {"esc"}} {
		m = press(m, open...)
		m = press(m, "?")
		if !strings.Contains(m.View(), "all keys") {
			t.Fatalf("? did not open:\n%s", m.View())
		}
		m = press(m, "esc")
		if !m.overlays.Empty() {
			t.Errorf("esc left the full help open in view %v", m.view)
		}
	}
}

func TestTheInputFollowsTheSessionInView(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = typeText(m, stubID(0))
	m = press(m, "enter") // a lookup: the input holds its ID
	if m.bar.Value() != stubID(0) {
		t.Fatalf("input %q after the lookup", m.bar.Value())
	}
	m = press(m, "n")
	if got := m.session().ID; got != stubID(1) || m.bar.Value() != stubID(1) {
		t.Errorf("after n the pane shows %s and the input holds %q", got, m.bar.Value())
	}
	// A filter in the input is the queue n steps through: it stays.
	m = press(m, "esc")
	m = typeText(m, "Customer")
	m = send(m, tea.KeyMsg{Type: tea.KeyTab})
	m = press(m, "enter", "n")
	if m.bar.Value() != "Customer" {
		t.Errorf("n replaced the queue's filter with %q", m.bar.Value())
	}
}

func TestRecentSessionsNameTheirContact(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "enter", "esc", "down", "enter", "esc", "/", "up")
	if v := m.View(); !strings.Contains(v, "recent 1 of 2 · Customer 1 · enter opens "+stubID(1)) {
		t.Errorf("↑ does not name the contact:\n%s", v)
	}
}

func TestHelpListsOnlyKeysThatAct(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "enter", "?")
	v := m.View()
	for _, absent := range []string{"enter open", "status filter", "auto-refresh"} {
		if strings.Contains(v, absent) {
			t.Errorf("the detail view's help lists %q, which does nothing there:\n%s", absent, v)
		}
	}
	m = press(m, "esc", "t", "?")
	v = m.View()
	for _, absent := range []string{"t transcript", "status filter"} {
		if strings.Contains(v, absent) {
			t.Errorf("the transcript's help lists %q:\n%s", absent, v)
		}
	}
	// n, p and v act in the transcript too (issue 18 §10), and / searches it.
	for _, present := range []string{"n     next", "p     previous", "v raw JSON", "/     search"} {
		if !strings.Contains(v, present) {
			t.Errorf("the transcript's help lacks %q:\n%s", present, v)
		}
	}
}
