package detail

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
)

// freshFor is how long a fetched session counts as fresh: within it, n/p
// and reopening show it without asking the API again.
const freshFor = time.Minute

// Lookup validates text and, when it holds a session ID, fetches it.
// Invalid text is refused at once and sends nothing.
func (m Model) Lookup(text string) (Model, Event, tea.Cmd) {
	id, err := api.ParseSessionID(text)
	if err != nil {
		return m, Event{Refused: explain.Describe(err, "").Sentence}, nil
	}
	m.autoRetried = false
	m, cmd := m.fetch(id, false)
	return m, Event{}, cmd
}

// LookupID is the ID Lookup would fetch for text, "" when it would refuse it.
func LookupID(text string) string {
	id, err := api.ParseSessionID(text)
	if err != nil {
		return ""
	}
	return id
}

// fetch asks for id as a new request, superseding and cancelling any
// other. A quiet fetch refreshes a session the pane already shows.
func (m Model) fetch(id string, quiet bool) (Model, tea.Cmd) {
	ctx := m.begin()
	m.current = Request{Seq: m.seq, ID: id, Quiet: quiet}
	if quiet {
		// Nobody waits for a refresh of what is on screen: it must not
		// hold a place in the limiter ahead of what the user asks next.
		ctx = api.Background(ctx)
	} else if d := m.client.Delay(); d > 0 {
		m.waitUntil = m.now.Add(d)
	}
	return m, fetchSession(ctx, m.client, m.current, m.ctx.Now, m.mem)
}

// begin ends whatever is under way and hands out a new request number and
// context: lookups and searches share them, so that each supersedes the
// other.
func (m *Model) begin() context.Context {
	m.endRequest()
	m.retrySeq++ // a pending automatic retry is superseded, by a search too
	m.seq++
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	return ctx
}

// endRequest forgets what is under way and cancels its context: to abandon
// it (its answer will then be dropped as stale) or, once answered, to
// release the context.
func (m *Model) endRequest() {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.current = Request{}
	m.searching = ""
	m.waitUntil = time.Time{}
}

func (m Model) loaded(msg LoadedMsg) (Model, Event, tea.Cmd) {
	if msg.Req != m.current {
		return m, Event{}, nil // stale: the user moved on
	}
	m.endRequest()
	m.lastID = msg.Req.ID
	m.fetchedAt[msg.Session.ID] = msg.At
	ev := Event{Fresh: msg.Session}
	m.offlineAt = time.Time{}
	if msg.Offline {
		ev.Fresh, m.offlineAt = nil, msg.At // the store's copy is no news for the queue
	}
	if msg.Req.Quiet && m.pane.Session() != nil && m.pane.Session().ID == msg.Session.ID {
		m.pane = m.pane.Replace(msg.Session)
		m.pane = m.pane.SetBanner(m.banner())
		return m, ev, m.remember(msg)
	}
	m = m.show(msg.Session, msg.At)
	ev.Arrived = msg.Session
	return m, ev, m.remember(msg)
}

func (m Model) failed(msg FailedMsg) (Model, Event, tea.Cmd) {
	if msg.Req != m.current {
		return m, Event{}, nil
	}
	m.endRequest()
	m.lastID = msg.Req.ID
	f := explain.Describe(msg.Err, msg.Req.ID)
	if msg.Req.Quiet {
		// The pane still shows the queue's copy: say the refresh failed
		// without hiding what is there.
		return m, Event{}, common.Say("Could not refresh: "+f.Advice(keys.Name(m.keys.Refresh)), true)
	}
	if msg.NotCached {
		f.Detail = strings.TrimSpace(f.Detail + " Not in local history either: cxi never fetched this session.")
	}
	m.failure = &f
	return m, Event{Failed: true}, m.scheduleRetry()
}

// show puts a session in the pane, with the banner of what the store
// said of it when that was this session.
func (m Model) show(s *api.Session, now time.Time) Model {
	m.failure = nil
	m.pane = m.pane.SetSession(s, now)
	m.pane = m.pane.SetBanner(m.banner())
	return m
}

// Open shows a session from the queue at once (the list item is the whole
// session) and refreshes it in the background unless it is fresh.
func (m Model) Open(s *api.Session) (Model, tea.Cmd) {
	m.endRequest()
	m.offlineAt = time.Time{}
	m = m.show(s, m.now)
	m.lastID = s.ID
	look := recall(m.mem, s, m.now)
	if m.fresh(s.ID) {
		return m, look
	}
	m, cmd := m.fetch(s.ID, true)
	return m, tea.Batch(cmd, look)
}

// Refresh fetches the last session again, unless the API said to wait.
func (m Model) Refresh() (Model, tea.Cmd) {
	if m.lastID == "" {
		return m, nil
	}
	if f := m.failure; f != nil && f.RetryAt.After(m.now) {
		wait := f.RetryAt.Sub(m.now).Round(time.Second)
		return m, common.Say(fmt.Sprintf("Still rate limited: retry in %s.", wait), true)
	}
	quiet := m.Shown() != nil && m.Shown().ID == m.lastID
	m.autoRetried = false
	return m.fetch(m.lastID, quiet)
}

// Cancel is esc while the user waits: the search or lookup is abandoned.
func (m Model) Cancel() (Model, tea.Cmd) {
	switch {
	case m.Searching():
		m.endRequest()
		return m, common.Say("Search cancelled.", false)
	case m.Fetching():
		id := m.current.ID
		m.endRequest()
		return m, common.Say(fmt.Sprintf("Cancelled the lookup of %s.", api.ShortID(id)), false)
	}
	return m, nil
}

// fetchSession runs one lookup off the UI goroutine and reports its result.
// What it fetched goes into the local store once the pane shows it (see
// remember): saving first cost the user the save's time on every Enter.
// When the API cannot be reached, the store's copy (mem may be nil)
// answers, marked as such.
func fetchSession(ctx context.Context, client Client, req Request, now func() time.Time, mem Memory) tea.Cmd {
	return func() tea.Msg {
		s, err := client.GetSession(ctx, req.ID)
		if err != nil {
			if !api.Unreachable(err) {
				return FailedMsg{Req: req, Err: err}
			}
			if kept, ok := fromMemory(ctx, mem, req); ok {
				return kept
			}
			return FailedMsg{Req: req, Err: err, NotCached: mem != nil}
		}
		return LoadedMsg{Req: req, Session: s, At: now()}
	}
}
