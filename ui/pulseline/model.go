// Package pulseline is the header's one-line pulse of the shift: open
// handoffs, the oldest of them, the angry share of today's sessions, and
// today's handoff rate against the last 7 days'. The first three are
// counted from the queue's loaded rows when a load ends; the 7-day rate is
// the handoff overview's, one background request per refresh of the queue
// and at most one a minute, none per frame, none while hidden.
package pulseline

import (
	"context"
	"iter"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
)

// Source is what the line needs of the API client.
type Source interface {
	HandoffAnalytics(ctx context.Context, p api.Period) (*api.HandoffAnalytics, error)
}

// MinInterval is how often at most the line asks for the 7-day overview:
// an auto-refresh every 10s must not spend 6 requests a minute on it.
const MinInterval = time.Minute

// LoadedMsg is the 7-day overview the line asked for.
type LoadedMsg struct {
	req  int
	week *api.HandoffAnalytics
	err  error
}

// Model is the pulse line.
type Model struct {
	theme  *styles.Theme
	src    Source // nil: no 7-day rate
	shown  bool
	counts Counts
	req    int
	asked  time.Time // when the last overview was asked for
	cancel context.CancelFunc
	week   *api.HandoffAnalytics
	err    error // the last overview's error (a missing scope is named)
}

// New is the line, shown or hidden at start (config pulse); src nil
// leaves out the 7-day rate.
func New(theme *styles.Theme, src Source, shown bool) Model {
	return Model{theme: theme, src: src, shown: shown}
}

// Shown reports whether the line is in the header.
func (m Model) Shown() bool { return m.shown }

// Show shows or hides the line; hiding cancels the request under way.
func (m Model) Show(on bool) Model {
	if !on {
		m.stop()
		m.cancel = nil
	}
	m.shown = on
	return m
}

// Counted counts the rows the queue starts with (the store's), as at
// least that many, and asks for nothing: the first frame's header agrees
// with its rows before the first load ends and Loaded counts again. With
// no rows it leaves the line as it was.
func (m Model) Counted(facts iter.Seq[common.Fact], now time.Time) Model {
	if c := Count(facts, now); m.shown && c.Sessions > 0 {
		c.Partial = true
		m.counts = c
	}
	return m
}

// Loaded counts the queue's sessions after a load of the queue ended
// (partial when the queue has pages it did not load) and,
// when the line is shown and the last overview is older than MinInterval,
// asks for the 7-day overview in the background.
func (m Model) Loaded(facts iter.Seq[common.Fact], partial bool, now time.Time) (Model, tea.Cmd) {
	if !m.shown {
		return m, nil
	}
	m.counts = Count(facts, now)
	m.counts.Partial = partial
	if m.src == nil || (!m.asked.IsZero() && now.Sub(m.asked) < MinInterval) {
		return m, nil
	}
	m.stop()
	m.req++
	m.asked = now
	ctx, cancel := context.WithCancel(api.Background(context.Background()))
	m.cancel = cancel
	req, src, period := m.req, m.src, pulse.Week.Period(now)
	return m, func() tea.Msg {
		defer cancel()
		week, err := src.HandoffAnalytics(ctx, period)
		return LoadedMsg{req: req, week: week, err: err}
	}
}

func (m Model) stop() {
	if m.cancel != nil {
		m.cancel()
	}
}

// Update takes the overview the line asked for last; an older one, or
// one that came after the line was hidden, is dropped. A failed reading
// keeps the last good figure.
func (m Model) Update(msg LoadedMsg) Model {
	if msg.req != m.req || !m.shown {
		return m
	}
	m.err = msg.err
	if msg.err == nil {
		m.week = msg.week
	}
	return m
}

// Counts is what the line last counted of the queue.
func (m Model) Counts() Counts { return m.counts }
