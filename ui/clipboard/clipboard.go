// Package clipboard copies short values for the UI through two paths at
// once: an OSC 52 escape sequence, which reaches the user's own terminal
// over SSH and through tmux, and the native clipboard, which works locally
// even in terminals without OSC 52 support.
package clipboard

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/render"
)

// Mode selects the OSC 52 form.
type Mode int

// OSC 52 modes. Plain is the default: tmux with `set-clipboard on` takes it
// into its buffer and forwards it outward. Tmux wraps it in a DCS
// passthrough, which reaches the outer terminal only with tmux's
// `allow-passthrough on`, so it is opt-in. Off sends none.
const (
	Plain Mode = iota
	Tmux
	Off
)

// ParseMode reads a mode from its flag spelling.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "plain":
		return Plain, nil
	case "tmux":
		return Tmux, nil
	case "off":
		return Off, nil
	}
	return Plain, fmt.Errorf("unknown OSC 52 mode %q (want plain, tmux or off)", s)
}

// nativeTimeout bounds the native clipboard tool: xclip can wait on an X
// server that never answers, and a copy must not hang the UI.
const nativeTimeout = 2 * time.Second

// ErrUnsafeValue is reported for a value that must not reach a clipboard:
// a trailing newline in a pasted ID runs the command it was pasted into.
var ErrUnsafeValue = errors.New("the value contains a line break or control character")

// ErrHiddenChars is reported for a value holding characters the screen
// does not show: bidi controls and zero-width or other format characters
// would paste something else than what the user read.
var ErrHiddenChars = errors.New("the value contains characters the screen does not show (bidi or zero-width)")

// ErrEmptyValue is reported when there is nothing to copy.
var ErrEmptyValue = errors.New("the value is empty")

// Copier copies through OSC 52 and the native clipboard.
type Copier struct {
	Terminal io.Writer          // where the OSC 52 sequence is written (the tty); nil sends none
	Mode     Mode               // which OSC 52 form to send
	Native   func(string) error // the native clipboard (atotto/clipboard.WriteAll); nil skips it
	// Tmux asks tmux's set-clipboard option ("on", "external", "off") at
	// each copy, inside tmux; nil outside it. At each copy, not once at
	// start: a lead who fixes ~/.tmux.conf after the first "Not copied"
	// must not be told so again (the query is a few milliseconds, off
	// the UI's goroutine).
	Tmux func() string
	// SSH is set over SSH, where the native clipboard is the remote
	// machine's: its success says nothing about the user's clipboard.
	SSH bool
}

// CopiedMsg reports the outcome of one copy.
type CopiedMsg struct {
	What      string // what was copied, for the status line: "external_id"
	Value     string // the value, as copied
	OSC52     bool   // the escape sequence was written
	NativeErr error  // the native clipboard failed (not an error when OSC52 is true)
	Err       error  // nothing reached any clipboard
	Tmux      string // tmux's set-clipboard, "" outside tmux
	SSH       bool   // over SSH: the native clipboard is the remote machine's
}

// Copy returns a command that copies value and reports a CopiedMsg.
func (c Copier) Copy(what, value string) tea.Cmd {
	return func() tea.Msg { return c.copyNow(what, value) }
}

// CopyText is Copy for multi-line text such as a Markdown summary: line
// breaks and tabs are its own, any other control character is refused.
func (c Copier) CopyText(what, text string) tea.Cmd {
	return func() tea.Msg {
		flat := strings.NewReplacer("\n", " ", "\t", " ").Replace(text)
		if err := Check(flat); err != nil {
			return CopiedMsg{What: what, Value: text, Err: err}
		}
		return c.write(CopiedMsg{What: what, Value: text})
	}
}

func (c Copier) copyNow(what, value string) CopiedMsg {
	msg := CopiedMsg{What: what, Value: value}
	if err := Check(value); err != nil {
		msg.Err = err
		return msg
	}
	return c.write(msg)
}

// write sends msg.Value down both paths and records how it went.
func (c Copier) write(msg CopiedMsg) CopiedMsg {
	value := msg.Value
	msg.SSH = c.SSH
	if c.Tmux != nil {
		msg.Tmux = c.Tmux()
	}
	if c.Terminal != nil && c.Mode != Off {
		seq := osc52.New(value)
		if c.Mode == Tmux {
			seq = seq.Tmux()
		}
		if _, err := seq.WriteTo(c.Terminal); err == nil {
			msg.OSC52 = true
		}
	}
	if c.Native != nil {
		msg.NativeErr = withTimeout(c.Native, value)
	} else {
		msg.NativeErr = errors.New("no native clipboard")
	}
	if !msg.OSC52 && msg.NativeErr != nil {
		msg.Err = fmt.Errorf("no clipboard available: %w", msg.NativeErr)
	}
	return msg
}

// Check reports whether value is safe to put on a clipboard.
func Check(value string) error {
	if value == "" {
		return ErrEmptyValue
	}
	for _, r := range value {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ErrUnsafeValue
		}
	}
	if render.Hidden(value) { // what the screen drops: bidi controls, zero-width characters and their kin
		return ErrHiddenChars
	}
	return nil
}

func withTimeout(native func(string) error, value string) error {
	done := make(chan error, 1)
	go func() { done <- native(value) }()
	timer := time.NewTimer(nativeTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return errors.New("the native clipboard tool did not answer")
	}
}
