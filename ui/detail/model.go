// Package detail is the detail pane: one session laid out in panels inside
// a scrollable viewport. It renders what it is given; fetching is the root
// model's job.
package detail

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/scroll"
)

// KeyMap holds the pane's keys, taken from the program's key map.
type KeyMap = keys.Detail

// DefaultKeyMap is the pane's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForDetail() }

// Model is the detail pane.
type Model struct {
	content  content
	keys     KeyMap
	session  *api.Session
	width    int
	height   int
	viewport viewport.Model
}

// New returns an empty pane.
func New(theme *styles.Theme, km KeyMap) Model {
	return Model{content: content{theme: theme, copyKey: keys.Name(km.Copy)}, keys: km, viewport: scroll.New(km.Scroll)}
}

// Session is the session on display, nil when none.
func (m Model) Session() *api.Session { return m.session }

// SetSession shows s from the top, with ages relative to now.
func (m Model) SetSession(s *api.Session, now time.Time) Model {
	m.session = s
	m.content.now = now
	m.relayout()
	m.viewport.GotoTop()
	return m
}

// SetSize gives the pane its width and height in cells and re-lays it out.
func (m Model) SetSize(width, height int) Model {
	if width == m.width && height == m.height {
		return m
	}
	m.width, m.height = width, height
	m.viewport.Width, m.viewport.Height = width, height
	m.relayout()
	return m
}

// SetNow refreshes the relative ages ("3h ago") without moving the scroll.
func (m Model) SetNow(now time.Time) Model {
	m.content.now = now
	m.relayout()
	return m
}

// relayout renders the panels once per change of data, size or clock, so
// View only slices the cached lines.
func (m *Model) relayout() {
	if m.session == nil || m.width <= 0 {
		m.viewport.SetContent("")
		return
	}
	m.viewport.SetContent(m.content.layout(m.session, m.width))
}

// Update scrolls the pane.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.viewport, cmd = scroll.Update(m.viewport, m.keys.Scroll, msg)
	return m, cmd
}

// ScrollPercent is how far down the pane is scrolled, for a scroll hint.
func (m Model) ScrollPercent() float64 { return m.viewport.ScrollPercent() }

// Scrollable reports whether the content is taller than the pane.
func (m Model) Scrollable() bool { return m.viewport.TotalLineCount() > m.viewport.Height }

// View draws the visible part of the pane. Its lines are clipped the way
// terminals count cells (render.Width): lipgloss measures some scripts
// narrower than a terminal draws them, and pads to match, which would push
// a panel border past the edge.
func (m Model) View() string {
	if m.session == nil {
		return ""
	}
	lines := strings.Split(m.viewport.View(), "\n")
	for i, l := range lines {
		lines[i] = render.ClipLine(l, m.width)
	}
	return strings.Join(lines, "\n")
}

// Replace swaps in a fresher copy of the session on display, keeping the
// scroll position, for a background refresh.
func (m Model) Replace(s *api.Session) Model {
	y := m.viewport.YOffset
	m.session = s
	m.relayout()
	m.viewport.SetYOffset(y)
	return m
}
