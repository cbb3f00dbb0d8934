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

// Sessions makes fakeMemory a Memory: it keeps no list of its own.
func (f *fakeMemory) Sessions(context.Context, store.Query) ([]api.Session, error) { return nil, nil }

// TestRestOfTheKeptRowsAfterTheFirstFrame: the queue starts from a first
// screen of kept rows and reads the rest after the first frame; once in,
// the rows are those a single read of KeptAtStart would have given, in the
// same order, with the marks of the rows that came later.
func TestRestOfTheKeptRowsAfterTheFirstFrame(t *testing.T) {
	ctx := context.Background()
	st := openStoreAt(t, t.TempDir())
	defer st.Close()
	sessions := demoSessions(t, 700)
	for i := 0; i < len(sessions); i += 100 {
		if err := st.SaveSessions(ctx, sessions[i:i+100], now); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := st.Sessions(ctx, store.Query{Limit: KeptAtStart})
	if err != nil || len(whole) != KeptAtStart {
		t.Fatalf("%d kept: %v", len(whole), err)
	}
	late := whole[KeptAtStart-1].ID // the last row of the rest
	if err := st.SetReviewed(ctx, late, true, now); err != nil {
		t.Fatal(err)
	}
	first, err := st.Sessions(ctx, store.Query{Limit: 40})
	if err != nil {
		t.Fatal(err)
	}

	// The rest waits for the first frame: on the program's timer, which
	// the test fires at once.
	var waited time.Duration
	timer := func(d time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
		waited = d
		return func() tea.Msg { return fire(now.Add(d)) }
	}
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).WithMemory(st, first, now).
		WithAutoRefresh(0, timer, func() int { return 100 }).SetSize(120, 40)
	if m.Loaded() != 40 {
		t.Fatalf("the first frame has %d rows, want the first screen's 40", m.Loaded())
	}
	m, _ = m.Start() // the API's page is not asked here: the store's rows are still on screen
	m, _ = m.Update(m.recallRows()())
	m, _ = m.Update(m.readRest()())
	if waited != firstFrame {
		t.Errorf("the rest was read %v after the start, want after the first frame (%v)", waited, firstFrame)
	}
	var want []string
	for _, s := range whole {
		want = append(want, s.ID)
	}
	if got := shownIDs(m); !slices.Equal(got, want) {
		t.Fatalf("after the rest came, %d rows (want %d) or another order", len(got), len(want))
	}
	if !m.Reviewed(late) {
		t.Error("a row of the rest lacks its review mark")
	}

	// A rest that comes after the API's first page replaced the store's
	// rows is left out: it could bring back sessions the API no longer lists.
	m = New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).WithMemory(st, first, now).SetSize(120, 40)
	m, _ = m.Start()
	rest := m.readRest()
	m, _ = m.Update(PageLoadedMsg{q: query{gen: m.gen}, page: &api.SessionPage{Items: sessions[:3]}, at: now, refresh: true})
	answered := m.Loaded()
	m, _ = m.Update(rest())
	if m.Loaded() != answered {
		t.Errorf("the rest was taken in after the API answered: %d rows, the API's page left %d", m.Loaded(), answered)
	}
}
