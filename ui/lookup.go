package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
)

// freshFor is how long a fetched session counts as fresh: within it, n/p
// and reopening show it without asking the API again.
const freshFor = time.Minute

// lookup validates text and, when it holds a session ID, fetches it for the
// detail pane. Invalid input is reported at once and sends nothing.
func (m Model) lookup(text string) (Model, tea.Cmd) {
	id, err := api.ParseSessionID(text)
	if err != nil {
		m.inputErr = explain.Describe(err, "").Sentence
		return m, nil
	}
	m.inputErr = ""
	m.setInput(id)
	m.autoRetried = false
	return m.fetch(id, false)
}

// fetch asks for id as a new request, superseding and cancelling any
// other. A quiet fetch refreshes a session the pane already shows.
func (m Model) fetch(id string, quiet bool) (Model, tea.Cmd) {
	// One spinner tick chain at a time: a lookup that supersedes another
	// keeps the running one.
	spin := m.spinner.Tick
	if m.fetching() || quiet {
		spin = nil
	}
	m.endRequest()
	m.retrySeq++ // a pending automatic retry is superseded
	m.seq++
	m.current = request{seq: m.seq, id: id, quiet: quiet}
	m.inputAtRequest = m.input.Value()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	return m, tea.Batch(fetchSession(ctx, m.client, m.current, m.nowFunc), spin)
}

func (m Model) loaded(msg sessionLoadedMsg) (Model, tea.Cmd) {
	if msg.req != m.current {
		return m, nil // stale: the user moved on
	}
	m.endRequest()
	m.lastID = msg.req.id
	m.fetchedAt[msg.session.ID] = msg.at
	m.queue = m.queue.Upsert(msg.session)
	if msg.req.quiet && m.session() != nil && m.session().ID == msg.session.ID {
		m.detail = m.detail.Replace(msg.session)
		return m, nil
	}
	return m.show(msg.session, msg.at)
}

func (m Model) failed(msg sessionFailedMsg) (Model, tea.Cmd) {
	if msg.req != m.current {
		return m, nil
	}
	m.endRequest()
	m.lastID = msg.req.id
	f := explain.Describe(msg.err, msg.req.id)
	if msg.req.quiet {
		// The pane still shows the queue's copy: say the refresh failed
		// without hiding what is there.
		return m.say("Could not refresh: "+f.Advice(keys.Name(m.keys.Refresh)), true)
	}
	m.failure = &f
	m.arrive(viewDetail)
	return m, m.scheduleRetry()
}

// scheduleRetry retries a rate-limited lookup once by itself when its
// Retry-After time has passed; without one, the user decides (r).
func (m *Model) scheduleRetry() tea.Cmd {
	f := m.failure
	if f == nil || f.RetryAt.IsZero() || m.autoRetried {
		return nil
	}
	m.retrySeq++
	seq := m.retrySeq
	return m.timer(max(f.RetryAt.Sub(m.now), 0), func(time.Time) tea.Msg { return retryDueMsg{seq: seq} })
}

// retryDue runs the scheduled retry if nothing happened since: any other
// lookup bumps retrySeq, which turns the timer stale.
func (m Model) retryDue(msg retryDueMsg) (Model, tea.Cmd) {
	if msg.seq != m.retrySeq || m.failure == nil || m.fetching() || m.lastID == "" {
		return m, nil
	}
	m.autoRetried = true
	return m.fetch(m.lastID, false)
}

// show puts a session in the detail pane and remembers it.
func (m Model) show(s *api.Session, now time.Time) (Model, tea.Cmd) {
	m.failure = nil
	m.detail = m.detail.SetSession(s, now)
	m.remember(s.ID)
	m.arrive(viewDetail)
	return m, m.prefetchNeighbours(s.ID)
}

// arrive switches to the view an answer is for. Focus moves with it unless
// the user has typed in the input since asking: keys meant as text must
// never land in the view as commands.
func (m *Model) arrive(v view) {
	if m.focus == focusInput && m.input.Value() != m.inputAtRequest {
		m.view = v
		m.layout()
		return
	}
	m.openView(v)
}

// open shows a session from the queue at once (the list item is the whole
// session) and refreshes it in the background unless it is fresh.
func (m Model) open(s *api.Session) (Model, tea.Cmd) {
	m.endRequest()
	m, prefetch := m.show(s, m.now)
	m.lastID = s.ID
	if m.fresh(s.ID) {
		return m, prefetch
	}
	m, refresh := m.fetch(s.ID, true)
	return m, tea.Batch(refresh, prefetch)
}

// step moves the detail pane to the next (delta 1) or previous (-1)
// session of the queue, moving the queue's cursor along so that esc comes
// back to it.
func (m Model) step(delta int) (Model, tea.Cmd) {
	s := m.session()
	if s == nil {
		return m, nil
	}
	next := m.queue.Neighbour(s.ID, delta)
	if next == nil {
		switch {
		case delta > 0 && m.queue.Loading():
			m.pendingStep = true
			return m.say("Loading more sessions…", false)
		case delta > 0 && !m.queue.End():
			var cmd tea.Cmd
			m.queue, cmd = m.queue.LoadMore()
			m.pendingStep = true
			m, notice := m.say("Loading more sessions…", false)
			return m, tea.Batch(cmd, notice)
		case m.queue.Neighbour(s.ID, 0) == nil:
			return m.say("This session is not in the queue: no next or previous.", true)
		case delta > 0:
			return m.say("This is the last session of the queue.", false)
		default:
			return m.say("This is the first session of the queue.", false)
		}
	}
	var loadMore tea.Cmd
	m.queue, loadMore = m.queue.Select(next.ID)
	m, cmd := m.open(next)
	return m, tea.Batch(cmd, loadMore)
}

// fresh reports whether id was fetched within freshFor.
func (m Model) fresh(id string) bool {
	at, ok := m.fetchedAt[id]
	return ok && m.now.Sub(at) < freshFor
}

// prefetched takes a neighbour's fresh copy: into the queue, and into the
// pane when that session is on display (the user got there first).
func (m Model) prefetched(msg sessionPrefetchedMsg) Model {
	delete(m.prefetching, msg.id)
	if msg.session == nil {
		return m // failed: the queue's copy stands
	}
	m.fetchedAt[msg.id] = msg.at
	m.queue = m.queue.Upsert(msg.session)
	if s := m.session(); s != nil && s.ID == msg.id && m.failure == nil {
		m.detail = m.detail.Replace(msg.session)
		if m.current.quiet && m.current.id == msg.id {
			m.endRequest() // the background refresh has nothing left to add
		}
	}
	return m
}

// prefetchNeighbours fetches the sessions either side of id that are not
// fresh, so n/p show current data with no spinner. It stays off when the
// request budget runs low.
func (m Model) prefetchNeighbours(id string) tea.Cmd {
	if m.client.Budget() < budgetShareForRefresh {
		return nil
	}
	var cmds []tea.Cmd
	for _, delta := range []int{1, -1} {
		n := m.queue.Neighbour(id, delta)
		if n == nil {
			continue
		}
		if m.fresh(n.ID) || m.prefetching[n.ID] {
			continue
		}
		m.prefetching[n.ID] = true // one prefetch per neighbour at a time
		cmds = append(cmds, prefetchSession(m.background, m.client, n.ID, m.nowFunc))
	}
	return tea.Batch(cmds...)
}

func (m Model) refresh() (Model, tea.Cmd) {
	if m.lastID == "" {
		return m, nil
	}
	if f := m.failure; f != nil && f.RetryAt.After(m.now) {
		wait := f.RetryAt.Sub(m.now).Round(time.Second)
		return m.say(fmt.Sprintf("Still rate limited: retry in %s.", wait), true)
	}
	quiet := m.failure == nil && m.session() != nil && m.session().ID == m.lastID
	m.autoRetried = false
	return m.fetch(m.lastID, quiet)
}

// cancelLookup is esc during a lookup. The input goes back to the session
// on display, so that r refreshes what is seen.
func (m Model) cancelLookup() (Model, tea.Cmd) {
	id := m.current.id
	m.endRequest()
	if s := m.session(); s != nil && m.view == viewDetail && m.focus == focusView {
		m.setInput(s.ID)
	}
	return m.say(fmt.Sprintf("Cancelled the lookup of %s.", api.ShortID(id)), false)
}

// endRequest forgets the current lookup and cancels its context: to
// abandon it (its answer will then be dropped as stale) or, once answered,
// to release the context.
func (m *Model) endRequest() {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.current = request{}
}
