package queue

import "github.com/opencx-tools/cxi/ui/keys"

// EnableKeys turns on, in k, the program's keys that act in the queue as
// it is now (see the function EnableKeys).
func (m Model) EnableKeys(k *keys.Map) {
	EnableKeys(k, m.Selected() != nil, m.HasSelection() || m.text != "")
}

// EnableKeys turns on the keys that act in a queue: the session keys and
// redaction on the row under the cursor (selected), the filters, the
// ordering, selecting, opening and refreshing, the preview, and esc while
// there is something for it to clear (the text filter first, then the
// rows picked).
func EnableKeys(k *keys.Map, selected, clearable bool) {
	keys.Turn(selected, append(k.SessionKeys(), &k.Redact)...) // X: the one session selected or under the cursor
	keys.Turn(true, &k.Lookup, &k.Status, &k.HandedOff, &k.Channel, &k.Window, &k.Team, &k.Reason, &k.Flagged, &k.Changed, &k.Attention, &k.AutoRefresh, &k.Select,
		&k.Refresh, &k.NextToReview, &k.Undo, &k.ResetFilters, &k.Preview, &k.SelectRange, &k.SelectAll,
		&k.NextView, &k.PrevView, &k.SaveView) // the tabs above the queue: the root's, shown with it
	keys.Turn(clearable, &k.Back)
}
