package actions

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// MenuAt is Menu with status already chosen (the command line's :close,
// :close --unresolved, :reopen): the confirmation that says what will be
// sent, waiting for enter. It is Menu's own: read-only, a change under way
// and no session at all are refused in its words, the options are the
// menu's (h, g still toggle them), and what is sent goes through the same
// batch.
func (m Model) MenuAt(status api.Status, queued common.Targets, shown *api.Session, inQueue bool) (overlay.Overlay, tea.Cmd) {
	o, cmd := m.Menu(queued, shown, inQueue)
	mn, ok := o.(menu)
	i := slices.IndexFunc(choices(), func(c choice) bool { return c.status == status })
	switch {
	case !ok && cmd == nil:
		// Where S does nothing (no session in view), a typed command
		// must still answer.
		return nil, common.Say("No session here to "+choiceLabel(status)+": open one, or put the queue's cursor on one.", true)
	case !ok || i < 0:
		return o, cmd
	case mn.inert(status):
		return nil, common.Say("Nothing to send: "+plural.CountAs(mn.targets.Len(), "session is", "sessions are")+" already "+render.Status(status)+".", false)
	}
	c := choices()[i]
	mn.chosen = &c
	return mn, nil
}

// choiceLabel is the menu's words for status: "close as resolved".
func choiceLabel(status api.Status) string {
	for _, c := range choices() {
		if c.status == status {
			return c.label
		}
	}
	return "set the status " + render.Line(string(status))
}
