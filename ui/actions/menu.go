package actions

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the status menu's keys.
type KeyMap = keys.StatusMenu

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
	targets  common.Targets
	preview  []api.Session // the first few targets, decoded: whose helpdesks the confirmation names
	helpdesk bool
	summary  bool
	chosen   *choice // set once a status is picked: the confirmation is shown
	save     func(helpdesk, summary bool) error
	memo     memo   // how remembering the options went
	org      string // the profile the change goes to; "" when there is one
}

// memo is how remembering the two options in config.toml goes. One save is
// under way at a time, so the file ends with the last toggle's values: a
// toggle while one is under way is saved once it is answered.
type memo struct {
	saving bool   // a save is under way
	dirty  bool   // toggled since the save under way began
	said   string // the last answer, in words; "" before the first toggle
	bad    bool   // the last answer is a failure
}

// previewLimit is how many targets the menu decodes to name their
// helpdesks, whatever the selection's size: a decode is tens of
// microseconds, and the menu opens in Update.
const previewLimit = 8

func newMenu(ctx common.Context, targets common.Targets, set common.WriteSettings) menu {
	return menu{theme: ctx.Theme, keys: ctx.Keys.ForStatusMenu(), targets: targets, preview: targets.First(previewLimit),
		helpdesk: set.Helpdesk, summary: set.Summary, save: set.Save, org: set.Org}
}

// OptionsSavedMsg is the answer to remembering the menu's two options in
// config.toml: the values written, and why they were not (nil when they
// were). The menu shows it while open; the runner takes the values for the
// next menu of the run either way.
type OptionsSavedMsg struct {
	Helpdesk, Summary bool
	Err               error
}

// Notice is what the status line says of a failure when the menu that
// asked was closed before the answer came.
func (m OptionsSavedMsg) Notice() tea.Cmd {
	if m.Err == nil {
		return nil
	}
	return common.Say("The menu's options are not remembered: "+m.Err.Error()+".", true)
}

// Remembered takes the options as toggled in a menu, for the next menu of
// this run, whether or not config.toml could keep them.
func (m Model) Remembered(msg OptionsSavedMsg) Model {
	m.set.Helpdesk, m.set.Summary = msg.Helpdesk, msg.Summary
	return m
}

// remember saves the options as they are now, or marks them to be saved
// when the save under way is answered. Toggling is what remembers (the
// README's promise): cancelling the menu afterwards keeps the choice.
func (m menu) remember() (menu, tea.Cmd) {
	switch {
	case m.save == nil:
		m.memo = memo{said: "not remembered: no config folder (set XDG_CONFIG_HOME or HOME)", bad: true}
		return m, nil
	case m.memo.saving:
		m.memo.dirty = true
		return m, nil
	}
	m.memo.saving, m.memo.dirty = true, false
	save, h, s := m.save, m.helpdesk, m.summary
	return m, func() tea.Msg { return OptionsSavedMsg{Helpdesk: h, Summary: s, Err: save(h, s)} }
}

// Receive takes the answer to the menu's save and says it in the menu,
// where nothing under way hides it; a toggle made meanwhile is saved next.
func (m menu) Receive(msg tea.Msg) (overlay.Overlay, tea.Cmd, bool) {
	a, ok := msg.(OptionsSavedMsg)
	if !ok || !m.memo.saving {
		return m, nil, false
	}
	m.memo.saving = false
	m.memo.said, m.memo.bad = "remembered in config.toml", false
	if a.Err != nil {
		m.memo.said, m.memo.bad = "not remembered: "+a.Err.Error(), true
	}
	if m.memo.dirty {
		next, cmd := m.remember()
		return next, cmd, true
	}
	return m, nil, true
}

// inert reports a status every target already has: shown, not chosen.
func (m menu) inert(s api.Status) bool { return m.already(s) == m.targets.Len() }

// already counts the targets in status s: a change to s leaves them alone.
func (m menu) already(s api.Status) int { return m.targets.In(s) }

// Update picks a status by its number, toggles the options, confirms
// with enter and leaves with esc.
func (m menu) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k := m.keys
	switch i, digit := keys.Digit(msg, 1, len(choices())); {
	case key.Matches(msg, k.Close):
		return nil, nil
	case key.Matches(msg, k.Helpdesk):
		m.helpdesk = !m.helpdesk
		return m.remember()
	case key.Matches(msg, k.Summary):
		m.summary = !m.summary
		return m.remember()
	case m.chosen != nil && key.Matches(msg, k.Confirm):
		change := api.StatusChange{Status: m.chosen.status, ReflectInHelpdesk: m.helpdesk,
			GenerateSummary: m.summary && m.chosen.status != api.StatusOpen}
		targets, helpdesk, summary := m.targets, m.helpdesk, m.summary
		return nil, func() tea.Msg {
			return ConfirmedMsg{Change: change, Targets: targets, Helpdesk: helpdesk, Summary: summary}
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
	who := plural.CountAs(m.targets.Len(), "session", "sessions")
	if m.targets.Len() == 1 {
		who = "session " + render.Line(api.ShortID(m.targets.ID(0)))
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
		if n := m.already(c.status); n > 0 && !m.inert(c.status) {
			// Said before a status is picked: the count it leaves alone.
			row += t.Muted.Render(fmt.Sprintf(" (%d already %s)", n, render.Status(c.status)))
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
	inner := width - t.Panel.GetHorizontalFrameSize()
	switch {
	case m.memo.bad:
		for _, l := range render.WrapStyled(t.Error, render.Line(m.memo.said), inner-2) {
			lines = append(lines, "  "+l)
		}
	case m.memo.saving:
		lines = append(lines, t.Muted.Render("  remembering…"))
	case m.memo.said != "":
		lines = append(lines, t.Muted.Render("  "+m.memo.said))
	}
	if m.chosen != nil {
		// Wrapped, never cut: it is what the user agrees to.
		lines = append(lines, "")
		lines = append(lines, render.WrapStyled(t.Marker, m.sentence()+" · "+keys.Name(k.Confirm)+" do it · "+keys.Name(k.Close)+" cancel", inner)...)
	} else {
		lines = append(lines, "", t.Muted.Render(fmt.Sprintf("1–%d picks · %s cancels", len(choices()), keys.Name(k.Close))))
	}
	for i, l := range lines {
		lines[i] = render.ClipLine(l, inner)
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width) // a Devanagari helpdesk name keeps the border in place
}

// sentence says exactly what will happen: "Close 1 session as resolved · 2
// already resolved, left alone · also in zendesk". The sessions already in
// the status chosen are not sent, so they are not counted as closed.
func (m menu) sentence() string {
	left := m.already(m.chosen.status)
	n := plural.CountAs(m.targets.Len()-left, "session", "sessions")
	if m.org != "" {
		n += " in " + m.org
	}
	var s string
	switch m.chosen.status {
	case api.StatusOpen:
		s = "Reopen " + n
	case api.StatusClosedUnresolved:
		s = "Close " + n + " as unresolved"
	default:
		s = "Close " + n + " as resolved"
	}
	if left > 0 {
		s += fmt.Sprintf(" · %d %s", left, render.Line(change.LeftAlone(m.chosen.status)))
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
// helpdesk" when the sessions it is sent to name none. Of a selection
// larger than the few decoded, it names those of the first and says there
// may be more ("zendesk, …"), rather than decode a month to name them.
func (m menu) helpdeskNames() string {
	seen := map[string]bool{}
	var names []string
	for _, s := range m.preview {
		if s.Status == m.chosen.status {
			continue // left alone: its helpdesk hears nothing
		}
		if t := s.TicketingSystem; t != nil && t.Name != "" && !seen[string(t.Name)] {
			seen[string(t.Name)] = true
			names = append(names, render.Line(string(t.Name)))
		}
	}
	more := m.targets.Len() > len(m.preview)
	switch {
	case len(names) == 0 && more:
		return "each session's helpdesk"
	case len(names) == 0:
		return "the helpdesk"
	case more:
		names = append(names, "…")
	}
	return strings.Join(names, ", ")
}
