// Package picker is the overlay that lists the sessions a search found, to
// open one.
package picker

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the picker's keys.
type KeyMap = keys.Menu

// Model is the open picker.
type Model struct {
	now      time.Time // ages are measured from when the search answered
	theme    *styles.Theme
	keys     KeyMap
	title    string
	sessions []api.Session
	where    []string // where each session was found, beside it; nil says nothing
	at       int
	choose   func(api.Session) tea.Cmd // what opening a session means: the owner of the search decides
}

// New lists sessions under title; enter runs choose with the one under the
// cursor.
func New(ctx common.Context, title string, sessions []api.Session, choose func(api.Session) tea.Cmd) Model {
	return Model{now: ctx.Now(), theme: ctx.Theme, keys: ctx.Keys.ForPicker(), title: title, sessions: sessions, choose: choose}
}

// WithWhere says beside each session where the search found it ("queue",
// "kept 2h ago", "API"), one entry per session, sanitized by the caller.
func (m Model) WithWhere(where []string) Model {
	if len(where) == len(m.sessions) {
		m.where = where
	}
	return m
}

// Sessions are the sessions listed.
func (m Model) Sessions() []api.Session { return m.sessions }

// Update moves the cursor, opens the session under it, or closes.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k, n := m.keys, len(m.sessions)
	if at, moved := k.Step(msg, m.at, n); moved {
		m.at = at
		return m, nil
	}
	switch {
	case n == 0, key.Matches(msg, k.Close):
		return nil, nil
	case key.Matches(msg, k.Choose):
		return nil, m.choose(m.sessions[m.at])
	}
	return m, nil
}

// ShortHelp is the picker's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is the picker's keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// titleLines is the most lines the title wraps to: what the search looked
// through is worth reading whole, not cut mid-word at 80 columns.
const titleLines = 3

// View lists the sessions that fit in height, kept around the cursor:
// contact, channel, status, age, and where the search found it. The
// contact column gives way to where, and on a narrow screen the channel.
func (m Model) View(width, height int) string {
	t, k := m.theme, m.keys
	inner := width - t.Panel.GetHorizontalFrameSize()
	how := fmt.Sprintf("%s/%s pick · %s opens · %s closes", keys.Typed(k.Up), keys.Typed(k.Down), keys.Name(k.Choose), keys.Name(k.Close))
	title := render.Wrap(m.title, inner)
	if len(title) > titleLines {
		title = append(title[:titleLines-1], render.FitWords(strings.Join(title[titleLines-1:], " "), inner))
	}
	var lines []string
	for _, l := range title {
		lines = append(lines, t.PanelTitle.Render(l))
	}
	lines = append(lines, render.FitWords(t.Muted.Render(how), inner))
	rows := max(height-len(lines)-t.Panel.GetVerticalFrameSize(), 1)
	first, last := k.Window(m.at, len(m.sessions), rows)
	contactW, channel := 24, true
	if m.where != nil {
		widest := 0
		for i := first; i < last; i++ {
			widest = max(widest, render.Width(render.Line(m.where[i])))
		}
		// "› " + ID, contact, channel, status, age, each after two spaces;
		// on a narrow screen the channel goes before where does.
		fixed := 2 + 8 + 2 + 2 + 11 + 2 + 10 + 2 + 4 + 2
		least := 12
		if inner-fixed-widest < least {
			fixed, channel, least = fixed-13, false, 6
		}
		contactW = min(max(inner-fixed-widest, least), 24)
	}
	for i := first; i < last; i++ {
		s := m.sessions[i]
		contact, age := render.Contact(s.Contact), render.Since(s.UpdatedAt, m.now)
		row := render.Line(api.ShortID(s.ID)) + "  " + render.Fit(contact, contactW)
		if channel {
			row += "  " + render.Fit(render.Enum(s.Channel.Type), 11)
		}
		row += "  " + render.Fit(render.Status(s.Status), 10) + "  " + render.Fit(age, 4)
		if m.where != nil {
			row += "  " + render.Line(m.where[i])
		}
		if i == m.at {
			row = t.Selected.Render("› " + row)
		} else {
			row = "  " + row
		}
		lines = append(lines, render.ClipLine(row, inner))
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width) // a Devanagari contact keeps the border in place
}
