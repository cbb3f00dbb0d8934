package notify

import (
	"errors"
	"io"

	tea "github.com/charmbracelet/bubbletea"
)

// Notifier sends notifications to the user's terminal.
type Notifier struct {
	// Terminal is where the sequence is written: stderr, the same
	// terminal as the renderer's stdout, which bubbletea owns (as the
	// clipboard's OSC 52 does). nil when stderr is not a terminal: none
	// is sent.
	Terminal io.Writer
	Mode     Mode
	// InTmux is set inside tmux, where an OSC sequence stops at tmux
	// unless wrapped for its passthrough, and OverTmux is [watch]
	// over_tmux: wrap it (tmux's allow-passthrough must be on).
	InTmux, OverTmux bool
}

// ErrTmux says why nothing was sent inside tmux.
var ErrTmux = errors.New("inside tmux a notification needs over_tmux = true in [watch] (and tmux's allow-passthrough on)")

// ErrNoTerminal says why nothing was sent when stderr is no terminal.
var ErrNoTerminal = errors.New("stderr is not a terminal")

// Bytes returns what n writes for a notification, or why it writes
// nothing. The bell is tmux's own business (its bell-action sends it on),
// so it goes plain inside tmux too; an OSC notification goes inside tmux
// only wrapped, and only with OverTmux.
func (n Notifier) Bytes(title, body string) (string, error) {
	seq := Sequence(n.Mode, title, body)
	switch {
	case seq == "":
		return "", nil
	case n.InTmux && n.Mode != Bell && !n.OverTmux:
		return "", ErrTmux
	case n.InTmux && n.Mode != Bell:
		return Tmux(seq), nil
	}
	return seq, nil
}

// SentMsg reports a notification's outcome.
type SentMsg struct {
	Sent bool  // the sequence was written
	Err  error // why not, when it was wanted; nil for Off
}

// Send returns a command that writes the notification and reports a
// SentMsg; nil when n sends nothing at all (Off).
func (n Notifier) Send(title, body string) tea.Cmd {
	if n.Mode == Off {
		return nil
	}
	return func() tea.Msg {
		seq, err := n.Bytes(title, body)
		switch {
		case err != nil:
			return SentMsg{Err: err}
		case n.Terminal == nil:
			return SentMsg{Err: ErrNoTerminal}
		}
		if _, err := io.WriteString(n.Terminal, seq); err != nil {
			return SentMsg{Err: err}
		}
		return SentMsg{Sent: true}
	}
}
