package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
)

// inputKey handles a key while the input has focus. Printable keys type; in
// the queue the text filters the loaded rows as it is typed, and enter on
// text holding a session ID looks that session up.
func (m Model) inputKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	// Keys that edit text stay text here, even if the config bound them
	// to an action: space, backspace and printable characters type.
	editing := isRune(msg) || msg.Type == tea.KeyBackspace || msg.Type == tea.KeyDelete
	switch {
	case editing:
	case key.Matches(msg, k.Lookup) && !msg.Paste:
		return m.submit()
	case key.Matches(msg, k.SwitchFocus), key.Matches(msg, k.Back):
		m.focusView()
		return m, nil
	case key.Matches(msg, k.Up):
		return m.stepRecent(1), nil
	case key.Matches(msg, k.Down):
		return m.stepRecent(-1), nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.inputErr = ""
		m.recentAt = -1
		m.syncFilter()
	}
	return m, cmd
}

// setInput replaces the input's text and keeps the queue's filter in step
// with it: the two must never disagree.
func (m *Model) setInput(text string) {
	m.input.SetValue(text)
	m.input.CursorEnd()
	m.syncFilter()
}

// syncFilter filters the queue by the input, unless the input holds a
// session ID (a lookup, not a filter).
func (m *Model) syncFilter() {
	m.queue = m.queue.SetText(m.filterText())
}

// isRune reports a printable key, which in the input always types (j and k
// are scroll keys elsewhere).
func isRune(msg tea.KeyMsg) bool { return msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace }

// filterText is the input as a queue filter: empty when it holds a session
// ID, which is meant for a lookup, not a filter.
func (m Model) filterText() string {
	if _, err := api.ParseSessionID(m.input.Value()); err == nil {
		return ""
	}
	return m.input.Value()
}

// submit is enter in the input: a session ID is looked up; other text in
// the queue is a filter, so enter just moves to the list; a UUID-shaped
// value the contract rejects is reported.
func (m Model) submit() (Model, tea.Cmd) {
	text := strings.TrimSpace(m.input.Value())
	q, err := resolve.Classify(text)
	switch {
	case err != nil || q.Kind == resolve.KindID:
		return m.lookup(text)
	case q.Kind == resolve.KindName && m.view == viewQueue && m.queue.Len() > 0:
		// A name that matches loaded rows is a filter: go to the list.
		m.focusView()
		return m, nil
	}
	return m.startResolve(q, text)
}

// stepRecent walks the recently viewed sessions like a shell history.
func (m Model) stepRecent(delta int) Model {
	if len(m.recent) == 0 {
		return m
	}
	at := min(max(m.recentAt+delta, -1), len(m.recent)-1)
	m.recentAt = at
	if at < 0 {
		m.setInput("")
	} else {
		m.setInput(m.recent[at])
	}
	m.inputErr = ""
	return m
}

// remember puts id first in the recent sessions, once.
func (m *Model) remember(id string) {
	const keep = 50
	out := []string{id}
	for _, r := range m.recent {
		if r != id && len(out) < keep {
			out = append(out, r)
		}
	}
	m.recent = out
	m.recentAt = -1
}
