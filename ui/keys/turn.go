package keys

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// The keys package holds key data only; which keys act is said by the
// views themselves (each view's EnableKeys, soft-serve's components and
// lazygit's GetDisabledReason do the same), so that no list here has to
// know every view.

// ViewKeys are the bindings that act only where a view says they do: the
// root turns them all off, then the view in focus turns its own on, so
// that the help never lists a key that does nothing. The others (quit,
// help, the input's keys, scrolling) act everywhere.
func (k *Map) ViewKeys() []*key.Binding {
	return append(k.SessionKeys(),
		&k.Redact, &k.Next, &k.Prev, &k.Transcript, &k.RawJSON,
		&k.Lookup, &k.Status, &k.HandedOff, &k.Channel, &k.Window, &k.Team, &k.Reason, &k.Others, &k.Flagged, &k.Changed, &k.Attention, &k.AutoRefresh, &k.Select,
		&k.ResetFilters, &k.Preview,
		&k.Refresh, &k.NextToReview, &k.Undo, &k.Back, &k.SelectRange, &k.SelectAll,
		&k.NextView, &k.PrevView, &k.SaveView)
}

// SessionKeys are the bindings that act on one session: wherever a view
// has one in it (the detail pane's, the queue's row under the cursor).
func (k *Map) SessionKeys() []*key.Binding {
	return []*key.Binding{&k.CopyExternalID, &k.CopySessionID, &k.CopyMenu, &k.OpenBrowser, &k.Review, &k.Note, &k.SetStatus, &k.Commands}
}

// Turn turns every binding in bs on, or off.
func Turn(on bool, bs ...*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(on)
	}
}

// MarkReadOnly adds " (read-only)" to the help of bs when writes are
// refused, and takes it off when they are not: the keys stay listed, so
// the user learns why they do nothing.
func MarkReadOnly(readOnly bool, bs ...*key.Binding) {
	for _, b := range bs {
		desc := strings.TrimSuffix(b.Help().Desc, readOnlyMark)
		if readOnly {
			desc += readOnlyMark
		}
		b.SetHelp(b.Help().Key, desc)
	}
}

const readOnlyMark = " (read-only)"
