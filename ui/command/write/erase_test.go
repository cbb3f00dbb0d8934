package write

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
)

// secret is a word of the message to redact, which no other text holds.
const secret = "zqxjvortex"

// keep fills the world's store as the TUI would have: the sessions, and a
// transcript of each holding the secret (message m-7 of idOpen, m-8 of
// idOther) among messages that stay.
func (w *world) keep() {
	w.t.Helper()
	st, _, err := store.Open(w.storeOptions())
	if err != nil || st == nil {
		w.t.Fatal(err)
	}
	defer st.Close()
	sessions := []api.Session{{ID: idOpen, Status: api.StatusOpen}, {ID: idOther, Status: api.StatusOpen}}
	if err := st.SaveSessions(ctx(), sessions, t0); err != nil {
		w.t.Fatal(err)
	}
	for i, s := range sessions {
		events := []api.Event{
			{ID: "m-1", Type: "message", Text: "hello there, plumbusly"},
			{ID: []string{"m-7", "m-8"}[i], Type: "message", Text: "the code word is " + secret},
		}
		if err := st.SaveHistory(ctx(), s.ID, events, true, t0); err != nil {
			w.t.Fatal(err)
		}
	}
	if w.onDisk(secret) == 0 {
		w.t.Fatal("the secret is not in the store's files before, so its absence would prove nothing")
	}
}

// onDisk counts word in the store's files: the database, its write-ahead
// log and the log's index.
func (w *world) onDisk(word string) int {
	w.t.Helper()
	n := 0
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(store.File(w.storeOptions()) + suffix)
		if err == nil {
			n += bytes.Count(b, []byte(word))
		}
	}
	return n
}

// TestRedactErasesTheStoresCopy: after `cxi redact` the redacted text is
// in none of the store's files; a message's redaction leaves the rest of
// its transcript, and one the API refused leaves the copy as it was.
func TestRedactErasesTheStoresCopy(t *testing.T) {
	w := newWorld(t)
	w.keep()
	w.srv.writeFault[idOpen] = http.StatusForbidden
	if _, _, code := w.run(redactCmd, "--yes", idOpen); code == command.ExitOK {
		t.Fatal("a refused redaction succeeded")
	}
	if w.onDisk(secret) == 0 {
		t.Error("a redaction the API refused erased the store's copy")
	}
	delete(w.srv.writeFault, idOpen)

	if out, errOut, code := w.run(redactCmd, "--yes", "--message", "m-8", idOther); code != command.ExitOK || errOut != "" {
		t.Fatalf("message: exit %d, %q %q", code, out, errOut)
	}
	if out, errOut, code := w.run(redactCmd, "--yes", idOpen); code != command.ExitOK || errOut != "" {
		t.Fatalf("session: exit %d, %q %q", code, out, errOut)
	}
	if n := w.onDisk(secret); n != 0 {
		t.Errorf("the redacted text is still in the store's files %d times", n)
	}
	st, _, err := store.Open(w.storeOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, _, ok, _ := st.History(ctx(), idOpen); ok {
		t.Error("the redacted session's transcript is kept")
	}
	events, _, _, ok, _ := st.History(ctx(), idOther)
	if !ok || len(events) != 2 || events[0].Text != "hello there, plumbusly" || events[1].Text != store.RedactedText {
		t.Errorf("the message's transcript: %+v", events)
	}
	if strings.Contains(events[1].Text, secret) {
		t.Error("the redacted message is kept")
	}
}
