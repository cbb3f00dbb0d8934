package transcript

import "github.com/opencx-tools/cxi/ui/keys"

// EnableKeys turns on the keys that act in a transcript: with its
// session shown, the session keys and redacting (the message under the
// cursor); refreshing and going back always. The next to review and undo
// stay off: they act on the queue's and the pane's sessions.
func EnableKeys(k *keys.Map, shown bool) {
	keys.Turn(shown, k.SessionKeys()...)
	keys.Turn(shown, &k.Redact)
	keys.Turn(true, &k.Refresh, &k.Back)
}
