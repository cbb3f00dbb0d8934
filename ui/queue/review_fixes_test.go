package queue

import (
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// TestABackspaceAfterAReloadFindsNoOldView: the views kept for a
// backspace are of the rows they were made over; a reload drops the rows,
// and a backspace to a text typed before it must not place rows that are
// gone (it panicked).
func TestABackspaceAfterAReloadFindsNoOldView(t *testing.T) {
	m := withRows(New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40), 50)
	m = m.SetText("customer").SetText("customer 0")
	m, _ = m.Reload()
	m = m.SetText("customer")
	if m.Len() != 0 || m.Selected() != nil {
		t.Fatalf("after the reload, before any page: %d rows shown, %v selected", m.Len(), m.Selected())
	}
}

// TestAPageIntoAnEmptyAttentionViewPutsTheCursorOnIt: in the
// needs-attention order, with the cursor moved (not pinned) and a text
// that no loaded row holds, a page that brings a match puts the cursor on
// it (it was left past the end, on no row).
func TestAPageIntoAnEmptyAttentionViewPutsTheCursorOnIt(t *testing.T) {
	sessions := demoCatalog(t, 400)
	first, rest := sessions[:300], sessions[300:]
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, true, now).SetSize(120, 40)
	m.add(&api.SessionPage{Items: first, Next: "more"}, rowsOf(m.kinds, first), "", false)
	m, _ = press(m, "j")
	m, _ = press(m, "j")
	m = m.SetText(rest[0].ID)
	if m.Len() != 0 {
		t.Fatalf("%d loaded rows hold the next page's ID", m.Len())
	}
	m.add(&api.SessionPage{Items: rest}, rowsOf(m.kinds, rest), "more", false)
	if m.Len() != 1 || m.sel != 0 || m.Selected() == nil || m.Selected().ID != rest[0].ID {
		t.Fatalf("after the page: %d shown, cursor at %d on %v; want the one match under it", m.Len(), m.sel, m.Selected())
	}
}

// TestPooledCellsShareTheBlock: after a page's texts are pooled, the
// cells that shared the row's own text share the block's, so that the
// row's own text is not kept beside it.
func TestPooledCellsShareTheBlock(t *testing.T) {
	sessions := demoCatalog(t, 200)
	rows := rowsOf(newKindTable(), sessions)
	shared := 0
	for _, r := range rows {
		if within(r.ticket, r.search) || within(r.contact, r.search) {
			shared++
		}
	}
	if shared == 0 {
		t.Fatal("no row's cell shares its search text: the test shows nothing")
	}
	pooled(rows)
	for _, r := range rows {
		for _, cell := range []string{r.contact, r.ticket} {
			if within(inSearch(r.search, cell), r.search) && !within(cell, r.search) {
				t.Fatalf("row %s: cell %q is held apart from the pooled block that holds it", r.id, cell)
			}
		}
	}
}
