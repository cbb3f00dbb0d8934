package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/queue"
)

// stubSessions makes n sessions with IDs in list order.
func stubSessions(n int) map[string]*api.Session {
	out := map[string]*api.Session{}
	for i := range n {
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
		name := fmt.Sprintf("Customer %d", i)
		out[id] = &api.Session{ID: id, Status: api.StatusOpen, Contact: &api.Contact{ID: fmt.Sprintf("c%d", i), Name: &name}}
	}
	return out
}

func stubID(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }

// drain runs cmd and feeds back every message it yields, except timers,
// which are not part of what these tests check.
func drain(m Model, cmd tea.Cmd) Model {
	for _, msg := range collect(cmd) {
		next, more := m.Update(msg)
		m = drain(next.(Model), more)
	}
	return m
}

func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	case clockTickMsg:
		return nil
	}
	if fmt.Sprintf("%T", msg) == "spinner.TickMsg" {
		return nil
	}
	return []tea.Msg{msg}
}

// keyMsg is the message for a key name, as the components' tests press it.
func keyMsg(s string) tea.KeyMsg { return keytest.Msg(s) }

// press sends keys one by one, running what each starts.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = drain(next.(Model), cmd)
	}
	return m
}

func startedModel(t *testing.T, client Client, opts ...func(*Options)) Model {
	t.Helper()
	m := newTestModel(t, client, opts...)
	next, cmd := m.Update(startMsg{})
	return drain(next.(Model), cmd)
}

func TestQueueIsHome(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(5)})
	if m.view != viewQueue || m.focus != focusView {
		t.Fatalf("view %v focus %v", m.view, m.focus)
	}
	if v := m.View(); !strings.Contains(v, "Customer 0") || !strings.Contains(v, "STATUS") {
		t.Errorf("queue not shown:\n%s", v)
	}
}

func TestNavigationRoundTripKeepsTheCursor(t *testing.T) {
	client := &stubClient{sessions: stubSessions(10)}
	m := startedModel(t, client)
	m = press(m, "down", "down") // on Customer 2
	m = press(m, "enter")
	if m.view != viewDetail || m.session().ID != stubID(2) {
		t.Fatalf("enter opened %v in view %v", m.session(), m.view)
	}
	if m.fetching() && !m.detail.Current().Quiet {
		t.Error("opening from the queue showed a spinner")
	}
	m = press(m, "n", "n", "p")
	if got := m.session().ID; got != stubID(3) {
		t.Fatalf("after n n p the pane shows %s, want %s", got, stubID(3))
	}
	m = press(m, "esc")
	if m.view != viewQueue {
		t.Fatal("esc did not go back to the queue")
	}
	if got := m.queue.Selected().ID; got != stubID(3) {
		t.Errorf("queue cursor on %s, want %s (the session last viewed)", got, stubID(3))
	}
	// The transcript and back: esc twice reaches the queue.
	m = press(m, "enter", "t")
	if m.view != viewTranscript {
		t.Fatal("t did not open the transcript")
	}
	m = press(m, "esc")
	if m.view != viewDetail {
		t.Fatal("esc from the transcript did not go back to the detail pane")
	}
	m = press(m, "esc")
	if m.view != viewQueue || m.queue.Selected().ID != stubID(3) {
		t.Fatal("esc esc did not come back to the queue where it was")
	}
}

func TestNextAtTheEdgesSaysSo(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)})
	m = press(m, "enter", "p")
	if !strings.Contains(m.View(), "This is the first session of the queue.") {
		t.Errorf("view:\n%s", m.View())
	}
	m = press(m, "n", "n")
	if !strings.Contains(m.View(), "This is the last session of the queue.") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestCopyFromTheQueue(t *testing.T) {
	sessions := stubSessions(3)
	sessions[stubID(0)].TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-1", IDType: "ticket_id"}
	var copied []string
	m := startedModel(t, &stubClient{sessions: sessions}, func(o *Options) {
		o.Copier.Native = func(s string) error { copied = append(copied, s); return nil }
	})
	m = press(m, "y")
	if len(copied) != 1 || copied[0] != "ZD-1" || m.view != viewQueue {
		t.Fatalf("copied %q, view %v", copied, m.view)
	}
	m = press(m, "down", "y")
	if !strings.Contains(m.View(), "has no ticketing system") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestTypingFiltersTheQueueAndAnIDLooksItUp(t *testing.T) {
	client := &stubClient{sessions: stubSessions(12)}
	m := startedModel(t, client)
	m = press(m, "/", "C", "u", "s", "t", "o", "m", "e", "r", " ", "1")
	if got := m.queue.Len(); got != 3 { // 1, 10, 11
		t.Errorf("%d rows match %q", got, m.bar.Value())
	}
	if m.fetching() {
		t.Fatal("filter text started a lookup")
	}
	m = press(m, "enter")
	if m.focus != focusView || m.view != viewQueue || m.queue.Len() != 3 {
		t.Fatal("enter on filter text should move to the filtered list")
	}
	// A session ID opens the session, and the filter is dropped.
	m.focusInput()
	m.bar = m.bar.SetValue("see https://app.open.cx/s/" + stubID(7))
	m = press(m, "enter")
	if m.view != viewDetail || m.session().ID != stubID(7) {
		t.Fatalf("the ID was not looked up: view %v", m.view)
	}
	m = press(m, "esc")
	if m.queue.Len() != 12 || m.bar.Value() != "" {
		t.Errorf("back in the queue: %d rows, input %q", m.queue.Len(), m.bar.Value())
	}
}

func TestRecentSessionsFromTheInput(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(5)})
	m = press(m, "enter", "n", "n", "esc")
	m = press(m, "/", "up")
	if m.bar.Value() != stubID(2) {
		t.Fatalf("↑ gave %q, want the last viewed %s", m.bar.Value(), stubID(2))
	}
	m = press(m, "up", "up")
	if m.bar.Value() != stubID(0) {
		t.Fatalf("↑↑↑ gave %q", m.bar.Value())
	}
	m = press(m, "down")
	if m.bar.Value() != stubID(1) {
		t.Fatalf("↓ gave %q", m.bar.Value())
	}
}

func TestPasteWhileTheViewHasFocusGoesToTheInput(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "enter") // detail of session 0, focus on the view
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q y " + stubID(2)), Paste: true})
	m = next.(Model)
	if m.focus != focusInput || !strings.Contains(m.bar.Value(), stubID(2)) {
		t.Fatalf("paste: focus %v, input %q", m.focus, m.bar.Value())
	}
}

func TestAnswerDoesNotStealFocusFromTyping(t *testing.T) {
	m := newTestModel(t, &stubClient{sessions: stubSessions(3)})
	m = send(typeText(m, stubID(1)), enter)
	req := m.detail.Current()
	m.focusInput()
	m = send(m, keyRunes("https://"))
	m = send(m, detail.LoadedMsg{Req: req, Session: &api.Session{ID: stubID(1)}, At: testNow})
	if m.focus != focusInput {
		t.Fatal("the answer took focus while the user was typing")
	}
}

func TestAutoRefreshKeepsTheSelection(t *testing.T) {
	client := &stubClient{sessions: stubSessions(5)}
	var due func(time.Time) tea.Msg
	m := startedModel(t, client, func(o *Options) {
		o.AutoRefresh = queue.DefaultRefreshInterval
		o.Timer = func(_ time.Duration, f func(time.Time) tea.Msg) tea.Cmd { due = f; return nil }
	})
	m.queue.ScheduleRefresh()
	refresh := due
	m = press(m, "down", "down", "down")
	want := m.queue.Selected().ID
	// A new session sorts first on the next page.
	client.mu.Lock()
	client.sessions["00000000-0000-4000-8000-000000000000"].Status = api.StatusClosedResolved
	newName := "Newcomer"
	client.sessions["00000000-0000-4000-7000-000000000000"] = &api.Session{ID: "00000000-0000-4000-7000-000000000000", Contact: &api.Contact{Name: &newName}}
	client.mu.Unlock()
	next, cmd := m.Update(refresh(testNow))
	m = drain(next.(Model), cmd)
	if m.queue.Loaded() != 6 {
		t.Fatalf("loaded %d after the refresh", m.queue.Loaded())
	}
	if got := m.queue.Selected().ID; got != want {
		t.Errorf("selection moved to %s, want %s", got, want)
	}
	// A stale tick (from before a toggle) does nothing.
	m = press(m, "a")
	if m.queue.AutoRefresh() != 0 {
		t.Fatal("a did not turn auto-refresh off")
	}
	_, cmd = m.Update(refresh(testNow))
	if cmd != nil {
		t.Error("a stale auto-refresh tick did something")
	}
}

func TestFilterKeysReachTheQueue(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "s", "1", "h") // s opens the status picker; 1 is "open"
	f := m.queue.Filters()
	if f.Status != api.StatusOpen || !f.HandedOff {
		t.Errorf("filters %+v", f)
	}
	if f != (filter.Filters{Status: api.StatusOpen, HandedOff: true}) {
		t.Errorf("filters %+v", f)
	}
}

func TestEscRightAfterOpeningGoesBack(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	next, _ := m.Update(keyMsg("enter")) // the background refresh is not answered yet
	m = next.(Model)
	if !m.fetching() || !m.detail.Current().Quiet {
		t.Fatal("opening from the queue should refresh in the background")
	}
	next, _ = m.Update(keyMsg("esc"))
	m = next.(Model)
	if m.view != viewQueue || m.fetching() {
		t.Fatalf("esc did not go back: view %v, fetching %v", m.view, m.fetching())
	}
}

func TestKeysReadTogetherAreEachAKey(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(6)})
	m = press(m, "jjj")
	if got := m.queue.Selected().ID; got != stubID(3) {
		t.Errorf("jjj selected %s, want %s", got, stubID(3))
	}
}

func TestInputAndFilterNeverDisagree(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(12)})
	m = press(m, "enter", "esc") // one recent session
	m = press(m, "/", "1", "1")
	if m.queue.Len() != 1 {
		t.Fatalf("%d rows match 11", m.queue.Len())
	}
	m = press(m, "up", "down") // through the recent sessions and back to empty
	if m.bar.Value() != "" || m.queue.Len() != 12 {
		t.Errorf("input %q but %d rows shown", m.bar.Value(), m.queue.Len())
	}
}

func TestHeaderNamesTheFailedLookup(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)})
	m = press(m, "enter")
	m.focusInput()
	m.bar = m.bar.SetValue("7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f")
	m = press(m, "enter")
	if m.detail.Failure() == nil || !strings.Contains(m.View(), "session 7d0e6b0a") {
		t.Errorf("header after a failed lookup:\n%s", m.View())
	}
}

func TestPrefetchReachesThePane(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	next, _ := m.Update(keyMsg("enter"))
	m = next.(Model)
	status := api.StatusClosedResolved
	fresher := &api.Session{ID: stubID(0), Status: status}
	m = send(m, detail.PrefetchedMsg{ID: stubID(0), Session: fresher, At: testNow})
	if m.session().Status != status || m.fetching() {
		t.Errorf("the pane did not take the fresher copy: %+v, fetching %v", m.session(), m.fetching())
	}
}
