package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/reasons"
)

// fromReasons takes what a walk of the handoff events (or the store) said
// of why sessions were handed off, and hands it to the queue (the marker,
// the filter), the detail pane and the preview.
func (m Model) fromReasons(msg reasons.Msg) (Model, tea.Cmd) {
	var changed bool
	var cmd tea.Cmd
	m.reasons, changed, cmd = m.reasons.Update(msg)
	if changed {
		known := m.reasons.Known()
		m.queue, m.detail = m.queue.SetWhy(known), m.detail.SetWhy(known)
		m.preview.session = nil // drawn again with the reason
	}
	return m, cmd
}

// why is why the AI handed off session id, nil when the handoff events
// did not say.
func (m Model) why(id string) *api.HandoffWhy {
	w, ok := m.reasons.Known()[strings.ToLower(id)]
	if !ok {
		return nil
	}
	return &w
}
