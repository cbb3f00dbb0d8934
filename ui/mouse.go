package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/keys"
)

// paneTop is the screen line the pane starts on: below the header, the
// input and its hint.
const paneTop = 3

// mouse is the mouse, when config.toml turns it on: the wheel scrolls the
// view in focus as its up and down keys do (so paging and the transcript's
// loading follow), a click picks a tab or a row of the queue. While an
// overlay is open the mouse does nothing: the overlay has the keys.
func (m Model) mouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	if !m.overlays.Empty() || m.focus != focusView {
		return m, nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return m.wheel(m.keys.Up)
	case tea.MouseButtonWheelDown:
		return m.wheel(m.keys.Down)
	}
	if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft || m.view != viewQueue {
		return m, nil
	}
	y := msg.Y - paneTop
	if y < 0 {
		return m, nil
	}
	if m.tabsHeight() > 0 && y == 0 {
		if i, ok := m.tabs.At(msg.X); ok {
			return m.switchTab(i)
		}
		return m, nil
	}
	y -= m.tabsHeight()
	if m.preview.beside && msg.X >= m.width-m.preview.width-1 {
		return m, nil
	}
	var cmd tea.Cmd
	m.queue, cmd, _ = m.queue.ClickRow(y)
	m.tabs = m.tabs.Found()
	return m, cmd
}

// wheel is one step of the wheel: the key b names, as if pressed.
func (m Model) wheel(b key.Binding) (Model, tea.Cmd) {
	if msg, ok := keys.PressOf(b); ok {
		return m.viewKey(msg)
	}
	return m, nil
}
