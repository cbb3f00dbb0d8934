package queue

import (
	"context"

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
	gen    int
	cursor string
}

// PageLoadedMsg carries one page of the list.
type PageLoadedMsg struct {
	q       query
	refresh bool // a refresh of the first page: merge, keep the selection
	page    *api.SessionPage
}

// PageFailedMsg carries why a page could not be loaded.
type PageFailedMsg struct {
	q   query
	Err error
}

func fetchPage(ctx context.Context, l Lister, q query, p api.ListParams, refresh bool) tea.Cmd {
	p.Cursor = q.cursor
	return func() tea.Msg {
		page, err := l.ListSessions(ctx, p)
		if err != nil {
			return PageFailedMsg{q: q, Err: err}
		}
		return PageLoadedMsg{q: q, refresh: refresh, page: page}
	}
}
