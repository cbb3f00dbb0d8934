// Package fullhelp is the overlay `?` opens: every key that acts in the view
// it was opened on, in columns packed into as many rows as the width needs,
// and below them whatever that view wants to explain.
package fullhelp

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the keys that close the full help.
type KeyMap = keys.HelpOverlay

// Model is the open full help.
type Model struct {
	keys   KeyMap
	help   help.Model
	groups [][]key.Binding
	notes  string // rendered text below the keys
}

// New shows groups of bindings (disabled ones are left out) and notes.
func New(ctx common.Context, groups [][]key.Binding, notes string) Model {
	return Model{keys: ctx.Keys.ForHelp(), help: ctx.Help(), groups: groups, notes: notes}
}

// Update closes the help on any of its keys; other keys do nothing while
// it is open.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	for _, b := range m.keys.Close {
		if key.Matches(msg, b) {
			return nil, nil
		}
	}
	return m, nil
}

// ShortHelp is the keys that close it.
func (m Model) ShortHelp() []key.Binding { return m.keys.Close }

// FullHelp is the keys that close it, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.keys.Close} }

// View lays the columns out in as many rows as the width needs, where the
// help model alone would cut the columns that do not fit.
func (m Model) View(width, _ int) string {
	h := m.help
	h.Width = 0 // measure without cutting
	var rows []string
	var row [][]key.Binding
	for _, g := range m.groups {
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(row, g))) > width {
			rows = append(rows, h.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	out := strings.Join(rows, "\n\n")
	if m.notes != "" {
		out += "\n\n" + m.notes
	}
	return lipgloss.NewStyle().Width(width).Render(out)
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
