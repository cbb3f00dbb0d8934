package write

import (
	"context"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	tui "github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// TestLogSaysARedactionAsARedaction: cxi log shows a redaction as what it
// redacted, never as a status change "open → open" — the TUI's own
// (recorded through change.Redact, as cxi redact's), and one the TUI
// recorded before, with the session's status as before and after — and a
// status in the words cxi uses everywhere; --json keeps the API's words.
func TestLogSaysARedactionAsARedaction(t *testing.T) {
	w := newWorld(t)
	st, _, err := store.Open(w.storeOptions())
	if err != nil {
		t.Fatal(err)
	}
	c, err := api.New(w.url, testKey)
	if err != nil {
		t.Fatal(err)
	}
	m := tui.New(tuiCtx(), c, common.WriteSettings{Audit: st})
	menu, _ := m.RedactMenu(&api.Session{ID: idOpen, Status: api.StatusOpen}, nil)
	_, send := keytest.Press(t, menu, "redact", "enter")
	if msgs := keytest.Run(send); len(msgs) != 2 { // the answer, then the note that it left (actions.Model.Pending)
		t.Fatalf("the TUI's redaction answered %+v", msgs)
	} else if msg, ok := msgs[0].(tui.RedactedMsg); !ok || msg.Err != nil || msg.Unlogged != nil {
		t.Fatalf("the TUI's redaction: %+v", msgs[0])
	}
	old := store.AuditEntry{At: t0, SessionID: idOpen, Action: store.ActionRedact, Before: api.StatusOpen, After: api.StatusOpen, Source: store.SourceTUI, Outcome: "ok"}
	status := store.AuditEntry{At: t0, SessionID: idOpen, Action: store.ActionClose, Before: api.StatusOpen, After: api.StatusClosedUnresolved, Source: store.SourceTUI, Outcome: "ok"}
	for _, e := range []store.AuditEntry{old, status} {
		if err := st.Audit(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	out, _, code := w.log()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || strings.Contains(out, "open → open") || strings.Contains(out, "closed_unresolved") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, l := range lines[:2] {
		if !strings.Contains(l, "  redact  every message  ") {
			t.Errorf("a redaction reads %q", l)
		}
	}
	if !strings.Contains(lines[2], "  close   open → unresolved  ok  (tui)") {
		t.Errorf("a status change reads %q", lines[2])
	}
	if out, _, _ := w.log("--json"); !strings.Contains(out, `"after":"closed_unresolved"`) {
		t.Errorf("--json:\n%s", out)
	}
}
