// Package common is the small set of shared, read-only things every view
// and overlay is built with (soft-serve's common context): the theme, the
// program's key map, the clock and the timer. Nothing in it changes while
// the program runs. It also holds the few messages and types that more
// than one view produces or takes (a notice, a write's news), so that no
// view imports another for them.
package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
)

// Timer schedules a message after a delay: tea.Tick in the program; tests
// pass one that records the delay and the message instead of waiting.
type Timer func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// Context is what every component is built with.
type Context struct {
	Theme *styles.Theme
	Keys  keys.Map
	Now   func() time.Time
	Timer Timer
}

// WithDefaults fills what was left out: the real clock and tea.Tick.
func (c Context) WithDefaults() Context {
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Timer == nil {
		c.Timer = tea.Tick
	}
	return c
}

// Suggestion is a session worth trying (the demo's showcase sessions),
// listed in the full help below the keys.
type Suggestion struct {
	ID    string
	Title string
}
