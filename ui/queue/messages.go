package queue

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// Lister is what the queue needs from the API client.
type Lister interface {
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
}

// Msg is every message the queue's commands produce; the root forwards
// each to Update without looking inside.
type Msg interface{ queueMsg() }

func (PageLoadedMsg) queueMsg()   {}
func (PageFailedMsg) queueMsg()   {}
func (autoRefreshMsg) queueMsg()  {}
func (FilterChosenMsg) queueMsg() {}

// query identifies one page request: the query generation (bumped by every
// reload, i.e. every filter change) and the cursor it asked for. Pages of
// an older generation are dropped.
type query struct {
	gen         int
	cursor      string
	incremental bool // an incremental refresh: merged whatever its order
	background  bool // nobody waits for it (auto-refresh): nor for the pages that follow
}

// PageLoadedMsg carries one page of the list.
type PageLoadedMsg struct {
	q       query
	refresh bool // a refresh of the first page: merge, keep the selection
	page    *api.SessionPage
	rows    []*row     // the page's items as rows, made in the command
	ann     annotation // what the local store says of its sessions
	at      time.Time  // when it was asked for: the sync time it makes
}

// PageFailedMsg carries why a page could not be loaded.
type PageFailedMsg struct {
	q   query
	Err error
}

// fetchPage asks for one page, makes its rows (packing each body, which
// Update must not pay for), keeps it in the local store (mem may be nil)
// and reads back what the store says of its sessions; a session made
// after newAfter that the store did not hold is new.
func fetchPage(ctx context.Context, l Lister, kinds *kindTable, q query, p api.ListParams, refresh bool, mem Memory, now, newAfter time.Time) tea.Cmd {
	p.Cursor = q.cursor
	return func() tea.Msg {
		page, err := l.ListSessions(ctx, p)
		if err != nil {
			return PageFailedMsg{q: q, Err: err}
		}
		rows := rowsOf(kinds, page.Items)
		if q.cursor != "" && !refresh && !q.incremental {
			pooled(rows) // paging on: a page kept whole (see pooled)
		}
		return PageLoadedMsg{q: q, refresh: refresh, page: page, rows: rows, ann: remember(ctx, mem, page.Items, now, newAfter), at: now}
	}
}
