package queue

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// toggleSelected selects the row under the cursor for an action on
// several sessions, or unselects it, and moves on to the next row, as
// k9s does. Moving on may page, exactly as j does, so the command from
// move is handed on: dropped, it left the queue "loading" with nothing
// under way, and no page after the first was ever asked for.
func (m Model) toggleSelected() (Model, tea.Cmd) {
	s := m.Selected()
	if s == nil {
		return m, nil
	}
	if m.picked == nil {
		m.picked = map[string]bool{}
	}
	if m.picked[s.ID] {
		delete(m.picked, s.ID)
	} else {
		m.picked[s.ID] = true
	}
	return m.move(1)
}

// Targets is what an action acts on: the selected sessions in the order on
// screen, else the row under the cursor; nil when there is neither.
func (m Model) Targets() []api.Session {
	if len(m.picked) == 0 {
		if s := m.Selected(); s != nil {
			return []api.Session{*s}
		}
		return nil
	}
	var out []api.Session
	for _, i := range m.view {
		if s := m.rows[i].session; m.picked[s.ID] {
			out = append(out, *s)
		}
	}
	return out
}

// HasSelection reports whether rows are selected (esc then clears them).
func (m Model) HasSelection() bool { return len(m.picked) > 0 }

// SetSelection selects exactly ids (the failures of a batch, to retry).
func (m Model) SetSelection(ids []string) Model {
	m.picked = map[string]bool{}
	for _, id := range ids {
		m.picked[id] = true
	}
	return m
}

// selectionNote is the header's count of selected rows.
func (m Model) selectionNote() string {
	if len(m.picked) == 0 {
		return ""
	}
	return strconv.Itoa(len(m.picked)) + " selected"
}

// Acted shows an action's progress: the new status at once, "saving…",
// then the confirmed copy, or the old status back; at the end the
// failures stay selected, to retry.
func (m Model) Acted(ev common.WriteEvent) Model {
	if m.saving == nil {
		m.saving = map[string]api.Status{}
	}
	for id, s := range ev.Saving {
		m.saving[id] = s
	}
	for _, id := range ev.Settled {
		delete(m.saving, id)
	}
	if ev.Fresh != nil {
		m = m.Upsert(ev.Fresh)
	}
	if ev.Finished {
		m = m.SetSelection(ev.Failed)
	}
	return m
}
