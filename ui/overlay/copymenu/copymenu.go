// Package copymenu is the copy menu overlay: every value of one session
// worth copying, shown as it would be copied, one key each.
package copymenu

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// KeyMap is the menu's keys.
type KeyMap = keys.Menu

// Entry is one line of the menu: what it copies and the value.
type Entry struct {
	What      string
	Value     string
	Multiline bool   // the Markdown summary: its newlines are its own
	Missing   string // why there is nothing to copy, when Value is empty
	// Later, when set, is the command that makes the value and copies it
	// when the entry is chosen (the handover reads the local store), so
	// that the reading happens in the command, not in Update.
	Later tea.Cmd
	About string // what the entry holds, shown in place of a Later value
}

// Model is the open menu.
type Model struct {
	theme   *styles.Theme
	keys    KeyMap
	copier  clipboard.Copier
	entries []Entry
	at      int
}

// New opens the menu on s. link is the session's dashboard URL, "" when no
// template is set.
//
// extra entries (the handover) come after the session's own.
func New(ctx common.Context, copier clipboard.Copier, s *api.Session, link string, extra ...Entry) Model {
	ext := Entry{What: "external_id", Missing: "no ticketing system"}
	if t := s.TicketingSystem; t != nil {
		ext.Value = t.ExternalID
	}
	number := Entry{What: "ticket number", Value: render.Number(s.TicketNumber), Missing: "no ticket number"}
	if number.Value == render.Dash {
		number.Value = ""
	}
	email := Entry{What: "contact email", Missing: "no email"}
	if c := s.Contact; c != nil && c.Email != nil {
		email.Value = *c.Email
	}
	m := Model{theme: ctx.Theme, keys: ctx.Keys.ForCopyMenu(), copier: copier, entries: []Entry{
		ext, number,
		{What: "session ID", Value: s.ID},
		email,
		{What: "link", Value: link, Missing: "no session_url in config.toml, nor --session-url"},
		{What: "Markdown summary", Value: summary.Markdown(s, ctx.Now()), Multiline: true},
	}}
	m.entries = append(m.entries, extra...)
	// The cursor starts on the first entry that copies something: on a
	// session without a ticket, enter must not answer "Nothing to copy".
	for i, e := range m.entries {
		if e.Value != "" || e.Later != nil {
			m.at = i
			break
		}
	}
	return m
}

// Open opens the menu a view asked for with c.
func Open(ctx common.Context, c overlay.CopyChoice) Model {
	extra := make([]Entry, len(c.Later))
	for i, l := range c.Later {
		extra[i] = Entry{What: l.What, About: l.About, Later: l.Copy}
	}
	return New(ctx, c.Copier, c.Session, c.Link, extra...)
}

// Entries are the menu's lines.
func (m Model) Entries() []Entry { return m.entries }

// Update moves with ↑/↓, copies on enter or an entry's number, and closes
// on esc or the key that opened it.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k, n := m.keys, len(m.entries)
	if at, moved := k.Step(msg, m.at, n); moved {
		m.at = at
		return m, nil
	}
	switch i, digit := keys.Digit(msg, 1, n); {
	case key.Matches(msg, k.Close), key.Matches(msg, k.Toggle):
		return nil, nil
	case key.Matches(msg, k.Choose):
		return nil, m.copy(m.at)
	case digit:
		return nil, m.copy(i)
	}
	return m, nil
}

func (m Model) copy(i int) tea.Cmd {
	e := m.entries[i]
	switch {
	case e.Later != nil:
		return e.Later
	case e.Value == "":
		return common.Say("Nothing to copy: "+e.Missing+".", true)
	case e.Multiline:
		return m.copier.CopyText(e.What, e.Value)
	}
	return m.copier.Copy(e.What, e.Value)
}

// ShortHelp is the menu's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is the menu's keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View draws the menu: number, what, and the value as it would be copied
// (sanitized for display; an unsafe value is marked, not hidden).
func (m Model) View(width, _ int) string {
	t, k := m.theme, m.keys
	title, how := "Copy", fmt.Sprintf("  1–%d or %s/%s %s · %s closes", len(m.entries), keys.Typed(k.Up), keys.Typed(k.Down), keys.Name(k.Choose), keys.Name(k.Close))
	inner := width - t.Panel.GetHorizontalFrameSize()
	// The keys wrap in a narrow pane rather than lose "esc closes", each
	// line styled on its own so that no colour runs into the border.
	var lines []string
	for i, l := range render.Wrap(title+how, inner) {
		if rest, ok := strings.CutPrefix(l, title); ok && i == 0 {
			lines = append(lines, t.PanelTitle.Render(title)+t.Muted.Render(rest))
			continue
		}
		lines = append(lines, t.Muted.Render(l))
	}
	for i, e := range m.entries {
		value := t.Value.Render(render.Line(firstLine(e.Value)))
		switch {
		case e.Later != nil:
			value = t.Muted.Render(e.About)
		case e.Value == "":
			value = t.Muted.Render("— " + e.Missing)
		case !e.Multiline && errors.Is(clipboard.Check(e.Value), clipboard.ErrHiddenChars):
			value += " " + t.Error.Render("(has characters the screen does not show: will not be copied)")
		case !e.Multiline && clipboard.Check(e.Value) != nil:
			value += " " + t.Error.Render("(has control characters: will not be copied)")
		case e.Multiline:
			value = t.Muted.Render(fmt.Sprintf("%d lines, ready for Slack or a ticket", strings.Count(e.Value, "\n")+1))
		}
		row := fmt.Sprintf("%d  %-17s ", i+1, e.What) + value
		if i == m.at {
			row = t.Selected.Render("› ") + row
		} else {
			row = "  " + row
		}
		// "…" where lipgloss counts the row too long, then clipped by
		// render.Width, which counts a Devanagari value as the terminal does.
		lines = append(lines, render.ClipLine(ansi.Truncate(row, inner, "…"), inner))
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width) // a Devanagari value keeps the border in place
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}
