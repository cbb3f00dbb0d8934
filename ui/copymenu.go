package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// copyEntry is one line of the copy menu: what it copies and the value.
type copyEntry struct {
	what      string
	value     string
	multiline bool   // the Markdown summary: its newlines are its own
	missing   string // why there is nothing to copy, when value is empty
}

// copyMenu is the open copy menu: the entries for one session and the
// highlighted line.
type copyMenu struct {
	entries []copyEntry
	at      int
}

// openCopyMenu builds the menu for the session y/Y would act on.
func (m Model) openCopyMenu() Model {
	s := m.target()
	if s == nil {
		return m
	}
	ext := copyEntry{what: "external_id", missing: "no ticketing system"}
	if t := s.TicketingSystem; t != nil {
		ext.value = t.ExternalID
	}
	number := copyEntry{what: "ticket number", value: render.Number(s.TicketNumber), missing: "no ticket number"}
	if number.value == render.Dash {
		number.value = ""
	}
	email := copyEntry{what: "contact email", missing: "no email"}
	if c := s.Contact; c != nil && c.Email != nil {
		email.value = *c.Email
	}
	link := copyEntry{what: "link", value: m.sessionURL(s.ID), missing: "no session_url in config.toml, nor --session-url"}
	m.menu = &copyMenu{entries: []copyEntry{
		ext, number,
		{what: "session ID", value: s.ID},
		email, link,
		{what: "Markdown summary", value: summary.Markdown(s, m.now), multiline: true},
	}}
	return m
}

// menuKey handles a key while the copy menu is open: ↑/↓ and enter, or
// the entry's number; esc closes it.
func (m Model) menuKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, menu := m.keys, m.menu
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.CopyMenu):
		m.menu = nil
		return m, nil
	case key.Matches(msg, k.Up):
		menu.at = (menu.at + len(menu.entries) - 1) % len(menu.entries)
		return m, nil
	case key.Matches(msg, k.Down):
		menu.at = (menu.at + 1) % len(menu.entries)
		return m, nil
	case key.Matches(msg, k.Lookup):
		return m.copyEntryAt(menu.at)
	case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && int(msg.Runes[0]-'1') < len(menu.entries):
		return m.copyEntryAt(int(msg.Runes[0] - '1'))
	}
	return m, nil
}

func (m Model) copyEntryAt(i int) (Model, tea.Cmd) {
	e := m.menu.entries[i]
	m.menu = nil
	switch {
	case e.value == "":
		return m.say("Nothing to copy: "+e.missing+".", true)
	case e.multiline:
		return m, m.copier.CopyText(e.what, e.value)
	}
	return m, m.copier.Copy(e.what, e.value)
}

// menuView draws the menu: number, what, and the value as it would be
// copied (sanitized for display; an unsafe value is marked, not hidden).
func (m Model) menuView() string {
	t := m.theme
	lines := []string{t.PanelTitle.Render("Copy") + t.Muted.Render("  1–6 or ↑/↓ enter · esc closes")}
	inner := m.width - t.Panel.GetHorizontalFrameSize()
	for i, e := range m.menu.entries {
		value := t.Value.Render(render.Line(firstLine(e.value)))
		switch {
		case e.value == "":
			value = t.Muted.Render("— " + e.missing)
		case !e.multiline && clipboard.Check(e.value) != nil:
			value += " " + t.Error.Render("(has control characters: will not be copied)")
		case e.multiline:
			value = t.Muted.Render(fmt.Sprintf("%d lines, ready for Slack or a ticket", strings.Count(e.value, "\n")+1))
		}
		row := fmt.Sprintf("%d  %-17s ", i+1, e.what) + value
		if i == m.menu.at {
			row = t.Selected.Render("› ") + row
		} else {
			row = "  " + row
		}
		lines = append(lines, ansi.Truncate(row, inner, "…"))
	}
	return t.Panel.Width(m.width - t.Panel.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// sessionURL fills the session URL template, or is empty without one.
func (m Model) sessionURL(id string) string {
	if m.urlTemplate == "" {
		return ""
	}
	return strings.ReplaceAll(m.urlTemplate, "{id}", id)
}
