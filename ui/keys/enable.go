package keys

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// Where is what decides which keys act: the view in focus and what is in
// it.
type Where struct {
	Queue, Detail, Transcript bool
	Shown                     bool // a session is in the detail pane (and its transcript)
	Selected                  bool // the queue has a row under the cursor
	CanRefresh                bool // the pane has a session to fetch again
	Busy                      bool // a lookup is under way, or the input has focus: esc acts
	ReadOnly                  bool // writes are refused: the action keys say so in the help
}

// Enable turns on the bindings that can act where, and off the others, so
// that the help never lists a key that does nothing.
func (k *Map) Enable(w Where) {
	session := (w.Detail && w.Shown) || (w.Transcript && w.Shown) || (w.Queue && w.Selected)
	for _, b := range []*key.Binding{&k.CopyExternalID, &k.CopySessionID, &k.CopyMenu, &k.OpenBrowser, &k.Review, &k.Note, &k.SetStatus} {
		b.SetEnabled(session)
	}
	k.Redact.SetEnabled((w.Detail || w.Transcript) && w.Shown)
	for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Transcript, &k.RawJSON} {
		b.SetEnabled(w.Detail && w.Shown)
	}
	for _, b := range []*key.Binding{&k.Lookup, &k.Status, &k.HandedOff, &k.Channel, &k.Window, &k.Team, &k.Changed, &k.Attention, &k.AutoRefresh, &k.Select} {
		b.SetEnabled(w.Queue)
	}
	k.Refresh.SetEnabled(w.Queue || (w.Detail && w.CanRefresh) || w.Transcript)
	k.NextToReview.SetEnabled(!w.Transcript)
	k.Undo.SetEnabled(!w.Transcript)
	k.Back.SetEnabled(!w.Queue || w.Busy)
	for _, b := range []*key.Binding{&k.SetStatus, &k.Redact, &k.Undo} {
		desc := strings.TrimSuffix(b.Help().Desc, readOnlyMark)
		if w.ReadOnly {
			desc += readOnlyMark
		}
		b.SetHelp(b.Help().Key, desc)
	}
}

// readOnlyMark follows an action key's help when writes are refused: the
// key stays listed, so the user learns why it does nothing.
const readOnlyMark = " (read-only)"
