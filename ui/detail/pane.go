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

// pane is one session laid out in panels inside a scrollable viewport. It
// renders what it is given; Model decides what that is.
type pane struct {
	content  content
	keys     KeyMap
	session  *api.Session
	width    int
	height   int
	viewport viewport.Model
	banner   []string // lines above the panels, rendered by Model
}

// newPane returns an empty pane.
func newPane(theme *styles.Theme, km KeyMap) pane {
	return pane{content: content{theme: theme, copyKey: keys.Name(km.Copy), othersKey: keys.Name(km.Others)}, keys: km, viewport: scroll.New(km.Scroll)}
}

// Session is the session on display, nil when none.
func (m pane) Session() *api.Session { return m.session }

// SetSession shows s from the top, with ages relative to now.
func (m pane) SetSession(s *api.Session, now time.Time) pane {
	m.session = s
	m.content.now = now
	m.relayout()
	m.viewport.GotoTop()
	return m
}

// SetSize gives the pane its width and height in cells and re-lays it out.
func (m pane) SetSize(width, height int) pane {
	if width == m.width && height == m.height {
		return m
	}
	m.width, m.height = width, height
	m.viewport.Width, m.viewport.Height = width, height
	m.relayout()
	return m
}

// SetNow refreshes the relative ages ("3h ago") without moving the scroll.
func (m pane) SetNow(now time.Time) pane {
	m.content.now = now
	m.relayout()
	return m
}

// relayout renders the panels once per change of data, size or clock, so
// View only slices the cached lines.
func (m *pane) relayout() {
	if m.session == nil || m.width <= 0 {
		m.viewport.SetContent("")
		return
	}
	body := m.content.layout(m.session, m.width)
	if len(m.banner) > 0 {
		body = strings.Join(m.banner, "\n") + "\n" + body
	}
	m.viewport.SetContent(body)
}

// SetBanner sets the lines shown above the panels (offline, since you last
// looked, your note), keeping the scroll position.
func (m pane) SetBanner(lines []string) pane {
	y := m.viewport.YOffset
	m.banner = lines
	m.relayout()
	m.viewport.SetYOffset(y)
	return m
}

// SetExtras shows what arrived of the session beyond its body (reasons,
// rating, other sessions), keeping the scroll position.
func (m pane) SetExtras(e extras) pane {
	y := m.viewport.YOffset
	m.content.extras = e
	m.relayout()
	m.viewport.SetYOffset(y)
	return m
}

// Update scrolls the pane.
func (m pane) Update(msg tea.Msg) (pane, tea.Cmd) {
	var cmd tea.Cmd
	m.viewport, cmd = scroll.Update(m.viewport, m.keys.Scroll, msg)
	return m, cmd
}

// ScrollPercent is how far down the pane is scrolled, for a scroll hint.
func (m pane) ScrollPercent() float64 { return m.viewport.ScrollPercent() }

// Scrollable reports whether the content is taller than the pane.
func (m pane) Scrollable() bool { return m.viewport.TotalLineCount() > m.viewport.Height }

// View draws the visible part of the pane. Its lines are clipped the way
// terminals count cells (render.Width): lipgloss measures some scripts
// narrower than a terminal draws them, and pads to match, which would push
// a panel border past the edge.
func (m pane) View() string {
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
func (m pane) Replace(s *api.Session) pane {
	y := m.viewport.YOffset
	m.session = s
	m.relayout()
	m.viewport.SetYOffset(y)
	return m
}
