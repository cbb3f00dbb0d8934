package detail_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

const (
	idA = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	idB = "a7e41d09-2b6c-4f38-8e5a-0d91c3b7f2a6"
	idC = "5b1f2e3d-4c5b-4a69-9788-96a5b4c3d2e1"
	idD = "0e9d8c7b-6a59-4847-b635-241302f1e0d9"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// stubClient answers from memory: an error queued for an ID first, then
// the session, else 404. A request whose context is cancelled fails with
// the context's error, as the real client's does. It records every request.
type stubClient struct {
	mu        sync.Mutex
	sessions  map[string]*api.Session
	errs      map[string][]error
	gets      []string
	ctxs      map[string][]context.Context
	budget    int
	list      []api.Session
	lists     int
	found     *api.SearchResult
	searchErr error
	searchCtx context.Context
}

func newStub(ss ...*api.Session) *stubClient {
	c := &stubClient{sessions: map[string]*api.Session{}, errs: map[string][]error{}, ctxs: map[string][]context.Context{}, budget: api.RequestsPerMinute}
	for _, s := range ss {
		c.sessions[s.ID] = s
	}
	return c
}

func (c *stubClient) GetSession(ctx context.Context, id string) (*api.Session, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets = append(c.gets, id)
	c.ctxs[id] = append(c.ctxs[id], ctx)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if q := c.errs[id]; len(q) > 0 {
		c.errs[id] = q[1:]
		return nil, q[0]
	}
	if s := c.sessions[id]; s != nil {
		return s, nil
	}
	return nil, &api.Error{Kind: api.KindNotFound, Status: 404, Op: "get session " + api.ShortID(id)}
}

func (c *stubClient) ListSessions(ctx context.Context, _ api.ListParams) (*api.SessionPage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lists++
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &api.SessionPage{Items: append([]api.Session(nil), c.list...)}, nil
}

func (c *stubClient) Search(ctx context.Context, _ string) (*api.SearchResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.searchCtx = ctx
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.searchErr != nil {
		return nil, c.searchErr
	}
	if c.found == nil {
		return &api.SearchResult{}, nil
	}
	return c.found, nil
}

func (c *stubClient) Budget() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.budget
}

// Delay is how long a request would wait for the limiter: never, here.
func (c *stubClient) Delay() time.Duration { return 0 }

func (c *stubClient) setBudget(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.budget = n
}

func (c *stubClient) fail(id string, errs ...error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs[id] = append(c.errs[id], errs...)
}

func (c *stubClient) getCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.gets)
}

// lastCtx is the context of the last request for id.
func (c *stubClient) lastCtx(id string) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cs := c.ctxs[id]; len(cs) > 0 {
		return cs[len(cs)-1]
	}
	return nil
}

// timerCall is one message the pane asked the timer for.
type timerCall struct {
	d time.Duration
	f func(time.Time) tea.Msg
}

// recTimer records what the pane schedules instead of waiting: a test
// sends the message by calling the func it was given.
type recTimer struct {
	mu    sync.Mutex
	calls []timerCall
}

func (r *recTimer) timer(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, timerCall{d, f})
	return func() tea.Msg { return f(testNow.Add(d)) }
}

func (r *recTimer) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.calls)
}

func (r *recTimer) call(i int) timerCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[i]
}

func newModel(t *testing.T, c *stubClient) (detail.Model, *recTimer) {
	t.Helper()
	rec := &recTimer{}
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow }, Timer: rec.timer}
	m := detail.New(ctx, c).SetSize(100, 40)
	t.Cleanup(func() { m.Stop() })
	return m, rec
}

func session(id, name string) *api.Session {
	return &api.Session{ID: id, Status: "open", Channel: api.Channel{Type: "web"},
		Contact: &api.Contact{ID: "contact-" + id[:4], Name: &name}}
}

func withTicket(s *api.Session, ext string) *api.Session {
	s.TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: ext}
	return s
}

func rateLimited(id string, after time.Duration) error {
	return &api.Error{Kind: api.KindRateLimited, Status: 429, Op: "get session " + api.ShortID(id), RetryAt: testNow.Add(after)}
}

func serverError(id string) error {
	return &api.Error{Kind: api.KindServer, Status: 500, Op: "get session " + api.ShortID(id)}
}

// one runs cmd and returns its one message.
func one(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	msgs := keytest.Run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("%d messages (%#v), want one", len(msgs), msgs)
	}
	return msgs[0]
}

// notice runs cmd and returns the status line notice it sends.
func notice(t *testing.T, cmd tea.Cmd) common.NoticeMsg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command, want a status line notice")
	}
	msg := one(t, cmd)
	n, ok := msg.(common.NoticeMsg)
	if !ok {
		t.Fatalf("got %#v, want a status line notice", msg)
	}
	return n
}

func isZero(ev detail.Event) bool {
	return ev.Arrived == nil && !ev.Failed && ev.Fresh == nil && ev.Refused == "" && ev.Pick == nil
}

// lookedUp looks id up and delivers the answer.
func lookedUp(t *testing.T, m detail.Model, id string) (detail.Model, detail.Event, tea.Cmd) {
	t.Helper()
	m, ev, cmd := m.Lookup(id)
	if !isZero(ev) || cmd == nil {
		t.Fatalf("Lookup(%s): event %+v, cmd %v", id, ev, cmd != nil)
	}
	return m.Update(one(t, cmd))
}

func TestLookupRefusesBadTextAndSendsNothing(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"", "Not a session ID: the input is empty."},
		{"   ", "Not a session ID: the input is empty."},
		{"the session from yesterday", "Not a session ID: no UUID in the input."},
		{"3c90c3cc", "Not a session ID: no UUID in the input."},
		{"3c90c3cc-0d44-0b50-8888-8dd25736052a", "Not a session ID: 3c90c3cc-0d44-0b50-8888-8dd25736052a is a version 0 UUID"},
		{"x" + idA + "ff", "Not a session ID: no UUID in the input."},
	}
	for _, tt := range tests {
		c := newStub(session(idA, "Dana"))
		m, _ := newModel(t, c)
		m, ev, cmd := m.Lookup(tt.text)
		if !strings.HasPrefix(ev.Refused, tt.want) {
			t.Errorf("Lookup(%q): Refused %q, want %q", tt.text, ev.Refused, tt.want)
		}
		if cmd != nil || m.Fetching() || m.Busy() != "" || m.Cancellable() || ev.Arrived != nil || ev.Failed {
			t.Errorf("Lookup(%q) started something: cmd %v fetching %v busy %q", tt.text, cmd != nil, m.Fetching(), m.Busy())
		}
		if c.getCount() != 0 {
			t.Errorf("Lookup(%q) sent %d requests", tt.text, c.getCount())
		}
		if m.CanRefresh() {
			t.Errorf("Lookup(%q) left something for r to fetch", tt.text)
		}
	}
	if detail.LookupID("see "+strings.ToUpper(idA)) != idA || detail.LookupID("nope") != "" {
		t.Error("LookupID disagrees with Lookup")
	}
}

func TestLookupFetchesAndShows(t *testing.T) {
	sA := session(idA, "Dana Whitfield")
	c := newStub(sA)
	m, _ := newModel(t, c)
	m, ev, cmd := m.Lookup("https://app.open.cx/inbox/" + strings.ToUpper(idA))
	if !isZero(ev) || cmd == nil {
		t.Fatalf("Lookup: event %+v, cmd %v", ev, cmd != nil)
	}
	if !m.Fetching() || m.Current().ID != idA || m.Current().Quiet || !m.Cancellable() || m.Busy() != "Fetching 3c90c3cc" {
		t.Errorf("under way: current %+v, busy %q", m.Current(), m.Busy())
	}
	m, ev, cmd = m.Update(one(t, cmd))
	if ev.Arrived != sA || ev.Fresh != sA || ev.Failed || cmd != nil {
		t.Fatalf("answer: event %+v, cmd %v", ev, cmd != nil)
	}
	if m.Fetching() || m.Busy() != "" || m.Shown() != sA || !m.CanRefresh() || m.Title() != "3c90c3cc" || m.Failure() != nil {
		t.Errorf("after the answer: fetching %v shown %v title %q", m.Fetching(), m.Shown(), m.Title())
	}
	if v := m.View(); !strings.Contains(v, "Dana Whitfield") {
		t.Errorf("the pane does not show the session:\n%s", v)
	}
	if got := c.gets; len(got) != 1 || got[0] != idA {
		t.Errorf("requests %q", got)
	}
}

func TestStaleAnswersAreDropped(t *testing.T) {
	sA, sB := session(idA, "Alice Old"), session(idB, "Bob New")
	c := newStub(sA, sB)
	m, _ := newModel(t, c)
	m, _, cmdA := m.Lookup(idA)
	reqA := m.Current()
	m, _, cmdB := m.Lookup(idB)
	if m.Current().ID != idB || m.Current().Seq == reqA.Seq {
		t.Fatalf("the second lookup is not current: %+v", m.Current())
	}

	// A late success and a late failure for A change nothing.
	m, ev, cmd := m.Update(detail.LoadedMsg{Req: reqA, Session: sA, At: testNow})
	if !isZero(ev) || cmd != nil || m.Shown() != nil || !m.Fetching() || m.Current().ID != idB {
		t.Errorf("stale LoadedMsg: event %+v, shown %v, current %+v", ev, m.Shown(), m.Current())
	}
	m, ev, cmd = m.Update(detail.FailedMsg{Req: reqA, Err: serverError(idA)})
	if !isZero(ev) || cmd != nil || m.Failure() != nil || !m.Fetching() {
		t.Errorf("stale FailedMsg: event %+v, failure %v, cmd %v", ev, m.Failure(), cmd != nil)
	}

	// A's request was cancelled when B superseded it; its answer is dropped.
	msgA := one(t, cmdA)
	if ctx := c.lastCtx(idA); ctx == nil || ctx.Err() == nil {
		t.Error("the superseded lookup's context was not cancelled")
	}
	if m, ev, _ = m.Update(msgA); !isZero(ev) || m.Failure() != nil {
		t.Errorf("the cancelled lookup's answer: event %+v, failure %v", ev, m.Failure())
	}

	m, ev, _ = m.Update(one(t, cmdB))
	if ev.Arrived != sB || m.Shown() != sB {
		t.Fatalf("B's answer: event %+v", ev)
	}
	// The same answer again, once the lookup is over, is stale too.
	m, ev, _ = m.Update(detail.LoadedMsg{Req: detail.Request{Seq: reqA.Seq + 1, ID: idB}, Session: sA, At: testNow})
	if !isZero(ev) || m.Shown() != sB {
		t.Errorf("a replayed answer: event %+v, shown %v", ev, m.Shown())
	}
}

func TestLookupFailureShowsThePanel(t *testing.T) {
	c := newStub()
	m, rec := newModel(t, c)
	m, ev, cmd := lookedUp(t, m, idA)
	if !ev.Failed || ev.Arrived != nil || cmd != nil {
		t.Fatalf("404: event %+v, cmd %v", ev, cmd != nil)
	}
	if rec.count() != 0 {
		t.Error("a 404 scheduled a retry")
	}
	f := m.Failure()
	if f == nil || !strings.Contains(f.Sentence, "No session with ID "+idA+" (HTTP 404)") {
		t.Fatalf("failure %+v", f)
	}
	v := m.View()
	if !strings.Contains(v, "Lookup failed") || !strings.Contains(v, "HTTP 404") {
		t.Errorf("the failure panel:\n%s", v)
	}
	if m.Shown() != nil || !m.CanRefresh() || m.Title() != "3c90c3cc" || m.Fetching() {
		t.Errorf("after the failure: shown %v, can refresh %v, title %q", m.Shown(), m.CanRefresh(), m.Title())
	}
	// r tries again, as a lookup the user waits for.
	m, _, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	if cmd == nil || !m.Fetching() || m.Current().Quiet || m.Busy() != "Fetching 3c90c3cc" {
		t.Errorf("r after a failure: cmd %v, current %+v", cmd != nil, m.Current())
	}
	// Leaving forgets the failure.
	if m = m.Leave(); m.Failure() != nil || m.Fetching() || m.View() != "" {
		t.Errorf("Leave kept the failure or the lookup: %q", m.View())
	}
}

func TestQuietRefreshFailureIsANotice(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"server", serverError(idA), "The OpenCX API failed with HTTP 500."},
		{"rate limited", rateLimited(idA, 30*time.Second), "The API is rate limiting this key (HTTP 429)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sA := session(idA, "Dana Whitfield")
			c := newStub(sA)
			c.fail(idA, tt.err)
			m, rec := newModel(t, c)
			m, cmd := m.Open(sA)
			if cmd == nil || !m.Fetching() || !m.Current().Quiet || m.Shown() != sA {
				t.Fatalf("Open: cmd %v, current %+v", cmd != nil, m.Current())
			}
			if m.Busy() != "" || m.Cancellable() {
				t.Errorf("a quiet refresh is waited for: busy %q", m.Busy())
			}
			m, ev, cmd := m.Update(one(t, cmd))
			if !isZero(ev) {
				t.Errorf("a quiet failure: event %+v", ev)
			}
			// The failure in explain's words, with the retry key named.
			want := "Could not refresh: " + explain.Describe(tt.err, idA).Advice("r")
			n := notice(t, cmd)
			if n.Text != want || !n.Bad || !strings.Contains(n.Text, tt.want) {
				t.Errorf("notice %+v, want the bad notice %q", n, want)
			}
			if m.Failure() != nil || m.Shown() != sA || m.Fetching() {
				t.Errorf("the failure replaced the session: failure %+v shown %v", m.Failure(), m.Shown())
			}
			if v := m.View(); strings.Contains(v, "Lookup failed") || !strings.Contains(v, "Dana Whitfield") {
				t.Errorf("view after a quiet failure:\n%s", v)
			}
			if rec.count() != 0 {
				t.Error("a quiet failure scheduled a retry")
			}
		})
	}
}

func TestQuietRefreshReplacesTheCopyShown(t *testing.T) {
	fromQueue := session(idA, "Dana (from the queue)")
	fresh := session(idA, "Dana (fresh)")
	c := newStub(fresh)
	m, _ := newModel(t, c)
	m, cmd := m.Open(fromQueue)
	if !strings.Contains(m.View(), "Dana (from the queue)") {
		t.Fatalf("Open does not show the queue's copy at once:\n%s", m.View())
	}
	m, ev, _ := m.Update(one(t, cmd))
	if ev.Fresh != fresh || ev.Arrived != nil || m.Shown() != fresh || m.Fetching() {
		t.Errorf("quiet answer: event %+v, shown %v", ev, m.Shown())
	}
	if !strings.Contains(m.View(), "Dana (fresh)") {
		t.Errorf("the fresh copy is not shown:\n%s", m.View())
	}
	// Now fresh: opening it again asks nothing.
	if m2, cmd := m.Open(fromQueue); cmd != nil || m2.Fetching() {
		t.Error("reopening a fresh session fetched it again")
	}
	// Leaving drops a refresh under way.
	m = m.Tick(testNow.Add(2 * time.Minute))
	m, cmd = m.Open(fromQueue)
	if cmd == nil {
		t.Fatal("a stale session was not refreshed")
	}
	msg := one(t, cmd)
	m = m.Leave()
	if _, ev, _ = m.Update(msg); !isZero(ev) {
		t.Errorf("the refresh left behind arrived: %+v", ev)
	}
}

func TestRateLimitRetriesOnceByItself(t *testing.T) {
	sA := session(idA, "Dana")
	c := newStub(sA)
	// Each 429 says to wait until 30s after the clock of its answer.
	c.fail(idA, rateLimited(idA, 30*time.Second), rateLimited(idA, 60*time.Second), rateLimited(idA, 91*time.Second))
	m, rec := newModel(t, c)

	m, ev, cmd := lookedUp(t, m, idA)
	if !ev.Failed || cmd == nil {
		t.Fatalf("429: event %+v, cmd %v", ev, cmd != nil)
	}
	if rec.count() != 1 || rec.call(0).d != 30*time.Second {
		t.Fatalf("timer calls %d, want one for 30s", rec.count())
	}
	if v := m.View(); !strings.Contains(v, "Retrying by itself in 30s.") {
		t.Errorf("the panel does not announce the retry:\n%s", v)
	}
	due := rec.call(0).f(testNow.Add(30 * time.Second))
	if _, ok := due.(detail.RetryDueMsg); !ok {
		t.Fatalf("the timer's message is %T", due)
	}
	if msg := one(t, cmd); msg != due {
		t.Errorf("the returned command sends %#v, the timer's func %#v", msg, due)
	}

	// The retry is due: it fetches again, as a lookup the user waits for.
	m = m.Tick(testNow.Add(30 * time.Second))
	m, ev, cmd = m.Update(due)
	if !isZero(ev) || cmd == nil || !m.Fetching() || m.Current().ID != idA || m.Current().Quiet {
		t.Fatalf("retry due: event %+v, cmd %v, current %+v", ev, cmd != nil, m.Current())
	}
	// A second 429: no second automatic retry.
	m, ev, cmd = m.Update(one(t, cmd))
	if !ev.Failed || cmd != nil {
		t.Errorf("second 429: event %+v, cmd %v", ev, cmd != nil)
	}
	if rec.count() != 1 {
		t.Errorf("the second 429 scheduled another retry (%d timer calls)", rec.count())
	}
	if v := m.View(); !strings.Contains(v, "Tried again once; the API asks to wait 30s more, then press r.") || strings.Contains(v, "Retrying by itself") {
		t.Errorf("the panel after the spent retry:\n%s", v)
	}
	// The old timer's message again does nothing.
	if m2, _, cmd := m.Update(due); cmd != nil || m2.Fetching() {
		t.Error("a spent retry ran again")
	}
	if c.getCount() != 2 {
		t.Errorf("%d requests, want the lookup and one retry", c.getCount())
	}

	// Once the wait is over, r retries by hand; a 429 then earns a new
	// automatic retry.
	m = m.Tick(testNow.Add(61 * time.Second))
	if v := m.View(); !strings.Contains(v, "You can retry now: press r.") {
		t.Errorf("the panel once the wait is over:\n%s", v)
	}
	m, cmd = m.Refresh()
	if cmd == nil || !m.Fetching() {
		t.Fatal("r after the wait fetched nothing")
	}
	if _, ev, _ = m.Update(one(t, cmd)); !ev.Failed || rec.count() != 2 || rec.call(1).d != 30*time.Second {
		t.Errorf("a 429 after a retry by hand: event %+v, timer calls %d", ev, rec.count())
	}
}

func TestRetryDroppedWhenTheUserMovedOn(t *testing.T) {
	c := newStub(session(idB, "Bob"))
	c.fail(idA, rateLimited(idA, 10*time.Second))
	m, rec := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA)
	if rec.count() != 1 {
		t.Fatal("no retry scheduled")
	}
	due := rec.call(0).f(testNow.Add(10 * time.Second))

	// Another lookup supersedes the retry.
	m2, _, _ := m.Lookup(idB)
	if m3, _, cmd := m2.Update(due); cmd != nil || m3.Current().ID != idB {
		t.Errorf("the retry ran over a newer lookup: current %+v", m3.Current())
	}
	// So does leaving the pane.
	if m3, _, cmd := m.Leave().Update(due); cmd != nil || m3.Fetching() {
		t.Error("the retry ran after leaving the pane")
	}
}

func TestRetryAtInThePastIsDueAtOnce(t *testing.T) {
	c := newStub()
	c.fail(idA, rateLimited(idA, -5*time.Second))
	m, rec := newModel(t, c)
	if _, ev, _ := lookedUp(t, m, idA); !ev.Failed {
		t.Fatal("no failure")
	}
	if rec.count() != 1 || rec.call(0).d != 0 {
		t.Errorf("timer calls %d, want one with no wait", rec.count())
	}
}

func TestRefreshBeforeRetryAtSaysStillRateLimited(t *testing.T) {
	c := newStub(session(idA, "Dana"))
	c.fail(idA, rateLimited(idA, 30*time.Second))
	m, _ := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA)
	sent := c.getCount()

	m, cmd := m.Refresh()
	if n := notice(t, cmd); n.Text != "Still rate limited: retry in 30s." || !n.Bad {
		t.Errorf("Refresh: %+v", n)
	}
	if m.Fetching() || c.getCount() != sent {
		t.Error("Refresh during the wait sent a request")
	}
	// The key says the same, counting down with the clock.
	m = m.Tick(testNow.Add(10 * time.Second))
	m, ev, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	if n := notice(t, cmd); !isZero(ev) || n.Text != "Still rate limited: retry in 20s." {
		t.Errorf("r after 10s: %+v", n)
	}
	// Once RetryAt is reached, r fetches.
	m = m.Tick(testNow.Add(30 * time.Second))
	m, cmd = m.Refresh()
	if cmd == nil || !m.Fetching() {
		t.Fatal("Refresh at RetryAt did not fetch")
	}
	if m, ev, _ = m.Update(one(t, cmd)); ev.Arrived == nil || m.Failure() != nil {
		t.Errorf("the retry's answer: event %+v", ev)
	}
}

func TestRefreshWithNothingToRefresh(t *testing.T) {
	m, _ := newModel(t, newStub())
	if m, cmd := m.Refresh(); cmd != nil || m.Fetching() || m.CanRefresh() {
		t.Error("Refresh with no session sent something")
	}
}

func TestCancelALookup(t *testing.T) {
	c := newStub(session(idA, "Dana"))
	m, _ := newModel(t, c)
	if _, cmd := m.Cancel(); cmd != nil {
		t.Error("Cancel with nothing under way said something")
	}
	m, _, fetch := m.Lookup(idA)
	m, cmd := m.Cancel()
	if n := notice(t, cmd); n.Text != "Cancelled the lookup of 3c90c3cc." || n.Bad {
		t.Errorf("Cancel: %+v", n)
	}
	if m.Fetching() || m.Cancellable() || m.Busy() != "" {
		t.Errorf("still under way: %+v", m.Current())
	}
	msg := one(t, fetch)
	if ctx := c.lastCtx(idA); ctx == nil || ctx.Err() == nil {
		t.Error("the cancelled lookup's context is live")
	}
	m, ev, cmd := m.Update(msg)
	if !isZero(ev) || cmd != nil || m.Failure() != nil || m.Shown() != nil {
		t.Errorf("the cancelled lookup's answer: event %+v, failure %v", ev, m.Failure())
	}
}

func TestCancelASearch(t *testing.T) {
	sA := withTicket(session(idA, "Dana"), "ZD-1")
	c := newStub()
	m, _ := newModel(t, c)
	q, _ := resolve.Classify("#ZD-1")
	m, search := m.Search(q, "#ZD-1", resolve.Sessions{*sA})
	if !m.Searching() || m.Fetching() || !m.Cancellable() || m.Busy() != "ticket ZD-1 → the queue, local history and the API" {
		t.Fatalf("search under way: searching %v, busy %q", m.Searching(), m.Busy())
	}
	m, cmd := m.Cancel()
	if n := notice(t, cmd); n.Text != "Search cancelled." || n.Bad {
		t.Errorf("Cancel: %+v", n)
	}
	if m.Searching() || m.Busy() != "" || m.Cancellable() {
		t.Error("the search is still under way")
	}
	// It found its session among the loaded ones, but too late.
	msg := one(t, search)
	if sm, ok := msg.(detail.SearchedMsg); !ok || sm.Err != nil || len(sm.Result.Matches) != 1 {
		t.Fatalf("search answer %#v", msg)
	}
	m, ev, _ := m.Update(msg)
	if !isZero(ev) || m.Shown() != nil {
		t.Errorf("the cancelled search's answer: event %+v", ev)
	}
}

func TestLookupAndSearchSupersedeEachOther(t *testing.T) {
	sA := session(idA, "Dana")
	c := newStub(sA)
	c.list = []api.Session{*sA}
	m, _ := newModel(t, c)
	q, _ := resolve.Classify("#99")

	// A lookup after a search: the search is abandoned.
	m, search := m.Search(q, "#99", nil)
	m, _, fetch := m.Lookup(idA)
	if m.Searching() || !m.Fetching() {
		t.Fatalf("searching %v fetching %v", m.Searching(), m.Fetching())
	}
	searched := one(t, search)
	if sm := searched.(detail.SearchedMsg); sm.Err == nil {
		t.Errorf("the abandoned search ran with a live context: %#v", sm)
	}
	if m2, ev, _ := m.Update(searched); !isZero(ev) || !m2.Fetching() {
		t.Errorf("the abandoned search's answer: event %+v", ev)
	}
	// A search after a lookup: the lookup is abandoned.
	loaded := one(t, fetch)
	m, _ = m.Search(q, "#99", nil)
	if m.Fetching() || !m.Searching() {
		t.Fatalf("searching %v fetching %v", m.Searching(), m.Fetching())
	}
	if m2, ev, _ := m.Update(loaded); !isZero(ev) || m2.Shown() != nil {
		t.Errorf("the abandoned lookup's answer: event %+v", ev)
	}
	// Of two searches only the second answers.
	m, first := m.Search(q, "#99", nil)
	m, second := m.Search(q, "#99", nil)
	if m, ev, _ := m.Update(one(t, first)); !isZero(ev) || !m.Searching() {
		t.Errorf("the first search's answer: event %+v, searching %v", ev, m.Searching())
	}
	if _, ev, _ := m.Update(one(t, second)); !strings.HasPrefix(ev.Refused, "No session found for ticket 99") {
		t.Errorf("the second search's answer: %+v", ev)
	}
}

func TestSearchResults(t *testing.T) {
	dana := "dana@example.com"
	mine := func(id string) api.Session {
		s := session(id, "Dana Whitfield")
		s.Contact.ID, s.Contact.Email = "contact-dana", &dana
		return *s
	}
	other := *session(idD, "Someone Else")
	tests := []struct {
		name    string
		text    string
		loaded  []api.Session
		list    []api.Session
		found   *api.SearchResult
		err     error
		refused string
		arrived string
		pick    []string
		title   string
	}{
		{
			name: "nothing", text: "#999", loaded: []api.Session{*withTicket(session(idA, "A"), "ZD-1")}, list: []api.Session{other},
			refused: "No session found for ticket 999: queue: 0 of 1 loaded session; API: searched all 1 session (1 page).",
		},
		{
			name: "one among the loaded", text: "#ZD-1", loaded: []api.Session{other, *withTicket(session(idA, "A"), "ZD-1")},
			arrived: idA,
		},
		{
			name: "one from the API", text: "zd-7", list: []api.Session{other, *withTicket(session(idB, "B"), "ZD-7")},
			arrived: idB,
		},
		{
			name: "many", text: dana, list: []api.Session{mine(idA), other, mine(idB), mine(idC)},
			found: &api.SearchResult{Contacts: []api.SearchContact{{ID: "contact-dana", Email: dana}}},
			pick:  []string{idA, idC, idB}, // open, of the same age: by ID
			title: "3 sessions for email dana@example.com · API: searched contacts: 1 found; their sessions among all 4",
		},
		{
			name: "no contact", text: "Nobody Here",
			refused: "No session found for name Nobody Here: API: searched contacts: 0 found.",
		},
		{
			name: "the API refuses", text: "Dana", err: &api.Error{Kind: api.KindUnauthorized, Status: 401, Op: "search"},
			refused: "The API key was rejected (HTTP 401). Check OPENCX_API_KEY.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newStub()
			c.list, c.found, c.searchErr = tt.list, tt.found, tt.err
			m, _ := newModel(t, c)
			q, err := resolve.Classify(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var loaded resolve.Loaded // nil: no queue, as outside the TUI
			if tt.loaded != nil {
				loaded = resolve.Sessions(tt.loaded)
			}
			m, cmd := m.Search(q, tt.text, loaded)
			m, ev, cmd2 := m.Update(one(t, cmd))
			if cmd2 != nil || m.Searching() || m.Busy() != "" {
				t.Errorf("after the answer: cmd %v, searching %v", cmd2 != nil, m.Searching())
			}
			switch {
			case tt.refused != "":
				if ev.Refused != tt.refused || ev.Arrived != nil || ev.Pick != nil || m.Shown() != nil {
					t.Errorf("event %+v, want Refused %q", ev, tt.refused)
				}
			case tt.arrived != "":
				if ev.Arrived == nil || ev.Arrived.ID != tt.arrived || ev.Refused != "" || ev.Pick != nil {
					t.Fatalf("event %+v, want %s to arrive", ev, tt.arrived)
				}
				if m.Shown() == nil || m.Shown().ID != tt.arrived || !m.CanRefresh() || m.Title() != api.ShortID(tt.arrived) {
					t.Errorf("shown %v", m.Shown())
				}
				// A search's answer is as fresh as a fetch.
				if _, cmd := m.Prefetch(m.Shown()); cmd != nil {
					t.Error("the session a search found is not fresh")
				}
			default:
				if ev.Pick == nil || ev.Arrived != nil || ev.Refused != "" || m.Shown() != nil {
					t.Fatalf("event %+v, want a pick", ev)
				}
				if !strings.Contains(ev.Pick.Title, tt.title) {
					t.Errorf("picker title %q lacks %q", ev.Pick.Title, tt.title)
				}
				var ids []string
				for _, s := range ev.Pick.Sessions {
					ids = append(ids, s.ID)
				}
				if !slices.Equal(ids, tt.pick) {
					t.Errorf("the picker offers %v, want %v (no session of another contact)", ids, tt.pick)
				}
				// Choosing one shows it.
				if len(ev.Pick.Sessions) < 2 {
					t.Fatalf("the picker offers %d sessions", len(ev.Pick.Sessions))
				}
				cmd := ev.Pick.Choose(ev.Pick.Sessions[1])
				chosen, ok := one(t, cmd).(detail.ChosenMsg)
				if !ok || chosen.Session.ID != tt.pick[1] {
					t.Fatalf("chose %#v, want %s", chosen, tt.pick[1])
				}
				m, ev, _ = m.Update(chosen)
				if ev.Arrived == nil || ev.Arrived.ID != tt.pick[1] || m.Shown() == nil || m.Shown().ID != tt.pick[1] {
					t.Errorf("the chosen session: event %+v", ev)
				}
			}
		})
	}
}

func TestPrefetchSkipsFreshSessions(t *testing.T) {
	sA, sB, sC := session(idA, "A"), session(idB, "B"), session(idC, "C")
	c := newStub(sA, sB, sC)
	m, _ := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA) // A is fresh now

	m, cmd := m.Prefetch(sA, nil, sB, sC)
	if got := c.getCount(); got != 1 {
		t.Fatalf("Prefetch sent requests before its command ran: %d", got)
	}
	msgs := keytest.Run(cmd)
	if len(msgs) != 2 {
		t.Fatalf("%d prefetches (%#v), want B and C", len(msgs), msgs)
	}
	got := map[string]bool{}
	for _, msg := range msgs {
		p, ok := msg.(detail.PrefetchedMsg)
		if !ok || p.Session == nil || p.Session.ID != p.ID || !p.At.Equal(testNow) {
			t.Fatalf("prefetch message %#v", msg)
		}
		got[p.ID] = true
	}
	if !got[idB] || !got[idC] {
		t.Errorf("prefetched %v, want B and C", got)
	}
	// In flight: not asked for twice.
	if _, cmd := m.Prefetch(sB, sC); cmd != nil {
		t.Error("a neighbour in flight was prefetched again")
	}
	for _, msg := range msgs {
		var ev detail.Event
		m, ev, _ = m.Update(msg)
		if ev.Fresh == nil || ev.Arrived != nil || m.Shown() != sA {
			t.Errorf("a neighbour's prefetch: event %+v, shown %v", ev, m.Shown())
		}
	}
	// Fetched: fresh for a minute.
	if _, cmd := m.Prefetch(sA, sB, sC); cmd != nil {
		t.Error("fresh neighbours were prefetched")
	}
	if _, cmd := m.Tick(testNow.Add(59*time.Second)).Prefetch(sA, sB, sC); cmd != nil {
		t.Error("stale after 59s")
	}
	if msgs := keytest.Run(cmdOf(m.Tick(testNow.Add(time.Minute)).Prefetch(sA, sB))); len(msgs) != 2 {
		t.Errorf("after a minute %d prefetches, want A and B again", len(msgs))
	}
}

func TestFailedPrefetchIsDroppedAndMayBeTriedAgain(t *testing.T) {
	sB := session(idB, "B")
	c := newStub(sB)
	c.fail(idB, serverError(idB))
	m, _ := newModel(t, c)
	p, ok := one(t, cmdOf(m.Prefetch(sB))).(detail.PrefetchedMsg)
	if !ok || p.ID != idB || p.Session != nil {
		t.Fatalf("failed prefetch %#v", p)
	}
	m, ev, cmd := m.Update(p)
	if !isZero(ev) || cmd != nil || m.Failure() != nil {
		t.Errorf("a failed prefetch said something: event %+v", ev)
	}
	if _, cmd := m.Prefetch(sB); cmd == nil {
		t.Error("a failed prefetch is never tried again")
	}
}

func TestPrefetchStaysOffOnALowBudget(t *testing.T) {
	sB := session(idB, "B")
	c := newStub(sB)
	m, _ := newModel(t, c)
	for i, tt := range []struct {
		budget int
		on     bool
	}{{0, false}, {10, false}, {49, false}, {50, true}, {100, true}} {
		c.setBudget(tt.budget)
		m2, cmd := m.Prefetch(sB)
		m = m2
		if (cmd != nil) != tt.on {
			t.Errorf("budget %d: prefetch %v, want %v", tt.budget, cmd != nil, tt.on)
		}
		if cmd != nil {
			m, _, _ = m.Update(one(t, cmd))
			m = m.Tick(testNow.Add(time.Duration(i+1) * time.Hour)) // stale again
		}
	}
	if got := c.getCount(); got != 2 {
		t.Errorf("%d requests, want the two allowed prefetches", got)
	}
}

func TestStopCancelsPrefetches(t *testing.T) {
	sB := session(idB, "B")
	c := newStub(sB)
	m, _ := newModel(t, c)
	m, cmd := m.Prefetch(sB)
	m = m.Stop()
	p, ok := one(t, cmd).(detail.PrefetchedMsg)
	if !ok || p.Session != nil {
		t.Errorf("a prefetch after Stop: %#v", p)
	}
	if ctx := c.lastCtx(idB); ctx == nil || ctx.Err() == nil {
		t.Error("Stop left the prefetch's context live")
	}
}

func TestPrefetchedReplacesTheShownSessionAndEndsItsQuietRefresh(t *testing.T) {
	fromQueue := session(idA, "Dana (from the queue)")
	prefetched := session(idA, "Dana (prefetched)")
	c := newStub(session(idA, "Dana (refreshed)"))
	m, _ := newModel(t, c)
	m, refresh := m.Open(fromQueue)
	if !m.Fetching() || !m.Current().Quiet {
		t.Fatalf("no quiet refresh: %+v", m.Current())
	}
	// Another session's prefetch leaves the refresh running.
	m, ev, _ := m.Update(detail.PrefetchedMsg{ID: idB, Session: session(idB, "B"), At: testNow})
	if ev.Fresh == nil || ev.Fresh.ID != idB || m.Shown() != fromQueue || !m.Fetching() {
		t.Fatalf("B's prefetch: event %+v, shown %v, fetching %v", ev, m.Shown(), m.Fetching())
	}
	// The shown session's prefetch replaces it and ends the refresh.
	m, ev, cmd := m.Update(detail.PrefetchedMsg{ID: idA, Session: prefetched, At: testNow})
	if ev.Fresh != prefetched || ev.Arrived != nil || cmd != nil {
		t.Errorf("A's prefetch: event %+v", ev)
	}
	if m.Shown() != prefetched || m.Fetching() || m.Busy() != "" {
		t.Errorf("after A's prefetch: shown %v, fetching %v", m.Shown(), m.Fetching())
	}
	if v := m.View(); !strings.Contains(v, "Dana (prefetched)") || strings.Contains(v, "from the queue") {
		t.Errorf("the pane:\n%s", v)
	}
	// The refresh it ended was cancelled; its answer is dropped.
	msg := one(t, refresh)
	if ctx := c.lastCtx(idA); ctx == nil || ctx.Err() == nil {
		t.Error("the ended refresh's context is live")
	}
	m, ev, cmd = m.Update(msg)
	if !isZero(ev) || cmd != nil || m.Shown() != prefetched {
		t.Errorf("the ended refresh's answer: event %+v, cmd %v, shown %v", ev, cmd != nil, m.Shown())
	}
	// And it counts as fresh.
	if cmdOf(m.Prefetch(fromQueue)) != nil {
		t.Error("the prefetched session is not fresh")
	}
}

func TestPrefetchedDoesNotEndALookupTheUserWaitsFor(t *testing.T) {
	sA := session(idA, "Dana")
	c := newStub(sA)
	m, _ := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA)
	m = m.Tick(testNow.Add(2 * time.Minute))
	m, _, fetch := m.Lookup(idA)
	if !m.Fetching() || m.Current().Quiet {
		t.Fatalf("not a lookup: %+v", m.Current())
	}
	m, ev, _ := m.Update(detail.PrefetchedMsg{ID: idA, Session: session(idA, "Dana (prefetched)"), At: testNow})
	if ev.Fresh == nil || !m.Fetching() {
		t.Errorf("a prefetch ended a lookup the user waits for: event %+v, fetching %v", ev, m.Fetching())
	}
	if _, ev, _ = m.Update(one(t, fetch)); ev.Arrived == nil {
		t.Errorf("the lookup's answer was dropped: %+v", ev)
	}
}

// TestRetryDueDoesNotCancelASearch: after a 429 the user searches for
// something else; the automatic retry of the old lookup must not abandon
// that search (Search "supersedes any lookup"), yet it does: retryDue only
// checks Fetching, and Search does not bump retrySeq the way fetch does.
func TestRetryDueDoesNotCancelASearch(t *testing.T) {
	c := newStub()
	c.fail(idA, rateLimited(idA, 10*time.Second))
	c.list = []api.Session{*withTicket(session(idB, "B"), "ZD-7")}
	m, rec := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA)
	if rec.count() != 1 {
		t.Fatal("no retry scheduled")
	}
	q, _ := resolve.Classify("ZD-7")
	m, search := m.Search(q, "ZD-7", nil)
	m, _, cmd := m.Update(rec.call(0).f(testNow.Add(10 * time.Second)))
	if cmd != nil || !m.Searching() || m.Fetching() {
		t.Errorf("the retry took over: cmd %v, searching %v, fetching %v", cmd != nil, m.Searching(), m.Fetching())
	}
	if _, ev, _ := m.Update(one(t, search)); ev.Arrived == nil || ev.Arrived.ID != idB {
		t.Errorf("the search's answer was dropped: %+v", ev)
	}
}

func TestViewAndTitleWhenEmpty(t *testing.T) {
	m, _ := newModel(t, newStub())
	if m.View() != "" || m.Shown() != nil || m.Title() != "" || m.Failure() != nil {
		t.Errorf("an empty pane: view %q title %q", m.View(), m.Title())
	}
	if _, ok := m.ScrollPercent(); ok {
		t.Error("an empty pane scrolls")
	}
	// Keys do nothing without a session (r has nothing to fetch).
	for _, k := range []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyRunes, Runes: []rune("r")}} {
		if _, ev, cmd := m.Update(k); !isZero(ev) || cmd != nil {
			t.Errorf("%s on an empty pane: event %+v", k, ev)
		}
	}
}

// TestPrefetchMovedAwayAndBack: n then p moves the neighbours away from B
// and back, so B's first prefetch is cancelled and a second one starts.
// The first one's answer (cancelled, so empty) must not cancel the second.
// Came with 8acf066 (prefetches of former neighbours are cancelled):
// before it a former neighbour's prefetch was never cancelled.
func TestPrefetchMovedAwayAndBack(t *testing.T) {
	sB, sC := session(idB, "B"), session(idC, "C")
	c := newStub(sB, sC)
	m, _ := newModel(t, c)
	m, first := m.Prefetch(sB)
	m, _ = m.Prefetch(sC) // B is no longer a neighbour
	m, second := m.Prefetch(sB)
	if first == nil || second == nil {
		t.Fatalf("prefetches: first %v, second %v", first != nil, second != nil)
	}
	old, ok := one(t, first).(detail.PrefetchedMsg)
	if !ok || old.ID != idB {
		t.Fatalf("the first prefetch sent %#v", old)
	}
	m, _, _ = m.Update(old)
	p, ok := one(t, second).(detail.PrefetchedMsg)
	if !ok || p.Session == nil {
		t.Fatalf("the second prefetch was cancelled: %#v", p)
	}
	if m, ev, _ := m.Update(p); ev.Fresh == nil || cmdOf(m.Prefetch(sB)) != nil {
		t.Errorf("the second prefetch's answer: event %+v", ev)
	}
}

// cmdOf is the command of a Prefetch, for checks that keep no model.
func cmdOf(_ detail.Model, cmd tea.Cmd) tea.Cmd { return cmd }

// TestA429SaysOneThing: with a Retry-After the panel says the sentence and
// the countdown, not also "press r once the wait is over".
func TestA429SaysOneThing(t *testing.T) {
	c := newStub(session(idA, "Dana"))
	c.fail(idA, rateLimited(idA, 30*time.Second))
	m, _ := newModel(t, c)
	m, _, _ = lookedUp(t, m, idA)
	v := m.View()
	if strings.Contains(v, "once the wait is over") || strings.Count(v, "Retrying by itself") != 1 || !strings.Contains(v, "The API is rate limiting this key (HTTP 429).") {
		t.Errorf("the 429 panel says more than one thing:\n%s", v)
	}
}
