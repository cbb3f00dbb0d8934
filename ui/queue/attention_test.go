package queue

import (
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// TestAPageMergesIntoTheAttentionOrder: in the needs-attention order, a
// page's rows land where sorting every row would put them, with or
// without a text filter; the cursor stays on its session once the user
// moved it, and a pinned cursor takes the new top.
func TestAPageMergesIntoTheAttentionOrder(t *testing.T) {
	sessions := demoCatalog(t, 1200)
	first, rest := sessions[:900], sessions[900:]
	for _, text := range []string{"", "a", "open"} {
		for _, moved := range []bool{false, true} {
			ref := &reference{cells: map[*row][]string{}, sess: map[*row]*api.Session{}}
			m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, true, now).SetSize(120, 40)
			m.add(&api.SessionPage{Items: first, Next: "more"}, rowsOf(m.kinds, first), "", false)
			m = m.SetText(text)
			if moved {
				for range 30 {
					m, _ = press(m, "j")
				}
			}
			cursor := m.Selected().ID
			m.add(&api.SessionPage{Items: rest}, rowsOf(m.kinds, rest), "more", false)
			if got, want := shownIDs(m), ref.view(t, m, text); !slices.Equal(got, want) {
				t.Fatalf("%q: after the page, %d shown, want %d; first difference at %d", text, len(got), len(want), firstDifference(got, want))
			}
			if len(m.order) != len(m.rows) {
				t.Fatalf("%q: the order holds %d of %d rows", text, len(m.order), len(m.rows))
			}
			switch got := m.Selected().ID; {
			case moved && got != cursor:
				t.Errorf("%q: the cursor moved from %s to %s as the page arrived", text, cursor, got)
			case !moved && got != shownIDs(m)[0]:
				t.Errorf("%q: the pinned cursor is on %s, not on the top row", text, got)
			}
			if moved && m.sel != slices.Index(shownIDs(m), cursor) {
				t.Errorf("%q: the cursor's position %d is not its session's", text, m.sel)
			}
		}
	}
}
