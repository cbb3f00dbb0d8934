package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// SessionGetter is what the UI needs from the API client; tests can pass a fake.
type SessionGetter interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
	BaseURL() string
}

// fetchSession runs one lookup off the UI goroutine and reports its result.
func fetchSession(ctx context.Context, client SessionGetter, req request, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		s, err := client.GetSession(ctx, req.id)
		if err != nil {
			return sessionFailedMsg{req: req, err: err}
		}
		return sessionLoadedMsg{req: req, session: s, at: now()}
	}
}

// noticeLifetime is how long a confirmation stays on the status line.
const noticeLifetime = 4 * time.Second

func expireNotice(seq int) tea.Cmd {
	return tea.Tick(noticeLifetime, func(time.Time) tea.Msg { return noticeExpiredMsg{seq: seq} })
}

// clockInterval refreshes ages often enough for "just now" to become "1m ago"
// and for a rate-limit countdown to tick visibly.
const clockInterval = time.Second

func tickClock(now func() time.Time) tea.Cmd {
	return tea.Tick(clockInterval, func(time.Time) tea.Msg { return clockTickMsg{now: now()} })
}
