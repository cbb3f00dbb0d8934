// Package keytest turns key names into the tea.KeyMsg a terminal would
// send, for tests that press keys.
package keytest

import tea "github.com/charmbracelet/bubbletea"

// named are the keys tests press by name; anything else is typed.
var named = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "tab": tea.KeyTab,
}

// Msg is the message for a key name: "enter", "esc", "up", "down",
// "pgup", "pgdown", "tab", or the runes typed.
func Msg(name string) tea.KeyMsg {
	if t, ok := named[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}
