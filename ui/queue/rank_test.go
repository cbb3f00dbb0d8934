package queue

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
)

// statusLister serves sessions newest first in pages of size, filtered by
// status as the API does, and counts the requests per status.
type statusLister struct {
	mu    sync.Mutex
	all   []api.Session
	size  int
	calls map[api.Status]int
}

func (l *statusLister) ListSessions(_ context.Context, p api.ListParams) (*api.SessionPage, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls == nil {
		l.calls = map[api.Status]int{}
	}
	l.calls[p.Status]++
	var match []api.Session
	for _, s := range l.all {
		if p.Status == "" || s.Status == p.Status {
			match = append(match, s)
		}
	}
	start := 0
	fmt.Sscan(p.Cursor, &start)
	end := min(start+l.size, len(match))
	page := &api.SessionPage{Items: append([]api.Session(nil), match[start:end]...)}
	if end < len(match) {
		page.Next = fmt.Sprint(end)
	}
	return page, nil
}

// runAll runs cmd and everything it leads to, batches included, feeding
// each message back as the program would.
func runAll(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case nil:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runAll(m, c)
		}
		return m
	default:
		var next tea.Cmd
		m, next = m.Update(msg)
		return runAll(m, next)
	}
}

// urgentOldest is 150 unresolved sessions and 75 resolved ones, where the
// most urgent of all (handed off, angry) is the oldest unresolved one, on
// the last page of its status.
func urgentOldest() *statusLister {
	l := &statusLister{size: 25}
	calm := api.SentimentHappy
	for i := range 225 {
		s := session(i)
		s.Sentiment, s.Handoff = &calm, nil
		s.Status = []api.Status{api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}[i%3]
		l.all = append(l.all, s)
	}
	angry := api.SentimentAngry
	last := &l.all[223] // the oldest closed_unresolved
	last.Sentiment, last.Handoff = &angry, &api.Handoff{Summary: "refund owed"}
	return l
}

func TestAttentionRanksTheWholeUnresolvedSet(t *testing.T) {
	l := urgentOldest()
	m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, false, now).SetSize(120, 30)
	m, cmd := m.Reload()
	m = runAll(m, cmd)
	if got := m.Selected().ID; got == l.all[223].ID {
		t.Fatal("the test wants the urgent session beyond the first page")
	}
	before := l.calls[""]
	m, cmd = press(m, "!")
	if v := m.View(); !strings.Contains(v, "ranking · ") {
		t.Errorf("the header does not say it is ranking:\n%s", v)
	}
	m = runAll(m, cmd)
	if got := m.Selected(); got == nil || got.ID != l.all[223].ID {
		t.Fatalf("top row %v, want the oldest, most urgent session %s", got, l.all[223].ID)
	}
	if v := m.View(); !strings.Contains(v, "attention · all 150 unresolved ranked") {
		t.Errorf("the header does not say the order is final:\n%s", v)
	}
	// 75 open and 75 unresolved sessions in pages of 25: 3 + 3 requests
	// (the last page of each ends it), and the queue's own paging is left alone.
	if l.calls[api.StatusOpen] != 3 || l.calls[api.StatusClosedUnresolved] != 3 || l.calls[""] != before {
		t.Errorf("requests: %v (the queue's own before: %d)", l.calls, before)
	}
	// Off again: back to newest first, and no walk left running.
	m, cmd = press(m, "!")
	if cmd != nil || !strings.Contains(m.View(), "order: newest") {
		t.Errorf("! again: cmd %v\n%s", cmd != nil, m.View())
	}
	// Newest first again, the sessions the ranking added among the others
	// by their time (AGE read "1d, 2w, 1d").
	for i := 1; i < len(m.view); i++ {
		a, b := m.rows[m.view[i-1]].updated, m.rows[m.view[i]].updated
		if b > a {
			t.Fatalf("row %d is newer than row %d after ! was turned off", i, i-1)
		}
	}
}

func TestRankingStopsAtTheCap(t *testing.T) {
	l := &statusLister{size: 100}
	for i := range RankCap + 300 {
		s := session(i)
		s.Status = api.StatusOpen
		s.UpdatedAt = api.Timestamp{Time: now.Add(-time.Duration(i) * time.Second)}
		l.all = append(l.all, s)
	}
	m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, true, now).SetSize(120, 30)
	m, cmd := m.Reload()
	m = runAll(m, cmd)
	if l.calls[api.StatusOpen] != RankCap/100 {
		t.Errorf("%d pages of open sessions, want %d (the cap)", l.calls[api.StatusOpen], RankCap/100)
	}
	if l.calls[api.StatusClosedUnresolved] != 0 {
		t.Error("the walk went on past the cap")
	}
	if v := m.View(); !strings.Contains(v, "the first 2000 unresolved ranked (cap reached)") {
		t.Errorf("the cap is not said:\n%s", v)
	}
}

func TestResolvedFilterNeedsNoRanking(t *testing.T) {
	l := urgentOldest()
	m := New(theme(), DefaultKeyMap(), l, filter.Filters{Status: api.StatusClosedResolved}, true, now).SetSize(120, 30)
	m, cmd := m.Reload()
	runAll(m, cmd)
	if l.calls[api.StatusOpen]+l.calls[api.StatusClosedUnresolved] != 0 {
		t.Errorf("ranking asked for unresolved sessions under a resolved filter: %v", l.calls)
	}
}

// failingRank is a statusLister whose status-filtered walks (the ranking's)
// fail while down is set; the queue's own pages never do.
type failingRank struct {
	*statusLister
	down bool
}

func (l *failingRank) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	if l.down && p.Status != "" {
		return nil, &api.Error{Kind: api.KindServer, Status: 503, BaseURL: "https://api.example.test"}
	}
	return l.statusLister.ListSessions(ctx, p)
}

// TestRefreshAfterAFailedRankingRanksAgain: when the ranking's walk
// fails, the header says so and names the key; that key ranks the whole
// set again and refreshes the first page, and the most urgent session
// comes to the top.
func TestRefreshAfterAFailedRankingRanksAgain(t *testing.T) {
	l := &failingRank{statusLister: urgentOldest(), down: true}
	m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, true, now).SetSize(120, 30)
	m, cmd := m.Reload()
	m = runAll(m, cmd)
	if v := m.View(); !strings.Contains(v, "ranking failed") || !strings.Contains(v, "r retries") {
		t.Fatalf("a failed ranking is not said, with its key:\n%s", v)
	}
	if got := m.Selected(); got != nil && got.ID == l.all[223].ID {
		t.Fatal("the urgent session is on top without the ranking")
	}

	l.down = false
	pages := l.calls[""]
	m, cmd = m.Refresh()
	m = runAll(m, cmd)
	if got := m.Selected(); got == nil || got.ID != l.all[223].ID {
		t.Fatalf("top row %v after r, want the oldest, most urgent session %s", got, l.all[223].ID)
	}
	if v := m.View(); !strings.Contains(v, "attention · all 150 unresolved ranked") {
		t.Errorf("the header does not say the order is final:\n%s", v)
	}
	if l.calls[""] == pages {
		t.Error("r ranked again but did not refresh the queue's first page")
	}
}
