package main

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui"
)

// defaultKeyMap is every key cxi answers to, with its help text. The models
// match on these bindings; q and the letter keys act only when the pane has
// focus, so they still type into the input.
func defaultKeyMap() ui.KeyMap {
	return ui.KeyMap{
		Lookup:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		CopyExternalID: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy external_id")),
		CopySessionID:  key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy session ID")),
		CopyMenu:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy…")),
		OpenBrowser:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		Refresh:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		FocusInput:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter / look up")),
		SwitchFocus:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "input ⇄ view")),
		Up:             key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:           key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:         key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:       key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f", "page down")),
		HalfPageUp:     key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "half page up")),
		HalfPageDown:   key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d", "half page down")),
		Top:            key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:         key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		Next:           key.NewBinding(key.WithKeys("n", "J", "]"), key.WithHelp("n", "next")),
		Prev:           key.NewBinding(key.WithKeys("p", "K", "["), key.WithHelp("p", "previous")),
		Transcript:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "transcript")),
		Status:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status filter")),
		HandedOff:      key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "handed off only")),
		Channel:        key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "channel filter")),
		Window:         key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "updated within")),
		Attention:      key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "needs-attention order")),
		AutoRefresh:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "auto-refresh")),
		Back:           key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}
