package queue

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// fakeMemory is a Memory that holds every session but those in fresh, says
// the sessions in changed changed since the user looked, and gives the
// marks in marks.
type fakeMemory struct {
	mu      sync.Mutex
	fresh   map[string]bool
	changed map[string]bool
	marks   map[string]store.Mark
}

func (f *fakeMemory) SaveSessions(context.Context, []api.Session, time.Time) error { return nil }

func (f *fakeMemory) Session(_ context.Context, id string) (*api.Session, time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fresh[id] {
		return nil, time.Time{}, false, nil
	}
	return &api.Session{ID: id}, now, true, nil
}

func (f *fakeMemory) Changes(_ context.Context, sessions []api.Session) (map[string]store.Change, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]store.Change{}
	for _, s := range sessions {
		if f.changed[s.ID] {
			out[s.ID] = store.Change{SeenAt: now.Add(-time.Hour), Fields: []store.FieldChange{{Name: "status", Before: "open", After: "closed_unresolved"}}}
		}
	}
	return out, nil
}

func (f *fakeMemory) Marks(_ context.Context, ids []string) (map[string]store.Mark, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]store.Mark{}
	for _, id := range ids {
		if mk, ok := f.marks[id]; ok {
			out[id] = mk
		}
	}
	return out, nil
}

func (f *fakeMemory) Sync(context.Context, string) (time.Time, error) {
	return now.Add(-time.Hour), nil
}
func (f *fakeMemory) SetSync(context.Context, string, time.Time) error { return nil }

func shownIDs(m Model) []string {
	var ids []string
	for _, i := range m.view {
		ids = append(ids, m.rows[i].id)
	}
	return ids
}

// TestChangedNarrowsToChangedAndNew: * keeps the sessions that changed
// since the user looked, the new ones and those changed since reviewed,
// sends nothing, says so in the filter bar, and * again shows them all.
func TestChangedNarrowsToChangedAndNew(t *testing.T) {
	id := func(i int) string { return session(i).ID }
	mem := &fakeMemory{
		fresh:   map[string]bool{id(3): true},
		changed: map[string]bool{id(5): true},
		marks: map[string]store.Mark{
			id(7): {ReviewedAt: now.Add(-2 * time.Hour), ChangedSinceReview: true},
			id(9): {ReviewedAt: now.Add(-2 * time.Hour)}, // reviewed, unchanged: not kept
		},
	}
	p := newPager(25, 25)
	m := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).WithMemory(mem, nil, now.Add(-time.Hour)).SetSize(120, 20)
	m, cmd := m.Reload()
	m = run(m, cmd)
	calls := len(p.calls)

	m, cmd = press(m, "*")
	if cmd != nil {
		t.Errorf("* sent a request")
	}
	m = run(m, cmd)
	if got, want := strings.Join(shownIDs(m), ","), strings.Join([]string{id(3), id(5), id(7)}, ","); got != want {
		t.Errorf("* shows %s\nwant %s", got, want)
	}
	if !m.ChangedOnly() || len(p.calls) != calls {
		t.Errorf("changed only %v, %d requests after *", m.ChangedOnly(), len(p.calls)-calls)
	}
	v := m.View()
	if !strings.Contains(v, "* changed & new") {
		t.Errorf("the filter bar does not say * is on:\n%s", v)
	}
	if !strings.Contains(v, "3 of 25 loaded sessions match changed or new") {
		t.Errorf("tail:\n%s", v)
	}

	// Looking at a session leaves the view as it is until the next rebuild.
	m = m.Seen(id(5))
	if m.Len() != 3 {
		t.Errorf("Seen moved the rows under the cursor: %d shown", m.Len())
	}

	m, _ = press(m, "*")
	if m.ChangedOnly() || m.Len() != 25 || strings.Contains(m.View(), "changed & new") {
		t.Errorf("* again: changed only %v, %d shown:\n%s", m.ChangedOnly(), m.Len(), m.View())
	}
}

// TestChangedWithNothingChangedSaysSo: with nothing changed or new, *
// shows no rows and says why, naming the key that shows them all.
func TestChangedWithNothingChangedSaysSo(t *testing.T) {
	mem := &fakeMemory{marks: map[string]store.Mark{session(1).ID: {ReviewedAt: now.Add(-time.Hour)}}}
	p := newPager(25, 25)
	m := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).WithMemory(mem, nil, now.Add(-time.Hour)).SetSize(120, 20)
	m, cmd := m.Reload()
	m = run(m, cmd)
	m, _ = press(m, "*")
	v := m.View()
	if m.Len() != 0 || !strings.Contains(v, "Nothing changed or new among 25 loaded sessions since you last looked · * shows them all") {
		t.Errorf("%d shown:\n%s", m.Len(), v)
	}
}

// TestChangedFollowsARemap: the filter bar and the tail name the key the
// user pressed.
func TestChangedFollowsARemap(t *testing.T) {
	km := DefaultKeyMap()
	km.Changed.SetKeys("x")
	km.Changed.SetHelp("x", "changed & new only")
	p := newPager(5, 25)
	m := New(theme(), km, p, filter.Filters{}, false, now).WithMemory(&fakeMemory{}, nil, now.Add(-time.Hour)).SetSize(120, 20)
	m, cmd := m.Reload()
	m = run(m, cmd)
	if m, _ = press(m, "*"); m.ChangedOnly() {
		t.Fatal("* still narrows after the remap")
	}
	m, _ = press(m, "x")
	if v := m.View(); !strings.Contains(v, "x changed & new") || !strings.Contains(v, "x shows them all") {
		t.Errorf("view:\n%s", v)
	}
}

// TestAnAutoRefreshFromTheStoreIsBackgroundWorkToItsLastPage: with a sync
// behind it, an auto-refresh asks only for what changed, and every page of
// that, the first and those that follow, holds no place in the limiter a
// lookup the user waits for needs (api.Background); r is waited for.
func TestAnAutoRefreshFromTheStoreIsBackgroundWorkToItsLastPage(t *testing.T) {
	p := newPager(30, 25) // two pages: the refresh follows Next
	noTimer := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	m := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).WithMemory(&fakeMemory{}, nil, now.Add(-time.Hour)).
		WithAutoRefresh(time.Minute, noTimer, nil).SetSize(120, 20)
	m, cmd := m.Reload()
	m = run(m, cmd)
	for _, tt := range []struct {
		name       string
		refresh    func(Model) (Model, tea.Cmd)
		background bool
	}{
		{"auto-refresh", func(m Model) (Model, tea.Cmd) { return m.Update(autoRefreshMsg{seq: m.auto.seq}) }, true},
		{"r", Model.Refresh, false},
	} {
		before := len(p.ctxs)
		m, cmd = tt.refresh(m)
		for msgs := keytest.Run(cmd); len(msgs) > 0; {
			m, cmd = m.Update(msgs[0])
			msgs = append(msgs[1:], keytest.Run(cmd)...)
		}
		if got := len(p.ctxs) - before; got != 2 {
			t.Fatalf("%s: %d pages asked for, want 2", tt.name, got)
		}
		for i, ctx := range p.ctxs[before:] {
			if p.calls[before+i].UpdatedAfter.IsZero() {
				t.Errorf("%s: page %d is not incremental", tt.name, i+1)
			}
			if api.IsBackground(ctx) != tt.background {
				t.Errorf("%s: page %d background = %v, want %v", tt.name, i+1, api.IsBackground(ctx), tt.background)
			}
		}
	}
}

// TestNewIsNewSinceThePreviousLook: on a first run nothing is "new", however
// deep the queue is read; on a later run a session made after the previous
// look and not kept is new, and an old one the store never held (no page
// that deep was read before) is not.
func TestNewIsNewSinceThePreviousLook(t *testing.T) {
	all := map[string]bool{}
	p := newPager(100, 25)
	for _, s := range p.all {
		all[s.ID] = true // the store holds none of them
	}
	newRows := func(m Model) []string {
		var ids []string
		for id, mk := range m.marks {
			if mk.isNew {
				ids = append(ids, id)
			}
		}
		return ids
	}

	first := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).WithMemory(&fakeMemory{fresh: all}, nil, time.Time{}).SetSize(120, 20)
	first, cmd := first.Reload()
	first = run(first, cmd)
	first, cmd = press(first, "G")
	first = run(first, cmd)
	if first.Loaded() < 50 {
		t.Fatalf("only %d rows loaded", first.Loaded())
	}
	if ids := newRows(first); len(ids) != 0 {
		t.Errorf("first run: %d of %d rows are new: %v", len(ids), first.Loaded(), ids)
	}

	// The previous look was 30 minutes ago: sessions 0–29 (updated 0–29
	// minutes ago, made then for this test) are new, 30 and older are not.
	later := New(theme(), DefaultKeyMap(), p, filter.Filters{}, false, now).WithMemory(&fakeMemory{fresh: all}, nil, now.Add(-30*time.Minute)).SetSize(120, 20)
	later, cmd = later.Reload()
	later = run(later, cmd)
	later, cmd = press(later, "G")
	later = run(later, cmd)
	for _, id := range newRows(later) {
		var i int
		fmt.Sscanf(id[len(id)-12:], "%d", &i)
		if i >= 30 {
			t.Errorf("%s, made %d minutes ago, before the previous look, is new", id, i)
		}
	}
	if n := len(newRows(later)); n != 29 && n != 30 {
		t.Errorf("%d new rows, want the 30 made since the previous look", n)
	}
}
