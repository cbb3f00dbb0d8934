package queue

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/filter"
)

// ApplyFilters sets the server-side filters to f at once (the command
// line's :filter, which can name several), reloading as a picker's value
// does; the local ones (team, changed & new, the text) stay. Filters
// already in force ask nothing of the server.
func (m Model) ApplyFilters(f filter.Filters) (Model, tea.Cmd) {
	if f == m.filters {
		return m, nil
	}
	m.filters = f
	return m.Reload()
}
