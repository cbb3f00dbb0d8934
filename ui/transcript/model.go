// Package transcript shows a session's history in a scrollable viewport,
// loading further pages as the reader nears the end.
package transcript

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/scroll"
)

// KeyMap holds the transcript's keys: scrolling, and retrying a page.
type KeyMap = keys.Transcript

// DefaultKeyMap is the transcript's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForTranscript() }

// loadMargin is how many lines from the bottom the next page is requested.
const loadMargin = 20

// Model is the transcript of one session.
type Model struct {
	theme     *styles.Theme
	keys      KeyMap
	historian Historian
	sessionID string
	now       time.Time

	events    []api.Event
	rendered  []string // one block per event, for the current width
	next      string
	awaiting  string // the cursor of the page in flight
	loading   bool
	started   bool
	end       bool
	toEnd     bool         // G was pressed: load every page left, then land on the last event
	seen      overlap      // the events loaded: a page that repeats them adds nothing twice
	guard     paging.Guard // ends paging when the server repeats a cursor
	halt      error        // why paging stopped before the server's end
	mem       Memory       // the local store; nil keeps nothing
	offlineAt time.Time    // the events are the store's, as read then; zero when the API's
	keptWhole bool         // with offlineAt: the store holds every page, not only the first ones
	err       error
	skipped   int
	find      search // the search within the loaded history
	cancel    context.CancelFunc

	width, height int
	viewport      viewport.Model
}

// New returns the transcript of sessionID; Start loads the first page.
func New(theme *styles.Theme, keys KeyMap, h Historian, sessionID string, now time.Time) Model {
	return Model{theme: theme, keys: keys, historian: h, sessionID: sessionID, now: now, viewport: scroll.New(keys.Scroll), find: newSearch()}
}

// SessionID is the session whose history this is.
func (m Model) SessionID() string { return m.sessionID }

// Start requests the first page.
func (m Model) Start() (Model, tea.Cmd) {
	m.started = true
	return m.load("")
}

// AtLatest makes Start open the history at its latest event: the history
// pages oldest first, so every page is read, as G reads them, and the view
// lands on the last event ([transcript] open_at = "latest").
func (m Model) AtLatest() Model {
	m.toEnd = true
	return m
}

// Stop cancels a page in flight, when the view closes.
func (m Model) Stop() Model {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel, m.loading = nil, false
	return m
}

func (m Model) load(cursor string) (Model, tea.Cmd) {
	m = m.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel, m.loading, m.err, m.awaiting = cancel, true, nil, cursor
	m.relayout()
	return m, fetchPage(ctx, m.historian, page{sessionID: m.sessionID, cursor: cursor}, m.mem)
}

// SetSize gives the transcript its size and re-wraps every event.
func (m Model) SetSize(width, height int) Model {
	if width == m.width && height == m.height {
		return m
	}
	rewrap := width != m.width
	m.width, m.height = width, height
	m.viewport.Width, m.viewport.Height = width, height
	if rewrap {
		m.rendered = m.rendered[:0:0]
		for i := range m.events {
			m.rendered = append(m.rendered, renderEvent(m.theme, &m.events[i], width, m.now))
		}
	}
	m.relayout()
	return m
}

// Update scrolls and takes pages in.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case PageLoadedMsg:
		if msg.req.sessionID != m.sessionID || msg.req.cursor != m.awaiting || !m.loading {
			return m, nil
		}
		m = m.Stop()
		m.add(msg.req.cursor, msg.page)
		chasing := m.toEnd
		m.toEnd = m.toEnd && !m.end
		m.relayout()
		if chasing {
			m.viewport.GotoBottom()
		}
		m, more := m.maybeLoadMore()
		if more != nil {
			return m, more
		}
		return m, m.keep()
	case recalledMsg:
		if msg.req.sessionID != m.sessionID || msg.req.cursor != m.awaiting || !m.loading {
			return m, nil
		}
		m = m.Stop()
		m.offlineAt, m.keptWhole = msg.at, msg.complete
		m.add("", &api.HistoryPage{Items: msg.events})
		chasing := m.toEnd
		m.next, m.end, m.toEnd = "", true, false
		m.relayout()
		if chasing {
			m.viewport.GotoBottom()
		}
		return m, nil
	case PageFailedMsg:
		if msg.req.sessionID != m.sessionID || msg.req.cursor != m.awaiting || !m.loading {
			return m, nil
		}
		m = m.Stop()
		m.err = msg.Err
		m.relayout()
		return m, nil
	case tea.KeyMsg:
		if next, cmd, ok := m.searchKey(msg); ok {
			return next, cmd
		}
		switch {
		case key.Matches(msg, m.keys.Refresh) && m.err != nil:
			return m.load(m.next)
		case key.Matches(msg, m.keys.Refresh) && m.Offline():
			// The store's copy: ask the API again, from the first page.
			fresh := New(m.theme, m.keys, m.historian, m.sessionID, m.now).WithMemory(m.mem).SetSize(m.width, m.height)
			return fresh.Start()
		case key.Matches(msg, m.keys.Scroll.Bottom):
			// The end of the history is its last event, not the last
			// page loaded so far: keep loading until there.
			m.toEnd = !m.end
			m.relayout()
		case key.Matches(msg, m.keys.Scroll.Up), key.Matches(msg, m.keys.Scroll.PageUp),
			key.Matches(msg, m.keys.Scroll.HalfPageUp), key.Matches(msg, m.keys.Scroll.Top):
			m.toEnd = false // the reader went back up: stop chasing the end
		}
	}
	var cmd tea.Cmd
	m.viewport, cmd = scroll.Update(m.viewport, m.keys.Scroll, msg)
	m, more := m.maybeLoadMore()
	return m, tea.Batch(cmd, more)
}

// add takes a page in: events not loaded before (by ID, or without one by
// time, type, sender and text), and the next cursor unless the server is
// going round in circles.
func (m *Model) add(cursor string, p *api.HistoryPage) {
	m.skipped += len(p.Skipped)
	for _, e := range m.seen.fresh(p.Items) {
		m.events = append(m.events, e)
		m.rendered = append(m.rendered, renderEvent(m.theme, &e, m.width, m.now))
	}
	m.next, m.end = p.Next, p.Next == ""
	if err := m.guard.Page(cursor, len(p.Items), p.Next); err != nil {
		m.next, m.end, m.halt = "", true, err
	}
}

// maybeLoadMore asks for the next page when the reader nears the bottom,
// or when what is loaded does not fill the screen yet.
func (m Model) maybeLoadMore() (Model, tea.Cmd) {
	if m.loading || m.end || m.err != nil || !m.started {
		return m, nil
	}
	if m.toEnd {
		return m.load(m.next)
	}
	remaining := m.viewport.TotalLineCount() - (m.viewport.YOffset + m.viewport.Height)
	if remaining > loadMargin {
		return m, nil
	}
	return m.load(m.next)
}

// relayout joins the rendered events, the search's highlights and the
// tail line into the viewport, a line shorter while a search is on.
func (m *Model) relayout() {
	if m.width <= 0 {
		return
	}
	var b strings.Builder
	for i, r := range m.rendered {
		if i > 0 {
			b.WriteString(separator(m.rendered[i-1], r))
		}
		b.WriteString(r)
	}
	var lines []string
	if b.Len() > 0 {
		lines = strings.Split(b.String(), "\n")
	}
	m.find.content = lines
	m.find.findHits(m.viewport.YOffset)
	lines = m.highlight(lines)
	if tail := m.tail(); tail != "" {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, tail)
	}
	m.viewport.Height = m.height
	if m.Searching() {
		m.viewport.Height = max(m.height-1, 1) // the search's line below
	}
	m.viewport.SetContent(strings.Join(lines, "\n"))
}

func (m Model) tail() string {
	t := m.theme
	var s string
	switch {
	case m.err != nil:
		s = t.Error.Render("Could not load the history: " + explain.Describe(m.err, m.sessionID).Sentence + " · " + keys.Name(m.keys.Refresh) + " retries")
	case m.toEnd:
		s = t.Marker.Render(fmt.Sprintf("⋯ loading the rest of the history to reach its end: %s so far, page %d…", events(len(m.events)), m.guard.Pages()+1))
	case m.loading:
		s = t.Muted.Render("⋯ loading the history…")
	case !m.offlineAt.IsZero():
		kept := plural.Count(len(m.events), "event") + " kept"
		if !m.keptWhole {
			kept = "the first " + kept + "; the rest was never fetched"
		}
		s = t.Marker.Render(fmt.Sprintf("— offline — as fetched at %s: %s —", m.offlineAt.Local().Format("15:04"), kept))
	case m.halt != nil:
		s = t.Marker.Render(fmt.Sprintf("— %s; %s loaded —", render.Line(m.halt.Error()), events(len(m.events))))
	case m.end && len(m.events) == 0:
		s = t.Muted.Render("No events in this session's history.")
	case m.end:
		s = t.Muted.Render("— end of the history: " + events(len(m.events)) + " —")
	}
	if m.skipped > 0 {
		s += t.Marker.Render("  (" + plural.CountAs(m.skipped, "unreadable event", "unreadable events") + " skipped)")
	}
	return s
}

func events(n int) string { return plural.CountAs(n, "event", "events") }

// Offline reports whether the events are the store's, because the API
// could not be reached.
func (m Model) Offline() bool { return !m.offlineAt.IsZero() }

// Loaded is the number of events loaded.
func (m Model) Loaded() int { return len(m.events) }

// ScrollPercent is how far down the transcript is scrolled.
func (m Model) ScrollPercent() float64 { return m.viewport.ScrollPercent() }

// View draws the visible lines, and the search's line while one is on.
func (m Model) View() string {
	if m.Searching() {
		return m.viewport.View() + "\n" + m.barView()
	}
	return m.viewport.View()
}
