package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/integrity"
)

// fromIntegrity takes a flags check's answer and hands the flags to the
// queue (marker, filter) and the detail pane (what each rule saw).
func (m Model) fromIntegrity(msg integrity.Msg) (Model, tea.Cmd) {
	var changed bool
	var err error
	var next tea.Cmd
	m.lint, next, changed, err = m.lint.Update(msg)
	if err != nil {
		return m, tea.Batch(next, common.Say("The integrity flags could not be worked out: "+explain.Describe(err, "").CommandLine(), true))
	}
	if changed {
		m.queue = m.queue.SetFlags(m.lint.Rules())
		m.detail = m.detail.SetFlags(m.lint.All())
	}
	return m, next
}

// checkFlags works the flags of the loaded sessions out again, once a
// page (or a refresh) has come in.
func (m Model) checkFlags() (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.lint, cmd = m.lint.CheckAll(m.queue.ToFlag(), m.now)
	return m, cmd
}

// checkShownFlags works out again the flags of the session shown, whose
// transcript the store has just kept (no_reply reads it).
func (m Model) checkShownFlags(id string) tea.Cmd {
	s := m.detail.Shown()
	if s == nil || s.ID != id {
		return nil
	}
	return m.lint.CheckSome([]api.Session{*s}, m.now)
}
