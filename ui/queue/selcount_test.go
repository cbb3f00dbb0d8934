package queue

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// TestSelectionCountsFollowEveryChange walks a queue through random
// selections, filters and pages, and checks after each step that the
// header's counts, kept up by the keys that change them, are what
// counting every row says.
func TestSelectionCountsFollowEveryChange(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 19))
			m := withRows(New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40), 300)
			m.next, m.gen = "more", 1
			loaded := 300
			texts := []string{"", "customer 00", "customer 001", "customer 0", "angry", "resolved", "2"}
			keys := []tea.Msg{
				tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}},
				tea.KeyMsg{Type: tea.KeyCtrlAt},
				tea.KeyMsg{Type: tea.KeyCtrlA},
				tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}},
				tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}},
				tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'!'}},
			}
			var steps []string
			for step := range 200 {
				switch r := rng.IntN(10); {
				case r < 6:
					k := keys[rng.IntN(len(keys))]
					steps = append(steps, fmt.Sprint(k))
					m, _ = m.Update(k)
				case r < 8:
					text := texts[rng.IntN(len(texts))]
					steps = append(steps, "text "+text)
					m = m.SetText(text)
				case r < 9 && loaded < 600:
					page := &api.SessionPage{Next: "more", Items: make([]api.Session, 50)}
					for i := range page.Items {
						page.Items[i] = session(loaded + i)
					}
					loaded += 50
					steps = append(steps, "page")
					m, _ = m.Update(PageLoadedMsg{q: query{gen: m.gen, cursor: m.next}, page: page, rows: rowsOf(m.kinds, page.Items)})
				default:
					ids := []string{}
					for i := range loaded + 20 { // some not loaded
						if rng.IntN(7) == 0 {
							ids = append(ids, session(i).ID)
						}
					}
					steps = append(steps, "set")
					m = m.SetSelection(ids)
				}
				_ = m.View()
				want, wantHidden := countEveryRow(m)
				if got, hidden := m.counts(); got != want || hidden != wantHidden {
					t.Fatalf("after step %d (%v): counts %d selected, %d hidden; every row says %d, %d", step, steps, got, hidden, want, wantHidden)
				}
			}
		})
	}
}

// countEveryRow is the selection's counts the plain way.
func countEveryRow(m Model) (selected, hidden int) {
	shown := map[int]bool{}
	for _, i := range m.view {
		shown[i] = true
	}
	for i, r := range m.rows {
		if m.picked[r.id] {
			selected++
			if !shown[i] {
				hidden++
			}
		}
	}
	return selected, hidden
}
