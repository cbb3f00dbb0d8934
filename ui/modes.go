package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

// The modes a run can be in that change what the keys do: read-only (no
// write is sent, for the whole run) and offline (the API could not be
// reached, and what is shown is the store's). Both show as badges in the
// header, so that a key that does nothing is never a surprise.

// offline reports whether the view in focus knows the API cannot be
// reached: the queue's rows, the pane's session or the transcript are the
// store's copies. Each view says so from its own last answer; a refresh
// that gets through clears it.
func (m Model) offline() bool {
	switch m.view {
	case viewQueue:
		return m.queue.Offline()
	case viewDetail:
		return m.detail.Offline()
	}
	return m.transcript.Offline() || m.detail.Offline()
}

// modeBadges are the header's badges: "read-only", "offline".
func (m Model) modeBadges() string {
	t := m.ctx.Theme
	var out string
	if m.act.ReadOnly() {
		out += " " + t.Marker.Render("read-only")
	}
	if m.offline() {
		out += " " + t.Error.Render("offline")
	}
	return out
}

// sayOffline is what the write keys (S, X) say offline, instead of
// opening a menu whose confirmation could only fail.
func (m Model) sayOffline() tea.Cmd {
	// Short enough for 60 columns: the badge and the view's own "offline —
	// as fetched at" line say the rest.
	return common.Say("Offline: nothing can be sent. "+keys.Name(m.keys.Refresh)+" tries the API again.", true)
}
