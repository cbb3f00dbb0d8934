package clipboard

import (
	"errors"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// TmuxFix is the one line that lets programs in tmux set the clipboard.
const TmuxFix = "fix: `set -g set-clipboard on` in ~/.tmux.conf"

// Report is the copy's outcome in words, for the status line, and whether
// it is a failure. It says "Copied" only when a path is known to have
// worked (the native clipboard on this machine, or tmux taking the OSC 52
// sequence with set-clipboard on) or is not known to fail.
func (m CopiedMsg) Report() (text string, bad bool) {
	switch {
	case errors.Is(m.Err, ErrUnsafeValue):
		return "Not copied: the " + m.What + " contains a line break or control character.", true
	case errors.Is(m.Err, ErrHiddenChars):
		return "Not copied: the " + m.What + " contains characters the screen does not show (bidi or zero-width).", true
	}
	shown := render.Line(m.Value)
	if n := strings.Count(m.Value, "\n"); n > 0 {
		shown = fmt.Sprintf("the %s (%d lines)", m.What, n+1)
	}
	nativeReached := m.NativeErr == nil && m.Err == nil && !m.SSH
	tmuxBlocks := m.Tmux == "external" || m.Tmux == "off"
	switch {
	case nativeReached:
		return "Copied " + shown, false
	case m.OSC52 && tmuxBlocks:
		return "Not copied: tmux's set-clipboard is " + m.Tmux + ", so OSC 52 goes nowhere; " + TmuxFix + ".", true
	case m.OSC52 && m.Tmux == "on":
		return "Copied " + shown + " (through tmux, OSC 52)", false
	case m.OSC52:
		// Only the escape sequence went, and nothing says whether the
		// terminal takes it.
		return "Sent " + shown + " to the terminal (OSC 52); if nothing was copied, run cxi doctor.", false
	case m.Err != nil:
		return "Could not copy the " + m.What + ": " + render.Line(m.Err.Error()) + ".", true
	}
	return "Could not copy the " + m.What + ": no clipboard reached.", true
}
