package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/detail"
)

const (
	idA = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	idB = "7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f"
)

var enter = tea.KeyMsg{Type: tea.KeyEnter}
var esc = tea.KeyMsg{Type: tea.KeyEsc}

// typeText focuses the input, as / does, and types s.
func typeText(m Model, s string) Model {
	m.focusInput()
	return send(m, keyRunes(s))
}

func loaded(m Model, s *api.Session) Model {
	return send(m, detail.LoadedMsg{Req: m.detail.Current(), Session: s, At: testNow})
}

func TestLookupShowsSessionInPanels(t *testing.T) {
	star := demoSession(t, 0)
	m := newTestModel(t, &stubClient{})
	m = typeText(m, star.ID)
	m = send(m, enter)
	if !m.fetching() || m.detail.Current().ID != star.ID {
		t.Fatalf("enter did not start a lookup of %s: %+v", star.ID, m.detail.Current())
	}
	if v := m.View(); !strings.Contains(v, "Fetching "+api.ShortID(star.ID)+"…") {
		t.Errorf("no fetching line in view:\n%s", v)
	}
	m = loaded(m, star)
	v := m.View()
	for _, want := range []string{"Status", "Sentiment", "Contact", "Handoff", "angry", "Dana Whitfield"} {
		if !strings.Contains(v, want) {
			t.Errorf("first screen lacks %q:\n%s", want, v)
		}
	}
	v = send(m, keyRunes("G")).View()
	for _, want := range []string{"Ticket", "Team & assignee", "Session custom data", "ZD-884213"} {
		if !strings.Contains(v, want) {
			t.Errorf("bottom of the pane lacks %q:\n%s", want, v)
		}
	}
	if m.focus != focusView || m.view != viewDetail {
		t.Error("focus did not move to the pane after the session loaded")
	}
}

func TestInvalidInputSendsNothing(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	// In the queue, plain text that matches loaded rows is a filter: enter
	// moves to the list and sends nothing.
	m = typeText(m, "Customer")
	next, cmd := m.Update(enter)
	m = next.(Model)
	if cmd != nil || m.fetching() || m.bar.Error() != "" || m.focus != focusView {
		t.Fatalf("plain text in the queue: cmd %v, fetching %v, error %q", cmd != nil, m.fetching(), m.bar.Error())
	}
	// Text that matches nothing loaded is searched for, and what was
	// understood is said before anything comes back.
	m.bar = m.bar.SetValue("")
	m = send(typeText(m, "Nobody Here"), enter)
	if !m.detail.Searching() || !strings.Contains(m.View(), "name → the queue, local history and the API's contacts and messages") {
		t.Fatalf("no search started:\n%s", m.View())
	}
	m = send(m, esc)
	if m.detail.Searching() {
		t.Fatal("esc did not cancel the search")
	}
	// Something UUID-shaped that the contract refuses is an error at once.
	m.bar = m.bar.SetValue("")
	m = typeText(m, "id=3c90c3cc-0d44-0b50-8888-8dd25736052a")
	next, cmd = m.Update(enter)
	m = next.(Model)
	if cmd != nil || m.fetching() {
		t.Fatal("an invalid ID started a request")
	}
	if v := m.View(); !strings.Contains(v, "Not a session ID: 3c90c3cc-0d44-0b50-8888-8dd25736052a is a version 0 UUID") {
		t.Errorf("no inline error:\n%s", v)
	}
	m = typeText(m, "x")
	if m.bar.Error() != "" {
		t.Error("the inline error stayed after the input changed")
	}
	// Empty input is an error at once, wherever it is.
	m.bar = m.bar.SetValue("")
	m = send(typeText(m, "  "), enter)
	if m.detail.Searching() || m.fetching() || !strings.Contains(m.View(), "Not a session ID: the input is empty.") {
		t.Errorf("empty input:\n%s", m.View())
	}
}

func TestIDInsideURLIsExtracted(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m = typeText(m, "https://app.open.cx/inbox/"+strings.ToUpper(idA)+"?tab=1")
	if v := m.View(); !strings.Contains(v, "found "+idA) {
		t.Errorf("the hint does not show the extracted ID:\n%s", v)
	}
	m = send(m, enter)
	if m.detail.Current().ID != idA || m.bar.Value() != idA {
		t.Errorf("looked up %q with input %q, want %q", m.detail.Current().ID, m.bar.Value(), idA)
	}
}

func TestStaleResponseNeverOverwritesTheView(t *testing.T) {
	a, b := &api.Session{ID: idA, Status: "open"}, &api.Session{ID: idB, Status: "closed_resolved"}
	client := &stubClient{}
	m := newTestModel(t, client)
	m = send(typeText(m, idA), enter)
	reqA := m.detail.Current()
	// A newer lookup supersedes A before A answers.
	m.focusInput()
	m.bar = m.bar.SetValue(idB)
	m = send(m, enter)
	reqB := m.detail.Current()
	m = send(m, detail.LoadedMsg{Req: reqA, Session: a, At: testNow})
	if m.session() != nil || !m.fetching() {
		t.Fatal("a late answer for A replaced the pending lookup of B")
	}
	m = send(m, detail.FailedMsg{Req: reqA, Err: errors.New("late failure")})
	if m.detail.Failure() != nil {
		t.Fatal("a late failure for A was shown")
	}
	m = send(m, detail.LoadedMsg{Req: reqB, Session: b, At: testNow})
	if m.session() != b {
		t.Fatal("B's answer was not shown")
	}
	// And once B is shown, a late A still changes nothing.
	m = send(m, detail.LoadedMsg{Req: reqA, Session: a, At: testNow})
	if m.session() != b {
		t.Fatal("a late answer for A replaced B")
	}
}

func TestEscCancelsTheRequestContext(t *testing.T) {
	client := &stubClient{sessions: map[string]*api.Session{idA: {ID: idA}}}
	m := newTestModel(t, client)
	next, cmd := typeText(m, idA).Update(enter)
	m = next.(Model)
	req := m.detail.Current()
	// Run the fetch so the client records its context.
	for _, msg := range cmd().(tea.BatchMsg)[:1] {
		go msg()
	}
	m = press(m, "esc")
	if m.fetching() {
		t.Fatal("esc did not end the lookup")
	}
	if !strings.Contains(m.View(), "Cancelled the lookup of 3c90c3cc.") {
		t.Errorf("no cancel confirmation:\n%s", m.View())
	}
	m = send(m, detail.LoadedMsg{Req: req, Session: &api.Session{ID: idA}, At: testNow})
	if m.session() != nil {
		t.Fatal("the cancelled lookup's answer was shown")
	}
	waitCancelled(t, client, idA)
}

func waitCancelled(t *testing.T, client *stubClient, id string) {
	t.Helper()
	// Poll for up to 5 s: the fetch runs on a goroutine of its own, which a
	// busy machine may start late.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if ctx := client.ctx(id); ctx != nil {
			<-ctx.Done()
			if !errors.Is(ctx.Err(), context.Canceled) {
				t.Fatalf("context ended with %v", ctx.Err())
			}
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the fetch never reached the client")
}

func TestErrorPanelKeepsIDForRetry(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m = send(typeText(m, idA), enter)
	m = send(m, detail.FailedMsg{Req: m.detail.Current(), Err: &api.Error{Kind: api.KindNotFound, Status: 404, Message: "Chat session not found"}})
	v := m.View()
	if !strings.Contains(v, "No session with ID "+idA+" (HTTP 404)") || !strings.Contains(v, "Server said: Chat session not found") {
		t.Errorf("error panel:\n%s", v)
	}
	if m.bar.Value() != idA {
		t.Errorf("input lost the ID: %q", m.bar.Value())
	}
	m = send(m, keyRunes("r"))
	if !m.fetching() || m.detail.Current().ID != idA {
		t.Error("r did not retry the same ID")
	}
}

func TestRateLimitedRetryWaitsThenRetriesOnce(t *testing.T) {
	limited := &api.Error{Kind: api.KindRateLimited, Status: 429, RetryAt: testNow.Add(30e9)}
	var scheduled []time.Duration
	var due []func(time.Time) tea.Msg
	m := newTestModel(t, &stubClient{}, func(o *Options) {
		o.Timer = func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			scheduled = append(scheduled, d)
			due = append(due, f)
			return nil
		}
	})
	m = send(typeText(m, idA), enter)
	next, _ := m.Update(detail.FailedMsg{Req: m.detail.Current(), Err: limited})
	m = next.(Model)
	if v := m.View(); !strings.Contains(v, "Retrying by itself in 30s") {
		t.Errorf("no countdown:\n%s", v)
	}
	if len(scheduled) == 0 || scheduled[len(scheduled)-1] != 30*time.Second {
		t.Fatalf("no retry scheduled at Retry-After: %v", scheduled)
	}
	retry := due[len(due)-1]
	m = press(m, "r")
	if m.fetching() {
		t.Fatal("r retried before Retry-After")
	}
	if !strings.Contains(m.View(), "Still rate limited: retry in 30s.") {
		t.Errorf("no wait notice:\n%s", m.View())
	}
	// The wait is over: the scheduled retry runs, once.
	m = send(m, clockTickMsg{now: testNow.Add(31e9)})
	m = send(m, retry(testNow.Add(31e9)))
	if !m.fetching() || m.detail.Current().ID != idA {
		t.Fatal("the automatic retry did not start")
	}
	n := len(scheduled)
	m = send(m, detail.FailedMsg{Req: m.detail.Current(), Err: &api.Error{Kind: api.KindRateLimited, Status: 429, RetryAt: testNow.Add(90e9)}})
	if len(scheduled) != n {
		t.Error("a second automatic retry was scheduled")
	}
	// r still works by hand once the wait is over.
	m = send(m, clockTickMsg{now: testNow.Add(91e9)})
	m = send(m, keyRunes("r"))
	if !m.fetching() {
		t.Fatal("r did not retry once the wait was over")
	}
	// A stale retry (from before another lookup) does nothing.
	before := m.detail.Current()
	m = send(m, retry(testNow.Add(92e9)))
	if m.detail.Current() != before {
		t.Error("a stale retry started a lookup")
	}
}

func TestQTypesIntoTheInputButQuitsFromThePane(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m.focusInput()
	next, cmd := m.Update(keyRunes("q"))
	m = next.(Model)
	if m.bar.Value() != "q" {
		t.Errorf("q did not type: input %q", m.bar.Value())
	}
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while the input had focus")
		}
	}
	m.bar = m.bar.SetValue(idA)
	m = send(m, enter)
	m = loaded(m, &api.Session{ID: idA})
	_, cmd = m.Update(keyRunes("q"))
	if cmd == nil {
		t.Fatal("q did nothing in the pane")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q did not quit from the pane")
	}
}

func TestCopyExternalID(t *testing.T) {
	star := demoSession(t, 0)
	rec := &copyRecorder{}
	var native string
	var expire func(time.Time) tea.Msg
	m := newTestModel(t, &stubClient{}, func(o *Options) {
		o.Copier = clipboard.Copier{Terminal: rec, Native: func(s string) error { native = s; return nil }}
		o.Timer = func(_ time.Duration, f func(time.Time) tea.Msg) tea.Cmd { expire = f; return nil }
	})
	m = loaded(send(typeText(m, star.ID), enter), star)
	_, cmd := m.Update(keyRunes("y"))
	msg := cmd().(clipboard.CopiedMsg)
	if native != "ZD-884213" || len(rec.copied) != 1 {
		t.Fatalf("native %q, osc52 writes %q", native, rec.copied)
	}
	m = send(m, msg)
	if !strings.Contains(m.View(), "Copied ZD-884213") {
		t.Errorf("no confirmation:\n%s", m.View())
	}
	m = send(m, expire(testNow.Add(5e9)))
	if strings.Contains(m.View(), "Copied ZD-884213") {
		t.Error("the confirmation did not fade")
	}
}

func TestCopyWithoutTicketSaysSo(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m = loaded(send(typeText(m, idA), enter), &api.Session{ID: idA})
	m = press(m, "y")
	if !strings.Contains(m.View(), "no ticketing system") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestUnsafeExternalIDIsNotCopied(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m = send(m, clipboard.CopiedMsg{What: "external_id", Value: "ZD-1\n", Err: clipboard.ErrUnsafeValue})
	if !strings.Contains(m.View(), "Not copied: the external_id contains a line break or control character.") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestTinyTerminalSaysSo(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m = send(m, tea.WindowSizeMsg{Width: 20, Height: 8})
	v := m.View()
	if !strings.Contains(v, "Terminal too small") {
		t.Errorf("view:\n%s", v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) > 8 {
		t.Errorf("%d lines on an 8-line terminal", len(lines))
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 20 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
}

func TestViewFitsTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {60, 30}, {40, 10}, {200, 60}} {
		for i := range demo.Sessions()[:12] {
			s := demoSession(t, i)
			m := newTestModel(t, &stubClient{})
			m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = loaded(send(typeText(m, s.ID), enter), s)
			assertFits(t, m.View(), size[0], size[1])
		}
	}
}

func TestHostileSessionRendersNoEscapes(t *testing.T) {
	for _, d := range demo.Sessions() {
		if !strings.Contains(d.Title, "hostile") {
			continue
		}
		s := fetchFrom(t, d.ID)
		m := newTestModel(t, &stubClient{})
		m = loaded(send(typeText(m, s.ID), enter), s)
		for range 10 {
			v := m.View()
			assertNoForeignControls(t, v)
			m = send(m, tea.KeyMsg{Type: tea.KeyPgDown})
		}
		return
	}
	t.Fatal("no hostile demo session")
}
