package queue

import (
	"context"
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
)

// TestRestoreBringsBackTheCursorAndTheSelection: a view's state taken,
// another's applied, then the first's again: its filters, its cursor and
// its selection are back, and a change of server-side filters asked the
// server again while a local one did not.
func TestRestoreBringsBackTheCursorAndTheSelection(t *testing.T) {
	p := newPager(40, 50)
	m := loadedQueue(t, p)
	m, _ = press(m, " ") // select row 0, move to 1
	m, _ = press(m, " ") // select row 1, move to 2
	m, _ = press(m, "down")
	mine := m.State()
	if mine.Cursor != session(3).ID || !slices.Equal(mine.Selected, []string{session(0).ID, session(1).ID}) {
		t.Fatalf("state %+v", mine)
	}

	calls := len(p.calls)
	open := State{View: filter.View{Filters: filter.Filters{Status: api.StatusOpen}}}
	m, cmd := m.Restore(open, "")
	m = run(m, cmd)
	if len(p.calls) != calls+1 || p.calls[len(p.calls)-1].Status != api.StatusOpen {
		t.Fatalf("a status filter: %d calls, last %+v", len(p.calls)-calls, p.calls[len(p.calls)-1])
	}
	if m.HasSelection() || m.Selected().ID != session(0).ID {
		t.Errorf("the open view starts at the top with nothing selected: cursor %s", m.Selected().ID)
	}

	calls = len(p.calls)
	m, cmd = m.Restore(mine, "")
	m = run(m, cmd)
	if len(p.calls) != calls+1 {
		t.Errorf("back to no filter: %d calls", len(p.calls)-calls)
	}
	if !m.Has(mine.Cursor) {
		t.Fatal("the cursor's row did not arrive")
	}
	m, _ = m.Select(mine.Cursor) // as the root does once the row has come
	if m.Selected() == nil || m.Selected().ID != mine.Cursor || m.selectedCount() != 2 || m.Filters() != (filter.Filters{}) {
		t.Errorf("restored: cursor %v, %d selected, filters %+v", m.Selected(), m.selectedCount(), m.Filters())
	}

	// The local filters only: no request, the rows filtered at once.
	calls = len(p.calls)
	// Each word in a cell: customers 00020 … 00029, and 00002.
	m, cmd = m.Restore(State{View: filter.View{Text: "customer 0002"}}, "Customer 0002")
	if len(p.calls) != calls || m.Len() != 11 {
		t.Errorf("a text filter: %d calls, %d rows", len(p.calls)-calls, m.Len())
	}
	_ = cmd
}

// TestRestoreByTeamName: a saved view names its team; the rows of that
// team show whatever its ID.
func TestRestoreByTeamName(t *testing.T) {
	p := newPager(20, 50)
	for i := range p.all {
		if i%2 == 0 {
			p.all[i].Team = &api.Team{ID: "t1", Name: "Billing"}
		}
	}
	m := loadedQueue(t, p)
	m, _ = m.Restore(State{View: filter.View{Team: "billing"}}, "")
	if m.Len() != 10 || m.Team() != "billing" {
		t.Errorf("%d rows of team %q", m.Len(), m.Team())
	}
	if got := m.State().View.Team; got != "billing" {
		t.Errorf("state's team %q", got)
	}
}

// TestCountSaysWhetherEveryPageIsLoaded: a count is whole only at the
// last page.
func TestCountSaysWhetherEveryPageIsLoaded(t *testing.T) {
	m := loadedQueue(t, newPager(60, 25))
	if n, whole := m.Count(); n != 25 || whole {
		t.Errorf("one page of three: %d, whole %t", n, whole)
	}
	m = run(m.LoadMore())
	m = run(m.LoadMore())
	if n, whole := m.Count(); n != 60 || !whole {
		t.Errorf("every page: %d, whole %t", n, whole)
	}
}

func TestCountKept(t *testing.T) {
	st, _, err := store.Open(store.Options{Dir: t.TempDir(), BaseURL: "https://api.example", Key: "k1", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := newPager(30, 30)
	for i := range p.all {
		if i%3 == 0 {
			p.all[i].Team = &api.Team{ID: "t1", Name: "Billing"}
		}
	}
	if err := st.SaveSessions(context.Background(), p.all, now); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		v     filter.View
		limit int
		want  int
	}{
		{"all", filter.View{}, 100, 30},
		{"capped", filter.View{}, 7, 7},
		{"open", filter.View{Filters: filter.Filters{Status: api.StatusOpen}}, 100, 10},
		{"team", filter.View{Team: "Billing"}, 100, 10},
		{"open and team", filter.View{Filters: filter.Filters{Status: api.StatusOpen}, Team: "billing"}, 100, 10},
		{"text", filter.View{Text: "Customer 0001"}, 100, 11}, // 00010 … 00019, and 00001: each word in a cell
		{"changed: none seen", filter.View{Changed: true}, 100, 0},
	} {
		n, err := CountKept(ctx, st, tt.v, now, tt.limit)
		if err != nil || n != tt.want {
			t.Errorf("%s: %d, %v; want %d", tt.name, n, err, tt.want)
		}
	}
}

// TestAClickMovesTheCursor: a click on a row puts it there, a click on
// the filter bar or the titles does nothing.
func TestAClickMovesTheCursor(t *testing.T) {
	m := loadedQueue(t, newPager(40, 50))
	bar := len(m.filterBar())
	m, _, ok := m.ClickRow(bar + 1 + 5)
	if !ok || m.Selected().ID != session(5).ID {
		t.Errorf("click on the sixth row: %t, on %s", ok, m.Selected().ID)
	}
	if _, _, ok := m.ClickRow(bar); ok {
		t.Error("a click on the titles picked a row")
	}
	var cmd tea.Cmd
	if _, cmd, ok = m.ClickRow(100); ok || cmd != nil {
		t.Error("a click below the rows picked one")
	}
}
