package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/overlay/fullhelp"
	"github.com/opencx-tools/cxi/ui/overlay/runpane"
)

// runCommand runs the user's command name on what is in view (the
// queue's selection, else the row under the cursor or the session shown):
// for its key, the menu and the command line alike.
func (m Model) runCommand(name string) (Model, tea.Cmd) {
	pane, cmd := runpane.Start(m.ctx, m.commands, name, m.pickedTargets(), m.width, m.paneHeight())
	m.overlays = m.overlays.Push(pane)
	return m, cmd
}

// commandKey is the name of the user's command msg is the key of, or "".
func (m Model) commandKey(msg tea.KeyMsg) string {
	a, _ := m.commands.ForKey(msg)
	return a.Name
}

// commandHelp is the full help's section of the user's commands with a
// key; none without.
func (m Model) commandHelp() []fullhelp.Section {
	bs := m.commands.Bindings()
	if len(bs) == 0 {
		return nil
	}
	return []fullhelp.Section{{Title: "Your commands (" + m.keys.Commands.Help().Key + " lists them all)", Columns: [][]key.Binding{bs}}}
}
