// Package viewsave is the overlay that saves the queue's filters in force
// to config.toml: back to the view in force (its name, as offered), or as a
// new view under another name. It stays open until the file is written:
// a save that failed says why, with the name still there to fix or retry.
package viewsave

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the overlay's keys: save, and leave unsaved.
type KeyMap struct {
	Save, Cancel key.Binding
}

// DefaultKeyMap is its keys from the program's key map.
func DefaultKeyMap(k keys.Map) KeyMap {
	return KeyMap{Save: keys.As(k.Lookup, "save"), Cancel: keys.As(k.Back, "leave unsaved")}
}

// SavedMsg is the answer to a save: the view's name, the view it
// replaced ("" for a new one), what was saved, and why it was not (nil
// when it was).
type SavedMsg struct {
	Name, Replace string
	View          filter.View
	Err           error
}

// Save writes a view to config.toml: under name, in place of the view
// called replace ("" adds a new view).
type Save func(name string, v filter.View, replace string) error

// Open opens the overlay on the view in force, called current, to save v,
// the filters in force (said in words as filters); names are every view's.
// Saving under current's name replaces it; under another, adds a view.
func Open(theme *styles.Theme, k KeyMap, current string, names []string, filters string, v filter.View, save Save) Model {
	if v.Text != "" {
		filters = strings.TrimPrefix(strings.TrimPrefix(filters, "none")+", text "+v.Text, ", ")
	}
	if v.Attention {
		filters += " · needs-attention order"
	}
	return New(theme, k, current, names, filters, func(name string) tea.Cmd {
		replace := ""
		if strings.EqualFold(name, current) {
			replace = current
		}
		return func() tea.Msg { return SavedMsg{Name: name, Replace: replace, View: v, Err: save(name, v, replace)} }
	})
}

// Model is the open overlay.
type Model struct {
	theme   *styles.Theme
	keys    KeyMap
	current string   // the view in force: its name saves back to it
	names   []string // every view's name: another's is refused
	filters string   // the filters in force, in words
	input   textinput.Model
	save    func(name string) tea.Cmd
	saving  bool
	failed  string
}

// New opens the overlay on the view called current, with the filters in
// force said as filters; names are every view's; save writes under a name.
func New(theme *styles.Theme, k KeyMap, current string, names []string, filters string, save func(name string) tea.Cmd) Model {
	in := textinput.New()
	in.Prompt = "name: "
	in.CharLimit = 60
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(current)
	in.Focus()
	return Model{theme: theme, keys: k, current: current, names: names, filters: filters, input: in, save: save}
}

// Check says what is wrong with name for a view, "" when nothing: it is
// written to config.toml and drawn on a tab, so it must be a line of text,
// and the name of no other view.
func (m Model) Check(name string) string {
	switch {
	case name == "":
		return "A view needs a name."
	case strings.ContainsFunc(name, unicode.IsControl):
		return "A view's name cannot hold a control character."
	case !strings.EqualFold(name, m.current) && slices.ContainsFunc(m.names, func(n string) bool { return strings.EqualFold(n, name) }):
		return fmt.Sprintf("There is a view named %q already: pick another name, or switch to it (its key, or < >) and save there.", name)
	}
	return ""
}

// Update types the name, saves on enter, and leaves on esc; while the file
// is being written, keys wait.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		return nil, nil
	case m.saving:
		return m, nil
	case key.Matches(msg, m.keys.Save):
		name := strings.TrimSpace(m.input.Value())
		if m.failed = m.Check(name); m.failed != "" {
			return m, nil
		}
		m.saving = true
		return m, m.save(name)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.failed = ""
	return m, cmd
}

// Receive takes the answer to this overlay's save: written closes it, not
// written keeps it open with why.
func (m Model) Receive(msg tea.Msg) (overlay.Overlay, tea.Cmd, bool) {
	a, ok := msg.(SavedMsg)
	if !ok || !m.saving {
		return m, nil, false
	}
	if err := a.Err; err == nil {
		return nil, nil, true
	}
	m.saving, m.failed = false, "Not saved: "+a.Err.Error()
	return m, nil, true
}

// ShortHelp is the overlay's keys.
func (m Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Save, m.keys.Cancel} }

// View draws what is saved, where, and the name.
func (m Model) View(width, _ int) string {
	t := m.theme
	name := strings.TrimSpace(m.input.Value())
	what := "saves a new view"
	if strings.EqualFold(name, m.current) {
		what = "saves back to this view; another name saves a new view"
	}
	lines := []string{
		t.PanelTitle.Render("Save the view") + t.Muted.Render(" · to config.toml, changing nothing else in it"),
		"",
		t.Label.Render("filters: ") + render.Line(m.filters),
		"",
		m.input.View(),
	}
	hint := fmt.Sprintf("%s %s · %s leaves it unsaved", keys.Name(m.keys.Save), what, keys.Name(m.keys.Cancel))
	lines = append(lines, render.WrapStyled(t.Muted, hint, max(width, 1))...)
	switch {
	case m.saving:
		lines = append(lines, t.Muted.Render("saving…"))
	case m.failed != "":
		lines = append(lines, render.WrapStyled(t.Error, render.Line(m.failed), max(width, 1))...)
	}
	for i, l := range lines {
		lines[i] = render.ClipLine(l, width)
	}
	return strings.Join(lines, "\n")
}
