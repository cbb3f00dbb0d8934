// Package pulseview is the pulse of the shift drawn over the view in
// focus: the period's handoffs (totals, reasons, sentiments, by day) and
// the SLA (compliance, percentiles, a breakdown, the daily trend) as bar
// charts and sparklines (ntcharts) with the numbers beside them, a period
// picker, and in place of a part the key may not read, the scope it lacks.
// It reads through api/pulse, the routine cxi pulse prints, at most 4
// requests per reading, none per frame.
package pulseview

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/scroll"
)

// LoadedMsg is a reading of the pulse, for the view that asked for it
// (req); the root hands it to the overlay stack.
type LoadedMsg struct {
	req    int
	Report pulse.Report
}

// Model is the open pulse view.
type Model struct {
	theme  *styles.Theme
	keys   keys.Pulse
	src    pulse.Source // nil where the client cannot read analytics
	now    func() time.Time
	span   pulse.Span
	by     api.SLAGroupBy
	req    int // the reading under way or shown; an answer to another is dropped
	cancel context.CancelFunc

	loading bool
	report  *pulse.Report // the last reading; kept on screen while the next is read

	width, height int
	viewport      viewport.Model
}

// New opens the pulse view of span in a pane of width × height cells and
// starts its first reading. src nil (a client without the analytics)
// shows why nothing can be read.
func New(ctx common.Context, src pulse.Source, span pulse.Span, width, height int) (Model, tea.Cmd) {
	k := ctx.Keys.ForPulse()
	m := Model{theme: ctx.Theme, keys: k, src: src, now: ctx.Now, span: span, by: api.GroupByChannel, viewport: scroll.New(k.Scroll)}
	m, cmd := m.read()
	return m.SetSize(width, height).(Model), cmd
}

// read starts a reading of the current span and grouping, cancelling the
// one under way: its requests are no longer wanted and must not take
// places in the rate budget.
func (m Model) read() (Model, tea.Cmd) {
	if m.src == nil {
		return m, nil
	}
	m.stop()
	m.req++
	m.loading = true
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	req, src, span, by, now := m.req, m.src, m.span, m.by, m.now()
	return m, func() tea.Msg {
		defer cancel()
		return LoadedMsg{req: req, Report: pulse.Fetch(ctx, src, span, by, now)}
	}
}

// stop cancels the reading under way, if any.
func (m Model) stop() {
	if m.cancel != nil {
		m.cancel()
	}
}

// Span is the period shown.
func (m Model) Span() pulse.Span { return m.span }

// Loading reports whether a reading is under way.
func (m Model) Loading() bool { return m.loading }

// SetSize fits the view to the pane and lays its content out again.
func (m Model) SetSize(width, height int) overlay.Overlay {
	m.width, m.height = width, height
	m.viewport.Width, m.viewport.Height = width, max(height-1, 1)
	m.viewport.SetContent(m.body())
	return m
}

// Update scrolls, steps the period or the grouping (a new reading), reads
// again, and closes on esc or the key that opened it, cancelling what is
// under way.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, m.keys.Close), key.Matches(msg, m.keys.Toggle):
		m.stop()
		return nil, nil
	case key.Matches(msg, m.keys.Period):
		m.span = m.span.Next()
		m, cmd = m.read()
	case key.Matches(msg, m.keys.Group):
		m.by = otherGroup(m.by)
		m, cmd = m.read()
	case key.Matches(msg, m.keys.Refresh):
		m, cmd = m.read()
	default:
		m.viewport, cmd = scroll.Update(m.viewport, m.keys.Scroll, msg)
		return m, cmd
	}
	return m.SetSize(m.width, m.height), cmd
}

// Receive takes the answer to this view's reading; an older reading's
// answer is taken and dropped.
func (m Model) Receive(msg tea.Msg) (overlay.Overlay, tea.Cmd, bool) {
	l, ok := msg.(LoadedMsg)
	if !ok {
		return m, nil, false
	}
	if l.req != m.req {
		return m, nil, true
	}
	m.loading, m.report = false, &l.Report
	return m.SetSize(m.width, m.height), nil, true
}

// ShortHelp is the keys that act here.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Period, m.keys.Group, m.keys.Refresh, m.keys.Scroll.Down, m.keys.Close}
}

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(m.ShortHelp(), m.keys.Scroll.Up, m.keys.Scroll.Bottom)}
}

// otherGroup is the grouping the breakdown steps to: team and channel,
// the two a lead compares a shift by.
func otherGroup(by api.SLAGroupBy) api.SLAGroupBy {
	if by == api.GroupByChannel {
		return api.GroupByTeam
	}
	return api.GroupByChannel
}
