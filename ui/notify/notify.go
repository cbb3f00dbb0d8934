// Package notify tells the user something happened while they looked
// elsewhere, through the terminal itself: the bell, or a desktop
// notification by the terminal's own escape sequence (OSC 9, as iTerm2,
// WezTerm, kitty and Windows Terminal read it; OSC 777, as urxvt, foot,
// Ghostty and VTE terminals read it). Escape sequences rather than the
// operating system's notifier: over SSH only they reach the user's own
// machine. The text comes from API data and is made safe first.
package notify

import (
	"fmt"
	"slices"
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// Mode is how a notification is sent.
type Mode int

// The modes. Bell is the default: every terminal has one.
const (
	Bell Mode = iota
	OSC9
	OSC777
	Off
)

var modeNames = []string{"bell", "osc9", "osc777", "off"}

// Modes returns the modes' names as config.toml spells them.
func Modes() []string { return slices.Clone(modeNames) }

// ParseMode reads a mode as config.toml spells it; "" is Bell.
func ParseMode(s string) (Mode, error) {
	if s == "" {
		return Bell, nil
	}
	if i := slices.Index(modeNames, s); i >= 0 {
		return Mode(i), nil
	}
	return Bell, fmt.Errorf("notify %q is not one of %s", s, quoted(modeNames))
}

// String is the mode's name as config.toml spells it.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// maxText bounds a notification's text: a desktop notification shows a
// line or two, and a long payload is a long write to a slow link.
const maxText = 200

// clean makes API text fit inside an OSC payload: render.Line removes
// every escape sequence and control character (a BEL or ST from the data
// would end the sequence early and let the rest reach the terminal as
// commands), runs of spaces become one, then the length is capped.
func clean(s string) string {
	s = strings.Join(strings.Fields(render.Line(s)), " ") // one line, spaces collapsed
	if r := []rune(s); len(r) > maxText {
		s = string(r[:maxText-1]) + "…"
	}
	return s
}

// Sequence returns what mode writes to the terminal for a notification
// with title and body, plain (not wrapped for tmux); "" for Off.
func Sequence(mode Mode, title, body string) string {
	title, body = clean(title), clean(body)
	switch mode {
	case Bell:
		return "\a"
	case OSC9:
		// OSC 9 has one field. ConEmu and Windows Terminal read "9;4;…"
		// as a progress report: the text never starts with a digit and ';'.
		text := title
		if body != "" {
			text += ": " + body
		}
		return "\x1b]9;" + text + "\a"
	case OSC777:
		// ';' separates OSC 777's fields: one in the title would move the
		// rest into the body.
		return "\x1b]777;notify;" + strings.ReplaceAll(title, ";", ",") + ";" + body + "\a"
	}
	return ""
}

// Tmux wraps seq in tmux's passthrough (DCS tmux; … ST, every ESC inside
// doubled), which reaches the outer terminal only when tmux's
// allow-passthrough is on.
func Tmux(seq string) string {
	if seq == "" {
		return ""
	}
	return "\x1bPtmux;" + strings.ReplaceAll(seq, "\x1b", "\x1b\x1b") + "\x1b\\"
}
