package queue

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/render"
)

// DefaultRefreshInterval is the auto-refresh interval `a` turns on when no
// interval was given: 6 requests a minute, a small share of the 100.
const DefaultRefreshInterval = 30 * time.Second

// budgetShareForRefresh is the budget below which auto-refresh waits,
// leaving the rest for what the user asks.
const budgetShareForRefresh = 50

// autoRefresh is the queue's refresh schedule.
type autoRefresh struct {
	every  time.Duration // 0 when off
	gap    time.Duration // what `a` turns on
	seq    int           // the schedule: toggling bumps it, so no two timers run
	timer  common.Timer
	budget func() int // requests left this minute
}

// autoRefreshMsg refreshes the queue if schedule seq is still the current one.
type autoRefreshMsg struct{ seq int }

// WithAutoRefresh sets the refresh schedule: every (0 for off at start),
// the timer that schedules it, and the budget it must leave alone.
func (m Model) WithAutoRefresh(every time.Duration, timer common.Timer, budget func() int) Model {
	gap := every
	if gap <= 0 {
		gap = DefaultRefreshInterval
	}
	m.auto = autoRefresh{every: every, gap: gap, timer: timer, budget: budget}
	return m
}

// AutoRefresh is the auto-refresh interval, 0 when it is off.
func (m Model) AutoRefresh() time.Duration { return m.auto.every }

// ScheduleRefresh starts the schedule, for the program's start.
func (m Model) ScheduleRefresh() tea.Cmd {
	if m.auto.every <= 0 || m.auto.timer == nil {
		return nil
	}
	seq, every := m.auto.seq, m.auto.every
	return m.auto.timer(every, func(time.Time) tea.Msg { return autoRefreshMsg{seq: seq} })
}

// toggleAutoRefresh is `a`.
func (m Model) toggleAutoRefresh() (Model, tea.Cmd) {
	m.auto.seq++
	if m.auto.every > 0 {
		m.auto.every = 0
		return m, common.Say("Auto-refresh off.", false)
	}
	m.auto.every = m.auto.gap
	return m, tea.Batch(common.Say("Auto-refresh every "+render.Duration(m.auto.gap)+".", false), m.ScheduleRefresh())
}

// refreshDue refreshes on schedule, unless the budget is low: background
// work never takes what a lookup the user asks for needs.
func (m Model) refreshDue(msg autoRefreshMsg) (Model, tea.Cmd) {
	if msg.seq != m.auto.seq || m.auto.every <= 0 {
		return m, nil
	}
	var cmd tea.Cmd
	if m.auto.budget == nil || m.auto.budget() >= budgetShareForRefresh {
		m, cmd = m.refresh(true)
	}
	return m, tea.Batch(cmd, m.ScheduleRefresh())
}
