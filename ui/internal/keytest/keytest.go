// Package keytest is what tests of the components share: key names turned
// into the tea.KeyMsg a terminal would send, and commands run to the
// messages they produce.
package keytest

import tea "github.com/charmbracelet/bubbletea"

// Msg is the message for a key name: "enter", "esc", "up", "down", "pgup",
// "pgdown", "tab", "backspace", " " (the space bar), "ctrl+c", "ctrl+o",
// "ctrl+p", or the runes typed.
func Msg(name string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"ctrl+c": tea.KeyCtrlC, "ctrl+o": tea.KeyCtrlO, "ctrl+p": tea.KeyCtrlP,
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
