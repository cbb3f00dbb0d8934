package actions

import "github.com/opencx-tools/cxi/ui/keys"

// MarkKeys says in k's help which write keys this run refuses: with
// --read-only, the status menu, redaction and undo are marked so.
func (m Model) MarkKeys(k *keys.Map) {
	keys.MarkReadOnly(m.ReadOnly(), &k.SetStatus, &k.Redact, &k.Undo)
}
