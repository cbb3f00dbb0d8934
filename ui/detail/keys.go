package detail

import "github.com/opencx-tools/cxi/ui/keys"

// EnableKeys turns on, in k, the program's keys that act in the pane as
// it is now (see the function EnableKeys).
func (m Model) EnableKeys(k *keys.Map) {
	EnableKeys(k, m.Shown() != nil, m.CanRefresh())
	keys.Turn(m.HasOthers(), &k.Others)
}

// EnableKeys turns on the keys that act in a detail pane: with a session
// shown, the session keys, redacting, moving to the next and previous and
// opening the transcript or the raw JSON; refresh once a session was asked
// for; and going back, the next to review and undo always.
func EnableKeys(k *keys.Map, shown, canRefresh bool) {
	keys.Turn(shown, k.SessionKeys()...)
	keys.Turn(shown, &k.Redact, &k.Next, &k.Prev, &k.Transcript, &k.RawJSON)
	keys.Turn(canRefresh, &k.Refresh)
	keys.Turn(true, &k.NextToReview, &k.Undo, &k.Back)
}
