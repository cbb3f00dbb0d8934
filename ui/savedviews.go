package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay/viewsave"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/tabs"
)

// The saved views, tabs above the queue (ui/tabs): the root switches them,
// a switch being the queue's state and the input's text together.

// SavedView is one saved view, as a tab: its name, its own key, and what
// it shows.
type SavedView = tabs.Tab

// startTabs puts in force the tab of the queue's settings at start (see
// tabs.Start), with its team, text and changed.
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

// shown is the settings in force: the queue's, and the input's text.
func (m Model) shown() filter.View {
	v := m.queue.State().View
	v.Text = m.bar.Filter()
	return v
}

// switchTab puts tab to in force: the tab left keeps the queue's state
// and the text; the one taken on gives back its own, its saved view the
// first time. A cursor whose row comes with a later page waits for it.
func (m Model) switchTab(to int) (Model, tea.Cmd) {
	tb, st, v, left := m.tabs.Switch(to, m.queue.State(), m.shown())
	if !left {
		st = queue.State{View: v}
	}
	var cmd tea.Cmd
	m.queue, cmd = m.queue.Restore(st, v.Text)
	m.setInput(v.Text)
	m.tabs = tb.WaitFor(st.Cursor)
	m.layout() // the filter bar's height may differ
	return m, tea.Batch(cmd, m.recount())
}

// resetTab is the reset key with views: the tab's saved view back, its
// cursor and selection kept.
func (m Model) resetTab() (Model, tea.Cmd) {
	t := m.tabs.Active()
	if !m.tabs.Modified() {
		return m, common.Say("The filters are already those of the view "+render.Line(t.Name)+".", false)
	}
	st := m.queue.State()
	st.View = t.Saved
	var cmd tea.Cmd
	m.queue, cmd = m.queue.Restore(st, t.Saved.Text)
	m.setInput(t.Saved.Text)
	m.tabs = m.tabs.WaitFor(st.Cursor)
	return m, tea.Batch(cmd, common.Say("Filters back to those of the view "+render.Line(t.Name)+".", false))
}

// switchNamed is `:view NAME` (tabs.SwitchMsg), from any view.
func (m Model) switchNamed(name string) (Model, tea.Cmd) {
	i, ok := m.tabs.Named(name)
	if !ok {
		return m, common.Say("No view named "+render.Line(name)+".", true)
	}
	if m.view != viewQueue {
		m.detail = m.detail.Leave()
		m.openView(viewQueue)
	}
	if m.tabs.Names()[i] == m.tabs.Active().Name {
		return m, nil
	}
	return m.switchTab(i)
}

// afterQueue keeps the tabs in step with the queue after any message: the
// settings in force and the count, a waiting cursor once its row arrives,
// and the other tabs' counts once loading ends.
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

// recount asks the store for the counts of the tabs not in force.
func (m *Model) recount() tea.Cmd {
	var cmd tea.Cmd
	m.tabs, cmd = m.tabs.Recount(queue.KeptCounter(m.store, m.now, tabs.KeptLimit))
	return cmd
}

// openSaveView opens the overlay that saves the filters in force (V).
func (m Model) openSaveView() Model {
	if m.saveView != nil && m.tabs.Len() > 0 {
		m.overlays = m.overlays.Push(viewsave.Open(m.ctx.Theme, viewsave.DefaultKeyMap(m.ctx.Keys), m.tabs.Active().Name,
			m.tabs.Names(), m.queue.InForce(), m.shown(), m.saveView))
	}
	return m
}

// viewSaved takes a save's answer: the tab's saved view, or a new tab.
func (m Model) viewSaved(msg viewsave.SavedMsg) (Model, tea.Cmd) {
	m.overlays, _, _ = m.overlays.Receive(msg)
	switch {
	case msg.Err != nil:
		return m, common.Say("View "+render.Line(msg.Name)+" not saved: "+msg.Err.Error(), true)
	case msg.Replace != "":
		m.tabs = m.tabs.Saved(msg.View)
	default:
		m.tabs = m.tabs.Added(tabs.Tab{Name: msg.Name, Saved: msg.View}, m.queue.State())
	}
	return m, common.Say("View "+render.Line(msg.Name)+" saved in config.toml.", false)
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
