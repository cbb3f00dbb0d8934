package keys

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The key sets below are what each view and overlay answers to, taken from
// one Map so that a remap reaches all of them. A component built from its
// key set (the queue, the detail pane, the transcript, the filter picker)
// has a DefaultKeyMap, its set taken from Default(), which its tests build
// it with; the others take their set from common.Context's Map, and have
// none.

// Scroll moves a viewport (the detail pane, the transcript).
type Scroll struct {
	Up, Down, PageUp, PageDown, HalfPageUp, HalfPageDown, Top, Bottom key.Binding
}

// ForScroll is the scrolling keys.
func (k Map) ForScroll() Scroll {
	return Scroll{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfPageUp, HalfPageDown: k.HalfPageDown, Top: k.Top, Bottom: k.Bottom}
}

// Queue is the queue's own keys: moving, the filters, the ordering,
// refreshing and auto-refresh. The filter picker that status, channel,
// window and team ask for has its own (ForFilterPicker): the root opens it.
type Queue struct {
	Up, Down, PageUp, PageDown, Top, Bottom  key.Binding
	Status, HandedOff, Channel, Window, Team key.Binding
	Reason                                   key.Binding
	Flagged                                  key.Binding
	Changed                                  key.Binding
	Attention, Refresh, AutoRefresh          key.Binding
	Select, SelectRange, SelectAll           key.Binding
}

// ForQueue is the queue's keys.
func (k Map) ForQueue() Queue {
	return Queue{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom,
		Status: k.Status, HandedOff: k.HandedOff, Channel: k.Channel, Window: k.Window, Team: k.Team, Reason: k.Reason, Flagged: k.Flagged,
		Changed: k.Changed, Attention: k.Attention, Refresh: k.Refresh, AutoRefresh: k.AutoRefresh, Select: k.Select,
		SelectRange: k.SelectRange, SelectAll: k.SelectAll}
}

// Detail is the detail pane's keys: scrolling, fetching again, and the copy
// key its Ticket panel names.
type Detail struct {
	Scroll  Scroll
	Refresh key.Binding
	Copy    key.Binding // shown beside the external_id
	Cancel  key.Binding // abandons the lookup under way
	Others  key.Binding // the customer's other sessions, as a picker
}

// ForDetail is the detail pane's keys.
func (k Map) ForDetail() Detail {
	return Detail{Scroll: k.ForScroll(), Refresh: k.Refresh, Copy: k.CopyExternalID, Cancel: k.Back, Others: k.Others}
}

// Transcript is the transcript's keys: scrolling, retrying a page, and
// searching within it. The search takes the program's keys in the
// transcript's sense: the input's key (/) searches the history instead,
// next and previous (n, p) move between matches while a search is on, and
// back (esc) clears the search before it leaves the transcript.
type Transcript struct {
	Scroll  Scroll
	Refresh key.Binding
	Search  key.Binding // start typing a search
	Find    key.Binding // end the typing, keeping the matches
	NextHit key.Binding // the next match, while a search is on
	PrevHit key.Binding // the previous match
	Clear   key.Binding // drop the search
}

// ForTranscript is the transcript's keys.
func (k Map) ForTranscript() Transcript {
	return Transcript{Scroll: k.ForScroll(), Refresh: k.Refresh,
		Search: As(k.FocusInput, "search the transcript"), Find: As(k.Lookup, "find"),
		NextHit: As(k.Next, "next match"), PrevHit: As(k.Prev, "previous match"), Clear: As(k.Back, "clear the search")}
}

// Menu is a list overlay's keys (the copy menu, the search picker): move,
// choose, close. Toggle is the key that opened it, which closes it again.
type Menu struct {
	Up, Down, Choose, Close, Toggle key.Binding
}

// Step moves a menu's cursor at among n entries on Up or Down, going
// round at either end, and reports whether msg was one of them.
func (m Menu) Step(msg fmt.Stringer, at, n int) (int, bool) {
	switch {
	case n == 0:
		return at, false
	case key.Matches(msg, m.Up):
		return (at + n - 1) % n, true
	case key.Matches(msg, m.Down):
		return (at + 1) % n, true
	}
	return at, false
}

// Window is the entries [first, last) of n that a menu shows in rows
// lines: the cursor at kept in the middle where it can be, the last page
// full.
func (Menu) Window(at, n, rows int) (first, last int) {
	first = min(max(at-rows/2, 0), max(n-rows, 0))
	return first, min(first+rows, n)
}

// Digit is the entry of n that a digit key picks, in a menu numbered from
// base (1: "1" is the first entry; 0: "0" is), and whether msg was such a
// digit. Digits are data, not bindings: the numbers are shown beside the
// entries, so they cannot be remapped.
func Digit(msg tea.KeyMsg, base, n int) (int, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 {
		return 0, false
	}
	i := int(msg.Runes[0]-'0') - base
	if msg.Runes[0] < '0' || msg.Runes[0] > '9' || i < 0 || i >= n {
		return 0, false
	}
	return i, true
}

// ShortHelp is a menu's keys, for its one-line help.
func (m Menu) ShortHelp() []key.Binding { return []key.Binding{m.Choose, m.Up, m.Down, m.Close} }

// ForCopyMenu is the copy menu's keys.
func (k Map) ForCopyMenu() Menu {
	return Menu{Up: k.Up, Down: k.Down, Choose: As(k.Lookup, "copy"), Close: As(k.Back, "close"), Toggle: k.CopyMenu}
}

// ForFilterPicker is the filter picker's keys; its Toggle is the key of
// the filter it shows, which the queue sets when it opens one.
func (k Map) ForFilterPicker() Menu {
	return Menu{Up: k.Up, Down: k.Down, Choose: As(k.Lookup, "set filter"), Close: As(k.Back, "close")}
}

// ForPicker is the search picker's keys.
func (k Map) ForPicker() Menu {
	return Menu{Up: k.Up, Down: k.Down, Choose: As(k.Lookup, "open"), Close: As(k.Back, "close")}
}

// Bar is the lookup bar's keys while the input has focus: there printable
// keys type, so only these act.
type Bar struct {
	Submit, Recent, Older, Newer, Leave, Back, ForceQuit key.Binding
}

// ForBar is the lookup bar's keys.
func (k Map) ForBar() Bar {
	recent := k.Up
	recent.SetHelp(Typed(k.Up)+"/"+Typed(k.Down), "recent sessions")
	return Bar{Submit: k.Lookup, Recent: recent, Older: k.Up, Newer: k.Down, Leave: k.SwitchFocus, Back: k.Back, ForceQuit: k.ForceQuit}
}

// HelpOverlay is the full help's keys: each of Close closes it; Scroll
// moves it where it is longer than the screen.
type HelpOverlay struct {
	Close  []key.Binding
	Scroll Scroll
}

// ForHelp is the full help's keys.
func (k Map) ForHelp() HelpOverlay {
	return HelpOverlay{Close: []key.Binding{k.Back, k.Help, k.Quit}, Scroll: k.ForScroll()}
}

// StatusLine is the status line's key: the one that cancels what it shows.
type StatusLine struct {
	Cancel key.Binding
}

// ForStatusLine is the status line's keys.
func (k Map) ForStatusLine() StatusLine { return StatusLine{Cancel: As(k.Back, "cancels")} }

// Raw is the raw JSON overlay's keys: scrolling, and closing (esc, or the
// key that opened it).
type Raw struct {
	Scroll        Scroll
	Close, Toggle key.Binding
}

// ForRaw is the raw JSON overlay's keys.
func (k Map) ForRaw() Raw {
	return Raw{Scroll: k.ForScroll(), Close: As(k.Back, "back"), Toggle: k.RawJSON}
}

// Share is the keys that send a session out of cxi: copy its values, open
// its dashboard page.
type Share struct {
	CopyExternalID, CopySessionID, CopyMenu, OpenBrowser key.Binding
}

// ForShare is those keys.
func (k Map) ForShare() Share {
	return Share{CopyExternalID: k.CopyExternalID, CopySessionID: k.CopySessionID, CopyMenu: k.CopyMenu, OpenBrowser: k.OpenBrowser}
}

// NoteEditor is the note editor's keys: saving and leaving without saving
// (every other key types).
type NoteEditor struct {
	Save, Cancel key.Binding
}

// ForNoteEditor is the note editor's keys.
func (k Map) ForNoteEditor() NoteEditor {
	return NoteEditor{Save: bind("ctrl+s", "save note", "ctrl+s"), Cancel: As(k.Back, "leave unsaved")}
}

// StatusMenu is the status menu's keys: a status by its number, the two
// options, doing it and leaving.
type StatusMenu struct {
	Helpdesk, Summary, Confirm, Close key.Binding
}

// Redaction is the redaction's confirmation's keys: sending it, moving
// between the typed word and the reason, and leaving.
type Redaction struct {
	Confirm, Field, Close key.Binding
}

// ForRedaction is the redaction's keys; Field is the key that moves the
// focus elsewhere too (tab).
func (k Map) ForRedaction() Redaction {
	return Redaction{Confirm: As(k.Lookup, "do it"), Field: As(k.SwitchFocus, "word ⇄ reason"), Close: As(k.Back, "cancel")}
}

// ForStatusMenu is the status menu's keys.
func (k Map) ForStatusMenu() StatusMenu {
	return StatusMenu{
		Helpdesk: bind("h", "also in the helpdesk", "h"),
		Summary:  bind("g", "generate summary & sentiment", "g"),
		Confirm:  As(k.Lookup, "do it"),
		Close:    As(k.Back, "cancel"),
	}
}

// Tabs is the saved views' keys: the tab to the left or right, and saving
// the filters in force to a view. Each view's own key is the config's, not
// the key map's.
type Tabs struct {
	Next, Prev, Save key.Binding
}

// ForTabs is the tabs' keys.
func (k Map) ForTabs() Tabs { return Tabs{Next: k.NextView, Prev: k.PrevView, Save: k.SaveView} }
