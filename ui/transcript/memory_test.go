package transcript

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// shelf is a Memory that records what is kept and hands back a history.
type shelf struct {
	mu       sync.Mutex
	saves    []int // the number of events of each SaveHistory
	complete bool  // of the last one
	events   []api.Event
	whole    bool
}

func (s *shelf) SaveHistory(_ context.Context, _ string, events []api.Event, complete bool, _ time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saves, s.complete = append(s.saves, len(events)), complete
	return nil
}

func (s *shelf) History(context.Context, string) ([]api.Event, time.Time, bool, bool, error) {
	return s.events, now.Add(-time.Hour), s.whole, len(s.events) > 0, nil
}

// TestAWalkToTheEndIsKeptOnceItEnds: G reads every page; the store gets
// the history when the walk ends, not everything read so far again after
// each of its pages.
func TestAWalkToTheEndIsKeptOnceItEnds(t *testing.T) {
	b, mem := newBook(400, 50), &shelf{}
	m := New(theme(), DefaultKeyMap(), b, "s1", now).WithMemory(mem).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	opened := len(mem.saves)
	if opened == 0 || m.Loaded() == 400 {
		t.Fatalf("opening kept %d times with %d events loaded; want kept, with more to load", opened, m.Loaded())
	}
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	m = run(m, cmd)
	if m.Loaded() != 400 {
		t.Fatalf("G loaded %d events, want 400", m.Loaded())
	}
	if walk := mem.saves[opened:]; len(walk) != 1 || walk[0] != 400 || !mem.complete {
		t.Errorf("the walk kept %v (complete %v), want [400] once, complete", walk, mem.complete)
	}
}

// unreachableHistory is an API that cannot be reached.
type unreachableHistory struct{}

func (unreachableHistory) History(context.Context, string, string) (*api.HistoryPage, error) {
	return nil, &api.Error{Kind: api.KindUnreachable}
}

// TestOfflineSaysWhetherTheWholeHistoryWasKept: the store's copy may hold
// only the first pages; the tail says so rather than let them pass for
// the whole history.
func TestOfflineSaysWhetherTheWholeHistoryWasKept(t *testing.T) {
	for _, tt := range []struct {
		whole bool
		want  string
	}{
		{true, ": 6 events kept —"},
		{false, ": the first 6 events kept; the rest was never fetched —"},
	} {
		mem := &shelf{events: newBook(6, 6).events, whole: tt.whole}
		m := New(theme(), DefaultKeyMap(), unreachableHistory{}, "s1", now).WithMemory(mem).SetSize(100, 200)
		m, cmd := m.Start()
		m = run(m, cmd)
		if v := m.View(); !strings.Contains(v, "offline — as fetched at") || !strings.Contains(v, tt.want) {
			t.Errorf("whole %v: the tail does not say %q:\n%s", tt.whole, tt.want, v[max(0, len(v)-600):])
		}
	}
}

// flaky is an API out of reach until back is set.
type flaky struct {
	back bool
	book *book
}

func (f *flaky) History(ctx context.Context, id, cursor string) (*api.HistoryPage, error) {
	if !f.back {
		return nil, &api.Error{Kind: api.KindUnreachable}
	}
	return f.book.History(ctx, id, cursor)
}

// TestRefreshAsksTheAPIAgainOffline: r on the store's copy asks the API
// again from the first page, and what it answers replaces the copy (the
// offline badge and S/X's refusal go with it).
func TestRefreshAsksTheAPIAgainOffline(t *testing.T) {
	server := &flaky{book: newBook(8, 50)}
	m := New(theme(), DefaultKeyMap(), server, "s1", now).WithMemory(&shelf{events: newBook(3, 3).events, whole: true}).SetSize(100, 200)
	m, cmd := m.Start()
	if m = run(m, cmd); !m.Offline() || m.Loaded() != 3 {
		t.Fatalf("offline %v with %d events; want the store's 3", m.Offline(), m.Loaded())
	}
	server.back = true
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	if m = run(m, cmd); m.Offline() || m.Loaded() != 8 || !strings.Contains(m.View(), "end of the history: 8 events") {
		t.Errorf("after r: offline %v with %d events:\n%s", m.Offline(), m.Loaded(), m.View())
	}
}
