package transcript

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// TestBottomLoadsTheRestAndLandsOnTheLastEvent: G is the end of the
// history, not of the pages loaded so far.
func TestBottomLoadsTheRestAndLandsOnTheLastEvent(t *testing.T) {
	b := newBook(400, 50)
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	if m.Loaded() == 400 {
		t.Fatal("the test wants a history longer than what the first screen loads")
	}
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	if v := m.View(); !strings.Contains(v, "loading the rest of the history") {
		t.Errorf("G does not say it is loading the rest:\n%s", v)
	}
	m = run(m, cmd)
	if m.Loaded() != 400 || b.calls != 8 {
		t.Fatalf("after G: %d events in %d pages, want all 400 in 8", m.Loaded(), b.calls)
	}
	v := m.View()
	if !strings.Contains(v, "message 399 says something") || !strings.Contains(v, "end of the history: 400 events") {
		t.Errorf("G did not land on the last event:\n%s", v)
	}
}

// repeater serves the same page, with the same cursor, every time.
type repeater struct{ calls int }

func (r *repeater) History(context.Context, string, string) (*api.HistoryPage, error) {
	r.calls++
	return &api.HistoryPage{Items: []api.Event{{ID: "e1", Type: "message", Text: "once"}, {ID: "e2", Type: "message", Text: "twice"}}, Next: "same"}, nil
}

func TestARepeatedCursorEndsPagingAndAddsNothingTwice(t *testing.T) {
	r := &repeater{}
	m := New(theme(), DefaultKeyMap(), r, "s1", now).SetSize(80, 40)
	m, cmd := m.Start()
	m = run(m, cmd)
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	m = run(m, cmd)
	if r.calls != 2 || m.Loaded() != 2 {
		t.Fatalf("%d requests, %d events: want 2 and 2", r.calls, m.Loaded())
	}
	if v := m.View(); !strings.Contains(v, "the server repeated a page cursor; stopped after 2 pages") {
		t.Errorf("no reason given:\n%s", v)
	}
}
