// Package noteedit is the overlay where the user writes their private
// note on a session (a bubbles textarea, several lines); ctrl+s keeps it in
// the local store, esc leaves it as it was. The editor stays open until the
// store answers: a note that was not kept stays in the editor, with why.
package noteedit

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the editor's keys.
type KeyMap = keys.NoteEditor

// Answer is the store's answer to a save the editor asked for. The owner
// of the store makes it (the editor knows nothing of stores).
type Answer interface {
	// NoteAnswer is the session written, whether it was its note (not a
	// review mark), and why it was not kept (nil when it was).
	NoteAnswer() (id string, note bool, err error)
}

// maxNoticeLines is how many lines a failure may take above the text:
// enough for the reason, never so many that the text has no room.
const maxNoticeLines = 3

// Model is the open editor.
type Model struct {
	theme  *styles.Theme
	keys   KeyMap
	id     string
	area   textarea.Model
	save   func(id, text string) tea.Cmd // what saving means: the owner of the store decides
	saving bool                          // ctrl+s was pressed and the store has not answered
	failed string                        // why the last save was not kept; "" when none failed

	width, height int      // the pane's, for the lines the failure takes
	lines         []string // the notice, drawn in SetSize (see notice)
}

// New opens the editor on session s's note, which is note so far.
func New(ctx common.Context, s *api.Session, note string, width, height int, save func(id, text string) tea.Cmd) Model {
	area := textarea.New()
	area.Placeholder = "What the next shift should know about this session…"
	area.ShowLineNumbers = false
	area.CharLimit = 4000
	area.Cursor.SetMode(cursor.CursorStatic)
	area.SetValue(render.Block(note)) // a note kept before notes were cleaned on the way in
	area.Focus()
	m := Model{theme: ctx.Theme, keys: ctx.Keys.ForNoteEditor(), id: s.ID, area: area, save: save}
	return m.SetSize(width, height).(Model)
}

// SetSize fits the text area to the pane, below the title and notice
// lines; every change of the notice goes through it.
func (m Model) SetSize(width, height int) overlay.Overlay {
	m.width, m.height = width, height
	m.lines = m.notice()
	m.area.SetWidth(max(width-2, 10))
	m.area.SetHeight(max(height-2-len(m.lines), 3))
	return m
}

// Update types, saves on ctrl+s, and leaves on esc. While the store has
// not answered a save, typing waits: a key pressed then would be lost
// when the answer closes the editor.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		return nil, nil
	case m.saving:
		return m, nil
	case key.Matches(msg, m.keys.Save):
		m.saving, m.failed = true, ""
		return m.SetSize(m.width, m.height), m.save(m.id, strings.TrimSpace(m.area.Value()))
	}
	if msg.Type == tea.KeyRunes {
		// Typed or pasted text is cleaned as every text cxi draws is
		// (render.Block): a bidi override or a zero-width character would
		// otherwise reach the terminal raw from the editor, and hide or
		// reorder what the note says. What is shown is what is kept.
		msg.Runes = []rune(render.Block(string(msg.Runes)))
		if len(msg.Runes) == 0 {
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return m, cmd
}

// Receive takes the store's answer to this editor's save: kept closes the
// editor, not kept leaves it open with the text and why.
func (m Model) Receive(msg tea.Msg) (overlay.Overlay, tea.Cmd, bool) {
	a, ok := msg.(Answer)
	if !ok || !m.saving {
		return m, nil, false
	}
	id, note, err := a.NoteAnswer()
	if !note || id != m.id {
		return m, nil, false
	}
	if err == nil {
		return nil, nil, true
	}
	m.saving, m.failed = false, err.Error()
	return m.SetSize(m.width, m.height), nil, true
}

// ShortHelp is the editor's keys.
func (m Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Save, m.keys.Cancel} }

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// notice is the lines between the title and the text: one blank line, or
// that the note is being saved, or why it was not kept.
func (m Model) notice() []string {
	t := m.theme
	switch {
	case m.saving:
		return []string{t.Muted.Render("saving…")}
	case m.failed != "":
		lines := render.WrapStyled(t.Error, render.Line(m.failed)+" Your text is still here.", max(m.width, 1))
		if len(lines) > maxNoticeLines {
			lines = append(lines[:maxNoticeLines-1], render.ClipLine(lines[maxNoticeLines-1], max(m.width-1, 1))+"…")
		}
		return lines
	}
	return []string{""}
}

// View draws the title, the notice and the text area.
func (m Model) View(width, _ int) string {
	t, k := m.theme, m.keys
	title := t.PanelTitle.Render("Your note on "+render.Line(api.ShortID(m.id))) +
		t.Muted.Render(" · private, kept on this computer · "+keys.Name(k.Save)+" saves · "+keys.Name(k.Cancel)+" leaves it unsaved")
	return render.ClipLine(title, width) + "\n" + strings.Join(m.lines, "\n") + "\n" + m.area.View()
}
