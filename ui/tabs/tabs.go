// Package tabs is the saved views above the queue, as tabs: which view is
// in force, what each remembers while another has the queue, and each
// one's count. One queue serves every view; a tab keeps only the queue's
// state (S, the queue's own type, which this package never looks into),
// so a hundred thousand sessions are held once, whatever the number of
// views.
package tabs

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
)

// Tab is one saved view as the config file has it.
type Tab struct {
	Name  string
	Key   key.Binding // its own key; a zero binding for none
	Saved filter.View // what the config file says it shows
}

// SwitchMsg asks the root to switch to the view called Name (any case):
// what `:view NAME` on the command line sends.
type SwitchMsg struct{ Name string }

// tab is a Tab with what it remembers while another has the queue.
type tab[S any] struct {
	Tab
	current filter.View // as the user left it: differs from Saved until saved
	state   S           // the queue's state when the user left it
	left    bool        // state holds something: the tab was left once
	count   count
}

// count is a tab's count of sessions: from the queue while the tab is in
// force (whole once every page is loaded), else from the local store or
// the last time it was in force (at least that many).
type count struct {
	n            int
	known, whole bool
}

// Model is the tabs.
type Model[S any] struct {
	theme  *styles.Theme
	keys   keys.Tabs
	tabs   []tab[S]
	active int
	width  int
	gen    int    // counting generation: a count of older tabs is dropped
	cursor string // a restored cursor's row, selected once it arrives; "" when none waits
	line   string // the tabs as drawn for width, made when anything shown changes
	spans  []span // where each tab drawn is on the line, for a click
}

// New returns the tabs of list, the one at active in force with the
// settings now (which may differ from what it saved: [queue] or a flag).
func New[S any](theme *styles.Theme, k keys.Tabs, list []Tab, active int, now filter.View) Model[S] {
	m := Model[S]{theme: theme, keys: k}
	for _, t := range list {
		m.tabs = append(m.tabs, tab[S]{Tab: t, current: t.Saved})
	}
	if active >= 0 && active < len(m.tabs) {
		m.active = active
		m.tabs[active].current = now
	}
	m.draw()
	return m
}

// Start is where the queue starts with the settings now: the first tab
// whose saved view is now, else the first whose server-side filters and
// ordering are now's (its team, text and changed go with them: same is
// true), else the first tab, which shows now's settings as changed.
func Start(list []Tab, now filter.View) (i int, same bool) {
	for i, t := range list {
		if t.Saved.Same(now) {
			return i, true
		}
	}
	for i, t := range list {
		if t.Saved.Filters == now.Filters && t.Saved.Attention == now.Attention {
			return i, true
		}
	}
	return 0, false
}

// Len is the number of tabs; 0 draws nothing.
func (m Model[S]) Len() int { return len(m.tabs) }

// Active is the tab in force.
func (m Model[S]) Active() Tab { return m.tabs[m.active].Tab }

// Names are the views' names in order, for the command line's completion.
func (m Model[S]) Names() []string {
	out := make([]string, len(m.tabs))
	for i, t := range m.tabs {
		out[i] = t.Name
	}
	return out
}

// Named is the tab called name (any case).
func (m Model[S]) Named(name string) (int, bool) {
	for i, t := range m.tabs {
		if strings.EqualFold(t.Name, strings.TrimSpace(name)) {
			return i, true
		}
	}
	return 0, false
}

// Target is the tab a key asks for: the next or previous one (round at
// either end), or a view's own key; false when msg is none of these or
// names the tab in force.
func (m Model[S]) Target(msg tea.KeyMsg) (int, bool) {
	n := len(m.tabs)
	if n < 2 {
		return 0, false
	}
	switch {
	case key.Matches(msg, m.keys.Next):
		return (m.active + 1) % n, true
	case key.Matches(msg, m.keys.Prev):
		return (m.active + n - 1) % n, true
	}
	for i, t := range m.tabs {
		if i != m.active && key.Matches(msg, t.Key) {
			return i, true
		}
	}
	return 0, false
}

// Switch makes tab to the one in force. leaving is the queue's state and
// now the settings of the tab left, which it keeps; it returns the state
// to give the queue, and the settings, for the input's text: what the tab
// was left with, or its saved view the first time (left is false then,
// and the caller builds the state from the settings).
func (m Model[S]) Switch(to int, leaving S, now filter.View) (Model[S], S, filter.View, bool) {
	from := &m.tabs[m.active]
	from.state, from.current, from.left = leaving, now, true
	m.active = to
	t := m.tabs[to]
	m.draw()
	return m, t.state, t.current, t.left
}

// WaitFor remembers a restored cursor's row, which a reload may bring a
// page later; Waiting is it until Found.
func (m Model[S]) WaitFor(id string) Model[S] { m.cursor = id; return m }

// Waiting is the restored cursor's row still to select, "" when none.
func (m Model[S]) Waiting() string { return m.cursor }

// Found stops waiting for the cursor's row: it arrived, or the user moved.
func (m Model[S]) Found() Model[S] { m.cursor = ""; return m }

// SetShown records the settings in force and the queue's count: the tab
// in force is marked while they differ from its saved view.
func (m Model[S]) SetShown(now filter.View, n int, whole bool) Model[S] {
	t := &m.tabs[m.active]
	c := count{n: n, known: true, whole: whole}
	if t.current.Same(now) && t.count == c && t.current == now {
		return m
	}
	t.current, t.count = now, c
	m.draw()
	return m
}

// Current is the tab in force's settings as last shown.
func (m Model[S]) Current() filter.View { return m.tabs[m.active].current }

// Modified reports whether the tab in force shows other settings than
// it saved.
func (m Model[S]) Modified() bool { t := m.tabs[m.active]; return !t.current.Same(t.Saved) }

// Saved records that the tab in force's settings are now its saved view.
func (m Model[S]) Saved(v filter.View) Model[S] {
	m.tabs[m.active].Saved = v
	m.draw()
	return m
}

// Added appends a tab, saved as a new view, and puts it in force with the
// state the tab in force had; that one goes back to its saved view.
func (m Model[S]) Added(t Tab, state S) Model[S] {
	from := &m.tabs[m.active]
	from.current, from.left = from.Saved, false
	m.tabs = append(m.tabs, tab[S]{Tab: t, current: t.Saved, state: state, left: true, count: from.count})
	from.count = count{}
	m.active = len(m.tabs) - 1
	m.draw()
	return m
}

// SetWidth gives the tabs the width of their line.
func (m Model[S]) SetWidth(w int) Model[S] { m.width = w; m.draw(); return m }
