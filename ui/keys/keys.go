// Package keys is the one home of cxi's key bindings: the defaults the
// program starts from (and the tests use), and the key set each view and
// overlay takes from them. The config file's remaps change a Map before any
// view sees it, so every hint built from a binding's help names the key
// the user really presses.
package keys

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Map is every binding the program answers to. Its field names are the
// config file's action names (CopyExternalID is copy_external_id), so a
// field added here can be remapped at once.
type Map struct {
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
	RawJSON        key.Binding // the session as the API sent it
	Review         key.Binding // mark the session reviewed, or unmark it
	NextToReview   key.Binding // open the next session of the queue not reviewed
	Note           key.Binding // edit the private note on the session
	SetStatus      key.Binding // close, close unresolved or reopen: the status menu
	Undo           key.Binding // undo the last status change, for a few seconds after it
	Redact         key.Binding // redact the session's messages, or the transcript's message at the top
	Commands       key.Binding // the menu of the user's own commands ([[commands]] in the config)
	Status         key.Binding // queue filter: pick a status
	HandedOff      key.Binding // queue filter: handed off only
	Channel        key.Binding // queue filter: pick a channel
	Window         key.Binding // queue filter: pick a date window
	Team           key.Binding // queue filter: pick a team among the loaded sessions
	Reason         key.Binding // queue filter: pick why the AI handed off (the handoff events' reasons)
	Others         key.Binding // detail: the customer's other sessions, as a picker
	Flagged        key.Binding // queue filter: sessions that trip an integrity rule (api/lint)
	Changed        key.Binding // queue filter: changed and new sessions only
	Attention      key.Binding // queue ordering: needs attention
	AutoRefresh    key.Binding // queue auto-refresh on/off
	ResetFilters   key.Binding // queue: every filter back to the saved view's (with no views, to those cxi started with)
	Preview        key.Binding // queue: the preview of the row under the cursor, shown or hidden
	Select         key.Binding // queue: select the row for an action on several, or unselect it
	SelectRange    key.Binding // queue: select every row from the last one selected to the cursor
	SelectAll      key.Binding // queue: select every row shown, or clear the selection when all are
	CommandLine    key.Binding // the : command line: every action by name
	NextView       key.Binding // queue: the next saved view, the tab to the right
	PrevView       key.Binding // queue: the previous saved view, the tab to the left
	SaveView       key.Binding // queue: save the filters in force to the view, or as a new view
	Pulse          key.Binding // the pulse view: the period's handoffs and the SLA
	PulseLine      key.Binding // the header's pulse line, shown or hidden
	NewestMatch    key.Binding // open the newest session that newly matched a watch rule ([watch])
	Back           key.Binding // cancel a fetch, or go back one view
	Help           key.Binding
	Quit           key.Binding // q: only where it cannot be typed
	ForceQuit      key.Binding // ctrl+c: everywhere
}

// Default is every key cxi answers to, with its help text. q and the letter
// keys act only when a view has focus, so they still type into the input.
func Default() Map {
	return Map{
		Lookup:         bind("enter", "open", "enter"),
		CopyExternalID: bind("y", "copy external_id", "y"),
		CopySessionID:  bind("Y", "copy session ID", "Y"),
		CopyMenu:       bind("c", "copy…", "c"),
		OpenBrowser:    bind("o", "open in browser", "o"),
		Refresh:        bind("r", "refresh", "r"),
		FocusInput:     bind("/", "filter / look up", "/"),
		SwitchFocus:    bind("tab", "input ⇄ view", "tab"),
		Up:             bind("↑/k", "up", "up", "k"),
		Down:           bind("↓/j", "down", "down", "j"),
		PageUp:         bind("pgup/b", "page up", "pgup", "b"),
		PageDown:       bind("pgdn/f", "page down", "pgdown", "f"),
		HalfPageUp:     bind("u", "half page up", "u", "ctrl+u"),
		HalfPageDown:   bind("d", "half page down", "d", "ctrl+d"),
		Top:            bind("g/home", "top", "home", "g"),
		Bottom:         bind("G/end", "bottom", "end", "G"),
		Next:           bind("n", "next", "n", "J", "]"),
		Prev:           bind("p", "previous", "p", "K", "["),
		Transcript:     bind("t", "transcript", "t"),
		RawJSON:        bind("v", "raw JSON", "v"),
		Review:         bind("m", "mark reviewed", "m"),
		NextToReview:   bind("N", "next not reviewed", "N"),
		Note:           bind("e", "edit note", "e"),
		SetStatus:      bind("S", "close / reopen…", "S"),
		Undo:           bind("ctrl+z", "undo the status change", "ctrl+z"),
		Redact:         bind("X", "redact…", "X"),
		Commands:       bind("x", "your commands…", "x"),
		Status:         bind("s", "status filter", "s"),
		HandedOff:      bind("h", "handed off only", "h"),
		Channel:        bind("C", "channel filter", "C"),
		Window:         bind("w", "updated within", "w"),
		Team:           bind("T", "team filter", "T"),
		Reason:         bind("R", "handed off because…", "R"),
		Others:         bind("O", "customer's other sessions", "O"),
		Flagged:        bind("L", "integrity flags filter", "L"),
		Changed:        bind("*", "changed & new only", "*"),
		Attention:      bind("!", "needs-attention order", "!"),
		AutoRefresh:    bind("a", "auto-refresh", "a"),
		ResetFilters:   bind("F", "reset filters", "F"),
		Preview:        bind("P", "preview on/off", "P"),
		Select:         bind("space", "select", " "),
		SelectRange:    bind("ctrl+space", "select up to here", "ctrl+@"),
		SelectAll:      bind("ctrl+a", "select all / none", "ctrl+a"),
		CommandLine:    bind(":", "command line", ":"),
		NextView:       bind(">", "next view", ">"),
		PrevView:       bind("<", "previous view", "<"),
		SaveView:       bind("V", "save view…", "V"),
		Pulse:          bind("ctrl+p", "pulse of the shift", "ctrl+p"),
		PulseLine:      bind("%", "pulse line on/off", "%"),
		NewestMatch:    bind("W", "newest watch match", "W"),
		Back:           bind("esc", "back", "esc"),
		Help:           bind("?", "all keys", "?"),
		Quit:           bind("q", "quit", "q"),
		ForceQuit:      bind("ctrl+c", "quit", "ctrl+c"),
	}
}

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Name is the key a hint tells the user to press: the binding's help key,
// which a remap rewrites.
func Name(b key.Binding) string { return b.Help().Key }

// As is b with another description, for a view where the same key does a
// different thing (enter "copies" in the copy menu).
func As(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// Typed is the name of b's first key that does not type text, for hints
// shown while the input has focus, where j and k are letters: "↑" for up.
func Typed(b key.Binding) string {
	for _, k := range b.Keys() {
		if len([]rune(k)) == 1 {
			continue // a printable key types in the input
		}
		return HelpName(k)
	}
	return Name(b)
}

// HelpName is how a key shows in the help: arrows as arrows, the space
// bar as "space", pgdown as "pgdn".
func HelpName(k string) string {
	switch k {
	case " ":
		return "space"
	case "alt+ ":
		return "alt+space"
	case "ctrl+@":
		return "ctrl+space" // what terminals send for it, NUL, bubbletea names ctrl+@
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgdown":
		return "pgdn"
	}
	return k
}

// PressOf is a key press that b matches, for what presses a binding's key
// for the user (the mouse's wheel is the up and down keys): an arrow or a
// single character among its keys; false when a remap left it neither.
func PressOf(b key.Binding) (tea.KeyMsg, bool) {
	for _, k := range b.Keys() {
		switch r := []rune(k); {
		case k == "up":
			return tea.KeyMsg{Type: tea.KeyUp}, true
		case k == "down":
			return tea.KeyMsg{Type: tea.KeyDown}, true
		case len(r) == 1:
			return tea.KeyMsg{Type: tea.KeyRunes, Runes: r}, true
		}
	}
	return tea.KeyMsg{}, false
}
