// Package detail is the detail pane and the life of the session in it: the
// lookup or search under way (one request scheme for both), its
// cancellation, the failure and its retry (by hand, or once by itself after
// a 429's Retry-After), how fresh each fetched session is, and the
// neighbours fetched ahead of n/p. It renders one session in panels inside a
// scrollable viewport.
package detail

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap holds the pane's keys, taken from the program's key map.
type KeyMap = keys.Detail

// DefaultKeyMap is the pane's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForDetail() }

// Client is what the pane needs from the API client.
type Client interface {
	resolve.Client
	CSAT(ctx context.Context, sessionID string) (*api.CSATScore, error)
	Budget() int          // requests left this minute, queued ones counted as spent
	Delay() time.Duration // how long a request asked for now waits for the limiter
}

// Model is the detail pane with its session's lifecycle.
type Model struct {
	ctx    common.Context
	keys   KeyMap
	client Client
	pane   pane
	now    time.Time

	seq       int                // last request number handed out
	current   Request            // the lookup whose answer is wanted; zero when idle
	searching string             // what the search under way is for; "" when none
	cancel    context.CancelFunc // cancels the lookup or search under way
	waitUntil time.Time          // when the limiter lets the lookup under way go, if it must wait
	lastID    string             // the ID of the last lookup, for r
	failure   *explain.Failure   // the last lookup's error, shown instead of the panels

	retrySeq    int  // identifies the pending automatic retry after a 429
	autoRetried bool // the automatic retry has been spent for this lookup

	mem       Memory                 // the local store; nil keeps nothing
	recalled  RecalledMsg            // what the store said of the session shown
	offlineAt time.Time              // the session shown is the store's copy, as fetched then; zero when it is the API's
	saving    api.Status             // a new status being sent for the session shown; "" when none
	flags     map[string][]lint.Flag // integrity flags by session ID (flags.go)

	fetchedAt   map[string]time.Time // when each session was last fetched fresh
	prefetching map[string]prefetch  // neighbours being fetched ahead of n/p
	prefetchSeq int                  // numbers each prefetch, so that a late answer ends only its own
	background  context.Context      // for prefetches; cancelled by Stop
	stopAll     context.CancelFunc

	why        map[string]api.HandoffWhy // why each session was handed off, by lower-case ID (SetWhy)
	extras     extras                    // the shown session's reasons, rating and other sessions
	stopExtras context.CancelFunc        // cancels the questions asked for the last session enriched
}

// Event is what an update of the pane means for the rest of the screen.
type Event struct {
	Arrived *api.Session           // a lookup answered with this session: show the pane, remember it
	Failed  bool                   // a lookup failed: show the pane, which says why
	Fresh   *api.Session           // a freshly fetched copy of a session, for the queue
	Refused string                 // why the input's text was not looked up or found nothing
	Pick    *overlay.SessionChoice // several sessions matched a search: the root opens the picker
	Seen    *RecalledMsg           // the user looked at a session: what their history says of it
}

// New returns an empty pane.
func New(ctx common.Context, client Client) Model {
	m := Model{
		ctx: ctx, keys: ctx.Keys.ForDetail(), client: client, now: ctx.Now(),
		pane:      newPane(ctx.Theme, ctx.Keys.ForDetail()),
		fetchedAt: map[string]time.Time{}, prefetching: map[string]prefetch{},
	}
	m.background, m.stopAll = context.WithCancel(context.Background())
	return m
}

// WithMemory gives the pane the local store.
func (m Model) WithMemory(mem Memory) Model { m.mem = mem; return m }

// Update takes the pane's own messages, and keys while it is in view.
func (m Model) Update(msg tea.Msg) (Model, Event, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		return m.loaded(msg)
	case FailedMsg:
		return m.failed(msg)
	case PrefetchedMsg:
		return m.prefetched(msg)
	case RatedMsg:
		return m.rated(msg), Event{}, nil
	case OthersMsg:
		return m.othersFound(msg), Event{}, nil
	case RetryDueMsg:
		m, cmd := m.retryDue(msg)
		return m, Event{}, cmd
	case SearchedMsg:
		return m.searched(msg)
	case ChosenMsg:
		if msg.Kept != nil {
			return m.openKept(*msg.Kept)
		}
		return m.showFound(msg.Session)
	case RecalledMsg:
		if s := m.pane.Session(); s == nil || s.ID != msg.ID {
			return m, Event{}, nil
		}
		if msg.ID == m.recalled.ID && len(msg.Change.Fields) == 0 {
			// A refresh of the session in view is compared with the look
			// that opened it: what changed since the last visit stands.
			msg.Change = m.recalled.Change
		}
		m.recalled = msg
		m.pane = m.pane.SetBanner(m.banner())
		return m, Event{Seen: &msg}, nil
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Refresh) {
			m, cmd := m.Refresh()
			return m, Event{}, cmd
		}
		if key.Matches(msg, m.keys.Others) && m.HasOthers() {
			return m, m.othersChoice(), nil
		}
		if m.Shown() != nil {
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(msg)
			return m, Event{}, cmd
		}
	}
	return m, Event{}, nil
}

// Tick moves the clock: countdowns every second, ages in the panels when
// the minute changes.
func (m Model) Tick(now time.Time) Model {
	minuteChanged := now.Truncate(time.Minute) != m.now.Truncate(time.Minute)
	m.now = now
	if minuteChanged && m.pane.Session() != nil {
		m.pane = m.pane.SetNow(now)
	}
	return m
}

// SetSize gives the pane its size in cells.
func (m Model) SetSize(width, height int) Model {
	m.pane = m.pane.SetSize(width, height)
	return m
}

// Shown is the session on display, nil when none is (or a failure is
// shown instead): what copying and n/p act on.
func (m Model) Shown() *api.Session {
	if m.failure != nil {
		return nil
	}
	return m.pane.Session()
}

// Current is the lookup under way; zero when none.
func (m Model) Current() Request { return m.current }

// Fetching reports whether a lookup is under way.
func (m Model) Fetching() bool { return m.current.Seq != 0 }

// Searching reports whether a search is under way.
func (m Model) Searching() bool { return m.searching != "" }

// Failure is why the last lookup failed, nil when it did not.
func (m Model) Failure() *explain.Failure { return m.failure }

// CanRefresh reports whether r has a session to fetch again.
func (m Model) CanRefresh() bool { return m.lastID != "" }

// Cancellable reports whether esc would cancel something the user waits
// for: a search, or a lookup that is not a quiet refresh.
func (m Model) Cancellable() bool { return m.Searching() || (m.Fetching() && !m.current.Quiet) }

// Busy says what the user is waiting for, for the status line; "" when
// nothing (a quiet refresh is not waited for).
func (m Model) Busy() string {
	switch {
	case m.Searching():
		return m.searching
	case m.Fetching() && !m.current.Quiet:
		if wait := m.waitUntil.Sub(m.now).Round(time.Second); wait >= time.Second {
			return fmt.Sprintf("Fetching %s (waiting %s for the rate budget)", api.ShortID(m.current.ID), wait)
		}
		return "Fetching " + api.ShortID(m.current.ID)
	}
	return ""
}

// Title is the session the pane is about, short, for the header.
func (m Model) Title() string {
	if s := m.Shown(); s != nil {
		return render.Line(api.ShortID(s.ID))
	}
	return render.Line(api.ShortID(m.lastID))
}

// ScrollPercent is how far down the panels are scrolled, when they scroll.
func (m Model) ScrollPercent() (float64, bool) {
	if m.Shown() == nil || !m.pane.Scrollable() {
		return 0, false
	}
	return m.pane.ScrollPercent(), true
}

// Leave is the pane left for the queue: what failed is forgotten and a
// background refresh of the session left behind is dropped.
func (m Model) Leave() Model {
	m.failure = nil
	m.endRequest()
	return m
}

// Stop cancels everything under way, for quitting.
func (m Model) Stop() Model {
	m.endRequest()
	m.stopAll()
	return m
}

// View draws the panels, or why the lookup failed.
func (m Model) View() string {
	if m.failure != nil {
		return m.failureView()
	}
	return m.pane.View()
}
