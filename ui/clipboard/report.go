package clipboard

import (
	"errors"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// Report is the copy's outcome in words, for the status line, and whether
// it is a failure.
func (m CopiedMsg) Report() (text string, bad bool) {
	switch {
	case errors.Is(m.Err, ErrUnsafeValue):
		return "Not copied: the " + m.What + " contains a line break or control character.", true
	case m.Err != nil:
		return "Could not copy the " + m.What + ": " + render.Line(m.Err.Error()) + ".", true
	}
	shown := render.Line(m.Value)
	if n := strings.Count(m.Value, "\n"); n > 0 {
		shown = fmt.Sprintf("the %s (%d lines)", m.What, n+1)
	}
	if m.NativeErr != nil {
		// Only the escape sequence went: whether it landed is up to the
		// terminal (and tmux's set-clipboard), so say how it was sent.
		return "Copied " + shown + " via the terminal (OSC 52); no native clipboard here", false
	}
	return "Copied " + shown, false
}
