// Package queue is the session queue: a list of sessions loaded page by
// page from GET /chat/sessions, with server-side filters on single keys, a
// local text filter, an optional "needs attention" ordering, and paging
// that happens as the cursor nears the end.
package queue

import (
	"context"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

// KeyMap holds the queue's own keys, taken from the program's key map.
type KeyMap = keys.Queue

// DefaultKeyMap is the queue's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForQueue() }

// prefetchMargin is how close to the end of the loaded rows the cursor
// gets before the next page is requested.
const prefetchMargin = 10

// Model is the queue.
type Model struct {
	theme  *styles.Theme
	keys   KeyMap
	lister Lister
	now    time.Time

	filters   filter.Filters
	defaults  filter.Filters            // the filters cxi started with: what ResetFilters goes back to
	team      teamFilter                // local: the list endpoint has no team parameter
	reason    reasonFilter              // local: the list endpoint has no handoff reason parameter
	why       map[string]api.HandoffWhy // why each session was handed off, by lower-case ID (SetWhy)
	changed   bool                      // local: changed and new sessions only (*)
	flag      flagFilter                // local: sessions that trip an integrity rule (flags.go)
	flagged   map[string][]lint.Rule    // the rules each session trips, by ID: SetFlags
	attention bool
	text      string       // local filter, as normalText makes it
	match     textMatch    // text made ready to try against rows: see matchText
	results   *textResults // the views of the last texts typed, while the rows and other filters stand

	kinds   *kindTable    // the rows' shared cells; rows are made with it in the page commands
	decoded *decodedCache // the sessions last decoded from their rows

	rows  []*row         // every loaded session, in API order
	sigs  []rowSig       // what the text filter reads first of each row, by index in rows: see sign
	order []int32        // in the needs-attention order, every index into rows; nil when it is to be sorted again
	byID  map[string]int // session ID → index in rows
	view  []int          // indices into rows after the text filter and ordering
	sel   int            // cursor position in view
	top   int            // first visible position in view
	selID string         // the selected session, kept across refreshes
	// pinned keeps the cursor on the top row, in the needs-attention order,
	// until the user moves it: more urgent sessions arriving (a page, the
	// ranking's walk) take the top, and the top is where to look first.
	pinned bool

	gen     int // query generation
	cancel  context.CancelFunc
	next    string // cursor of the next page
	loading bool
	end     bool
	guard   paging.Guard // ends paging when the server repeats a cursor
	halt    error        // why paging stopped before the server's end
	err     error        // the last page error, shown as a row
	skipped int          // list items that could not be decoded

	width, height int
	widths        []int
	cols          []int

	auto autoRefresh
	rank ranking

	drawn *drawnRows // rows drawn when not selected: see warm
	bar   *drawnBar  // the filter bar as last drawn: see warm

	contactNeed, ticketNeed int // the widest contact and ticket loaded, for the column widths

	picked   map[string]bool       // rows selected for an action on several sessions
	counted  *selectionCount       // the selection counted, for the header: see countSelection
	splitAt  int                   // rows from which a scan splits across two cores (see keptSplit); 0 for defaultSplitAt
	anchor   string                // the row a range selection starts from: the last one selected
	reviewed int                   // reviewed sessions among those shown, counted when rows or marks change
	saving   map[string]api.Status // rows whose new status is being sent
	mem      Memory                // the local store; nil keeps nothing
	marks    map[string]mark       // what the user's history says of each row
	lastSync time.Time             // when the list was last read from the API
	newAfter time.Time             // a session made after this, and not kept before, is "new": the previous look, or this run's start
	cachedAt time.Time             // the rows on screen came from the store, as of then; zero once the API answered
	offline  bool                  // the API could not be reached: the rows are the store's
}

// New returns an empty queue; Reload starts loading.
func New(theme *styles.Theme, keys KeyMap, lister Lister, filters filter.Filters, attention bool, now time.Time) Model {
	return Model{theme: theme, keys: keys, lister: lister, filters: filters, defaults: filters, attention: attention, now: now, byID: map[string]int{},
		kinds: newKindTable(), decoded: newDecodedCache()}
}

// Reload drops the loaded rows and queries the first page with the current
// filters, cancelling any page still in flight.
func (m Model) Reload() (Model, tea.Cmd) {
	m.stop()
	m.gen++
	m.rows, m.view = nil, nil
	m.reindex()
	m.picked, m.anchor = nil, "" // the rows it named are gone with the old query
	m.sel, m.top, m.next, m.end, m.err, m.skipped = 0, 0, "", false, nil, 0
	m.pinned = true
	m.guard, m.halt = paging.Guard{}, nil
	m, load := m.load("", false, false)
	if !m.attention {
		return m, load
	}
	m, rank := m.startRanking()
	return m, tea.Batch(load, rank)
}

// Refresh re-queries the first page and merges it in, keeping the loaded
// rows and the selection: `r`, which the user waits for.
//
// With the local store and a sync behind it, it asks only for what changed
// since (see incremental) instead of the first page again.
func (m Model) Refresh() (Model, tea.Cmd) { return m.refresh(false) }

// refresh is Refresh as background work (auto-refresh) or not.
func (m Model) refresh(background bool) (Model, tea.Cmd) {
	if m.attention && m.rank.err != nil {
		var rank tea.Cmd
		m, rank = m.startRanking()
		m, load := m.refresh(background)
		return m, tea.Batch(rank, load)
	}
	if m.loading {
		return m, nil
	}
	if len(m.rows) == 0 {
		return m.Reload()
	}
	if m.mem != nil && !m.lastSync.IsZero() {
		return m.incremental("", background)
	}
	return m.load("", true, background)
}

// load asks for the page at cursor. Background loads (paging ahead,
// auto-refresh) hold no place in the limiter while they wait: see
// api.Background.
func (m Model) load(cursor string, refresh, background bool) (Model, tea.Cmd) {
	ctx := m.begin(background)
	return m, fetchPage(ctx, m.lister, m.kinds, query{gen: m.gen, cursor: cursor}, m.filters.Params(m.now), refresh, m.mem, m.now, m.newAfter)
}

// begin marks a page as under way and gives it its context, marked as
// background work when nobody waits for it.
func (m *Model) begin(background bool) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	if background {
		ctx = api.Background(ctx)
	}
	m.cancel, m.loading, m.err = cancel, true, nil
	return ctx
}

// stop cancels the page in flight; its answer will be dropped.
func (m *Model) stop() {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.loading = false
}

// Stop cancels any request in flight, for quitting.
func (m Model) Stop() Model { m.stop(); m.stopRanking(); return m }

// SetSize gives the list its size in cells.
func (m Model) SetSize(width, height int) Model {
	m.width, m.height = width, height
	m.cols, m.widths = layoutColumns(width, m.contactNeed, m.ticketNeed, m.mem != nil)
	m.scrollToSel()
	m.warm()
	return m
}

// SetNow updates the clock the ages are measured against.
func (m Model) SetNow(now time.Time) Model { m.now = now; return m }

// SetText filters the loaded rows by the words of text, as typed: see
// textfilter.go.
func (m Model) SetText(text string) Model {
	t := normalText(text)
	if t == m.text {
		return m
	}
	// "changed" decides on marks that change without a rebuild (Seen):
	// its views are not kept, and each text is looked for again.
	keep := !m.changed
	if keep && m.results == nil {
		m.results = &textResults{}
		m.results.keep(m.text, m.view, len(m.rows)) // the view shown is the old text's
	}
	m.matchText()
	old := m.match
	m.text = t
	m.matchText()
	if v, ok := m.results.find(t); ok && keep {
		m.view = v // a text typed a moment ago: a backspace, say
		m.place()
	} else if m.match.narrows(&old) {
		// Every row that holds the new words holds the old ones: the rows
		// shown already are the only ones to look at, in their order, for
		// the words they are not known to hold.
		m.narrow(m.match.unknownWords(&old))
	} else if old.narrows(&m.match) {
		// The other way round (a backspace): every row shown still shows,
		// and only the others are to be looked at.
		m.widen()
	} else {
		m.refilter()
	}
	if keep {
		m.results.keep(t, m.view, len(m.rows))
	}
	m.warm()
	return m
}

// matchText makes m.text ready to try against rows, when it is not yet:
// Restore and ResetFilters set the text itself.
func (m *Model) matchText() {
	if m.match.text != m.text {
		m.match = newTextMatch(m.kinds, m.text)
	}
}

// Filters are the current server-side filters.
func (m Model) Filters() filter.Filters { return m.filters }

// Loading reports whether a page is on its way.
func (m Model) Loading() bool { return m.loading }

// Len is the number of rows after the local filter.
func (m Model) Len() int { return len(m.view) }

// Loaded is the number of sessions loaded.
func (m Model) Loaded() int { return len(m.rows) }

// Selected is the session under the cursor, nil when the list is empty.
// It is decoded from the row's packed body, once while it stays among the
// last few asked for: the same row gives the same pointer.
func (m Model) Selected() *api.Session {
	if m.sel < 0 || m.sel >= len(m.view) {
		return nil
	}
	return m.decoded.session(m.rows[m.view[m.sel]])
}

// Neighbour returns the session delta rows away from the one with id, in
// the order on screen, or nil at either end.
func (m Model) Neighbour(id string, delta int) *api.Session {
	pos := m.position(id)
	if pos < 0 || pos+delta < 0 || pos+delta >= len(m.view) {
		return nil
	}
	return m.decoded.session(m.rows[m.view[pos+delta]])
}

// Select moves the cursor to the session with id, when it is in view, and
// asks for the next page when that brings the cursor near the end.
func (m Model) Select(id string) (Model, tea.Cmd) {
	if pos := m.position(id); pos >= 0 {
		m.pinned = false
		m.sel = pos
		m.selID = id
		m.scrollToSel()
	}
	return m.maybeLoadMore()
}

// Upsert replaces a loaded session with a fresher copy (from a lookup).
// The one row is made here, in Update: packing a body takes tens of
// microseconds.
func (m Model) Upsert(s *api.Session) Model {
	if i, ok := m.byID[s.ID]; ok {
		m.rows[i] = newRow(m.kinds, s)
		m.reindex() // its contact or ticket may have been the widest
		m.rebuild()
		m.countSelection()
	}
	return m
}

func (m Model) position(id string) int {
	i, ok := m.byID[id]
	if !ok {
		return -1
	}
	for pos, v := range m.view {
		if v == i {
			return pos
		}
	}
	return -1
}

// Update handles the queue's keys and its pages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.update(msg)
	m.warm()
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case PageLoadedMsg:
		if msg.q.gen != m.gen {
			return m, nil // a page of an older query
		}
		m.stop()
		m.annotate(msg.ann)
		m.offline = false
		if msg.q.incremental {
			m.merge(msg.page, msg.rows)
			if msg.page.Next != "" { // more changed than one page holds
				return m.incremental(msg.page.Next, msg.q.background)
			}
			return m.synced(msg.at)
		}
		m.add(msg.page, msg.rows, msg.q.cursor, msg.refresh)
		if msg.q.cursor == "" {
			var cmd tea.Cmd
			m, cmd = m.synced(msg.at)
			m, more := m.maybeLoadMore()
			return m, tea.Batch(cmd, more)
		}
		return m.maybeLoadMore()
	case PageFailedMsg:
		if msg.q.gen != m.gen {
			return m, nil
		}
		m.stop()
		m.err = msg.Err
		if len(m.rows) > 0 && !m.cachedAt.IsZero() && api.Unreachable(msg.Err) {
			m.offline, m.err = true, nil // the store's rows stand, marked as such
		}
		return m, nil
	case FilterChosenMsg:
		return m.setFilter(msg)
	case autoRefreshMsg:
		return m.refreshDue(msg)
	case rankPageMsg:
		return m.ranked(msg)
	case annotatedMsg:
		if msg.gen == m.gen {
			m.annotate(msg.ann)
			if m.changed { // the marks decide which rows show
				m.rebuild()
			}
		}
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	page := max(m.listHeight()-1, 1)
	switch {
	case key.Matches(msg, k.Select):
		return m.toggleSelected()
	case key.Matches(msg, k.SelectRange):
		return m.selectRange()
	case key.Matches(msg, k.SelectAll):
		return m.selectAll()
	case key.Matches(msg, k.Up):
		return m.move(-1)
	case key.Matches(msg, k.Down):
		return m.move(1)
	case key.Matches(msg, k.PageUp):
		return m.move(-page)
	case key.Matches(msg, k.PageDown):
		return m.move(page)
	case key.Matches(msg, k.Top):
		return m.move(-len(m.view))
	case key.Matches(msg, k.Bottom):
		return m.move(len(m.view))
	case key.Matches(msg, k.HandedOff):
		m.filters = m.filters.ToggleHandedOff()
		return m.Reload()
	case key.Matches(msg, k.Attention):
		// A new order is read from the top: that is where the sessions
		// needing attention now are.
		m.attention = !m.attention
		m.selID, m.pinned = "", true
		if !m.attention {
			// Newest activity first again: the ranking's walk added
			// sessions at the end of the rows, out of the API's order.
			newestFirst(m.rows)
			m.reindex()
		}
		m.rebuild()
		if !m.attention {
			m.stopRanking()
			return m, nil
		}
		return m.startRanking()
	case key.Matches(msg, k.Changed):
		m.changed = !m.changed
		m.rebuild()
		return m.maybeLoadMore()
	case key.Matches(msg, k.Refresh):
		return m.Refresh()
	case key.Matches(msg, k.AutoRefresh):
		return m.toggleAutoRefresh()
	}
	return m, nil
}

func (m Model) move(delta int) (Model, tea.Cmd) {
	if len(m.view) == 0 {
		return m, nil
	}
	m.pinned = false
	atEnd := m.sel == len(m.view)-1
	m.sel = min(max(m.sel+delta, 0), len(m.view)-1)
	m.selID = m.rows[m.view[m.sel]].id
	m.scrollToSel()
	if m.narrowed() {
		// With a text or team filter few rows may match, and paging
		// whenever the cursor is "near the end" would fetch every page
		// there is: load more only when the user pushes past the last match.
		if atEnd && delta > 0 {
			return m.LoadMore()
		}
		return m, nil
	}
	return m.maybeLoadMore()
}

// maybeLoadMore requests the next page, once, when the cursor nears the end
// (or the rows do not fill the screen). A local filter turns it off: see move.
func (m Model) maybeLoadMore() (Model, tea.Cmd) {
	if m.loading || m.end || m.err != nil || m.next == "" || m.narrowed() {
		return m, nil
	}
	if len(m.view)-m.sel > prefetchMargin && len(m.view) > m.listHeight() {
		return m, nil
	}
	return m.load(m.next, false, true)
}

// LoadMore asks for the next page regardless of the cursor (n at the end).
func (m Model) LoadMore() (Model, tea.Cmd) {
	if m.loading || m.end || m.next == "" {
		return m, nil
	}
	return m.load(m.next, false, false)
}

// End reports whether every page has been loaded.
func (m Model) End() bool { return m.end }

// add appends a page, or merges a refreshed first page in front; rows
// are its items' rows, made in the command that fetched it.
func (m *Model) add(p *api.SessionPage, rows []*row, cursor string, refresh bool) {
	m.skipped += len(p.Skipped)
	if refresh {
		fresh := make([]*row, 0, len(rows)+len(m.rows))
		seen := make(map[string]bool, len(rows))
		for _, r := range rows {
			fresh = append(fresh, r)
			seen[r.id] = true
		}
		// A loaded row absent from the new first page, though recent
		// enough to be on it, no longer matches the filters (resolved by
		// a colleague, say): it goes. Older rows stay, unconfirmed.
		oldest, whole := oldestUpdate(p.Items), p.Next == ""
		for _, r := range m.rows {
			if seen[r.id] {
				continue
			}
			if whole || r.updated.time().After(oldest) {
				continue
			}
			fresh = append(fresh, r)
		}
		m.rows = fresh
		m.reindex()
		// Nothing was loaded beyond page one, or what was came from the
		// store: the walk starts over from this page.
		if len(m.rows) == len(rows) || !m.cachedAt.IsZero() {
			m.guard, m.halt = paging.Guard{}, nil
			m.follow("", p)
		}
	} else {
		from := len(m.rows)
		for _, r := range rows {
			if _, dup := m.byID[r.id]; dup {
				continue // moved between pages while paging: keep the first
			}
			m.rows = append(m.rows, r)
			m.byID[r.id] = len(m.rows) - 1
		}
		m.follow(cursor, p)
		m.appended(from)
		return
	}
	m.rebuild()
}

// follow takes the page's next cursor, unless the guard says the server
// is going round in circles: then paging ends here, saying why.
func (m *Model) follow(cursor string, p *api.SessionPage) {
	m.next, m.end = p.Next, p.Next == ""
	if err := m.guard.Page(cursor, len(p.Items), p.Next); err != nil {
		m.next, m.end, m.halt = "", true, err
	}
}

// oldestUpdate is the earliest updated_at among items (zero when none).
func oldestUpdate(items []api.Session) time.Time {
	var oldest time.Time
	for i := range items {
		if t := items[i].UpdatedAt.Time; oldest.IsZero() || t.Before(oldest) {
			oldest = t
		}
	}
	return oldest
}

// rebuild recomputes the visible rows, their order and the cursor after
// the rows, a filter or the ordering changed, keeping the selection on
// the same session when it is still there. The views kept of the last
// texts typed no longer stand.
//
// The rows' index and the widest contact and ticket are kept as rows
// arrive and move (reindex, appended), not worked out again here: a
// keystroke in the filter must not pay for every row loaded.
func (m *Model) rebuild() {
	m.results = nil
	m.refilter()
}

// refilter makes the view again from every row, in the order shown: the
// needs-attention order is kept of all rows (order), so a view of some
// of them is never sorted.
func (m *Model) refilter() {
	m.sign()
	m.matchText()
	var view []int
	if m.attention {
		m.sortOrder()
		view = make([]int, 0, keptCap(m, m.order, m.match.words))
		view = keptSplit(m, view, m.order, m.match.words)
	} else {
		view = keptAll(m, make([]int, 0, keptCap[int](m, nil, m.match.words)), m.match.words)
	}
	m.view = view
	m.place()
}

// keepsAt reports whether the local filters (text, team, reason, changed,
// flags) show row i. The text is tried first, on the row's signature:
// the row itself is read only when the signature cannot answer.
func (m *Model) keepsAt(i int) bool {
	if len(m.match.words) > 0 && !m.match.holds(&m.sigs[i], m.rows, i) {
		return false
	}
	return !m.team.on && !m.reason.on && !m.changed && !m.flag.on || m.keepsOthers(i)
}

// keepsOthers reports whether the local filters but the text show row i.
func (m *Model) keepsOthers(i int) bool {
	r := m.rows[i]
	return m.team.keeps(r) && m.reason.keeps(m.why, r.id) && (!m.changed || m.changedRow(r.id)) && (!m.flag.on || m.flag.keeps(m.flagged[r.id]))
}

// place puts the cursor and the columns right for a new view, in the
// order it has.
func (m *Model) place() {
	if m.attention && m.pinned {
		m.selID = ""
	}
	m.sel = 0
	if pos := m.position(m.selID); pos >= 0 {
		m.sel = pos
	}
	if len(m.view) > 0 {
		m.selID = m.rows[m.view[m.sel]].id
	}
	m.scrollToSel()
	m.cols, m.widths = layoutColumns(m.width, m.contactNeed, m.ticketNeed, m.mem != nil)
	m.countReviewed()
}

// narrowed reports a local filter (text, team, changed): the rows shown
// are a part of those loaded, and paging waits for the user.
func (m Model) narrowed() bool {
	return m.text != "" || m.team.on || m.reason.on || m.changed || m.flag.on
}

// listHeight is the rows available below the filter bar and column titles.
func (m Model) listHeight() int { return max(m.height-len(m.filterBar())-1, 1) }

// scrollToSel moves the window just enough to show the cursor.
func (m *Model) scrollToSel() {
	h := m.listHeight()
	switch {
	case m.sel < m.top:
		m.top = m.sel
	case m.sel >= m.top+h:
		m.top = m.sel - h + 1
	}
	m.top = max(min(m.top, len(m.view)-h), 0)
}

// Beyond is n or p past the end of the rows from id: the next page when
// there is one (pending: the step waits for it), else why there is none,
// said on the status line with how long the rate budget makes a page wait.
func (m Model) Beyond(id string, delta int, wait time.Duration) (Model, tea.Cmd, bool) {
	loading := "Loading more sessions…"
	if wait = wait.Round(time.Second); wait >= time.Second {
		loading = fmt.Sprintf("Loading more sessions… waiting %s for the rate budget.", wait)
	}
	switch {
	case delta > 0 && m.loading:
		return m, common.Say(loading, false), true
	case delta > 0 && !m.end:
		var cmd tea.Cmd
		m, cmd = m.LoadMore()
		return m, tea.Batch(cmd, common.Say(loading, false)), true
	case m.Neighbour(id, 0) == nil:
		return m, common.Say("This session is not in the queue: no next or previous.", true), false
	case delta > 0:
		return m, common.Say("This is the last session of the queue.", false), false
	}
	return m, common.Say("This is the first session of the queue.", false), false
}
