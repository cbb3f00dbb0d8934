package queue

import (
	"cmp"
	"slices"
)

// appended takes the rows from index from on, just added at the end, into
// the view: in the API's order they go after the rows shown; in the
// needs-attention order the page's rows are sorted among themselves and
// merged in. Either way the work follows the page, not the queue. The
// views kept of the last texts typed no longer stand.
func (m *Model) appended(from int) {
	for i := from; i < len(m.rows); i++ {
		m.measure(m.rows[i])
	}
	m.results = nil
	m.sign()
	m.matchText()
	if m.attention {
		m.appendedInOrder(from)
		return
	}
	m.view = m.view[:len(m.view):len(m.view)] // an older copy of the model keeps its own view
	for i := from; i < len(m.rows); i++ {
		if !m.keepsAt(i) {
			continue
		}
		m.view = append(m.view, i)
		if m.Reviewed(m.rows[i].id) {
			m.reviewed++
		}
	}
	m.settle()
}

// appendedInOrder is appended in the needs-attention order: the new rows
// are sorted, then merged into the order of all rows and, those the
// filters keep, into the view. The cursor stays on its session, unless
// pinned to the top, where a more urgent session arriving takes it.
func (m *Model) appendedInOrder(from int) {
	if len(m.order) != from {
		m.refilter() // the order of the rows before is not known: sort them all
		return
	}
	fresh := make([]int32, 0, len(m.rows)-from)
	for i := from; i < len(m.rows); i++ {
		fresh = append(fresh, int32(i))
	}
	slices.SortFunc(fresh, m.attentionCmp32)
	m.order, _ = mergeOrdered(m.order, fresh, m.attentionCmp32, -1)
	kept := make([]int, 0, len(fresh))
	for _, i := range fresh {
		if m.keepsAt(int(i)) {
			kept = append(kept, int(i))
			if m.Reviewed(m.rows[i].id) {
				m.reviewed++
			}
		}
	}
	// The cursor's session was in the view (not hidden by a filter) when
	// the row under the cursor is it: then it moves by the rows merged in
	// before it; else it is looked for, or the first row takes it.
	held := m.sel < len(m.view) && m.rows[m.view[m.sel]].id == m.selID
	var before int
	m.view, before = mergeOrdered(m.view, kept, m.attentionCmp, m.sel)
	switch {
	case m.pinned:
		m.sel, m.selID = 0, ""
	case m.selID != "" && held:
		m.sel += before
	default:
		if m.sel = m.position(m.selID); m.sel < 0 {
			m.sel, m.selID = 0, ""
		}
	}
	m.settle()
}

// settle puts the cursor's session, the window and the columns right
// after rows joined the view.
func (m *Model) settle() {
	if len(m.view) > 0 && m.selID == "" {
		m.selID = m.rows[m.view[m.sel]].id
	}
	m.scrollToSel()
	m.cols, m.widths = layoutColumns(m.width, m.contactNeed, m.ticketNeed, m.mem != nil)
}

// narrow keeps, of the rows shown, those that hold words too: the text
// filter grew (see textMatch.narrows), and words are those of its words
// the rows shown are not known to hold. Their order and the cursor's
// session stay when they can.
func (m *Model) narrow(words []wordNeed) {
	m.sign()
	m.view = keptSplit(m, make([]int, 0, keptCap(m, m.view, words)), m.view, words)
	m.place()
}

// widen adds to the rows shown those the text filter now keeps too: it
// shrank (a backspace), so that every row shown still shows (see
// textMatch.narrows), and only the rows not shown are tried. They are
// merged in, in the order shown.
func (m *Model) widen() {
	m.sign()
	shown := make([]uint64, (len(m.rows)+63)/64)
	for _, i := range m.view {
		shown[i/64] |= 1 << (i % 64)
	}
	var more []int
	if m.attention {
		m.sortOrder()
		var block []int32
		for _, i := range m.order {
			if shown[i/64]&(1<<(i%64)) == 0 {
				block = append(block, i)
			}
		}
		more = keptRows(m, nil, block, m.match.words)
		m.view, _ = mergeOrdered(m.view, more, m.attentionCmp, -1)
	} else {
		var block [256]int
		n := 0
		flush := func() {
			more = keptRows(m, more, block[:n], m.match.words)
			n = 0
		}
		for i := range m.rows {
			if shown[i/64]&(1<<(i%64)) != 0 {
				continue
			}
			block[n] = i
			if n++; n == len(block) {
				flush()
			}
		}
		flush()
		m.view, _ = mergeOrdered(m.view, more, cmp.Compare[int], -1)
	}
	m.place()
}

// sign makes the signatures of the rows that have none yet: those added
// at the end since, or all of them after reindex.
func (m *Model) sign() {
	if len(m.sigs) == len(m.rows) {
		return
	}
	if len(m.sigs) > len(m.rows) {
		m.sigs = nil
	}
	// Appended to a slice an older copy of the model may share, as rows
	// are: it reads only up to its own length.
	for i := len(m.sigs); i < len(m.rows); i++ {
		m.sigs = append(m.sigs, sigOf(m.rows[i]))
	}
}
