// Package scroll is what every scrolling view (the detail pane, the
// transcript) shares: the keys that move a viewport, including top and
// bottom, which bubbles' viewport does not have.
package scroll

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/keys"
)

// KeyMap holds the scrolling keys, taken from the program's key map.
type KeyMap = keys.Scroll

// New returns an empty viewport that scrolls with k.
func New(k KeyMap) viewport.Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfPageUp, HalfPageDown: k.HalfPageDown,
	}
	return vp
}

// Update scrolls vp for msg: top and bottom here, the rest by the viewport.
func Update(vp viewport.Model, k KeyMap, msg tea.Msg) (viewport.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Top):
			vp.GotoTop()
			return vp, nil
		case key.Matches(km, k.Bottom):
			vp.GotoBottom()
			return vp, nil
		}
	}
	return vp.Update(msg)
}
