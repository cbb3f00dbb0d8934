package queue

// appended takes the rows from index from on, just added at the end, into
// the view: in the API's order they go after the rows shown, so the work
// is the page's, not the queue's. The needs-attention order places them
// among the others, and rebuilds.
func (m *Model) appended(from int) {
	for i := from; i < len(m.rows); i++ {
		m.measure(m.rows[i])
	}
	if m.attention {
		m.rebuild()
		return
	}
	m.view = m.view[:len(m.view):len(m.view)] // an older copy of the model keeps its own view
	for i := from; i < len(m.rows); i++ {
		r := m.rows[i]
		if !m.keeps(r) {
			continue
		}
		m.view = append(m.view, i)
		if m.Reviewed(r.id) {
			m.reviewed++
		}
	}
	if len(m.view) > 0 && m.selID == "" {
		m.selID = m.rows[m.view[m.sel]].id
	}
	m.scrollToSel()
	m.cols, m.widths = layoutColumns(m.width, m.contactNeed, m.ticketNeed, m.mem != nil)
}

// narrow keeps, of the rows shown, those that still match a text filter
// that grew: their order and the cursor's session stay when they can.
func (m *Model) narrow() {
	view := make([]int, 0, len(m.view))
	for _, i := range m.view {
		if m.keeps(m.rows[i]) {
			view = append(view, i)
		}
	}
	m.view = view
	m.reorder()
}
