package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func theme() *styles.Theme { return styles.Plain() }

// pager serves n generated sessions in pages of size, recording each call.
type pager struct {
	mu     sync.Mutex
	all    []api.Session
	size   int
	calls  []api.ListParams
	ctxs   []context.Context
	failAt string // cursor that fails
}

func newPager(n, size int) *pager {
	p := &pager{size: size}
	for i := range n {
		p.all = append(p.all, session(i))
	}
	return p
}

func session(i int) api.Session {
	sentiments := []api.Sentiment{api.SentimentAngry, api.SentimentNeutral, api.SentimentHappy}
	statuses := []api.Status{api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}
	sent := sentiments[i%3]
	name := fmt.Sprintf("Customer %05d", i)
	s := api.Session{
		ID:        fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
		Status:    statuses[i%3],
		Sentiment: &sent,
		Channel:   api.Channel{Type: api.ChannelWeb},
		Contact:   &api.Contact{ID: "c", Name: &name},
		UpdatedAt: api.Timestamp{Time: now.Add(-time.Duration(i) * time.Minute)},
	}
	if i%4 == 0 {
		s.Handoff = &api.Handoff{Summary: "needs a human"}
	}
	return s
}

func (p *pager) ListSessions(ctx context.Context, params api.ListParams) (*api.SessionPage, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, params)
	p.ctxs = append(p.ctxs, ctx)
	if params.Cursor != "" && params.Cursor == p.failAt {
		return nil, errors.New("HTTP 500")
	}
	start := 0
	fmt.Sscan(params.Cursor, &start)
	end := min(start+p.size, len(p.all))
	page := &api.SessionPage{Items: append([]api.Session(nil), p.all[start:end]...)}
	if end < len(p.all) {
		page.Next = fmt.Sprint(end)
	}
	return page, nil
}

// run executes a command and feeds its message back, as the program would.
func run(m Model, cmd tea.Cmd) Model {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return m
		}
		m, cmd = m.Update(msg)
	}
	return m
}

func loadedQueue(t *testing.T, p *pager) Model {
	t.Helper()
	// 20 lines: a 25-session page overflows it, so no page is fetched
	// just to fill the screen.
	m := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).SetSize(120, 20)
	m, cmd := m.Reload()
	return run(m, cmd)
}

func press(m Model, k string) (Model, tea.Cmd) {
	msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
	switch k {
	case "up":
		msg = tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		msg = tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		msg = tea.KeyMsg{Type: tea.KeyPgDown}
	}
	return m.Update(msg)
}

func TestPagingIsInvisibleAndHappensOnce(t *testing.T) {
	p := newPager(100, 25)
	m := loadedQueue(t, p)
	if m.Loaded() != 25 || len(p.calls) != 1 {
		t.Fatalf("loaded %d in %d calls", m.Loaded(), len(p.calls))
	}
	// Move to within the margin of the end: one request, not one per key.
	var cmds []tea.Cmd
	for range 16 {
		var cmd tea.Cmd
		m, cmd = press(m, "down")
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("%d page requests while nearing the end, want 1", len(cmds))
	}
	m, cmd := press(m, "G")
	if cmd != nil || !m.Loading() {
		t.Fatal("a second request for the same page")
	}
	if !strings.Contains(m.View(), "loading more sessions") {
		t.Errorf("no loading row at the bottom:\n%s", m.View())
	}
	m = run(m, cmds[0])
	if m.Loaded() != 50 {
		t.Fatalf("loaded %d after the second page", m.Loaded())
	}
	// To the very end: every page, then the end is shown as such.
	for m.Loaded() < 100 {
		m, cmd = press(m, "G")
		m = run(m, cmd)
	}
	m, _ = press(m, "G")
	if !m.End() || !strings.Contains(m.View(), "end of the list: 100 sessions") {
		t.Errorf("end not shown:\n%s", m.View())
	}
	if m.Selected().ID != session(99).ID {
		t.Errorf("selected %s", m.Selected().ID)
	}
}

func TestFilterChangeCancelsTheOldQueryAndDropsItsPage(t *testing.T) {
	p := newPager(100, 25)
	m := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).SetSize(120, 30)
	m, first := m.Reload()
	oldMsg := first() // the first query's page, not yet delivered
	m, second := pick(t, m, "s", "1")
	if second == nil {
		t.Fatal("changing the status filter started no query")
	}
	if ctx := p.ctxs[0]; ctx.Err() == nil {
		t.Error("the old query's context was not cancelled")
	}
	m, _ = m.Update(oldMsg)
	if m.Loaded() != 0 {
		t.Fatal("a page of the old query was shown")
	}
	m = run(m, second)
	if got := p.calls[len(p.calls)-1].Status; got != api.StatusOpen {
		t.Errorf("status sent %q", got)
	}
	if !strings.Contains(m.View(), "status: open") {
		t.Errorf("filter bar:\n%s", m.View())
	}
}

func TestFiltersBecomeQueryParameters(t *testing.T) {
	f := filter.Filters{Status: api.StatusClosedUnresolved, Channel: api.ChannelWeb, Window: 24 * time.Hour}.ToggleHandedOff()
	q := f.Params(now).Query()
	want := map[string]string{
		"status":        "closed_unresolved",
		"handed_off":    "true",
		"channel_type":  "web",
		"updated_after": now.Add(-24 * time.Hour).Format(time.RFC3339),
	}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("%s = %q, want %q (query %s)", k, q.Get(k), v, q.Encode())
		}
	}
	if q.Has("cursor") || q.Has("created_after") {
		t.Errorf("unexpected parameters: %s", q.Encode())
	}
	// Every picker comes back to "any", its first value.
	m := New(theme(), DefaultKeyMap(), newPager(0, 25), f, false, now).SetSize(120, 20)
	for _, k := range []string{"s", "C", "w"} {
		m, _ = pick(t, m, k, "0")
	}
	if g := m.Filters(); g != (filter.Filters{HandedOff: true}) {
		t.Errorf("the pickers did not come back to any: %+v", g)
	}
}

func TestLocalTextFilter(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	// Each word in a cell: customers 00010 … 00019, and 00001, whose
	// name holds "0001" after "customer 0".
	m = m.SetText("customer 0001")
	if m.Len() != 11 {
		t.Fatalf("%d rows match, want 11", m.Len())
	}
	if !strings.Contains(m.View(), `11 of 25 loaded sessions match "customer 0001"`) {
		t.Errorf("filter bar:\n%s", m.View())
	}
	m = m.SetText("handed off")
	if m.Len() != 7 {
		t.Errorf("%d handed-off rows, want 7", m.Len())
	}
	m = m.SetText("")
	if m.Len() != 25 {
		t.Errorf("%d rows after clearing", m.Len())
	}
}

func TestAttentionOrder(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	m, _ = press(m, "!")
	var got []*api.Session
	for pos := range m.Len() {
		got = append(got, decodeOrStub(m.rows[m.view[pos]]))
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if needsHuman(a) != needsHuman(b) {
			if !needsHuman(a) {
				t.Fatalf("row %d needs a human but comes after one that does not", i)
			}
			continue
		}
		if sentimentRank(a) > sentimentRank(b) {
			t.Fatalf("row %d: %s before %s", i, *a.Sentiment, *b.Sentiment)
		}
		if sentimentRank(a) == sentimentRank(b) && a.UpdatedAt.Time.After(b.UpdatedAt.Time) {
			t.Fatalf("row %d: newer before older", i)
		}
	}
	if !needsHuman(got[0]) || *got[0].Sentiment != api.SentimentAngry {
		t.Errorf("first row: %+v", got[0])
	}
}

func TestRefreshKeepsTheSelection(t *testing.T) {
	p := newPager(60, 25)
	m := loadedQueue(t, p)
	m, _ = press(m, "down")
	m, _ = press(m, "down")
	want := m.Selected().ID
	// Two new sessions arrive at the top.
	p.mu.Lock()
	fresh := []api.Session{session(900), session(901)}
	for i := range fresh {
		fresh[i].UpdatedAt.Time = now.Add(time.Duration(i+1) * time.Minute)
	}
	p.all = append(fresh, p.all...)
	p.mu.Unlock()
	m, cmd := m.Refresh()
	m = run(m, cmd)
	if m.Selected().ID != want {
		t.Errorf("selection moved to %s, want %s", m.Selected().ID, want)
	}
	if m.Loaded() != 27 {
		t.Errorf("loaded %d after a refresh that brought 2 new", m.Loaded())
	}
	if m.rows[0].id != session(900).ID {
		t.Error("new sessions are not at the top")
	}
	// A session that stopped matching (it left the first page though it
	// is recent) is dropped on the next refresh; older ones stay.
	p.mu.Lock()
	p.all = append(p.all[:2], p.all[3:]...) // session 0 is gone
	p.mu.Unlock()
	m, cmd = m.Refresh()
	m = run(m, cmd)
	if m.position(session(0).ID) >= 0 {
		t.Error("a session that no longer matches is still listed")
	}
	if m.Loaded() != 26 {
		t.Errorf("loaded %d after the second refresh, want 26", m.Loaded())
	}
}

func TestTextFilterDoesNotPageThroughEverything(t *testing.T) {
	p := newPager(2000, 25)
	m := loadedQueue(t, p)
	m = m.SetText("customer 0000")
	calls := len(p.calls)
	for range 5 {
		var cmd tea.Cmd
		m, cmd = press(m, "down")
		m = run(m, cmd)
	}
	if len(p.calls) != calls {
		t.Fatalf("%d page requests while moving inside a filtered list", len(p.calls)-calls)
	}
	// Pushing past the last match asks for one more page, no more.
	m, _ = press(m, "G")
	m, cmd := press(m, "down")
	run(m, cmd)
	if len(p.calls) != calls+1 {
		t.Errorf("%d page requests after pushing past the end, want 1", len(p.calls)-calls)
	}
}

func TestPageErrorIsShownAndRetried(t *testing.T) {
	p := newPager(60, 25)
	p.failAt = "25"
	m := loadedQueue(t, p)
	m, cmd := press(m, "G")
	m = run(m, cmd)
	if !strings.Contains(m.View(), "Could not load more sessions: HTTP 500") {
		t.Fatalf("no error row:\n%s", m.View())
	}
	p.failAt = ""
	m, cmd = m.LoadMore()
	m = run(m, cmd)
	if m.Loaded() != 50 {
		t.Errorf("loaded %d after retry", m.Loaded())
	}
}

func TestColumnsDropAsTheTerminalNarrows(t *testing.T) {
	m := loadedQueue(t, newPager(5, 25))
	for _, w := range []int{160, 120, 80, 60, 40} {
		m = m.SetSize(w, 20)
		v := m.View()
		for _, l := range strings.Split(v, "\n") {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %q is %d wide", w, l, lipgloss.Width(l))
			}
		}
		titles := strings.Split(v, "\n")[1]
		for _, must := range []string{"STATUS", "MOOD", "CONTACT", "AGE"} {
			if !strings.Contains(titles, must) {
				t.Errorf("width %d lost the %s column: %q", w, must, titles)
			}
		}
		if w >= 120 && !strings.Contains(titles, "TEAM") {
			t.Errorf("width %d has no TEAM column: %q", w, titles)
		}
		if w <= 60 && strings.Contains(titles, "TEAM") {
			t.Errorf("width %d keeps the TEAM column: %q", w, titles)
		}
	}
}

func TestNeighbourFollowsTheScreenOrder(t *testing.T) {
	m := loadedQueue(t, newPager(10, 25))
	m, _ = press(m, "!")
	first := decodeOrStub(m.rows[m.view[0]])
	second := decodeOrStub(m.rows[m.view[1]])
	if got := m.Neighbour(first.ID, 1); got == nil || got.ID != second.ID {
		t.Errorf("next of the first row is %v", got)
	}
	if m.Neighbour(first.ID, -1) != nil {
		t.Error("the first row has a previous one")
	}
	m, _ = m.Select(second.ID)
	if m.Selected().ID != second.ID {
		t.Error("Select did not move the cursor")
	}
}

func TestHostileRowsDrawNoControls(t *testing.T) {
	evil := "\x1b]52;c;cm0gLXJmIH4K\x07Eve\u202e\x1b[31m\x9b\x00"
	sent := api.Sentiment(evil)
	s := api.Session{
		ID: "00000000-0000-4000-8000-000000000001", Status: api.Status(evil), Sentiment: &sent,
		Channel: api.Channel{Type: api.ChannelType(evil)}, Contact: &api.Contact{Name: &evil},
		Team:            &api.Team{Name: evil},
		TicketingSystem: &api.TicketingSystem{Name: api.SystemName(evil), ExternalID: evil},
	}
	p := &pager{size: 25, all: []api.Session{s}}
	m := loadedQueue(t, p)
	for _, w := range []int{120, 60} {
		v := m.SetSize(w, 10).SetText("eve").View()
		for _, r := range v {
			if r != '\n' && (r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u202e') {
				t.Fatalf("control %U in the queue at width %d:\n%q", r, w, v)
			}
		}
		if !strings.Contains(v, "Eve") {
			t.Errorf("the name was lost:\n%s", v)
		}
	}
}
