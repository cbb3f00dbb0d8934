package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui/detail"
)

// KeyMap is every binding the program answers to. The bindings and their
// help text are defined in the top-level keymap.go; models only match on
// them, never on string literals.
type KeyMap struct {
	Lookup         key.Binding // look up what the input holds
	CopyExternalID key.Binding // copy the ticket's external_id
	CopySessionID  key.Binding // copy the session ID
	Refresh        key.Binding // fetch the current session again
	FocusInput     key.Binding // jump to the input
	SwitchFocus    key.Binding // toggle input and pane
	Up             key.Binding
	Down           key.Binding
	PageUp         key.Binding
	PageDown       key.Binding
	HalfPageUp     key.Binding
	HalfPageDown   key.Binding
	Top            key.Binding
	Bottom         key.Binding
	Back           key.Binding // cancel a fetch, or leave the input/help
	Help           key.Binding
	Quit           key.Binding // q: only where it cannot be typed
	ForceQuit      key.Binding // ctrl+c: everywhere
}

// ShortHelp is the one-line help when the pane has focus.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.CopyExternalID, k.CopySessionID, k.Refresh, k.FocusInput, k.Down, k.Help, k.Quit}
}

// FullHelp is every binding, grouped in columns, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Lookup, k.FocusInput, k.SwitchFocus, k.Back},
		{k.CopyExternalID, k.CopySessionID, k.Refresh},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
		{k.Help, k.Quit, k.ForceQuit},
	}
}

// inputHelp is the one-line help while the input has focus: there printable
// keys type, so only the keys that still act are listed.
func (k KeyMap) inputHelp() []key.Binding {
	return []key.Binding{k.Lookup, k.Up, k.SwitchFocus, k.Back, k.ForceQuit}
}

func (k KeyMap) detailKeys() detail.KeyMap {
	return detail.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfPageUp, HalfPageDown: k.HalfPageDown, Top: k.Top, Bottom: k.Bottom,
	}
}
