// Package fullhelp is the overlay `?` opens: every key that acts in the view
// it was opened on, the view's own first, in columns packed into as many
// rows as the width needs, and below them whatever that view wants to
// explain. It scrolls with the program's scrolling keys: at 80×24 and
// narrower the keys and the notes do not fit one screen.
package fullhelp

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/scroll"
)

// KeyMap is the full help's keys: those that close it, and scrolling.
type KeyMap = keys.HelpOverlay

// Section is a titled part of the help: its bindings in columns, each
// column kept whole. Disabled bindings are left out, and a section with
// none is not shown.
type Section struct {
	Title   string
	Columns [][]key.Binding
}

// Model is the open full help.
type Model struct {
	theme    *styles.Theme
	keys     KeyMap
	help     help.Model
	sections []Section
	notes    string // rendered text below the keys

	width, height int
	viewport      viewport.Model
}

// New shows sections of bindings and notes; SetSize lays them out.
func New(ctx common.Context, sections []Section, notes string) Model {
	k := ctx.Keys.ForHelp()
	return Model{theme: ctx.Theme, keys: k, help: ctx.Help(), sections: sections, notes: notes, viewport: scroll.New(k.Scroll)}
}

// SetSize lays the help out for a pane of width × height cells: the text
// is made here, once per size, and View only shows a window of it.
func (m Model) SetSize(width, height int) overlay.Overlay {
	if width == m.width && height == m.height {
		return m
	}
	m.width, m.height = width, height
	content := m.render(width)
	m.viewport.Width, m.viewport.Height = width, max(height, 1)
	m.viewport.SetContent(content)
	if m.viewport.TotalLineCount() > height {
		// The last line says there is more, and how far down the reader is.
		m.viewport.Height = max(height-1, 1)
		m.viewport.SetContent(content)
	}
	return m
}

// Update closes the help on any of its close keys and scrolls on the
// scrolling keys; other keys do nothing while it is open.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	for _, b := range m.keys.Close {
		if key.Matches(msg, b) {
			return nil, nil
		}
	}
	m.viewport, _ = scroll.Update(m.viewport, m.keys.Scroll, msg)
	return m, nil
}

// scrolls reports whether the help is longer than its pane.
func (m Model) scrolls() bool { return m.viewport.Height < m.height }

// ShortHelp is the keys that close it, as one entry ("esc/?/q close"),
// and, when it does not fit, those that scroll it, the close keys early
// enough for 60 columns.
func (m Model) ShortHelp() []key.Binding {
	var names, all []string
	for _, b := range m.keys.Close {
		names, all = append(names, keys.Name(b)), append(all, b.Keys()...)
	}
	closing := key.NewBinding(key.WithKeys(all...), key.WithHelp(strings.Join(names, "/"), "close"))
	if !m.scrolls() {
		return []key.Binding{closing}
	}
	s := m.keys.Scroll
	return []key.Binding{s.Down, s.Up, closing, s.PageDown, s.Top, s.Bottom}
}

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View shows the lines scrolled to and, when there are more than fit,
// where the reader is.
func (m Model) View(width, _ int) string {
	// The viewport pads its window to the full size; the root fills the
	// pane itself, so the padding goes (a short help stays short).
	lines := strings.Split(m.viewport.View(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	v := strings.TrimRight(strings.Join(lines, "\n"), "\n")
	if !m.scrolls() {
		return v
	}
	s := m.keys.Scroll
	where := fmt.Sprintf("%3.0f%% · %s more · %s back up", m.viewport.ScrollPercent()*100, keys.Name(s.Down), keys.Name(s.Up))
	if m.viewport.AtBottom() {
		where = fmt.Sprintf("end · %s back up · %s top", keys.Name(s.Up), keys.Name(s.Top))
	}
	return v + "\n" + render.ClipLine(m.theme.Muted.Render("── "+where+" ──"), width)
}

// render lays each section out: its title, then its columns in as many
// rows as the width needs, where the help model alone would cut the
// columns that do not fit.
func (m Model) render(width int) string {
	var out []string
	for _, s := range m.sections {
		if body := m.columns(s.Columns, width); body != "" {
			if s.Title != "" {
				body = m.theme.PanelTitle.Render(s.Title) + "\n" + body
			}
			out = append(out, body)
		}
	}
	if m.notes != "" {
		out = append(out, m.notes)
	}
	return lipgloss.NewStyle().Width(width).Render(strings.Join(out, "\n\n"))
}

func (m Model) columns(groups [][]key.Binding, width int) string {
	h := m.help
	h.Width = 0 // measure without cutting
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		if !anyEnabled(g) {
			continue // an empty column would still take its separator
		}
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(row, g))) > width {
			rows = append(rows, h.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}

func anyEnabled(bs []key.Binding) bool {
	for _, b := range bs {
		if b.Enabled() {
			return true
		}
	}
	return false
}

// Notes is what the full help explains below the keys: in the queue (when
// order, the queue's "needs attention" rule in words, is given), its order
// and its input; everywhere, the sessions worth trying. The root passes
// the rule in: the full help does not import the queue (views are leaves).
func Notes(ctx common.Context, order string, suggest []common.Suggestion) string {
	t, k := ctx.Theme, ctx.Keys
	var out []string
	if order != "" {
		out = append(out, t.Label.Render("needs-attention order: ")+t.Value.Render(order)+"\n"+
			t.Label.Render("input: ")+t.Value.Render("text filters the loaded sessions as you type; a session ID (or a URL with one) opens on "+keys.Name(k.Lookup)))
	}
	if len(suggest) > 0 {
		s := t.PanelTitle.Render("Sessions to try") + t.Muted.Render(" · "+keys.Name(k.FocusInput)+" then paste an ID, "+keys.Name(k.Lookup)+" opens it")
		for _, sg := range suggest {
			s += "\n" + t.Value.Render(sg.ID) + "  " + t.Muted.Render(render.Line(sg.Title))
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n\n")
}
