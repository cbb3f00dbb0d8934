// Package cmdmenu is the menu of the user's own commands ([[commands]]):
// each by name, with its key and what it does, picked with ↑/↓ and enter
// or its number. Choosing one asks the root to run it (useraction.RunMsg),
// as its key and the command line do.
package cmdmenu

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// Model is the open menu.
type Model struct {
	theme   *styles.Theme
	keys    keys.Menu
	set     useraction.Set
	targets int // how many sessions a command would run on
	at      int
}

// New opens the menu on set's commands, to run on targets sessions.
func New(ctx common.Context, set useraction.Set, targets int) Model {
	return Model{theme: ctx.Theme, keys: ctx.Keys.ForCommandMenu(), set: set, targets: targets}
}

// Update moves with ↑/↓, runs on enter or a command's number, and closes
// on esc or the key that opened it.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k, list := m.keys, m.set.Actions()
	if at, moved := k.Step(msg, m.at, len(list)); moved {
		m.at = at
		return m, nil
	}
	switch i, digit := keys.Digit(msg, 1, len(list)); {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Toggle):
		return nil, nil
	case key.Matches(msg, k.Choose) && len(list) > 0:
		return nil, useraction.Run(list[m.at].Name)
	case digit:
		return nil, useraction.Run(list[i].Name)
	}
	return m, nil
}

// ShortHelp is the menu's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// View draws the menu: number, name, key, what it does; a declared write
// that read-only refuses is marked so.
func (m Model) View(width, _ int) string {
	t, k := m.theme, m.keys
	inner := width - t.Panel.GetHorizontalFrameSize()
	list := m.set.Actions()
	on := "the session in view"
	if m.targets > 1 {
		on = "each of " + plural.Count(m.targets, "selected session")
	}
	title := "Your commands"
	how := fmt.Sprintf("  on %s · 1–%d or %s/%s %s · %s closes", on, len(list), keys.Typed(k.Up), keys.Typed(k.Down), keys.Name(k.Choose), keys.Name(k.Close))
	var lines []string
	for i, l := range render.Wrap(title+how, inner) {
		if rest, ok := strings.CutPrefix(l, title); ok && i == 0 {
			lines = append(lines, t.PanelTitle.Render(title)+t.Muted.Render(rest))
			continue
		}
		lines = append(lines, t.Muted.Render(l))
	}
	nameWidth := 0
	for _, a := range list {
		nameWidth = max(nameWidth, render.Width(render.Line(a.Name)))
	}
	for i, a := range list {
		bound := "   "
		if ks := a.Binding.Keys(); len(ks) > 0 {
			bound = fmt.Sprintf("%-3s", keys.HelpName(ks[0]))
		}
		row := fmt.Sprintf("%d  %s  %s  ", i+1, render.Pad(render.Line(a.Name), nameWidth), bound)
		about := t.Muted.Render(render.Line(a.About()))
		if m.set.Refused(a) != "" {
			about = t.Error.Render("(read-only) ") + about
		} else if a.Write {
			about = t.Muted.Render("(writes) ") + about
		}
		row += about
		if i == m.at {
			row = t.Selected.Render("› ") + row
		} else {
			row = "  " + row
		}
		lines = append(lines, render.ClipLine(ansi.Truncate(row, inner, "…"), inner))
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width)
}
