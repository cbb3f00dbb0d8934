package queue

import "github.com/opencx-tools/cxi/ui/keys"

// EnableKeys turns on, in k, the program's keys that act in the queue as
// it is now (see the function EnableKeys).
func (m Model) EnableKeys(k *keys.Map) { EnableKeys(k, m.Selected() != nil, m.HasSelection()) }

// EnableKeys turns on the keys that act in a queue: the session keys and
// redaction on the row under the cursor (selected), the filters, the ordering,
// selecting, opening and refreshing, and esc while rows are picked (it
// clears them).
func EnableKeys(k *keys.Map, selected, picked bool) {
	keys.Turn(selected, append(k.SessionKeys(), &k.Redact)...) // X: the one session selected or under the cursor
	keys.Turn(true, &k.Lookup, &k.Status, &k.HandedOff, &k.Channel, &k.Window, &k.Team, &k.Changed, &k.Attention, &k.AutoRefresh, &k.Select,
		&k.Refresh, &k.NextToReview, &k.Undo, &k.SelectRange, &k.SelectAll)
	keys.Turn(picked, &k.Back)
}
