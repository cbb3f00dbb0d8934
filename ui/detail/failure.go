package detail

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/keys"
)

// scheduleRetry retries a rate-limited lookup once by itself when its
// Retry-After time has passed; without one, the user decides.
func (m *Model) scheduleRetry() tea.Cmd {
	f := m.failure
	if f == nil || f.RetryAt.IsZero() || m.autoRetried {
		return nil
	}
	m.retrySeq++
	seq := m.retrySeq
	return m.ctx.Timer(max(f.RetryAt.Sub(m.now), 0), func(time.Time) tea.Msg { return RetryDueMsg{Seq: seq} })
}

// retryDue runs the scheduled retry if nothing happened since: any other
// lookup bumps retrySeq, which turns the timer stale.
func (m Model) retryDue(msg RetryDueMsg) (Model, tea.Cmd) {
	if msg.Seq != m.retrySeq || m.failure == nil || m.Fetching() || m.Searching() || m.lastID == "" {
		return m, nil
	}
	m.autoRetried = true
	return m.fetch(m.lastID, false)
}

// failureView says why the lookup failed, what to do, and when a
// rate-limited lookup may be tried again.
func (m Model) failureView() string {
	t, f := m.ctx.Theme, m.failure
	width := m.pane.width
	refresh := keys.Name(m.keys.Refresh)
	inner := width - t.ErrorPanel.GetHorizontalFrameSize()
	// With a Retry-After the countdown is the advice: one thing said,
	// not "press r once the wait is over" above "retrying by itself".
	advice := f.Advice(refresh)
	if !f.RetryAt.IsZero() {
		advice = f.Sentence
	}
	lines := []string{t.Error.Bold(true).Render("Lookup failed"), t.Value.Width(inner).Render(advice)}
	if f.Detail != "" {
		lines = append(lines, t.Muted.Width(inner).Render(f.Detail))
	}
	if !f.RetryAt.IsZero() {
		switch wait := f.RetryAt.Sub(m.now).Round(time.Second); {
		case wait > 0 && !m.autoRetried:
			lines = append(lines, t.Marker.Render(fmt.Sprintf("Retrying by itself in %s.", wait)))
		case wait > 0:
			lines = append(lines, t.Marker.Render(fmt.Sprintf("Tried again once; the API asks to wait %s more, then press %s.", wait, refresh)))
		default:
			lines = append(lines, t.Marker.Render("You can retry now: press "+refresh+"."))
		}
	}
	return t.ErrorPanel.Width(width - t.ErrorPanel.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}
