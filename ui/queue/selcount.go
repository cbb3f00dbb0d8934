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
	return reflect.ValueOf(o.picked).UnsafePointer() == reflect.ValueOf(m.picked).UnsafePointer() &&
		sameSlice(o.rows, m.rows) && sameSlice(o.view, m.view)
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// countSelection counts again when the counts are not of m's state.
func (m *Model) countSelection() {
	if len(m.picked) == 0 || (m.counted != nil && m.counted.over.same(m)) {
		return
	}
	s, h := m.countNow()
	m.counted = &selectionCount{over: countedOver{picked: m.picked, rows: m.rows, view: m.view}, selected: s, hidden: h}
}
