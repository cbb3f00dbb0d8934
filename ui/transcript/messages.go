package transcript

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// Historian is what the transcript needs from the API client.
type Historian interface {
	History(ctx context.Context, sessionID, cursor string) (*api.HistoryPage, error)
}

// Msg is every message the transcript's commands produce; the root
// forwards each to Update without looking inside.
type Msg interface{ transcriptMsg() }

func (PageLoadedMsg) transcriptMsg() {}
func (PageFailedMsg) transcriptMsg() {}

// page identifies one history request: the session and the cursor asked
// for. A page for another session, or for a cursor other than the one
// awaited, is dropped.
type page struct {
	sessionID string
	cursor    string
}

// PageLoadedMsg carries one page of a session's history.
type PageLoadedMsg struct {
	req  page
	page *api.HistoryPage
}

// PageFailedMsg carries why a page could not be loaded.
type PageFailedMsg struct {
	req page
	Err error
}

// fetchPage asks for one page of the history. When the first page cannot
// be had because the API is out of reach, the store's copy (mem may be
// nil) answers instead.
func fetchPage(ctx context.Context, h Historian, req page, mem Memory) tea.Cmd {
	return func() tea.Msg {
		p, err := h.History(ctx, req.sessionID, req.cursor)
		if err == nil {
			return PageLoadedMsg{req: req, page: p}
		}
		if mem != nil && req.cursor == "" && api.Unreachable(err) {
			if events, at, complete, ok, kerr := mem.History(ctx, req.sessionID); kerr == nil && ok {
				return recalledMsg{req: req, events: events, at: at, complete: complete}
			}
		}
		return PageFailedMsg{req: req, Err: err}
	}
}
