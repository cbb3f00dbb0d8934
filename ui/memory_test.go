package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
)

// openStore is a real store in a directory of the test's own.
func openStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, notices, err := store.Open(store.Options{Dir: dir, Demo: true, Now: fixedNow})
	if err != nil || st == nil {
		t.Fatalf("store: %v %v", err, notices)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// restart is cxi started again on st: the queue's rows and sync read from
// it before the first frame, as the TUI's wiring does.
func restart(t *testing.T, client Client, st *store.Store) Model {
	t.Helper()
	ctx := context.Background()
	cached, err := st.Sessions(ctx, store.Query{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	last, _ := st.Sync(ctx, filter.SyncKey)
	return newTestModel(t, client, func(o *Options) { o.Memory, o.Cached, o.LastSync = st, cached, last })
}

// unreachable is a client whose every request finds no server.
type unreachable struct{ *stubClient }

func (unreachable) err() error {
	return &api.Error{Kind: api.KindUnreachable, BaseURL: "https://api.example.test", Err: errRefused}
}
func (u unreachable) GetSession(context.Context, string) (*api.Session, error) { return nil, u.err() }
func (u unreachable) ListSessions(context.Context, api.ListParams) (*api.SessionPage, error) {
	return nil, u.err()
}
func (u unreachable) History(context.Context, string, string) (*api.HistoryPage, error) {
	return nil, u.err()
}

var errRefused = &refused{}

type refused struct{}

func (*refused) Error() string { return "connection refused" }

// TestCxiRemembers: a second start draws the queue from the store at once,
// marks what changed since the user last looked, says how in the pane,
// and keeps review marks.
func TestCxiRemembers(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	sessions := stubSessions(3)
	client := &stubClient{sessions: sessions}

	// First visit: the queue loads, the user opens row 0 and goes back.
	m := restart(t, client, st)
	m = drain(send(m), m.Init())
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	m = press(m, "enter", "esc")

	// A colleague changes session 0 meanwhile.
	client.mu.Lock()
	angry := api.SentimentAngry
	sessions[stubID(0)].Status, sessions[stubID(0)].Sentiment = api.StatusClosedUnresolved, &angry
	client.mu.Unlock()

	// Second visit: the store's rows before any answer.
	m = restart(t, client, st)
	if v := m.View(); !strings.Contains(v, "cached") || !strings.Contains(v, "refreshing") || !strings.Contains(v, "Customer 0") {
		t.Fatalf("the second start does not draw the store's rows at once:\n%s", v)
	}
	next, cmd = m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	if v := m.View(); strings.Contains(v, "refreshing") || !strings.Contains(v, "•") {
		t.Errorf("after the first page: no change marker, or still 'refreshing':\n%s", v)
	}
	m = press(m, "enter")
	v := m.View()
	for _, want := range []string{"Since you last looked", "status", "open → unresolved", "sentiment", "— → angry"} {
		if !strings.Contains(v, want) {
			t.Errorf("the pane lacks %q:\n%s", want, v)
		}
	}

	// m marks it reviewed; the queue shows ✓ and the progress.
	m = press(m, "m")
	if !strings.Contains(m.View(), "✓ reviewed") {
		t.Errorf("m did not mark the session in view:\n%s", m.View())
	}
	m = press(m, "esc")
	if v := m.View(); !strings.Contains(v, "✓") || !strings.Contains(v, "reviewed 1 of 3 shown") {
		t.Errorf("the queue does not show the mark:\n%s", v)
	}
	// N opens the next session not reviewed; m again unmarks.
	m = press(m, "N")
	if s := m.session(); s == nil || s.ID == stubID(0) {
		t.Errorf("N opened %v, want a session not reviewed", s)
	}
	m = press(m, "esc", "up", "up", "m")
	if strings.Contains(m.View(), "reviewed 1 of 3 shown") {
		t.Errorf("m again did not unmark:\n%s", m.View())
	}
}

// TestOfflineTheStoreAnswers: with the API out of reach, the queue, a kept
// session and a kept transcript still open, marked as the store's; a
// session never fetched says so.
func TestOfflineTheStoreAnswers(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	client := &stubClient{sessions: stubSessions(3)}
	m := restart(t, client, st)
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	m = press(m, "enter", "t", "esc", "esc")

	m = restart(t, unreachable{client}, st)
	next, cmd = m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	if v := m.View(); !strings.Contains(v, "offline — as fetched at") || !strings.Contains(v, "Customer 2") {
		t.Fatalf("offline start:\n%s", v)
	}
	m = press(m, "enter")
	if v := m.View(); !strings.Contains(v, "offline — as fetched at") || !strings.Contains(v, "Customer 0") {
		t.Errorf("a kept session offline:\n%s", v)
	}
	m = press(m, "t")
	if v := m.View(); !strings.Contains(v, "offline — as fetched at") {
		t.Errorf("a kept transcript offline:\n%s", v)
	}
	m = press(m, "esc", "esc")
	m = typeText(m, "7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f")
	m = press(m, "enter")
	if v := m.View(); !strings.Contains(v, "Not in local history either") {
		t.Errorf("a session never fetched, offline:\n%s", v)
	}
}

// TestNoStoreKeepsTheQueueAsItWas: without a store there is no mark
// column and no cached rows.
func TestNoStoreKeepsTheQueueAsItWas(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)})
	if strings.Contains(m.View(), "cached") || m.queue.Header() != "" {
		t.Errorf("a queue without a store talks of the store:\n%s", m.View())
	}
}

// TestNotesAndTheHandover: e writes a private note, shown as "Your note";
// the copy menu's handover holds the sessions reviewed or noted.
func TestNotesAndTheHandover(t *testing.T) {
	st := openStore(t, t.TempDir())
	client := &stubClient{sessions: stubSessions(3)}
	var copied []string
	m := newTestModel(t, client, func(o *Options) {
		o.Memory = st
		o.Copier.Native = func(s string) error { copied = append(copied, s); return nil }
	})
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	m = press(m, "enter", "e")
	if !strings.Contains(m.View(), "Your note on 00000000") {
		t.Fatalf("e did not open the editor:\n%s", m.View())
	}
	m = send(m, keyRunes("Refund owed; call back Monday"))
	next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m = drain(next.(Model), cmd)
	if v := m.View(); !strings.Contains(v, "Your note") || !strings.Contains(v, "Refund owed; call back Monday") {
		t.Errorf("the note is not in the pane:\n%s", v)
	}
	// esc leaves the editor without saving.
	m = press(m, "e")
	m = send(m, keyRunes(" and more"))
	m = press(m, "esc")
	if strings.Contains(m.View(), "and more") {
		t.Error("esc kept the edit")
	}
	m = press(m, "c", "7")
	if len(copied) != 1 || !strings.Contains(copied[0], "Refund owed; call back Monday") {
		t.Errorf("the handover copied %q", copied)
	}
}

// countingSearch counts the test's search requests.
type countingSearch struct {
	*stubClient
	searches *int
}

func (c countingSearch) Search(ctx context.Context, q string) (*api.SearchResult, error) {
	*c.searches++
	return c.stubClient.Search(ctx, q)
}

// TestSearchAsksTheStoreAndTheAPI: a name seen before is looked up in the
// local history and the API alike (issue 18 §7: a local hit used to stop
// the search and hide the API's), and the API's copy is the one shown.
func TestSearchAsksTheStoreAndTheAPI(t *testing.T) {
	st := openStore(t, t.TempDir())
	sessions := stubSessions(3)
	m := restart(t, &stubClient{sessions: sessions}, st)
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)

	searches := 0
	m = restart(t, countingSearch{&stubClient{sessions: sessions}, &searches}, st)
	next, cmd = m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	m = press(m, "enter") // in the pane, a name is searched for, not filtered
	m = typeText(m, "Customer 2")
	m = press(m, "enter")
	if s := m.session(); s == nil || s.ID != stubID(2) || searches != 1 {
		t.Fatalf("shown %v after %d searches, want %s after one", s, searches, stubID(2))
	}
	if v := m.View(); strings.Contains(v, "Found in local history") || strings.Contains(v, "offline") {
		t.Errorf("the API's answer is shown as the store's:\n%s", v)
	}
}

// TestOfflineNameSearchOpensAPicker: offline, a name several kept sessions
// share is found in the queue and the store, listed in a picker that says
// where each was found and that the API did not answer, and the one chosen
// opens from the store.
func TestOfflineNameSearchOpensAPicker(t *testing.T) {
	st := openStore(t, t.TempDir())
	client := &stubClient{sessions: stubSessions(3)}
	m := restart(t, client, st)
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)

	m = restart(t, unreachable{client}, st)
	next, cmd = m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	m = press(m, "enter") // in the pane, a name is searched for, not filtered
	m = typeText(m, "Customer")
	m = press(m, "enter")
	v := m.View()
	if !strings.Contains(v, "3 sessions for name Customer · queue: 3 of 3 loaded sessions; kept: 3; API: no answer") || !strings.Contains(v, "Found in the queue and local history only: Cannot reach") {
		t.Fatalf("no picker of the kept sessions:\n%s", v)
	}
	if n := strings.Count(v, "—     queue "); n != 3 {
		t.Errorf("%d rows say where they were found, want 3:\n%s", n, v)
	}
	for i := range 3 {
		if !strings.Contains(v, fmt.Sprintf("Customer %d", i)) {
			t.Errorf("Customer %d is not offered:\n%s", i, v)
		}
	}
	m = press(m, "enter")
	s := m.session()
	if s == nil || !strings.HasPrefix(s.ID, stubID(0)[:8]) && !strings.HasPrefix(s.ID, stubID(1)[:8]) && !strings.HasPrefix(s.ID, stubID(2)[:8]) {
		t.Fatalf("after choosing, shown %v", s)
	}
	// Chosen from the store, it is as fetched then: the API is asked, and
	// offline the pane says how old it is (it was shown as fresh).
	if v := m.View(); !strings.Contains(v, "offline — as fetched at") || strings.Contains(v, "Lookup failed") {
		t.Errorf("the session chosen, offline:\n%s", v)
	}
}
