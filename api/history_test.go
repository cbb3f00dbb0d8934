package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestHistoryNullsDecode: the contract makes every part of a history item
// optional and nullable (HistoryItem, HistoryEvent, HistoryAttachment; the
// newer reference page shows items without id). Each such item decodes as
// an event, none is skipped, and an absent, null or empty id is no ID.
func TestHistoryNullsDecode(t *testing.T) {
	body := `{"items":[
		{"created_at":"2026-11-25T10:00:00Z","event":{"type":"message","sender":{"type":"contact","name":"Ana"},"content":{"type":"text","text":"no id at all"}}},
		{"id":null,"created_at":"2026-11-25T10:01:00Z","event":{"type":"message","sender":{"type":"ai"},"content":{"type":"text","text":"null id"}}},
		{"id":"","created_at":"2026-11-25T10:02:00Z","event":{"type":"message","sender":{"type":"ai"},"content":{"type":"text","text":"empty id"}}},
		{"id":"e4","created_at":null,"event":null},
		{"id":"e5"},
		{"id":"e6","created_at":"2026-11-25T10:05:00Z","event":{"type":null,"sender":null,"content":null,"attachments":null,"context":null}},
		{"id":"e7","created_at":"2026-11-25T10:06:00Z","event":{"type":"message","sender":{"type":null,"name":null},"content":{"type":null,"text":null}}},
		{"id":"e8","created_at":"2026-11-25T10:07:00Z","event":{"type":"message","sender":{},"content":{},
			"attachments":[{"id":null,"name":null,"size":null,"type":null,"url":null},{"name":"a.pdf","size":12.5}],"context":{}}},
		{}
	],"next":null}`
	srv := serve(t, respond(http.StatusOK, "application/json", body))
	page, err := newClient(t, srv.URL).History(context.Background(), testID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Skipped) != 0 || len(page.Items) != 9 {
		t.Fatalf("%d events, %d skipped (%+v); want 9 and none", len(page.Items), len(page.Skipped), page.Skipped)
	}
	want := []struct {
		id, created, typ, sender, name, text string
	}{
		{"", "2026-11-25T10:00:00Z", "message", "contact", "Ana", "no id at all"},
		{"", "2026-11-25T10:01:00Z", "message", "ai", "", "null id"},
		{"", "2026-11-25T10:02:00Z", "message", "ai", "", "empty id"},
		{"e4", "", "", "", "", ""},
		{"e5", "", "", "", "", ""},
		{"e6", "2026-11-25T10:05:00Z", "", "", "", ""},
		{"e7", "2026-11-25T10:06:00Z", "message", "", "", ""},
		{"e8", "2026-11-25T10:07:00Z", "message", "", "", ""},
		{"", "", "", "", "", ""},
	}
	for i, w := range want {
		e := page.Items[i]
		if e.ID != w.id || e.CreatedAt.Raw != w.created || e.Type != w.typ || e.SenderType != w.sender || e.SenderName != w.name || e.Text != w.text {
			t.Errorf("event %d = %+v, want %+v", i, e, w)
		}
		if e.HasID() != (w.id != "") {
			t.Errorf("event %d: HasID() = %v with id %q", i, e.HasID(), e.ID)
		}
	}
	if a := page.Items[7].Attachments; len(a) != 2 || a[0] != (api.Attachment{}) || a[1].Name != "a.pdf" || a[1].Size != 12.5 {
		t.Errorf("attachments = %+v", a)
	}
	if page.Next != "" {
		t.Errorf("next = %q, want none for null", page.Next)
	}
}

// TestHistoryItemOutsideTheContractIsSkipped: what the contract refuses
// (an id that is a number, an event that is a string) skips that item
// alone, with its position, and keeps the rest of the page.
func TestHistoryItemOutsideTheContractIsSkipped(t *testing.T) {
	body := `{"items":[{"id":7},{"event":"message"},{"created_at":"2026-11-25T10:00:00Z","event":{"type":"message","content":{"text":"kept"}}}],"next":"c2"}`
	srv := serve(t, respond(http.StatusOK, "application/json", body))
	page, err := newClient(t, srv.URL).History(context.Background(), testID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].Text != "kept" || page.Next != "c2" {
		t.Fatalf("items %+v, next %q", page.Items, page.Next)
	}
	if len(page.Skipped) != 2 || page.Skipped[0].Index != 0 || page.Skipped[1].Index != 1 || page.Skipped[0].Reason == "" {
		t.Errorf("skipped = %+v; want items 0 and 1, each with a reason", page.Skipped)
	}
}

// TestEventIdentity: with an ID, the ID alone tells events apart; without
// one, their time, type, sender and text do, so that two different
// messages without IDs are two, and the same one sent twice is one.
func TestEventIdentity(t *testing.T) {
	at := api.Timestamp{Raw: "2026-11-25T10:00:00Z"}
	base := api.Event{CreatedAt: at, Type: "message", SenderType: "contact", SenderName: "Ana", Text: "hi"}
	same := base
	for name, tt := range map[string]struct {
		a, b  api.Event
		equal bool
	}{
		"same event, no id":     {base, same, true},
		"other text":            {base, with(base, func(e *api.Event) { e.Text = "hello" }), false},
		"other time":            {base, with(base, func(e *api.Event) { e.CreatedAt.Raw = "2026-11-25T10:00:01Z" }), false},
		"other type":            {base, with(base, func(e *api.Event) { e.Type = "note" }), false},
		"other sender type":     {base, with(base, func(e *api.Event) { e.SenderType = "agent" }), false},
		"other sender name":     {base, with(base, func(e *api.Event) { e.SenderName = "Bo" }), false},
		"same id, other text":   {with(base, func(e *api.Event) { e.ID = "x" }), with(base, func(e *api.Event) { e.ID, e.Text = "x", "edited" }), true},
		"other id, same text":   {with(base, func(e *api.Event) { e.ID = "x" }), with(base, func(e *api.Event) { e.ID = "y" }), false},
		"id and none":           {with(base, func(e *api.Event) { e.ID = "x" }), base, false},
		"fields do not run on":  {with(base, func(e *api.Event) { e.SenderName, e.Text = "Ana hi", "" }), with(base, func(e *api.Event) { e.SenderName, e.Text = "Ana", " hi" }), false},
		"an id that looks like": {with(base, func(e *api.Event) { e.ID = base.Identity() }), base, false},
	} {
		if got := tt.a.Identity() == tt.b.Identity(); got != tt.equal {
			t.Errorf("%s: same identity = %v, want %v (%q, %q)", name, got, tt.equal, tt.a.Identity(), tt.b.Identity())
		}
	}
}

func with(e api.Event, f func(*api.Event)) api.Event {
	f(&e)
	return e
}
