package queue

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
)

// loopingLister is a server gone wrong: its pages point at next() for the
// cursor asked, and hold the sessions items() gives.
type loopingLister struct {
	next  func(cursor string) string
	items func(cursor string) []api.Session
	calls int
}

func (l *loopingLister) ListSessions(_ context.Context, p api.ListParams) (*api.SessionPage, error) {
	l.calls++
	if l.calls > 100 {
		return nil, fmt.Errorf("paged %d times", l.calls)
	}
	return &api.SessionPage{Items: l.items(p.Cursor), Next: l.next(p.Cursor)}, nil
}

func TestPagingEndsWhenTheServerRepeatsACursor(t *testing.T) {
	tests := []struct {
		name  string
		l     *loopingLister
		pages int
		rows  int
		says  string
	}{
		{
			name: "the same cursor on every page, the same sessions on each",
			l: &loopingLister{next: func(string) string { return "again" },
				items: func(string) []api.Session { return []api.Session{session(0), session(1)} }},
			pages: 2, rows: 2, says: "the server repeated a page cursor; stopped after 2 pages",
		},
		{
			name: "a cycle of three cursors",
			l: &loopingLister{next: func(c string) string { return map[string]string{"": "a", "a": "b", "b": "c", "c": "a"}[c] },
				items: func(c string) []api.Session {
					return []api.Session{session(map[string]int{"": 0, "a": 1, "b": 2, "c": 3}[c])}
				}},
			pages: 4, rows: 4, says: "the server repeated a page cursor; stopped after 4 pages",
		},
		{
			name: "empty pages, each with a new next",
			l: &loopingLister{next: func(c string) string { return c + "+" },
				items: func(c string) []api.Session {
					if c == "" {
						return []api.Session{session(0)}
					}
					return nil
				}},
			pages: 6, rows: 1, says: "the server sent 5 empty pages in a row; stopped after 6 pages",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(theme(), DefaultKeyMap(), tt.l, filter.Filters{}, false, now).SetSize(120, 40)
			m, cmd := m.Reload()
			m = run(m, cmd)
			if tt.l.calls != tt.pages {
				t.Errorf("%d page requests, want %d", tt.l.calls, tt.pages)
			}
			if m.Loaded() != tt.rows {
				t.Errorf("%d rows, want %d (no session twice)", m.Loaded(), tt.rows)
			}
			if v := m.View(); !strings.Contains(v, tt.says) {
				t.Errorf("the queue does not say why paging stopped:\n%s", v)
			}
			if _, cmd := m.LoadMore(); cmd != nil {
				t.Error("LoadMore asks for more after paging was stopped")
			}
		})
	}
}

// TestTicketColumnShowsTheExternalIDWhole: a long external_id takes the
// contact column's padding and shows whole where the width allows.
func TestTicketColumnShowsTheExternalIDWhole(t *testing.T) {
	s := session(0)
	s.TicketingSystem = &api.TicketingSystem{Name: "twilio_flex", ExternalID: "CH2bec36426f4e4c8b9d0a1b2c3d4e5f60", IDType: "conversation_sid"}
	l := &loopingLister{next: func(string) string { return "" }, items: func(string) []api.Session { return []api.Session{s, session(1)} }}
	for _, width := range []int{120, 100} {
		m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, false, now).SetSize(width, 20)
		m, cmd := m.Reload()
		m = run(m, cmd)
		if v := m.View(); !strings.Contains(v, "CH2bec36426f4e4c8b9d0a1b2c3d4e5f60") || !strings.Contains(v, "Customer 00000") {
			t.Errorf("at %d columns the external_id or the contact is cut:\n%s", width, v)
		}
	}
}
