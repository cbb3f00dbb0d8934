package act

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the status menu's keys.
type KeyMap = keys.StatusMenu

// DefaultKeyMap is the status menu's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForStatusMenu() }

// choice is one entry of the menu.
type choice struct {
	status api.Status
	label  string
}

func choices() []choice {
	return []choice{
		{api.StatusClosedResolved, "close as resolved"},
		{api.StatusClosedUnresolved, "close as unresolved"},
		{api.StatusOpen, "reopen"},
	}
}

// menu is the status menu, then its confirmation.
type menu struct {
	theme    *styles.Theme
	keys     KeyMap
	sessions []api.Session
	helpdesk bool
	summary  bool
	chosen   *choice // set once a status is picked: the confirmation is shown
}

func newMenu(ctx common.Context, sessions []api.Session, helpdesk, summary bool) menu {
	return menu{theme: ctx.Theme, keys: ctx.Keys.ForStatusMenu(), sessions: sessions, helpdesk: helpdesk, summary: summary}
}

// inert reports a status every target already has: shown, not chosen.
func (m menu) inert(s api.Status) bool {
	for _, t := range m.sessions {
		if t.Status != s {
			return false
		}
	}
	return true
}

// Update picks a status by its number, toggles the options, confirms
// with enter and leaves with esc.
func (m menu) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k := m.keys
	switch i, digit := keys.Digit(msg, 1, len(choices())); {
	case key.Matches(msg, k.Close):
		return nil, nil
	case key.Matches(msg, k.Helpdesk):
		m.helpdesk = !m.helpdesk
	case key.Matches(msg, k.Summary):
		m.summary = !m.summary
	case m.chosen != nil && key.Matches(msg, k.Confirm):
		change := api.StatusChange{Status: m.chosen.status, ReflectInHelpdesk: m.helpdesk,
			GenerateSummary: m.summary && m.chosen.status != api.StatusOpen}
		sessions, helpdesk, summary := m.sessions, m.helpdesk, m.summary
		return nil, func() tea.Msg {
			return ConfirmedMsg{Change: change, Sessions: sessions, Helpdesk: helpdesk, Summary: summary}
		}
	case digit:
		if c := choices()[i]; !m.inert(c.status) {
			m.chosen = &c
		}
	}
	return m, nil
}

// ShortHelp is the menu's keys.
func (m menu) ShortHelp() []key.Binding {
	if m.chosen != nil {
		return []key.Binding{m.keys.Confirm, m.keys.Close}
	}
	return []key.Binding{m.keys.Helpdesk, m.keys.Summary, m.keys.Close}
}

// View lists the statuses (those every target has shown, inert), the two
// options, and once a status is chosen, the line that says exactly what
// will be sent.
func (m menu) View(width, _ int) string {
	t := m.theme
	who := plural.CountAs(len(m.sessions), "session", "sessions")
	if len(m.sessions) == 1 {
		who = "session " + render.Line(api.ShortID(m.sessions[0].ID))
	}
	lines := []string{t.PanelTitle.Render("Status of " + who)}
	for i, c := range choices() {
		row := fmt.Sprintf("%d  %-20s", i+1, c.label)
		switch {
		case m.inert(c.status):
			row = "  " + t.Muted.Render(row+" (already "+render.Status(c.status)+")")
		case m.chosen != nil && m.chosen.status == c.status:
			row = t.Selected.Render("› " + row)
		default:
			row = "  " + row
		}
		lines = append(lines, row)
	}
	box := func(on bool) string {
		if on {
			return "[x]"
		}
		return "[ ]"
	}
	k := m.keys
	lines = append(lines, "",
		"  "+keys.Name(k.Helpdesk)+"  "+box(m.helpdesk)+" also close it in the helpdesk",
		"  "+keys.Name(k.Summary)+"  "+box(m.summary)+" generate summary and sentiment (when closing)")
	if m.chosen != nil {
		lines = append(lines, "", t.Marker.Render(m.sentence()+" · "+keys.Name(k.Confirm)+" do it · "+keys.Name(k.Close)+" cancel"))
	} else {
		lines = append(lines, "", t.Muted.Render(fmt.Sprintf("1–%d picks · %s cancels", len(choices()), keys.Name(k.Close))))
	}
	for i, l := range lines {
		lines[i] = render.ClipLine(l, width-t.Panel.GetHorizontalFrameSize())
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width) // a Devanagari helpdesk name keeps the border in place
}

// sentence says what will be sent: "Close 3 sessions as resolved · also in
// zendesk".
func (m menu) sentence() string {
	n := plural.CountAs(len(m.sessions), "session", "sessions")
	var s string
	switch m.chosen.status {
	case api.StatusOpen:
		s = "Reopen " + n
	case api.StatusClosedUnresolved:
		s = "Close " + n + " as unresolved"
	default:
		s = "Close " + n + " as resolved"
	}
	if m.helpdesk {
		s += " · also in " + m.helpdeskNames()
	}
	if m.summary && m.chosen.status != api.StatusOpen {
		s += " · with a new summary and sentiment"
	}
	return s
}

// helpdeskNames names the helpdesks the change reaches: "zendesk", or "the
// helpdesk" when the sessions name none.
func (m menu) helpdeskNames() string {
	seen := map[string]bool{}
	var names []string
	for _, s := range m.sessions {
		if t := s.TicketingSystem; t != nil && t.Name != "" && !seen[string(t.Name)] {
			seen[string(t.Name)] = true
			names = append(names, render.Line(string(t.Name)))
		}
	}
	if len(names) == 0 {
		return "the helpdesk"
	}
	return strings.Join(names, ", ")
}
