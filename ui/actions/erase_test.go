package actions

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// secret is a word of the message to redact, which no other text holds.
const secret = "zqxjvortex"

// keptStore is a store holding the session idAsked and a transcript whose
// message msg-2 holds the secret.
func keptStore(t *testing.T) *store.Store {
	t.Helper()
	st, notices, err := store.Open(store.Options{Dir: filepath.Join(t.TempDir(), "cxi"), Demo: true})
	if err != nil || st == nil || len(notices) > 0 {
		t.Fatalf("store %v, %q, %v", st, notices, err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	at := time.Date(2026, 3, 11, 14, 0, 0, 0, time.UTC)
	if err := st.SaveSessions(ctx, []api.Session{{ID: idAsked, Status: api.StatusOpen}}, at); err != nil {
		t.Fatal(err)
	}
	events := []api.Event{{ID: "msg-1", Text: "hello plumbusly"}, {ID: "msg-2", Text: "the code word is " + secret}}
	if err := st.SaveHistory(ctx, idAsked, events, true, at); err != nil {
		t.Fatal(err)
	}
	if onDisk(t, st) == 0 {
		t.Fatal("the secret is not in the store's files before, so its absence would prove nothing")
	}
	return st
}

// onDisk counts the secret in the store's files: the database, its
// write-ahead log and the log's index.
func onDisk(t *testing.T, st *store.Store) int {
	t.Helper()
	n := 0
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if b, err := os.ReadFile(st.Path() + suffix); err == nil {
			n += bytes.Count(b, []byte(secret))
		}
	}
	return n
}

// TestXErasesTheStoresCopy: after X the redacted text is in none of the
// store's files, for a message (the rest of the transcript stays) and for
// a session; a redaction the API refused erases nothing.
func TestXErasesTheStoresCopy(t *testing.T) {
	s := api.Session{ID: idAsked, Status: api.StatusOpen}
	ctx := context.Background()

	st := keptStore(t)
	refused := &api.Error{Kind: api.KindForbidden, Status: http.StatusForbidden}
	m := New(testCtx(), redactor{err: refused}, common.WriteSettings{Audit: st, Erase: st})
	m.redact(s, &api.Event{ID: "msg-2"}, "")()
	if onDisk(t, st) == 0 {
		t.Error("a redaction the API refused erased the store's copy")
	}

	m = New(testCtx(), redactor{}, common.WriteSettings{Audit: st, Erase: st})
	done := m.redact(s, &api.Event{ID: "msg-2"}, "")().(RedactedMsg)
	if done.Err != nil || done.Kept != nil {
		t.Fatalf("message: %v, %v", done.Err, done.Kept)
	}
	if n := onDisk(t, st); n != 0 {
		t.Errorf("after the message's redaction the secret is in the store's files %d times", n)
	}
	events, _, _, ok, _ := st.History(ctx, idAsked)
	if !ok || len(events) != 2 || events[0].Text != "hello plumbusly" || events[1].Text != store.RedactedText {
		t.Errorf("the transcript after the message's redaction: %+v", events)
	}

	st = keptStore(t)
	m = New(testCtx(), redactor{}, common.WriteSettings{Audit: st, Erase: st})
	if done := m.redact(s, nil, "")().(RedactedMsg); done.Err != nil || done.Kept != nil {
		t.Fatalf("session: %v, %v", done.Err, done.Kept)
	}
	if n := onDisk(t, st); n != 0 {
		t.Errorf("after the session's redaction the secret is in the store's files %d times", n)
	}
}

// failingEraser cannot erase.
type failingEraser struct{}

func (failingEraser) EraseRedacted(context.Context, string, string) error {
	return errors.New("erase the redacted text of 0d322df5 from the local store: disk I/O error")
}

// TestXSaysWhenTheStoreKeptTheText: a redaction the store's copy could not
// follow says so on the status line, as a failure.
func TestXSaysWhenTheStoreKeptTheText(t *testing.T) {
	var log auditLog
	m := New(testCtx(), redactor{}, common.WriteSettings{Audit: &log, Erase: failingEraser{}})
	_, _, cmd := m.Update(m.redact(api.Session{ID: idAsked, Status: api.StatusOpen}, nil, "")().(RedactedMsg))
	notices := keytest.Run(cmd)
	if len(notices) != 1 {
		t.Fatalf("said %+v", notices)
	}
	n := notices[0].(common.NoticeMsg)
	if !n.Bad || !strings.HasPrefix(n.Text, "Redacted 4 messages of 0d322df5") ||
		!strings.Contains(n.Text, "could not erase the local store's copy: erase the redacted text of 0d322df5 from the local store: disk I/O error") {
		t.Errorf("said %+v", n)
	}
}
