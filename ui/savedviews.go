package ui

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay/viewsave"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/tabs"
)

// The saved views, as tabs above the queue: the root switches them,
// because a switch is the queue's state and the input's text together.

// SavedView is one saved view, as a tab: its name, its own key, and what
// it shows.
type SavedView = tabs.Tab

// SaveView writes a view to config.toml: under name, in place of the view
// called replace ("" adds a new view).
type SaveView func(name string, v filter.View, replace string) error

// viewSavedMsg is the answer to saving a view.
type viewSavedMsg struct {
	name    string
	replace string
	v       filter.View
	err     error
}

// ViewSaveAnswer is the overlay's answer.
func (m viewSavedMsg) ViewSaveAnswer() (string, error) { return m.name, m.err }

// startTabs puts the tab of the queue's settings at start in force (see
// tabs.Start), and its team, text and changed with them.
func (m Model) startTabs(list []tabs.Tab) Model {
	now := m.queue.State().View
	i, same := tabs.Start(list, now)
	if same {
		now = list[i].Saved
		m.queue, _ = m.queue.Restore(queue.State{View: now}, now.Text) // the same server-side filters: no request
		if m.bar.Value() == "" {
			m.setInput(now.Text)
		}
	}
	m.tabs = tabs.New[queue.State](m.ctx.Theme, m.ctx.Keys.ForTabs(), list, i, now)
	return m
}

// shown is the queue's settings in force now, the input's text with them.
func (m Model) shown() filter.View {
	v := m.queue.State().View
	v.Text = m.bar.Filter()
	return v
}

// switchTab puts the tab to in force: the queue's state and the text of
// the tab left are kept in it, and the one taken on is given back, its
// saved view the first time.
func (m Model) switchTab(to int) (Model, tea.Cmd) {
	var st queue.State
	var v filter.View
	var left bool
	m.tabs, st, v, left = m.tabs.Switch(to, m.queue.State(), m.shown())
	if !left {
		st = queue.State{View: v}
	}
	var cmd tea.Cmd
	m.queue, cmd = m.queue.Restore(st, v.Text)
	m.setInput(v.Text)
	m.tabs = m.tabs.WaitFor("")
	if st.Cursor != "" && !m.queue.Has(st.Cursor) {
		m.tabs = m.tabs.WaitFor(st.Cursor) // it comes with a page
	}
	m.layout() // the filter bar's height may differ
	return m, tea.Batch(cmd, m.recount())
}

// switchNamed is `:view NAME`.
func (m Model) switchNamed(name string) (Model, tea.Cmd) {
	i, ok := m.tabs.Named(name)
	switch {
	case !ok:
		return m, common.Say("No view named "+render.Line(name)+".", true)
	case m.view != viewQueue:
		m.detail = m.detail.Leave()
		m.openView(viewQueue)
	}
	if m.tabs.Active().Name == m.tabs.Names()[i] {
		return m, nil
	}
	return m.switchTab(i)
}

// afterQueue keeps the tabs in step with the queue: the count and the
// settings in force, the restored cursor once its row arrives, and the
// other tabs' counts once loading ends.
func (m Model) afterQueue(wasLoading bool) (Model, tea.Cmd) {
	if m.tabs.Len() == 0 {
		return m, nil
	}
	if id := m.tabs.Waiting(); id != "" && m.queue.Has(id) {
		m.queue, _ = m.queue.Select(id)
		m.tabs = m.tabs.Found()
	}
	n, whole := m.queue.Count()
	m.tabs = m.tabs.SetShown(m.shown(), n, whole)
	if wasLoading && !m.queue.Loading() {
		return m, m.recount()
	}
	return m, nil
}

// recount asks for the counts of the tabs not in force, from the store.
func (m *Model) recount() tea.Cmd {
	kept, ok := m.store.(queue.Kept)
	if !ok || m.store == nil {
		return nil
	}
	now := m.now
	var cmd tea.Cmd
	m.tabs, cmd = m.tabs.Recount(func(v filter.View) (int, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return queue.CountKept(ctx, kept, v, now, tabs.KeptLimit)
	})
	return cmd
}

// openSaveView opens the overlay that saves the filters in force.
func (m Model) openSaveView() Model {
	if m.saveView == nil || m.tabs.Len() == 0 {
		return m
	}
	save, v, current := m.saveView, m.shown(), m.tabs.Active().Name
	o := viewsave.New(m.ctx.Theme, viewsave.DefaultKeyMap(m.ctx.Keys), current, m.tabs.Names(), withText(m.queue.InForce(), v.Text),
		func(name string) tea.Cmd {
			replace := ""
			if strings.EqualFold(name, current) {
				replace = current
			}
			return func() tea.Msg { return viewSavedMsg{name: name, replace: replace, v: v, err: save(name, v, replace)} }
		})
	m.overlays = m.overlays.Push(o)
	return m
}

// viewSaved takes a save's answer: the tab's saved view, or a new tab.
func (m Model) viewSaved(msg viewSavedMsg) (Model, tea.Cmd) {
	m.overlays, _, _ = m.overlays.Receive(msg)
	if msg.err != nil {
		return m, common.Say("View "+render.Line(msg.name)+" not saved: "+msg.err.Error(), true)
	}
	if msg.replace != "" {
		m.tabs = m.tabs.Saved(msg.v)
	} else {
		m.tabs = m.tabs.Added(tabs.Tab{Name: msg.name, Saved: msg.v}, m.queue.State())
	}
	return m, common.Say("View "+render.Line(msg.name)+" saved in config.toml.", false)
}

// withText adds the text filter to the filters in force, in words.
func withText(filters, text string) string {
	switch {
	case text == "":
		return filters
	case filters == "none":
		return "text " + text
	}
	return filters + ", text " + text
}

// tabsHeight is the line the tabs take above the queue: none without views.
func (m Model) tabsHeight() int {
	if m.tabs.Len() == 0 || m.view != viewQueue {
		return 0
	}
	return 1
}

// withTabs puts the tabs' line above the queue's pane.
func (m Model) withTabs(pane string) string {
	if m.tabsHeight() == 0 {
		return pane
	}
	return m.tabs.View() + "\n" + pane
}

// tabKeys turns off the tabs' keys where they would do nothing: with
// fewer than two views to move between, with nowhere to save to.
func (m *Model) tabKeys() {
	keys.Turn(m.tabs.Len() > 1, &m.keys.NextView, &m.keys.PrevView)
	keys.Turn(m.tabs.Len() > 0 && m.saveView != nil, &m.keys.SaveView)
}
