// Package keytest is what tests of the components share: key names turned
// into the tea.KeyMsg a terminal would send, keys pressed on an overlay,
// commands run to the messages they produce, and views read line by line.
package keytest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/overlay"
)

// Msg is the message for a key name: "enter", "esc", "up", "down", "pgup",
// "pgdown", "tab", "backspace", " " (the space bar), "ctrl+c", "ctrl+o",
// "ctrl+p", "ctrl+z", "ctrl+a", "ctrl+space" (NUL, ctrl+@ to bubbletea),
// or the runes typed.
func Msg(name string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"ctrl+c": tea.KeyCtrlC, "ctrl+o": tea.KeyCtrlO, "ctrl+p": tea.KeyCtrlP,
		"ctrl+z": tea.KeyCtrlZ, "ctrl+a": tea.KeyCtrlA, "ctrl+space": tea.KeyCtrlAt,
	}
	switch t, ok := named[name]; {
	case ok:
		return tea.KeyMsg{Type: t}
	case name == " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Run runs cmd and every command a batch holds, returning their messages
// (nil ones left out), as the program would receive them.
func Run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// Press sends the keys named to o in turn and returns what is open after
// the last and its command; the test fails if o closed before the last.
func Press(tb testing.TB, o overlay.Overlay, ks ...string) (overlay.Overlay, tea.Cmd) {
	tb.Helper()
	var cmd tea.Cmd
	for i, k := range ks {
		if o == nil {
			tb.Fatalf("the overlay closed before key %d of %q", i, ks)
		}
		o, cmd = o.Update(Msg(k))
	}
	return o, cmd
}

// LineWith is the first line of view that holds sub, "" when none does.
func LineWith(view, sub string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// Help is bindings as a help line names them: "enter copy · esc close".
func Help(bindings []key.Binding) string {
	names := make([]string, 0, len(bindings))
	for _, b := range bindings {
		names = append(names, b.Help().Key+" "+b.Help().Desc)
	}
	return strings.Join(names, " · ")
}
