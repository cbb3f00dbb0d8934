package overlay

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
)

// The choices below are how a view asks for an overlay without importing
// one (views are leaves): it says what to offer and what choosing means;
// the root builds the overlay and pushes it.

// Unknown is the Count of a value whose sessions are not loaded: with the
// status filter on "open", nothing says how many resolved sessions there
// are, and 0 would be a lie.
const Unknown = -1

// Option is one value of a filter.
type Option struct {
	Label string // as shown, sanitized by the owner
	Count int    // loaded sessions with this value, or Unknown
}

// Filter is what a filter picker shows: the filter's name, its values
// ("any" first), the one in force and a line saying what the counts count.
type Filter struct {
	Name    string
	Options []Option
	Current int
	Note    string
}

// FilterChoice asks for a filter picker on Filter. Toggle is the filter's
// own key, which closes the picker again; choosing option i runs Choose(i),
// and nothing else changes a filter.
type FilterChoice struct {
	Filter Filter
	Toggle key.Binding
	Choose func(i int) tea.Cmd
}

// SessionChoice asks for the search picker: several sessions matched, and
// choosing one runs Choose with it.
type SessionChoice struct {
	Title    string
	Sessions []api.Session
	Where    []string // beside each session, where it was found ("API · kept 2h ago"); may be nil
	Choose   func(api.Session) tea.Cmd
}

// CopyChoice asks for the copy menu on Session: its own values, its
// dashboard Link ("" without a template) and the Later entries after them,
// copied with Copier.
type CopyChoice struct {
	Session *api.Session
	Link    string
	Copier  clipboard.Copier
	Later   []LaterCopy
}

// LaterCopy is a copy menu entry whose value is made when it is chosen
// (the handover reads the local store), so that the reading happens in the
// command, not in Update.
type LaterCopy struct {
	What  string
	About string  // what the entry holds, shown in place of the value
	Copy  tea.Cmd // makes the value and copies it, or says why it cannot
}
