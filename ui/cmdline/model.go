// Package cmdline is the TUI's command line (k9s's `:`): one line at the
// bottom of the pane where every action is a word (:open, :close,
// :filter channel=email, :copy external_id, :view NAME, :q), with tab
// completion of the commands and their arguments, a hint of the matches
// as one types, history on ↑/↓, and errors that say what was meant.
//
// It only reads the line: enter sends a SubmittedMsg, and the root acts
// on it with the routine the command's key or subcommand calls, so that
// read-only, the confirmations and the audit log come with it. The names
// it cannot know (saved views, profiles, user-defined actions) come in a
// Registry the root fills.
package cmdline

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the command line's keys.
type KeyMap = keys.CmdLine

// Model is the open command line.
type Model struct {
	theme   *styles.Theme
	keys    KeyMap
	input   textinput.Model
	reg     Registry
	history []string
	histAt  int    // the line of history shown; len(history) when none
	draft   string // what was typed before ↑ walked back
	err     string // why the line last entered was refused; "" when it was not
	comp    completion
	cycling int // the candidate tab last put in the line; -1 when not cycling
}

// New opens the command line, empty, with the names reg holds and the
// history h.
func New(ctx common.Context, reg Registry, h History) Model {
	t := ctx.Theme
	in := textinput.New()
	in.Prompt = ":"
	in.CharLimit = 1024
	in.PromptStyle = t.Prompt
	in.TextStyle = t.Value
	in.Cursor.Style = t.Prompt
	in.Cursor.SetMode(cursor.CursorStatic) // as the lookup bar: no blink to wake the program
	in.Focus()
	m := Model{theme: t, keys: ctx.Keys.ForCmdLine(), input: in, reg: reg, history: h.Lines(), cycling: -1}
	m.histAt = len(m.history)
	m.comp = complete("", reg)
	return m
}

// Value is the line as typed.
func (m Model) Value() string { return m.input.Value() }

// Err is why the line last entered was refused, "" when none was.
func (m Model) Err() string { return m.err }

// Update edits the line, completes it (tab), walks the history (↑/↓),
// runs it (enter) or closes it (esc). Printable keys, space and
// backspace always edit: they are text here, whatever they are bound to.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k := m.keys
	editing := msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace || msg.Type == tea.KeyBackspace || msg.Type == tea.KeyDelete
	switch {
	case editing:
	case key.Matches(msg, k.Close):
		return nil, nil
	case key.Matches(msg, k.Run) && !msg.Paste:
		return m.run()
	case key.Matches(msg, k.Complete):
		return m.tab(1), nil
	case key.Matches(msg, k.CompleteBack):
		return m.tab(-1), nil
	case key.Matches(msg, k.Older):
		return m.walk(-1), nil
	case key.Matches(msg, k.Newer):
		return m.walk(1), nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m = m.changed()
		m.histAt = len(m.history)
	}
	return m, cmd
}

// changed recomputes what completes the line after it changed.
func (m Model) changed() Model {
	m.err, m.cycling = "", -1
	m.comp = complete(m.input.Value(), m.reg)
	return m
}

// run parses the line: a line that parses closes the command line and
// goes to the root; one that does not stays, with why, to be corrected.
func (m Model) run() (overlay.Overlay, tea.Cmd) {
	line := strings.TrimSpace(m.input.Value())
	do, err := Parse(line, m.reg)
	switch {
	case err != nil:
		m.err = err.Error()
		return m, nil
	case do == nil:
		return nil, nil // a blank line: nothing asked
	}
	sub := SubmittedMsg{Line: strings.TrimPrefix(line, ":"), Do: do}
	return nil, func() tea.Msg { return sub }
}

// tab completes the line: one match whole; several, first as far as they
// agree, then each in turn (dir 1 forward, -1 back) on each tab.
func (m Model) tab(dir int) Model {
	c := m.comp
	n := len(c.cands)
	switch {
	case n == 0:
		return m
	case m.cycling >= 0:
		m.cycling = (m.cycling + dir + n) % n
	case n == 1:
		m = m.set(c.line(0))
		return m.changed()
	case len(sharedPrefix(c.cands)) > len(c.word):
		m = m.set(c.head + sharedPrefix(c.cands))
		return m.changed()
	case dir > 0:
		m.cycling = 0
	default:
		m.cycling = n - 1
	}
	m = m.set(c.line(m.cycling))
	m.err = ""
	return m // the candidates stay those of the word as typed, to cycle through
}

// walk steps through the history: -1 older, 1 newer, back to the draft
// after the newest.
func (m Model) walk(dir int) Model {
	at := min(max(m.histAt+dir, 0), len(m.history))
	if at == m.histAt {
		return m
	}
	if m.histAt == len(m.history) {
		m.draft = m.input.Value()
	}
	m.histAt = at
	line := m.draft
	if at < len(m.history) {
		line = m.history[at]
	}
	return m.set(line).changed()
}

func (m Model) set(line string) Model {
	m.input.SetValue(line)
	m.input.CursorEnd()
	return m
}

// ShortHelp is the command line's keys.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Run, m.keys.Complete, m.keys.Older, m.keys.Newer, m.keys.Close}
}

// Docked reports that the command line is drawn over the bottom of the
// view, which stays in sight above it.
func (Model) Docked() bool { return true }

// View draws the command line in a box width cells wide: the hint above,
// the line below.
func (m Model) View(width, _ int) string {
	t := m.theme
	inner := max(width-t.Panel.GetHorizontalFrameSize(), 1)
	in := m.input
	in.Width = max(inner-render.Width(in.Prompt)-1, 1)
	// An error is wrapped, never cut: the values it lists are what to type.
	var lines []string
	if m.err != "" {
		for _, l := range render.WrapStyled(t.Error, m.err, inner) {
			lines = append(lines, render.ClipLine(l, inner))
		}
	} else {
		lines = append(lines, render.ClipLine(ansi.Truncate(m.hint(), inner, "…"), inner))
	}
	lines = append(lines, in.View())
	return render.Box(t.Panel, strings.Join(lines, "\n"), width)
}

// hint is the line above the input while no error is shown: the matches
// tab would put in (the one it put, marked), else what the command typed
// does.
func (m Model) hint() string {
	t := m.theme
	tab := keys.Name(m.keys.Complete)
	whole := len(m.comp.cands) == 1 && m.comp.cands[0] == m.comp.word // nothing left to complete
	if c := m.comp; len(c.cands) > 0 && !whole {
		parts := make([]string, len(c.cands))
		for i, cand := range c.cands {
			cand = render.Line(cand)
			if i == m.cycling {
				parts[i] = t.Selected.Render(cand)
			} else {
				parts[i] = t.Value.Render(cand)
			}
		}
		return t.Muted.Render(tab+": ") + strings.Join(parts, t.Muted.Render("  "))
	}
	name, _, _ := strings.Cut(strings.TrimSpace(m.input.Value()), " ")
	c, ok := find(name)
	if !ok {
		return t.Error.Render("no command starts with " + quote(name))
	}
	usage := ":" + c.name
	if c.usage != "" {
		usage += " " + c.usage
	}
	return t.Value.Render(usage) + t.Muted.Render(" — "+c.about+" · "+keys.Name(m.keys.Run)+" runs it")
}
