// Package rawview is the overlay that shows a session as the API sent it:
// the JSON indented and escaped as `cxi get --json` prints it, in a
// scrolling viewport, for the lead who needs a field cxi does not lay out.
package rawview

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/scroll"
)

// KeyMap is the overlay's keys.
type KeyMap = keys.Raw

// Model is the open raw view.
type Model struct {
	theme    *styles.Theme
	keys     KeyMap
	title    string
	body     string // the JSON, rendered once
	viewport viewport.Model
}

// New shows s's JSON in a pane of width × height cells: the body the API
// sent, whether a GET or a list page brought it. A session without one (kept
// by an older cxi, which kept only GETs' bodies) shows its decoded form, and
// says so.
func New(ctx common.Context, s *api.Session, width, height int) Model {
	k := ctx.Keys.ForRaw()
	m := Model{theme: ctx.Theme, keys: k, viewport: scroll.New(k.Scroll)}
	doc, where := []byte(s.Raw), "as the API sent it"
	if len(doc) == 0 {
		doc, _ = json.Marshal(s)
		where = "as cxi decoded it (the API's own body was not kept; refresh for it)"
	}
	body, err := render.JSON(doc)
	if err != nil {
		body = m.theme.Error.Render("The body is not valid JSON: " + render.Line(err.Error()))
	}
	m.title = fmt.Sprintf("Session %s %s", render.Line(api.ShortID(s.ID)), where)
	m.body = body
	return m.SetSize(width, height).(Model)
}

// SetSize fits the viewport to the pane, below the title line.
func (m Model) SetSize(width, height int) overlay.Overlay {
	m.viewport.Width, m.viewport.Height = width, max(height-1, 1)
	m.viewport.SetContent(m.body)
	return m
}

// Update scrolls, and closes on esc or the key that opened it.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	if key.Matches(msg, m.keys.Close) || key.Matches(msg, m.keys.Toggle) {
		return nil, nil
	}
	var cmd tea.Cmd
	m.viewport, cmd = scroll.Update(m.viewport, m.keys.Scroll, msg)
	return m, cmd
}

// ShortHelp is the keys that act here.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Scroll.Down, m.keys.Scroll.Up, m.keys.Scroll.Bottom, m.keys.Close}
}

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View draws the title and the visible lines.
func (m Model) View(width, _ int) string {
	pct := fmt.Sprintf(" · %3.0f%%", m.viewport.ScrollPercent()*100)
	lines := []string{render.ClipLine(m.theme.PanelTitle.Render(m.title)+m.theme.Muted.Render(pct), width)}
	for _, l := range strings.Split(m.viewport.View(), "\n") {
		lines = append(lines, render.ClipLine(l, width))
	}
	return strings.Join(lines, "\n")
}
