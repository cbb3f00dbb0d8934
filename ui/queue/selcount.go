package queue

import "reflect"

// selectionCount is the selection's counts (see counts) as last counted,
// with what they were counted over. The header shows them on every frame,
// and counting looks up every loaded row: 50 ms for each j with a month
// of sessions selected. They are counted again in Update (warm) when the
// selection, the rows or the view is another one; View only reads them.
type selectionCount struct {
	over             countedOver
	selected, hidden int
}

// countedOver is what the counts depend on, by identity. The selection is
// copied before every change, and the rows and the view are new slices,
// or of another length, whenever their members change; a row replaced in
// place (Upsert) keeps its session's ID, and a sort keeps the members.
// The slices and the map are held, not their addresses, so that none is
// freed and its address taken by another while the counts stand.
type countedOver struct {
	picked map[string]bool
	rows   []*row
	view   []int
}

// same reports whether o is the state of m.
func (o *countedOver) same(m *Model) bool {
	return samePicked(o.picked, m.picked) &&
		sameSlice(o.rows, m.rows) && sameSlice(o.view, m.view)
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// countSelection counts again when the counts are not of m's state. A
// new view over the same rows and selection (a filter keystroke) keeps
// the selected count and counts only those shown.
func (m *Model) countSelection() {
	if len(m.picked) == 0 || (m.counted != nil && m.counted.over.same(m)) {
		return
	}
	var s, h int
	if c := m.counted; c != nil && samePicked(c.over.picked, m.picked) && sameSlice(c.over.rows, m.rows) {
		s = c.selected
		h = s - m.countShown()
	} else {
		s, h = m.countNow()
	}
	m.setCounted(s, h)
}

// setCounted records the counts as those of m's state.
func (m *Model) setCounted(selected, hidden int) {
	m.counted = &selectionCount{over: countedOver{picked: m.picked, rows: m.rows, view: m.view}, selected: selected, hidden: hidden}
}

// standingCounts is the counts of m's state when they are known without
// counting: none selected, or counted over this very state. The keys that
// change the selection by a few rows start from them (see picking).
func (m *Model) standingCounts() (selected, hidden int, ok bool) {
	if len(m.picked) == 0 {
		return 0, 0, true
	}
	if c := m.counted; c != nil && c.over.same(m) {
		return c.selected, c.hidden, true
	}
	return 0, 0, false
}

// picking records the counts after rows shown were added to the selection
// (space, ctrl+space, ctrl+a) or one was taken out (delta -1), from those
// standing before: a row shown is loaded and not hidden, so the hidden
// count stays. Without standing counts the next warm counts them all.
func (m *Model) picking(selected, hidden int, standing bool, delta int) {
	if standing {
		m.setCounted(selected+delta, hidden)
	}
}

func samePicked(a, b map[string]bool) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}
