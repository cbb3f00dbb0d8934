package tabs

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api/filter"
)

// CountedMsg is the counts of the tabs not in force, from the local store.
type CountedMsg struct {
	gen    int
	counts map[int]int
}

// KeptLimit is the most a tab's count from the local store says: "≥ 1000"
// is as useful as the exact number, and reading more costs the user time.
const KeptLimit = 1000

// Recount counts the tabs not in force with count (the local store's
// matches of a view, at least that many), in a command: never in Update,
// never for every frame. The root asks for it when the queue has finished
// loading (a first page, a refresh, a switch), not for each page.
func (m Model[S]) Recount(count func(filter.View) (int, error)) (Model[S], tea.Cmd) {
	if count == nil || len(m.tabs) < 2 {
		return m, nil
	}
	m.gen++
	gen := m.gen
	views := map[int]filter.View{}
	for i, t := range m.tabs {
		if i != m.active {
			views[i] = t.current
		}
	}
	return m, func() tea.Msg {
		out := map[int]int{}
		for i, v := range views {
			if n, err := count(v); err == nil {
				out[i] = n
			}
		}
		return CountedMsg{gen: gen, counts: out}
	}
}

// Counted takes the counts in, unless newer ones were asked for. A tab
// left with a count from the queue keeps the larger of the two: both are
// "at least", and a whole count stays whole until the store says more.
func (m Model[S]) Counted(msg CountedMsg) Model[S] {
	if msg.gen != m.gen {
		return m
	}
	for i, n := range msg.counts {
		if i == m.active || i >= len(m.tabs) {
			continue
		}
		c := &m.tabs[i].count
		switch {
		case !c.known || n > c.n:
			*c = count{n: n, known: true}
		}
	}
	m.draw()
	return m
}
