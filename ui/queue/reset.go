package queue

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/common"
)

// ResetFilters puts every filter back to those cxi started with (the
// config's [queue], or the command line's): status, handed off, channel
// and updated within, and turns the local ones off (team, changed & new,
// the text). The ordering is not a filter: it stays. The server is asked
// again only when a server-side filter changed. The root empties the
// input, which holds the text filter, with it.
func (m Model) ResetFilters() (Model, tea.Cmd) {
	server := m.filters != m.defaults
	local := m.team.on || m.reason.on || m.changed || m.flag.on || m.text != ""
	if !server && !local {
		return m, common.Say("The filters are already those cxi started with"+m.inForce()+".", false)
	}
	m.filters, m.team, m.reason, m.changed, m.flag, m.text = m.defaults, teamFilter{}, reasonFilter{}, false, flagFilter{}, ""
	notice := common.Say("Filters reset to those cxi started with"+m.inForce()+".", false)
	if !server {
		m.rebuild()
		m, more := m.maybeLoadMore()
		return m, tea.Batch(more, notice)
	}
	m, load := m.Reload()
	return m, tea.Batch(load, notice)
}

// inForce names the filters in force after a colon, or says there are
// none: ": status open, handed off", " (none)".
func (m Model) inForce() string {
	var on []string
	for _, it := range m.barItems() {
		switch {
		case !it.active || it.name == "order":
		case it.flag || it.name == "handoff":
			on = append(on, it.value) // "handed off", "changed & new"
		default:
			on = append(on, it.name+" "+it.value)
		}
	}
	if len(on) == 0 {
		return " (none)"
	}
	return ": " + strings.Join(on, ", ")
}
