package reasons

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// walker records the periods walked and answers each with one session.
type walker struct{ periods []api.Period }

func (w *walker) WalkHandoffReasons(_ context.Context, p api.Period) (*api.HandoffWalk, error) {
	w.periods = append(w.periods, p)
	id := "0000000" + string(rune('a'+len(w.periods))) + "-0000-4000-8000-000000000000"
	return &api.HandoffWalk{BySession: map[string]api.HandoffWhy{id: {Reasons: []api.HandoffReason{api.ReasonInsufficientTools}}}, Requests: 1}, nil
}

func walk(m Model, f func(Model) (Model, tea.Cmd)) Model {
	m, cmd := f(m)
	for _, msg := range keytest.Run(cmd) {
		if rm, ok := msg.(Msg); ok {
			var more tea.Cmd
			m, _, more = m.Update(rm)
			keytest.Run(more) // the save into the store
		}
	}
	return m
}

// TestWalksTheWindowThenFromWhereItEnded: the first walk covers the
// window (7 days without one); a refresh within a minute walks nothing; a
// later one starts a minute before the last walk ended; a wider window
// walks it whole.
func TestWalksTheWindowThenFromWhereItEnded(t *testing.T) {
	w := &walker{}
	m := New(w, nil)
	m = walk(m, func(m Model) (Model, tea.Cmd) { return m.Start(now, 0) })
	if len(w.periods) != 1 || !w.periods[0].Start.Equal(now.Add(-DefaultWindow)) || !w.periods[0].End.Equal(now) {
		t.Fatalf("the first walk: %+v", w.periods)
	}
	if len(m.Known()) != 1 {
		t.Errorf("known after the first walk: %v", m.Known())
	}
	m = walk(m, func(m Model) (Model, tea.Cmd) { return m.Refresh(now.Add(10*time.Second), 0) })
	if len(w.periods) != 1 {
		t.Errorf("a refresh within %s walked again: %+v", minGap, w.periods)
	}
	later := now.Add(5 * time.Minute)
	m = walk(m, func(m Model) (Model, tea.Cmd) { return m.Refresh(later, 0) })
	if len(w.periods) != 2 || !w.periods[1].Start.Equal(now.Add(-overlap)) || !w.periods[1].End.Equal(later) {
		t.Errorf("the refresh's period: %+v", w.periods)
	}
	if len(m.Known()) != 2 {
		t.Errorf("the refresh's sessions were not added: %v", m.Known())
	}
	m = walk(m, func(m Model) (Model, tea.Cmd) { return m.Refresh(later.Add(time.Hour), 30*24*time.Hour) })
	if len(w.periods) != 3 || !w.periods[2].Start.Equal(later.Add(time.Hour).Add(-30*24*time.Hour)) {
		t.Errorf("a wider window was not walked whole: %+v", w.periods)
	}
}

// TestKeptAndReadBack: what a walk read is kept in the store, and a new
// start reads it back before (and whatever) its own walk answers.
func TestKeptAndReadBack(t *testing.T) {
	st, notices, err := store.Open(store.Options{Dir: t.TempDir(), Demo: true, Now: func() time.Time { return now }})
	if err != nil || st == nil {
		t.Fatalf("store: %v %v", err, notices)
	}
	defer st.Close()
	m := walk(New(&walker{}, st), func(m Model) (Model, tea.Cmd) { return m.Start(now, 0) })
	var id string
	for k := range m.Known() {
		id = k
	}
	again := New(failing{}, st)
	again = walk(again, func(m Model) (Model, tea.Cmd) { return m.Start(now, 0) })
	if got := again.Known()[id].Reasons; len(got) != 1 || got[0] != api.ReasonInsufficientTools {
		t.Errorf("read back: %+v", again.Known())
	}
	if again.Err() == nil {
		t.Error("the failed walk's error is not kept")
	}
}

// failing is an API that cannot be reached.
type failing struct{}

func (failing) WalkHandoffReasons(context.Context, api.Period) (*api.HandoffWalk, error) {
	return nil, &api.Error{Kind: api.KindUnreachable}
}
