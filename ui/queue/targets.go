package queue

import (
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// Picked is what an action acts on: the selected sessions, those shown in
// the order on screen, then those a local filter hides; else the row under
// the cursor; none when there is neither. A filter hides rows, it does not
// unselect them: the header counts the hidden ones, and the confirmation
// names the count acted on.
//
// It decodes no session: with a month selected, S must open its menu in a
// frame. It holds the rows (a row is never changed once made), so the
// action's commands decode each session when its turn comes, and a batch
// never holds every selected session decoded at once.
func (m Model) Picked() common.Targets {
	return common.NewTargets(rowTargets(m.pickedRows()))
}

// pickedRows is Picked's rows, in its order.
func (m Model) pickedRows() []*row {
	n, hidden := m.counts()
	if n == 0 {
		if m.sel < 0 || m.sel >= len(m.view) {
			return nil
		}
		return []*row{m.rows[m.view[m.sel]]}
	}
	// With every loaded row selected, or every row shown and none hidden
	// (ctrl+a, with or without a filter: the usual ways to a huge
	// selection), no row's ID is looked up: with a month loaded, the
	// lookups are most of S's cost.
	all := n == len(m.rows)
	shownOnly := hidden == 0 && n == len(m.view)
	out := make([]*row, 0, n)
	for _, i := range m.view {
		if r := m.rows[i]; all || shownOnly || m.picked[r.id] {
			out = append(out, r)
		}
	}
	if hidden == 0 {
		return out
	}
	shown := make([]bool, len(m.rows))
	for _, i := range m.view {
		shown[i] = true
	}
	for i, r := range m.rows {
		if !shown[i] && (all || m.picked[r.id]) {
			out = append(out, r)
		}
	}
	return out
}

// rowTargets is rows as an action's targets: the ID and the status read
// from the row, the session decoded from its body on demand, outside the
// decoded cache (a batch would flush the few sessions the cursor visits).
type rowTargets []*row

func (t rowTargets) Len() int                  { return len(t) }
func (t rowTargets) ID(i int) string           { return t[i].id }
func (t rowTargets) Status(i int) api.Status   { return t[i].rawStatus }
func (t rowTargets) Session(i int) api.Session { return *decodeOrStub(t[i]) }
