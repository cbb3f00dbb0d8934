package ui

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/queue"
)

// watchRules is rules, or the default ones when the options name none
// (the config's [watch] rules were checked when it was read).
func watchRules(rules []watch.Rule, t lint.Thresholds, now func() time.Time) []watch.Rule {
	if rules != nil {
		return rules
	}
	if t.IsZero() { // no [lint], as in a test's Options
		t = lint.Defaults()
	}
	def, _ := watch.Pick(watch.Available(t, now), nil) // the default names available rules: no error
	return def
}

// watchPage shows the nudge a page of the list the queue took, with the
// queue's filters: a session the queue does not show is no news to it.
func (m Model) watchPage(msg queue.Msg) (Model, tea.Cmd) {
	page, ok := msg.(queue.PageLoadedMsg)
	if !ok {
		return m, nil
	}
	items, refresh := page.Listed()
	filters, now := m.queue.Filters(), m.now
	var ring tea.Cmd
	m.nudge, ring = m.nudge.Observe(items, refresh, m.queue.AutoRefresh() > 0, func(s *api.Session) bool { return filters.Match(s, now) })
	return m, ring
}

// openNewestMatch opens the newest session that newly matched a watch
// rule, which drops it from the header; the next press opens the one
// before it.
func (m Model) openNewestMatch() (Model, tea.Cmd) {
	s, ok := m.nudge.Newest()
	if !ok {
		return m, common.Say("No new session matches a watch rule.", false)
	}
	m.nudge = m.nudge.Seen(s.ID)
	return m.openRow(&s)
}

// notifySent says why a notification was not sent, unless stderr is not
// a terminal (nothing could be, and the header shows the news anyway).
func notifySent(msg notify.SentMsg) tea.Cmd {
	if msg.Err == nil || errors.Is(msg.Err, notify.ErrNoTerminal) {
		return nil
	}
	return common.Say("Not notified: "+msg.Err.Error()+".", false)
}
