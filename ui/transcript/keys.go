package transcript

import "github.com/opencx-tools/cxi/ui/keys"

// EnableKeys turns on the keys that act in a transcript: with its
// session shown, the session keys, redacting (the message under the
// cursor), the raw JSON and stepping to the next or previous session's
// transcript; refreshing and going back always. The next to review and
// undo stay off: they act on the queue's and the pane's sessions.
func EnableKeys(k *keys.Map, shown bool) {
	keys.Turn(shown, k.SessionKeys()...)
	keys.Turn(shown, &k.Redact, &k.RawJSON, &k.Next, &k.Prev)
	keys.Turn(true, &k.Refresh, &k.Back)
}
