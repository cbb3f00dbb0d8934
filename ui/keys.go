package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/scroll"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// KeyMap is every binding the program answers to. The bindings and their
// help text are defined in the top-level keymap.go; models only match on
// them, never on string literals.
type KeyMap struct {
	Lookup         key.Binding // look up the input / open the selected session
	CopyExternalID key.Binding // copy the ticket's external_id
	CopySessionID  key.Binding // copy the session ID
	CopyMenu       key.Binding // the copy menu: every value worth copying
	OpenBrowser    key.Binding // open the session in the browser
	Refresh        key.Binding // fetch the view's data again
	FocusInput     key.Binding // jump to the input
	SwitchFocus    key.Binding // toggle input and view
	Up             key.Binding
	Down           key.Binding
	PageUp         key.Binding
	PageDown       key.Binding
	HalfPageUp     key.Binding
	HalfPageDown   key.Binding
	Top            key.Binding
	Bottom         key.Binding
	Next           key.Binding // next session of the queue, from the detail pane
	Prev           key.Binding // previous session of the queue
	Transcript     key.Binding // the session's history
	Status         key.Binding // queue filter: cycle status
	HandedOff      key.Binding // queue filter: handed off only
	Channel        key.Binding // queue filter: cycle channel
	Window         key.Binding // queue filter: cycle date window
	Attention      key.Binding // queue ordering: needs attention
	AutoRefresh    key.Binding // queue auto-refresh on/off
	Back           key.Binding // cancel a fetch, or go back one view
	Help           key.Binding
	Quit           key.Binding // q: only where it cannot be typed
	ForceQuit      key.Binding // ctrl+c: everywhere
}

// viewHelp is the one-line help of one view, most useful keys first, with
// ? and q early so that a narrow terminal never hides them.
func (k KeyMap) viewHelp(v view) []key.Binding {
	switch v {
	case viewDetail:
		return []key.Binding{k.Next, k.Prev, k.Help, k.Quit, k.Transcript, k.CopyExternalID, k.CopyMenu, k.Back, k.OpenBrowser, k.Refresh, k.FocusInput}
	case viewTranscript:
		return []key.Binding{k.Down, k.Back, k.Help, k.Quit, k.Bottom, k.Refresh}
	}
	return []key.Binding{k.Lookup, k.Help, k.Quit, k.FocusInput, k.Attention, k.HandedOff, k.Status, k.CopyExternalID, k.CopyMenu, k.AutoRefresh}
}

// FullHelp is every binding, grouped in columns, for `?`. Disabled
// bindings (another view's keys) are left out by the help model.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Lookup, k.FocusInput, k.SwitchFocus, k.Back, k.Next, k.Prev, k.Transcript, k.Help, k.Quit, k.ForceQuit},
		{k.CopyExternalID, k.CopySessionID, k.CopyMenu, k.OpenBrowser, k.Refresh, k.AutoRefresh},
		{k.Status, k.HandedOff, k.Channel, k.Window, k.Attention},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
	}
}

// inputHelp is the one-line help while the input has focus: there printable
// keys type, so only the keys that still act are listed.
func (k KeyMap) inputHelp() []key.Binding {
	up := k.Up
	up.SetHelp("↑/↓", "recent sessions")
	return []key.Binding{k.Lookup, up, k.SwitchFocus, k.Back, k.ForceQuit}
}

// scrollKeys are the keys every scrolling view moves its viewport with.
func (k KeyMap) scrollKeys() scroll.KeyMap {
	return scroll.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfPageUp, HalfPageDown: k.HalfPageDown, Top: k.Top, Bottom: k.Bottom,
	}
}

func (k KeyMap) queueKeys() queue.KeyMap {
	return queue.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom,
		Status: k.Status, HandedOff: k.HandedOff, Channel: k.Channel, Window: k.Window,
		Attention: k.Attention, Refresh: k.Refresh,
	}
}

func (k KeyMap) transcriptKeys() transcript.KeyMap {
	return transcript.KeyMap{Scroll: k.scrollKeys(), Refresh: k.Refresh}
}
