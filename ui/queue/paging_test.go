package queue

import (
	"context"
	"fmt"
	"regexp"
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

// TestALongTicketIsCutNotTheTeam: a long external_id takes the contact
// column's spare room and shows whole where that is enough (120
// columns); where it is not (100), its cell is cut with "…" and the TEAM
// column stays. The promise was once "the ID whole, the team column goes
// for it": issue 18 §5 turned it round, because the team is what a lead
// sorts by, and the whole ID is one key away (the preview, the pane, y).
func TestALongTicketIsCutNotTheTeam(t *testing.T) {
	const id = "CH2bec36426f4e4c8b9d0a1b2c3d4e5f60"
	s := session(0)
	s.TicketingSystem = &api.TicketingSystem{Name: "twilio_flex", ExternalID: id, IDType: "conversation_sid"}
	s.Team = &api.Team{ID: "t1", Name: "Billing"}
	l := &loopingLister{next: func(string) string { return "" }, items: func(string) []api.Session { return []api.Session{s, session(1)} }}
	for _, tt := range []struct {
		width int
		whole bool
	}{{120, true}, {100, false}} {
		m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, false, now).SetSize(tt.width, 20)
		m, cmd := m.Reload()
		m = run(m, cmd)
		v := m.View()
		if !strings.Contains(v, "TEAM") || !strings.Contains(v, "Billing") || !strings.Contains(v, "Customer 00000") {
			t.Errorf("at %d columns the team or the contact is gone:\n%s", tt.width, v)
		}
		if got := strings.Contains(v, id); got != tt.whole {
			t.Errorf("at %d columns the external_id shows whole: %v, want %v:\n%s", tt.width, got, tt.whole, v)
		}
		if _, cell, _ := strings.Cut(v, "Billing"); !tt.whole && !regexp.MustCompile(`CH2bec364\w*…`).MatchString(cell) {
			t.Errorf("at %d columns the cut external_id does not say it is cut:\n%s", tt.width, v)
		}
		if got := m.Selected().TicketingSystem.ExternalID; got != id {
			t.Errorf("the row's session holds %q, want the whole ID", got)
		}
	}
}
