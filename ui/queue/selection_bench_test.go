package queue

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkQueueSelectToggle is space then k, as the program runs them
// (Update, then View and the header that counts the selection), with a
// few rows selected and with half the loaded rows selected: selecting
// one more row should not cost every row loaded.
func BenchmarkQueueSelectToggle(b *testing.B) {
	space := tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	up := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}}
	for _, picked := range []string{"few", "half"} {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("selected=%s/rows=%d", picked, n), func(b *testing.B) {
				m := benchQueue(n)
				ids := []string{}
				for i := 0; i < n; i++ {
					if picked == "few" && i%(n/10) == 3 || picked == "half" && i%2 == 1 {
						ids = append(ids, session(i).ID)
					}
				}
				m = m.SetSelection(ids)
				_ = m.View()
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					m, _ = m.Update(space) // selects the row and moves down
					_ = m.View()
					_ = m.Header()
					m, _ = m.Update(up)
					_ = m.View()
					_ = m.Header()
				}
			})
		}
	}
}
