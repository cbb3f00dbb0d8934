package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// fetchSession runs one lookup off the UI goroutine and reports its result.
func fetchSession(ctx context.Context, client Client, req request, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		s, err := client.GetSession(ctx, req.id)
		if err != nil {
			return sessionFailedMsg{req: req, err: err}
		}
		return sessionLoadedMsg{req: req, session: s, at: now()}
	}
}

// prefetchSession fetches a neighbour so that n/p show fresh data at once.
// It runs under the root's background context, cancelled on quit.
func prefetchSession(ctx context.Context, client Client, id string, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		s, err := client.GetSession(ctx, id)
		if err != nil {
			return sessionPrefetchedMsg{id: id}
		}
		return sessionPrefetchedMsg{id: id, session: s, at: now()}
	}
}

// noticeLifetime is how long a confirmation stays on the status line.
const noticeLifetime = 4 * time.Second

func (m Model) expireNotice(seq int) tea.Cmd {
	return m.timer(noticeLifetime, func(time.Time) tea.Msg { return noticeExpiredMsg{seq: seq} })
}

// clockInterval refreshes ages often enough for "just now" to become "1m ago"
// and for a rate-limit countdown to tick visibly.
const clockInterval = time.Second

func (m Model) tickClock() tea.Cmd {
	now := m.nowFunc
	return m.timer(clockInterval, func(time.Time) tea.Msg { return clockTickMsg{now: now()} })
}

func (m Model) scheduleRefresh() tea.Cmd {
	seq, every := m.refreshSeq, m.refreshEvery
	return m.timer(every, func(time.Time) tea.Msg { return autoRefreshMsg{seq: seq} })
}
