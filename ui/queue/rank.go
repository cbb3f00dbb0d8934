package queue

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
)

// RankCap is the most sessions the needs-attention order fetches to rank:
// 20 pages of 100, a fifth of a minute's budget, and more unresolved
// sessions than a lead triages in a shift.
const RankCap = 2000

// ranking is the walk behind the needs-attention order: every session that
// can need attention (open, and closed unresolved) within the other
// filters, paged to the end, so that the top row is the most urgent of the
// whole set and not only of the pages loaded so far.
type ranking struct {
	gen      int          // the walk; bumped by every start and stop
	statuses []api.Status // still to walk, the current one first
	guard    paging.Guard // for the current status
	pages    int          // pages read, all statuses
	found    int          // sessions the walk read
	cancel   context.CancelFunc
	on       bool  // a walk was started for these filters
	capped   bool  // stopped at RankCap
	halt     error // why the walk stopped early (a repeated cursor)
	err      error // the page that failed
}

// rankPageMsg carries one page of the ranking walk.
type rankPageMsg struct {
	gen    int
	status api.Status
	cursor string
	page   *api.SessionPage
	rows   []*row // the page's items as rows, made in the command
	err    error
}

func (rankPageMsg) queueMsg() {}

// Ranking reports whether the needs-attention order is still being worked
// out (its walk has pages left to read).
func (m Model) Ranking() bool { return m.rank.on && len(m.rank.statuses) > 0 && m.rank.err == nil }

// rankStatuses are the statuses that can need attention, within the
// status filter.
func (m Model) rankStatuses() []api.Status {
	switch m.filters.Status {
	case "":
		return []api.Status{api.StatusOpen, api.StatusClosedUnresolved}
	case api.StatusOpen, api.StatusClosedUnresolved:
		return []api.Status{m.filters.Status}
	}
	return nil // closed as resolved: nothing there needs attention
}

// startRanking walks every session that can need attention.
func (m Model) startRanking() (Model, tea.Cmd) {
	m.stopRanking()
	m.rank = ranking{gen: m.rank.gen + 1, statuses: m.rankStatuses(), on: true}
	return m.rankNext("")
}

// stopRanking cancels the page in flight; its answer will be dropped.
func (m *Model) stopRanking() {
	if m.rank.cancel != nil {
		m.rank.cancel()
	}
	m.rank.cancel = nil
	m.rank.gen++
	m.rank.on = false
}

func (m Model) rankNext(cursor string) (Model, tea.Cmd) {
	if len(m.rank.statuses) == 0 {
		m.rank.cancel = nil
		return m, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.rank.cancel = cancel
	ctx = api.Background(ctx) // nobody waits for the ranking: it reads what the budget leaves
	status := m.rank.statuses[0]
	p := m.filters.Params(m.now)
	p.Status, p.Cursor = status, cursor
	gen, lister, kinds := m.rank.gen, m.lister, m.kinds
	return m, func() tea.Msg {
		page, err := lister.ListSessions(ctx, p)
		if err != nil {
			return rankPageMsg{gen: gen, status: status, cursor: cursor, err: err}
		}
		rows := rowsOf(kinds, page.Items)
		pooled(rows) // the walk's pages are kept whole, but for rows the queue had (see pooled)
		return rankPageMsg{gen: gen, status: status, cursor: cursor, page: page, rows: rows}
	}
}

// ranked takes a page of the walk: its sessions join the rows (once each),
// the order is worked out again, and the walk goes on.
func (m Model) ranked(msg rankPageMsg) (Model, tea.Cmd) {
	if msg.gen != m.rank.gen || !m.rank.on {
		return m, nil
	}
	m.rank.cancel = nil
	if msg.err != nil {
		m.rank.err = msg.err
		return m, nil
	}
	m.rank.pages++
	m.skipped += len(msg.page.Skipped)
	m.rank.found += len(msg.page.Items)
	from := len(m.rows)
	for _, r := range msg.rows {
		if _, dup := m.byID[r.id]; dup {
			continue // loaded by the queue's own paging already
		}
		m.rows = append(m.rows, r)
		m.byID[r.id] = len(m.rows) - 1
	}
	m.appended(from) // merged into the order; pinned, a more urgent session arriving takes the cursor
	next := msg.page.Next
	if err := m.rank.guard.Page(msg.cursor, len(msg.page.Items), next); err != nil {
		m.rank.halt, next = err, ""
	}
	if m.rank.found >= RankCap {
		m.rank.capped, m.rank.statuses = true, nil
		return m, nil
	}
	if next == "" {
		m.rank.statuses, m.rank.guard = m.rank.statuses[1:], paging.Guard{}
	}
	return m.rankNext(next)
}

// rankState says how far the needs-attention order has got, for the
// filter bar.
func (m Model) rankState() string {
	r := m.rank
	switch {
	case !m.attention:
		return "newest"
	case r.err != nil:
		// What to do before why: the filter bar is cut at the edge, and
		// the sentence is the part that can go.
		return "attention among the sessions loaded, ranking failed · " + keys.Name(m.keys.Refresh) + " retries · " + explain.Describe(r.err, "").Sentence
	case m.Ranking():
		return "ranking · " + plural.CountAs(r.pages, "page", "pages") + " read, " + sessions(r.found) + "…"
	case r.capped:
		return fmt.Sprintf("attention · the first %d unresolved ranked (cap reached)", RankCap)
	case r.halt != nil:
		return fmt.Sprintf("attention · %d unresolved ranked; %s", r.found, r.halt.Error())
	}
	return fmt.Sprintf("attention · all %d unresolved ranked", r.found)
}
