// Package filterpicker is the overlay a queue filter opens (status,
// channel, updated within, team): every value with the number of loaded
// sessions that have it, "any" first, so that a value is one key away and
// so is the way back.
package filterpicker

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the picker's keys. Toggle is the filter's own key: pressed
// again, it closes the picker as esc does.
type KeyMap = keys.Menu

// DefaultKeyMap is the picker's keys as cxi ships them.
func DefaultKeyMap() KeyMap { return keys.Default().ForFilterPicker() }

// Model is the open picker.
type Model struct {
	theme  *styles.Theme
	keys   KeyMap
	filter overlay.Filter
	at     int
	choose func(i int) tea.Cmd // what setting option i means: the owner of the filters decides
}

// New opens the picker on f, the cursor on the value in force; choosing
// option i runs choose(i), and nothing else changes a filter.
func New(theme *styles.Theme, km KeyMap, f overlay.Filter, choose func(i int) tea.Cmd) Model {
	at := min(max(f.Current, 0), max(len(f.Options)-1, 0))
	return Model{theme: theme, keys: km, filter: f, at: at, choose: choose}
}

// Filter is what the picker shows.
func (m Model) Filter() overlay.Filter { return m.filter }

// Cursor is the option under the cursor.
func (m Model) Cursor() int { return m.at }

// Update moves with ↑/↓, sets the value under the cursor on enter or the
// value of a digit (0 is "any"), and closes without a change on esc or
// the filter's own key.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k, n := m.keys, len(m.filter.Options)
	if at, moved := k.Step(msg, m.at, n); moved {
		m.at = at
		return m, nil
	}
	switch i, digit := keys.Digit(msg, 0, n); {
	case n == 0, key.Matches(msg, k.Close), key.Matches(msg, k.Toggle):
		return nil, nil
	case key.Matches(msg, k.Choose):
		return nil, m.choose(m.at)
	case digit:
		return nil, m.choose(i)
	}
	return m, nil
}

// ShortHelp is the picker's keys.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is the picker's keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View draws the values that fit in height, kept around the cursor: the
// digit that sets each (the first ten), the value, its count, and which
// one is in force.
func (m Model) View(width, height int) string {
	t, k, f := m.theme, m.keys, m.filter
	inner := max(width-t.Panel.GetHorizontalFrameSize(), 1)
	digits := "0"
	if n := min(len(f.Options), 10); n > 1 {
		digits = fmt.Sprintf("0–%d", n-1)
	}
	how := fmt.Sprintf("  %s or %s/%s %s · %s closes", digits, keys.Typed(k.Up), keys.Typed(k.Down), keys.Name(k.Choose), keys.Name(k.Close))
	lines := []string{t.PanelTitle.Render(render.Line(f.Name)) + t.Muted.Render(how)}
	if f.Note != "" {
		lines = append(lines, render.WrapStyled(t.Muted, render.Line(f.Note), inner)...)
	}
	labelW := 4
	for _, o := range f.Options {
		labelW = max(labelW, render.Width(o.Label))
	}
	labelW = min(labelW, max(inner-16, 4))
	rows := max(height-len(lines)-t.Panel.GetVerticalFrameSize(), 1)
	first, last := k.Window(m.at, len(f.Options), rows)
	for i := first; i < last; i++ {
		lines = append(lines, render.ClipLine(m.row(i, labelW), inner))
	}
	return render.Box(t.Panel, strings.Join(lines, "\n"), width)
}

func (m Model) row(i, labelW int) string {
	t, o := m.theme, m.filter.Options[i]
	digit := " "
	if i < 10 {
		digit = fmt.Sprint(i)
	}
	count := ""
	if o.Count != overlay.Unknown {
		count = fmt.Sprint(o.Count)
	}
	row := t.Key.Render(digit) + "  " + t.Value.Render(render.Fit(o.Label, labelW)) + "  " + t.Muted.Render(fmt.Sprintf("%5s", count))
	if i == m.filter.Current {
		row += t.Marker.Render("  in force")
	}
	if i == m.at {
		return t.Selected.Render("› ") + row
	}
	return "  " + row
}
