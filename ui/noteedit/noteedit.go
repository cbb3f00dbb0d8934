// Package noteedit is the overlay where the user writes their private
// note on a session (a bubbles textarea, several lines); ctrl+s keeps it in
// the local store, esc leaves it as it was.
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

// DefaultKeyMap is the editor's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForNoteEditor() }

// Model is the open editor.
type Model struct {
	theme *styles.Theme
	keys  KeyMap
	id    string
	area  textarea.Model
	save  func(id, text string) tea.Cmd // what saving means: the owner of the store decides
}

// New opens the editor on session s's note, which is note so far.
func New(ctx common.Context, s *api.Session, note string, width, height int, save func(id, text string) tea.Cmd) Model {
	area := textarea.New()
	area.Placeholder = "What the next shift should know about this session…"
	area.ShowLineNumbers = false
	area.CharLimit = 4000
	area.Cursor.SetMode(cursor.CursorStatic)
	area.SetValue(note)
	area.Focus()
	m := Model{theme: ctx.Theme, keys: ctx.Keys.ForNoteEditor(), id: s.ID, area: area, save: save}
	return m.SetSize(width, height).(Model)
}

// SetSize fits the text area to the pane, below the title and hint lines.
func (m Model) SetSize(width, height int) overlay.Overlay {
	m.area.SetWidth(max(width-2, 10))
	m.area.SetHeight(max(height-3, 3))
	return m
}

// Update types, saves on ctrl+s, and leaves on esc.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Save):
		return nil, m.save(m.id, strings.TrimSpace(m.area.Value()))
	case key.Matches(msg, m.keys.Cancel):
		return nil, nil
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	return m, cmd
}

// ShortHelp is the editor's keys.
func (m Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Save, m.keys.Cancel} }

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View draws the title, the text area and how to leave.
func (m Model) View(width, _ int) string {
	t, k := m.theme, m.keys
	title := t.PanelTitle.Render("Your note on "+render.Line(api.ShortID(m.id))) +
		t.Muted.Render(" · private, kept on this computer · "+keys.Name(k.Save)+" saves · "+keys.Name(k.Cancel)+" leaves it unsaved")
	return render.ClipLine(title, width) + "\n\n" + m.area.View()
}
