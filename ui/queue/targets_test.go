package queue

import (
	"fmt"
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// pickedTheLongWay is Picked's IDs worked out the plain way: every row on
// screen looked up in the selection, then every row off it.
func pickedTheLongWay(m Model) []string {
	var ids []string
	for _, i := range m.view {
		if m.picked[m.rows[i].id] {
			ids = append(ids, m.rows[i].id)
		}
	}
	for i, r := range m.rows {
		if !slices.Contains(m.view, i) && m.picked[r.id] {
			ids = append(ids, r.id)
		}
	}
	return ids
}

func pickedIDs(m Model) []string {
	t := m.Picked()
	ids := make([]string, t.Len())
	for i := range ids {
		ids[i] = t.ID(i)
	}
	return ids
}

// TestPickedIsTheShownSelectionThenTheHidden: whatever way the selection
// was made (rows picked here and there, ctrl+a with and without a filter,
// a filter hiding some of them), Picked gives the selected rows on screen
// in their order, then those the filter hides, each once, with the
// counts by status of exactly those; with nothing selected, the row under
// the cursor.
func TestPickedIsTheShownSelectionThenTheHidden(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	if got := pickedIDs(m); fmt.Sprint(got) != fmt.Sprint([]string{m.Selected().ID}) {
		t.Errorf("nothing selected: %v, want the cursor's row %s", got, m.Selected().ID)
	}
	some := m.SetSelection([]string{session(3).ID, session(12).ID, session(7).ID, session(20).ID})
	all, _ := m.Update(ctrlA)
	filtered := m.SetText("customer 0001") // customers 00010 … 00019
	filteredAll, _ := filtered.Update(ctrlA)
	// As many selected as shown, but one of them hidden: not "every row shown".
	asManyAsShown := filtered.SetSelection([]string{session(3).ID, session(10).ID, session(11).ID, session(12).ID, session(13).ID,
		session(14).ID, session(15).ID, session(16).ID, session(17).ID, session(18).ID})
	cases := map[string]Model{
		"some":                                 some,
		"some, the filter hides two":           some.SetText("customer 0001"),
		"all":                                  all,
		"all, the filter hides most":           all.SetText("customer 0001"),
		"the filter's all":                     filteredAll,
		"the filter's all, the filter cleared": filteredAll.SetText(""),
		"as many as shown, one hidden":         asManyAsShown,
	}
	for name, m := range cases {
		want := pickedTheLongWay(m)
		if got := pickedIDs(m); len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: picked %v\nwant %v", name, got, want)
		}
		picked := m.Picked()
		byStatus := map[api.Status]int{}
		for _, s := range m.Targets() {
			byStatus[s.Status]++
		}
		for _, st := range []api.Status{api.StatusOpen, api.StatusClosedResolved, api.StatusClosedUnresolved} {
			if picked.In(st) != byStatus[st] {
				t.Errorf("%s: %d %s counted, the sessions have %d", name, picked.In(st), st, byStatus[st])
			}
		}
	}
}
