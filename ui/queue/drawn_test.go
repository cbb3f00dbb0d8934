package queue

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
)

// drawnAfresh is the queue's screen with nothing cached: what every frame
// must equal, however the cache got there.
func drawnAfresh(m Model) string {
	m.drawn, m.bar = nil, nil
	return m.View()
}

// TestCachedRowsFollowTheirRows changes what a row shows in every way a
// user can, each after the rows were drawn and cached, and checks that
// the screen is what it would be drawn from nothing.
func TestCachedRowsFollowTheirRows(t *testing.T) {
	key := func(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now)
	m.mem = &fakeMemory{}
	m = withRows(m.SetSize(100, 20), 50)
	m, _ = m.Update(key('j'))
	fresh := session(3)
	angry := api.SentimentAngry
	fresh.Sentiment, fresh.Status = &angry, api.StatusClosedResolved
	steps := []struct {
		name string
		do   func(Model) Model
	}{
		{"j twice", func(m Model) Model { m, _ = m.Update(key('j')); m, _ = m.Update(key('j')); return m }},
		{"k", func(m Model) Model { m, _ = m.Update(key('k')); return m }},
		{"space picks a row", func(m Model) Model { m, _ = m.Update(key(' ')); return m }},
		{"reviewed", func(m Model) Model { return m.SetMark(session(0).ID, store.Mark{ReviewedAt: now.Add(-2 * time.Hour)}) }},
		{"saving", func(m Model) Model {
			return m.Acted(common.WriteEvent{Saving: map[string]api.Status{session(1).ID: api.StatusClosedResolved}})
		}},
		{"a fresher copy", func(m Model) Model {
			return m.Acted(common.WriteEvent{Settled: []string{session(1).ID}, Fresh: &fresh})
		}},
		{"the clock moves", func(m Model) Model { return m.SetNow(now.Add(3 * time.Hour)) }},
		{"narrower", func(m Model) Model { return m.SetSize(70, 20) }},
		{"a filter", func(m Model) Model { return m.SetText("customer 0000") }},
	}
	for _, s := range steps {
		m = s.do(m)
		if got, want := m.View(), drawnAfresh(m); got != want {
			t.Fatalf("after %s the screen is not what the rows draw:\n%s\nwant:\n%s", s.name, got, want)
		}
	}
	if m.drawn == nil || len(m.drawn.lines) == 0 {
		t.Fatal("no row was cached: j would draw every row")
	}
}
