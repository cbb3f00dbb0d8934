package queue

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/render"
)

// Memory is what the queue needs of the local store: it keeps every page,
// tells what changed since the user last looked, and holds the review
// marks. A nil *store.Store is a Memory that keeps nothing.
type Memory interface {
	SaveSessions(ctx context.Context, sessions []api.Session, at time.Time) error
	Session(ctx context.Context, id string) (*api.Session, time.Time, bool, error)
	Changes(ctx context.Context, sessions []api.Session) (map[string]store.Change, error)
	Marks(ctx context.Context, ids []string) (map[string]store.Mark, error)
	Sync(ctx context.Context, key string) (time.Time, error)
	SetSync(ctx context.Context, key string, at time.Time) error
	// Sessions is the kept sessions q asks for: the rest of those the
	// queue starts with, read after the first frame (readRest).
	Sessions(ctx context.Context, q store.Query) ([]api.Session, error)
}

// KeptAtStart is how many kept sessions the queue starts with: a few
// screens, more than anyone pages through before the API answers. The
// first screen's worth is read before the first frame (WithMemory's
// cached); the rest after it, so that the first frame waits for no more
// than it shows.
const KeptAtStart = 500

// mark is what a row shows of the user's own history with its session.
type mark struct {
	change store.Change
	review store.Mark
	isNew  bool // not in the store before this visit
}

// annotation is what the store said of a page's sessions.
type annotation struct {
	changes map[string]store.Change
	marks   map[string]store.Mark
	fresh   map[string]bool // sessions the store did not hold before this page
	rest    []api.Session   // the kept sessions after the first screen's (readRest)
}

// remember keeps a page in the store and reads back what the user's
// history says of its sessions. It runs inside the page's command: the
// store is I/O like the API. Errors leave the page unannotated: the
// store is a help, never a reason to fail a page.
func remember(ctx context.Context, mem Memory, items []api.Session, at, newAfter time.Time) annotation {
	var a annotation
	if mem == nil || len(items) == 0 {
		return a
	}
	a.fresh = map[string]bool{}
	for i := range items {
		s := &items[i]
		// New is new since the previous look: not kept before, and made
		// after it. A session the store never held because no page that
		// deep was read before is old news, not new.
		made := s.CreatedAt
		if !made.Valid() {
			made = s.UpdatedAt // the contract requires created_at; an answer without it is still read
		}
		if made.Valid() && !made.Time.After(newAfter) {
			continue
		}
		if _, _, ok, err := mem.Session(ctx, s.ID); err == nil && !ok {
			a.fresh[s.ID] = true
		}
	}
	_ = mem.SaveSessions(ctx, items, at)
	a.changes, a.marks = recall(ctx, mem, items)
	return a
}

// recall reads what the store says of sessions: what changed since the
// user last looked, and their review marks and notes.
func recall(ctx context.Context, mem Memory, sessions []api.Session) (map[string]store.Change, map[string]store.Mark) {
	changes, _ := mem.Changes(ctx, sessions)
	ids := make([]string, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	marks, _ := mem.Marks(ctx, ids)
	return changes, marks
}

// annotate takes what the store said into the rows' marks.
func (m *Model) annotate(a annotation) {
	m.takeRest(a.rest)
	if len(a.changes) == 0 && len(a.marks) == 0 && len(a.fresh) == 0 {
		return // nothing said (no store): no count to redo over every row
	}
	if m.marks == nil {
		m.marks = map[string]mark{}
	}
	for id, c := range a.changes {
		mk := m.marks[id]
		mk.change = c
		m.marks[id] = mk
	}
	for id, r := range a.marks {
		mk := m.marks[id]
		mk.review = r
		m.marks[id] = mk
	}
	for id := range a.fresh {
		mk := m.marks[id]
		mk.isNew = true
		m.marks[id] = mk
	}
	m.countReviewed()
}

// takeRest appends the kept sessions read after the first frame, while
// the rows on screen are still the store's (or the API cannot be
// reached). Once the API's first page has replaced them they are left
// out: they could bring back sessions it no longer lists, and paging goes
// on from the API.
func (m *Model) takeRest(rest []api.Session) {
	if len(rest) == 0 || m.cachedAt.IsZero() && !m.offline {
		return
	}
	from := len(m.rows)
	for i := range rest {
		if _, dup := m.byID[rest[i].ID]; dup {
			continue // saved again between the two reads, and moved up
		}
		m.rows = append(m.rows, unpackedRow(m.kinds, &rest[i])) // as the first screen's: replaced by the API's first page
		m.byID[rest[i].ID] = len(m.rows) - 1
	}
	m.appended(from)
}

// SetMark shows a review mark or note that changed (m, e).
func (m Model) SetMark(id string, r store.Mark) Model {
	if m.marks == nil {
		m.marks = map[string]mark{}
	}
	mk := m.marks[id]
	mk.review = r
	m.marks[id] = mk
	m.countReviewed()
	return m
}

// Seen records that the user looked at id: its row no longer says it
// changed or is new.
func (m Model) Seen(id string) Model {
	if mk, ok := m.marks[id]; ok {
		mk.change, mk.isNew = store.Change{}, false
		m.marks[id] = mk
	}
	return m
}

// Reviewed is the session's review mark, for m to toggle.
func (m Model) Reviewed(id string) bool { return !m.marks[id].review.ReviewedAt.IsZero() }

// NextUnreviewed is the first session after after (from the top when it
// is nil or not in view) in the order on screen that is not reviewed, nil
// when none.
func (m Model) NextUnreviewed(after *api.Session) *api.Session {
	start := 0
	if after != nil {
		start = m.position(after.ID) + 1
	}
	for pos := start; pos < len(m.view); pos++ {
		if r := m.rows[m.view[pos]]; !m.Reviewed(r.id) {
			return m.decoded.session(r)
		}
	}
	return nil
}

// changedRow reports what * keeps: a session that changed since the user
// last looked, one new since the last visit, or one that changed since it
// was reviewed.
func (m Model) changedRow(id string) bool {
	mk := m.marks[id]
	return len(mk.change.Fields) > 0 || mk.isNew || mk.review.ChangedSinceReview
}

// ChangedOnly reports whether * narrows the queue to changed and new
// sessions.
func (m Model) ChangedOnly() bool { return m.changed }

// countReviewed counts the reviewed sessions among those shown, when the
// rows or the marks change, so that the header's progress costs View
// nothing however many rows are loaded.
//
// Looking up each row shown follows a pointer per row, which a filter
// keystroke over 100,000 rows cannot pay for: when the marks are fewer
// than the rows shown, the reviewed ones are found by their ID and
// looked for in the view instead.
func (m *Model) countReviewed() {
	m.reviewed = 0
	if len(m.marks) >= len(m.view) {
		for _, i := range m.view {
			if m.Reviewed(m.rows[i].id) {
				m.reviewed++
			}
		}
		return
	}
	var reviewed []int
	for id, mk := range m.marks {
		if i, ok := m.byID[id]; ok && !mk.review.ReviewedAt.IsZero() {
			reviewed = append(reviewed, i)
		}
	}
	if len(reviewed) == 0 {
		return
	}
	shown := make([]uint64, (len(m.rows)+63)/64)
	for _, i := range m.view {
		shown[i/64] |= 1 << (i % 64)
	}
	for _, i := range reviewed {
		if shown[i/64]&(1<<(i%64)) != 0 {
			m.reviewed++
		}
	}
}

// markCell is a row's history in a few cells: ✓ and when for a reviewed
// session (✓! when it changed since), • for one that changed since the
// user last looked, "new" for one that was not there on the last visit.
func (m Model) markCell(id string) string {
	mk, ok := m.marks[id]
	switch {
	case !ok:
		return ""
	case !mk.review.ReviewedAt.IsZero() && mk.review.ChangedSinceReview:
		return "✓!"
	case !mk.review.ReviewedAt.IsZero():
		return "✓" + sinceShort(mk.review.ReviewedAt, m.now)
	case len(mk.change.Fields) > 0:
		return "•"
	case mk.isNew:
		return "new"
	}
	return ""
}

// sinceShort is how long ago the review was, as the AGE column says it
// ("12h", "3w"); nothing under a minute.
func sinceShort(at, now time.Time) string {
	if d := now.Sub(at); d >= time.Minute {
		return " " + render.Span(d)
	}
	return ""
}

// WithMemory gives the queue the local store, and the sessions it held for
// these filters when cxi started, shown at once while the first page is
// asked for; lastSync is when the list was last read whole (zero on a
// first visit).
func (m Model) WithMemory(mem Memory, cached []api.Session, lastSync time.Time) Model {
	m.mem, m.lastSync = mem, lastSync
	// "new" is measured from the previous look; on a first run, from now:
	// nothing that was there before cxi first opened is new.
	m.newAfter = lastSync
	if m.newAfter.IsZero() {
		m.newAfter = m.now
	}
	if len(cached) == 0 {
		return m
	}
	m.rows = make([]*row, len(cached))
	for i := range cached {
		m.rows[i] = unpackedRow(m.kinds, &cached[i]) // before the first frame: see unpackedRow
	}
	m.cachedAt = lastSync
	m.reindex()
	m.rebuild()
	return m
}

// incremental is the refresh that asks only for what changed since the
// last sync: every session updated since (a minute of overlap for clocks
// that disagree), whatever the filters, which the queue applies itself.
// cursor is the next page of it when more changed than one page holds;
// an auto-refresh's pages are background work, all of them.
func (m Model) incremental(cursor string, background bool) (Model, tea.Cmd) {
	ctx := m.begin(background)
	p := api.ListParams{UpdatedAfter: m.lastSync.Add(-time.Minute)}
	q := query{gen: m.gen, cursor: cursor, incremental: true, background: background}
	return m, fetchPage(ctx, m.lister, m.kinds, q, p, true, m.mem, m.now, m.newAfter)
}

// merge takes an incremental page in: a session that still matches the
// filters replaces its row or joins the queue; one that no longer does
// leaves it.
//
// rows are the page's rows, made with it in its command, one per item.
func (m *Model) merge(p *api.SessionPage, rows []*row) {
	for i := range p.Items {
		s := &p.Items[i]
		at, loaded := m.byID[s.ID]
		switch {
		case !m.filters.Match(s, m.now) && loaded:
			m.rows = append(m.rows[:at], m.rows[at+1:]...)
			m.reindex()
		case !m.filters.Match(s, m.now):
		case loaded:
			m.rows[at] = rows[i]
		default:
			m.rows = append([]*row{rows[i]}, m.rows...)
			m.reindex()
		}
	}
	m.reindex() // a replaced row may have held the widest contact or ticket
	m.rebuild()
}

// reindex finds each row by its session's ID again, and measures the
// widest contact and ticket, after rows moved, left or were replaced.
func (m *Model) reindex() {
	m.sigs, m.order = nil, nil // made again for the rows' new places: see sign, sortOrder
	m.results = nil            // views of rows that moved or went (a reload): a backspace must not find them
	m.byID = make(map[string]int, len(m.rows))
	m.contactNeed, m.ticketNeed = 0, 0
	for i := range m.rows {
		m.byID[m.rows[i].id] = i
		m.measure(m.rows[i])
	}
}

// measure widens the contact and ticket needs to r's.
func (m *Model) measure(r *row) {
	m.contactNeed = max(m.contactNeed, int(r.contactW))
	m.ticketNeed = max(m.ticketNeed, int(r.ticketW))
}

// synced records a whole read of the list's first page (or an incremental
// refresh) at time at: the rows are the API's now, and the next refresh
// asks only for what changed since.
func (m Model) synced(at time.Time) (Model, tea.Cmd) {
	m.lastSync, m.cachedAt = at, time.Time{}
	mem := m.mem
	if mem == nil {
		return m, nil
	}
	return m, func() tea.Msg {
		_ = mem.SetSync(context.Background(), filter.SyncKey, at)
		return nil
	}
}

// Start shows the rows the store held at once and asks the API for the
// first page, merging it in; with nothing held it is Reload.
func (m Model) Start() (Model, tea.Cmd) {
	if len(m.rows) == 0 {
		return m.Reload()
	}
	m.gen++
	m, load := m.load("", true, false)
	recall, rest := m.recallRows(), m.readRest()
	if !m.attention {
		return m, tea.Batch(load, recall, rest)
	}
	m, rank := m.startRanking()
	return m, tea.Batch(load, rank, recall, rest)
}

// annotatedMsg is what the store says of the rows it gave at start.
type annotatedMsg struct {
	gen int
	ann annotation
}

func (annotatedMsg) queueMsg() {}

// recallRows reads the marks and changes of the rows the store gave, which
// came without them, in a command: what changed is found by comparing the
// whole sessions, decoded there (rows never change once made, so a copy
// of the slice is safe to read there).
func (m Model) recallRows() tea.Cmd {
	mem, gen, rows := m.mem, m.gen, slices.Clone(m.rows)
	return func() tea.Msg {
		sessions := make([]api.Session, len(rows))
		for i, r := range rows {
			sessions[i] = *decodeOrStub(r)
		}
		var a annotation
		a.changes, a.marks = recall(context.Background(), mem, sessions)
		return annotatedMsg{gen: gen, ann: a}
	}
}

// firstFrame is how long after the start the first frame is surely on
// screen: bubbletea draws at most 60 frames a second. Reading the rest of
// the kept rows sooner would take the CPU from it (decoding 460 sessions
// is several times the frame's own work).
const firstFrame = 20 * time.Millisecond

// readRest reads the rest of the kept sessions the queue starts with (up
// to KeptAtStart, after the first screen's), with their marks and
// changes, once the first frame is drawn; nil when there is none to read.
func (m Model) readRest() tea.Cmd {
	if m.mem == nil || len(m.rows) >= KeptAtStart {
		return nil
	}
	mem, gen := m.mem, m.gen
	q := m.filters.Query(m.now, KeptAtStart-len(m.rows))
	q.Offset = len(m.rows)
	read := func(time.Time) tea.Msg {
		var a annotation
		ctx := context.Background()
		var err error
		if a.rest, err = mem.Sessions(ctx, q); err != nil || len(a.rest) == 0 {
			return nil // the store is a help: without the rest, the API's pages come
		}
		a.changes, a.marks = recall(ctx, mem, a.rest)
		return annotatedMsg{gen: gen, ann: a}
	}
	if m.auto.timer == nil {
		return func() tea.Msg { return read(time.Time{}) }
	}
	return m.auto.timer(firstFrame, read)
}

// Offline reports whether the API could not be reached when the queue
// last asked it: its rows are the store's, or it has none.
func (m Model) Offline() bool { return m.offline || (m.err != nil && api.Unreachable(m.err)) }

// Freshness says where the rows on screen come from, when not straight
// from the API: "cached 2h ago · refreshing", "offline — as fetched at
// 14:02".
func (m Model) Freshness() string {
	switch {
	case m.offline:
		return "offline — as fetched at " + m.lastSync.Local().Format("15:04")
	case !m.cachedAt.IsZero():
		return "cached " + render.Age(m.cachedAt, m.now) + " · refreshing"
	}
	return ""
}

// Progress is the review progress among the sessions shown, once any is
// reviewed: "reviewed 12 of 40 shown".
func (m Model) Progress() string {
	n := m.reviewed
	if n == 0 {
		return ""
	}
	return "reviewed " + strconv.Itoa(n) + " of " + strconv.Itoa(len(m.view)) + " shown"
}

// Header is what the queue adds to the program's header: where its rows
// come from and the review progress, when there is something to say.
func (m Model) Header() string {
	var parts []string
	for _, s := range []string{m.Freshness(), m.Progress(), m.selectionNote()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "  ")
}

// Note is the user's note on id, as last read from the store.
func (m Model) Note(id string) string { return m.marks[id].review.Note }
