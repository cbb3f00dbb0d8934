package queue

import (
	"maps"
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
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
	n, hidden, standing := m.standingCounts()
	m.picked = maps.Clone(m.picked) // a copy: the model is a value, and an older one must not change with it
	if m.picked == nil {
		m.picked = map[string]bool{}
	}
	delta := 1
	if m.picked[s.ID] {
		delete(m.picked, s.ID)
		delta = -1
	} else {
		m.picked[s.ID] = true
		m.anchor = s.ID
	}
	m.picking(n, hidden, standing, delta)
	return m.move(1)
}

// selectRange selects every row shown from the last one selected (the
// anchor) to the cursor, both included, as k9s's mark-range does. The
// cursor stays: the range ends where the user put it.
func (m Model) selectRange() (Model, tea.Cmd) {
	s := m.Selected()
	if s == nil {
		return m, nil
	}
	from := m.position(m.anchor)
	if m.anchor == "" || !m.picked[m.anchor] || from < 0 {
		return m, common.Say("Select a first row with "+keys.Name(m.keys.Select)+"; "+keys.Name(m.keys.SelectRange)+" then selects up to the cursor.", true)
	}
	lo, hi := min(from, m.sel), max(from, m.sel)
	n, hidden, standing := m.standingCounts()
	m.picked = maps.Clone(m.picked)
	added := 0
	for pos := lo; pos <= hi; pos++ {
		if id := m.rows[m.view[pos]].id; !m.picked[id] {
			m.picked[id] = true
			added++
		}
	}
	m.picking(n, hidden, standing, added)
	m.anchor = s.ID
	return m, common.Say("Selected "+plural.Count(hi-lo+1, "row")+" up to here · "+m.selectionNote()+".", false)
}

// selectAll selects every row shown (the text, team and changed filters
// decide which); when every one already is, it clears the selection, so
// the one key both selects all and selects none.
func (m Model) selectAll() (Model, tea.Cmd) {
	if len(m.view) == 0 {
		return m, nil
	}
	all := true
	for _, i := range m.view {
		if !m.picked[m.rows[i].id] {
			all = false
			break
		}
	}
	if all {
		m.picked, m.anchor = nil, ""
		return m, common.Say("Selection cleared.", false)
	}
	n, hidden, standing := m.standingCounts()
	m.picked = maps.Clone(m.picked)
	if m.picked == nil {
		m.picked = map[string]bool{}
	}
	added := 0
	for _, i := range m.view {
		if id := m.rows[i].id; !m.picked[id] {
			m.picked[id] = true
			added++
		}
	}
	m.picking(n, hidden, standing, added)
	said := "Selected the " + plural.Count(len(m.view), "row") + " shown"
	if !m.end && !m.narrowed() {
		// Only what is loaded can be selected: say so, or the user takes
		// "all" for the whole queue.
		said += "; more are not loaded yet"
	}
	return m, common.Say(said+".", false)
}

// Targets is what an action acts on, each session decoded (see Picked):
// for the few actions that need every whole session at once.
func (m Model) Targets() []api.Session {
	t := m.Picked()
	return t.First(t.Len())
}

// selectedCount is the selected sessions still loaded: a refresh may drop
// a row that no longer matches the filters, and an action must not count
// what it cannot take.
func (m Model) selectedCount() (n int) {
	n, _ = m.counts()
	return n
}

// counts is the selected sessions still loaded, and hidden those of them
// a local filter hides: as counted in Update when they still stand.
func (m Model) counts() (selected, hidden int) {
	if len(m.picked) == 0 {
		return 0, 0
	}
	if c := m.counted; c != nil && c.over.same(&m) {
		return c.selected, c.hidden
	}
	return m.countNow()
}

// countNow counts the selected sessions loaded, and those a local filter
// hides. A few selected among many rows are each looked up; many are
// counted over the rows.
func (m Model) countNow() (selected, hidden int) {
	if len(m.picked)*8 < len(m.rows) {
		for id := range m.picked {
			if _, loaded := m.byID[id]; loaded {
				selected++
			}
		}
		return selected, selected - m.countShown()
	}
	for i := range m.rows {
		if m.picked[m.rows[i].id] {
			selected++
		}
	}
	return selected, selected - m.countShown()
}

// countShown counts the selected sessions among the rows shown.
func (m Model) countShown() (shown int) {
	if len(m.picked)*8 < len(m.view) {
		// Marking the rows shown costs a write each, a fraction of a
		// lookup of each one's ID in the selection.
		isShown := make([]uint64, (len(m.rows)+63)/64)
		for _, i := range m.view {
			isShown[i/64] |= 1 << (i % 64)
		}
		for id := range m.picked {
			if i, loaded := m.byID[id]; loaded && isShown[i/64]&(1<<(i%64)) != 0 {
				shown++
			}
		}
		return shown
	}
	for _, i := range m.view {
		if m.picked[m.rows[i].id] {
			shown++
		}
	}
	return shown
}

// HasSelection reports whether rows are selected (esc then clears them).
func (m Model) HasSelection() bool { return m.selectedCount() > 0 }

// SetSelection selects exactly ids (the failures of a batch, to retry).
func (m Model) SetSelection(ids []string) Model {
	m.picked, m.anchor = map[string]bool{}, ""
	for _, id := range ids {
		m.picked[id] = true
	}
	m.countSelection()
	return m
}

// selectionNote is the header's count of selected rows, and of those a
// local filter hides, which an action still takes.
func (m Model) selectionNote() string {
	n, hidden := m.counts()
	switch {
	case n == 0:
		return ""
	case hidden > 0:
		return strconv.Itoa(n) + " selected (" + strconv.Itoa(hidden) + " hidden by the filter)"
	}
	return strconv.Itoa(n) + " selected"
}

// Acted shows an action's progress: the new status at once, "saving…",
// then the confirmed copy, or the old status back; at the end the
// failures stay selected, to retry.
func (m Model) Acted(ev common.WriteEvent) Model {
	switch {
	case len(ev.Saving) > len(m.saving):
		// The event's map is handed over: the larger one is kept and the
		// smaller merged in, so a month's batch is not copied in Update.
		for id, s := range m.saving {
			if _, newer := ev.Saving[id]; !newer {
				ev.Saving[id] = s
			}
		}
		m.saving = ev.Saving
	default:
		for id, s := range ev.Saving {
			m.saving[id] = s
		}
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
