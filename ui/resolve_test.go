package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/overlay/picker"
)

func TestFindFromAnything(t *testing.T) {
	sessions := stubSessions(4)
	n := api.NumberOf(1234)
	sessions[stubID(1)].TicketNumber = &n
	sessions[stubID(2)].TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-884213", IDType: "ticket_id"}
	// Two sessions of the same contact.
	sessions[stubID(3)].Contact = sessions[stubID(0)].Contact
	client := &stubClient{sessions: sessions}

	open := func(text string) Model {
		m := startedModel(t, client)
		m.focusInput()
		m.bar = m.bar.SetValue(text)
		return press(m, "enter")
	}
	if m := open("#1234"); m.view != viewDetail || m.session().ID != stubID(1) {
		t.Errorf("#1234 opened %v", m.session())
	}
	if m := open("zd-884213"); m.view != viewDetail || m.session().ID != stubID(2) {
		t.Errorf("zd-884213 opened %v", m.session())
	}
	m := open("#999")
	if m.view != viewQueue || !strings.Contains(m.View(), "No session found for ticket 999") {
		t.Errorf("#999:\n%s", m.View())
	}
	// A name with two sessions opens the picker; enter opens the chosen one.
	m = startedModel(t, client)
	m.queue = m.queue.SetText("")
	m.focusInput()
	m.bar = m.bar.SetValue("customer 0")
	m.queue = m.queue.SetText("zzz") // nothing loaded matches: search the API
	m = press(m, "enter")
	if pk, ok := m.overlays.Top().(picker.Model); !ok || len(pk.Sessions()) != 2 {
		t.Fatalf("picker: %+v\n%s", m.overlays.Top(), m.View())
	}
	if v := m.View(); !strings.Contains(v, "2 sessions for name customer 0") {
		t.Errorf("picker view:\n%s", v)
	}
	m = press(m, "down", "enter")
	if m.view != viewDetail || m.session().ID != stubID(3) {
		t.Errorf("picked %v", m.session())
	}
}

func TestPickerKeepsTheCursorOnScreen(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 20})
	var found []api.Session
	for i := range 30 {
		found = append(found, api.Session{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i)})
	}
	m.overlays = m.overlays.Push(picker.New(m.ctx, "30 sessions", found, nil))
	for range 25 {
		m = press(m, "down")
	}
	v := m.View()
	if !strings.Contains(v, "› 00000000") {
		t.Errorf("the cursor left the screen:\n%s", v)
	}
	assertFits(t, v, 100, 20)
}

func TestRemappedPrintableKeysStillType(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) {
		o.Keys.SwitchFocus = key.NewBinding(key.WithKeys("tab", " "))
		o.Keys.Back = key.NewBinding(key.WithKeys("esc", "backspace"))
	})
	m = press(m, "/", "a", " ", "b")
	m = send(m, tea.KeyMsg{Type: tea.KeyBackspace})
	if m.focus != focusInput || m.bar.Value() != "a " {
		t.Errorf("focus %v, input %q", m.focus, m.bar.Value())
	}
}
