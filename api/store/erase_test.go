package store

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/packed"
)

// Words no other text of these tests holds, and that the index's porter
// stemmer keeps as they are: what a grep of the file looks for.
const (
	secretWord = "zqxjvortex"       // in the message redacted
	cardNumber = "4111111111111111" // typed in the same message
	keptWord   = "plumbusly"        // in another message of the same transcript
)

// onDisk counts word in the store's files as they lie on disk: the
// database, its write-ahead log and the log's index, as bytes and inside
// every packed session body they hold (see inPacked).
func onDisk(t testing.TB, path, word string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(b, []byte(word)); n > 0 {
			out["file"+suffix] = n
		}
		if n := inPacked(b, []byte(word)); n > 0 {
			out["packed in file"+suffix] = n
		}
	}
	return out
}

// inPacked counts word in the packed session bodies (api/packed) that b
// holds: deflated, their text is not in the bytes a grep reads. Every
// place a packed body can start (its marker byte) is tried, so a body in
// a freed page or in the write-ahead log counts as one in a live row
// does: where it lies is not known without SQLite's view of the pages.
func inPacked(b, word []byte) int {
	n := 0
	for i := range b {
		if !packed.Packed(b[i:]) {
			continue
		}
		if body, err := packed.Unpack(b[i:]); err == nil {
			n += bytes.Count(body, word)
		}
	}
	return n
}

// TestOnDiskLooksIntoPackedBodies: the erase tests' grep finds a word in
// a session body that is kept packed, where the bytes alone do not show it.
func TestOnDiskLooksIntoPackedBodies(t *testing.T) {
	s := fresh(t)
	body := []byte(`{"id":"` + id(1) + `","status":"open","channel":{"type":"web"},"handoff":{"summary":"card ` + cardNumber +
		` and the code word ` + secretWord + `, said twice: ` + secretWord + `"},"created_at":"2026-03-11T13:00:00Z","updated_at":"2026-03-11T14:00:00Z"}`)
	sess := session(id(1), 0)
	sess.Raw = body
	save(t, s, t0, sess)
	var kept []byte
	mustDo(t, s.db.QueryRow("SELECT raw FROM sessions").Scan(&kept))
	if !packed.Packed(kept) || bytes.Contains(kept, []byte(secretWord)) {
		t.Fatalf("the body is not kept packed, so this proves nothing: %q", kept)
	}
	if n := onDisk(t, s.Path(), secretWord); n["packed in file"]+n["packed in file-wal"] < 2 {
		t.Errorf("the packed body's word was not found: %v", n)
	}
}

// indexed reports whether the search index holds term, through FTS5's own
// view of its terms (which a tombstoned document still shows in).
func indexed(t testing.TB, s *Store, term string) bool {
	t.Helper()
	if _, err := s.db.Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, search, row)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM temp.terms WHERE term = ?", term).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// chat is a transcript of three messages: the one to redact (m2) between
// two that stay.
func chat(n int) []api.Event {
	return []api.Event{
		{ID: fmt.Sprintf("m1-%d", n), Type: "message", SenderType: "contact", Text: "hello, order " + fmt.Sprint(n) + " " + keptWord},
		{ID: fmt.Sprintf("m2-%d", n), Type: "message", SenderType: "contact", Text: "my card is " + cardNumber + " and the code word " + secretWord,
			Attachments: []api.Attachment{{ID: "a1", Name: secretWord + ".png"}}},
		{ID: fmt.Sprintf("m3-%d", n), Type: "message", SenderType: "ai", Text: "thanks, noted"},
	}
}

// kept is a store whose session 7 has the secret in its transcript, among
// twenty sessions with transcripts of their own, each saved in its own
// write as the transcript view does, so that the index is made of several
// segments and the file has had pages freed and reused.
func kept(t *testing.T) *Store {
	t.Helper()
	s := fresh(t)
	for i := 1; i <= 20; i++ {
		save(t, s, t0, session(id(i), 0))
		events := chat(i)
		if i != 7 {
			events[1].Text, events[1].Attachments = "nothing to hide "+fmt.Sprint(i), nil
		}
		mustDo(t, s.SaveHistory(ctx, id(i), events, true, t0))
	}
	for _, w := range []string{secretWord, cardNumber} {
		if len(onDisk(t, s.Path(), w)) == 0 || !indexed(t, s, w) {
			t.Fatalf("before: %q is not on disk or not indexed, so its absence later would prove nothing", w)
		}
	}
	return s
}

// TestEraseRedactedSession: after a session's redaction the store holds
// none of its messages' text, in any file: not the kept transcript, not
// the search index, not a freed page, not the write-ahead log.
func TestEraseRedactedSession(t *testing.T) {
	s := kept(t)
	mustDo(t, s.EraseRedacted(ctx, strings.ToUpper(id(7)), ""))
	for _, w := range []string{secretWord, cardNumber, keptWord + " 7"} {
		if n := onDisk(t, s.Path(), w); len(n) > 0 {
			t.Errorf("%q is still on disk: %v", w, n)
		}
	}
	for _, w := range []string{secretWord, cardNumber} {
		if indexed(t, s, w) {
			t.Errorf("%q is still in the search index", w)
		}
	}
	if _, _, _, ok, err := s.History(ctx, id(7)); ok || err != nil {
		t.Errorf("the redacted transcript is kept: %v %v", ok, err)
	}
	// The session and the other transcripts stay, and can be searched.
	if _, ok, err := sessionOK(s, id(7)); !ok || err != nil {
		t.Errorf("the session itself is gone: %v", err)
	}
	if found, err := s.Search(ctx, keptWord); err != nil || len(found) != 19 {
		t.Errorf("the other transcripts: %d found, %v", len(found), err)
	}
}

// TestEraseRedactedMessage: a message's redaction erases that message's
// text and attachments only; the rest of its transcript stays, searchable.
func TestEraseRedactedMessage(t *testing.T) {
	s := kept(t)
	mustDo(t, s.EraseRedacted(ctx, id(7), "m2-7"))
	for _, w := range []string{secretWord, cardNumber} {
		if n := onDisk(t, s.Path(), w); len(n) > 0 {
			t.Errorf("%q is still on disk: %v", w, n)
		}
		if indexed(t, s, w) {
			t.Errorf("%q is still in the search index", w)
		}
	}
	events, _, complete, ok, err := s.History(ctx, id(7))
	if !ok || err != nil || !complete || len(events) != 3 {
		t.Fatalf("the transcript: %d events, complete %v, ok %v, %v", len(events), complete, ok, err)
	}
	want := chat(7)
	want[1].Text, want[1].Attachments = RedactedText, nil
	for i := range want {
		if events[i].ID != want[i].ID || events[i].Text != want[i].Text || len(events[i].Attachments) != len(want[i].Attachments) {
			t.Errorf("event %d: %+v, want %+v", i, events[i], want[i])
		}
	}
	if found, err := s.Search(ctx, keptWord); err != nil || len(found) != 20 {
		t.Errorf("the transcript's other messages: %d found, %v", len(found), err)
	}
}

// TestEraseRedactedMessageOfAnotherSession: `cxi redact --message` names
// a message of another session than the one given; the API redacts it
// anyway, and so does the store, wherever it keeps it.
func TestEraseRedactedMessageOfAnotherSession(t *testing.T) {
	s := kept(t)
	mustDo(t, s.EraseRedacted(ctx, id(3), "m2-7"))
	if n := onDisk(t, s.Path(), secretWord); len(n) > 0 {
		t.Errorf("still on disk: %v", n)
	}
	if events, _, _, _, _ := s.History(ctx, id(3)); len(events) != 3 || events[1].Text == RedactedText {
		t.Errorf("session 3's transcript changed: %+v", events)
	}
}

// TestEraseRedactedWithNothingKept: nothing to erase is no error, and a
// nil store erases nothing.
func TestEraseRedactedWithNothingKept(t *testing.T) {
	s := fresh(t)
	mustDo(t, s.EraseRedacted(ctx, id(1), ""))
	mustDo(t, s.EraseRedacted(ctx, id(1), "m9"))
	var none *Store
	mustDo(t, none.EraseRedacted(ctx, id(1), ""))
}

// TestClearLeavesNoTextOnDisk: `cxi store clear` leaves nothing of what it
// cleared in the files: the search index's terms went with the rows.
func TestClearLeavesNoTextOnDisk(t *testing.T) {
	s := kept(t)
	save(t, s, t0, session(id(30), 0, withHandoff("customer typed "+cardNumber+" again")))
	mustDo(t, s.SetNote(ctx, id(7), "note about "+secretWord, t0))
	mustDo(t, s.Clear(ctx))
	for _, w := range []string{secretWord, cardNumber, keptWord} {
		if n := onDisk(t, s.Path(), w); len(n) > 0 {
			t.Errorf("%q is still on disk after clear: %v", w, n)
		}
		if indexed(t, s, w) {
			t.Errorf("%q is still in the search index after clear", w)
		}
	}
	// The store works on.
	save(t, s, t0, session(id(1), 0, withHandoff("fresh start")))
	if found, err := s.Search(ctx, "fresh"); err != nil || len(found) != 1 {
		t.Errorf("after clear: %d found, %v", len(found), err)
	}
}

// TestRedactionMayHaveHappened: the store erases unless the API said it
// did not redact; an answer that does not say, or no answer, may have.
func TestRedactionMayHaveHappened(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		may  bool
	}{
		{"done", nil, true},
		{"not known", &api.Error{Kind: api.KindDecode, Err: api.ErrRedactionUnknown}, true},
		{"no answer", &api.Error{Kind: api.KindTimeout}, true},
		{"dropped", &api.Error{Kind: api.KindDropped}, true},
		{"server error", &api.Error{Kind: api.KindServer, Status: http.StatusBadGateway}, true},
		{"success false", &api.Error{Err: api.ErrNotRedacted}, false},
		{"not found", &api.Error{Kind: api.KindNotFound, Status: http.StatusNotFound}, false},
		{"forbidden", &api.Error{Kind: api.KindForbidden, Status: http.StatusForbidden}, false},
		{"rate limited", &api.Error{Kind: api.KindRateLimited, Status: http.StatusTooManyRequests}, false},
	} {
		if got := RedactionMayHaveHappened(tt.err); got != tt.may {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.may)
		}
	}
}
