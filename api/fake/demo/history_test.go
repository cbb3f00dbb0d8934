package demo

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// TestHistoryOfEverySession checks every listed session's history (demo
// and generated): each event exactly once (by its UUID, or in a history
// without event IDs by its time, type, sender and text, which must then
// tell every event apart), oldest first, within the session's
// created_at..updated_at. The demo sessions and every eighth
// generated one are paged through over HTTP; the rest are read straight from
// the transcript, which keeps the test fast under -race.
func TestHistoryOfEverySession(t *testing.T) {
	t.Parallel()
	cat := Catalog()
	s := probe.Server(cat, fake.WithoutFaults())
	demo := map[string]bool{}
	for _, d := range Sessions() {
		demo[d.ID] = true
	}
	type brief struct {
		id                  string
		at                  time.Time
		kind, sender, ctype string
		text                string
	}
	long, withoutIDs := 0, 0
	for n, id := range s.SessionIDs() {
		body := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.Bytes()
		e := newEntry(id, body)
		var events []brief
		if demo[id] || n%8 == 0 {
			for _, ev := range probe.History(t, s, id) {
				events = append(events, brief{ev.ID, ev.CreatedAt, ev.Event.Type, ev.Event.Sender.Type, ev.Event.Content.Type, ev.Event.Content.Text})
			}
			if n := len(cat.History(id, body)); n != len(events) {
				t.Errorf("%s: the transcript has %d events, paging gave %d", id, n, len(events))
			}
		} else {
			for _, ev := range transcriptFor(e) {
				at, _ := time.Parse(time.RFC3339, ev.CreatedAt)
				events = append(events, brief{ev.ID, at, ev.Event.Type, ev.Event.Sender.Type, ev.Event.Content.Type, ev.Event.Content.Text})
			}
		}
		if len(events) < 4 {
			t.Errorf("%s: %d events, want at least 4", id, len(events))
		}
		if len(events) > 2*fake.DefaultHistoryPageSize {
			long++
		}
		bare := withoutEventIDs(id)
		if bare && !demo[id] {
			withoutIDs++
		}
		seen := map[string]bool{}
		for i, ev := range events {
			key := ev.id
			switch {
			case bare && ev.id != "":
				t.Errorf("%s: event %d has id %q in a history without event IDs", id, i, ev.id)
			case bare:
				key = fmt.Sprintf("%v %q %q %q", ev.at, ev.kind, ev.sender, ev.text)
			case !uuidPattern.MatchString(ev.id):
				t.Errorf("%s: event %d id %q is not a UUID", id, i, ev.id)
			}
			if seen[key] {
				t.Errorf("%s: event %d repeats %s", id, i, key)
			}
			seen[key] = true
			if i > 0 && ev.at.Before(events[i-1].at) {
				t.Errorf("%s: event %d at %v, before event %d", id, i, ev.at, i-1)
			}
			if ev.at.Before(e.created) || ev.at.After(e.updated) {
				t.Errorf("%s: event %d at %v, outside %v..%v", id, i, ev.at, e.created, e.updated)
			}
			if ev.kind == "" || ev.sender == "" || ev.ctype == "" {
				t.Errorf("%s: event %d lacks a type: %+v", id, i, ev)
			}
		}
	}
	if long < 3 {
		t.Errorf("%d sessions have a long history (over two pages); want a few", long)
	}
	if withoutIDs < DefaultGenerated/20 || withoutIDs > DefaultGenerated/4 {
		t.Errorf("%d of %d generated histories come without event IDs; want about one in eight", withoutIDs, DefaultGenerated)
	}
}

// TestStarHistory: the star's transcript tells its story.
func TestStarHistory(t *testing.T) {
	events := probe.History(t, newTestServer(), IDAngryHandoff)
	fixture := decodedFixtures(t)[0]
	summary := object(fixture["handoff"])["summary"].(string)

	var handoff, joined, note, agent, attachments int
	text := map[string]string{}
	for _, ev := range events {
		text[ev.Event.Sender.Type] += ev.Event.Content.Text + "\n"
		switch {
		case ev.Event.Type == "handoff":
			handoff++
			if ev.Event.Content.Text != summary {
				t.Error("the handoff event does not carry the session's summary")
			}
		case ev.Event.Type == "note":
			note++
		case ev.Event.Sender.Type == "agent":
			agent++
		case strings.Contains(ev.Event.Content.Text, "Marcus Oyelaran joined"):
			joined++
		}
		attachments += len(ev.Event.Attachments)
	}
	if handoff != 1 || joined != 1 || note < 1 || agent < 1 || attachments < 2 {
		t.Errorf("handoff %d, agent joined %d, notes %d, agent messages %d, attachments %d", handoff, joined, note, agent, attachments)
	}
	for who, words := range map[string][]string{
		"contact": {"TWICE", "chairs", "chargeback", "real human"},
		"ai":      {"duplicate", "$119.00", "voucher", "handing this conversation"},
		"agent":   {"Marcus", "refunding the duplicate"},
	} {
		for _, w := range words {
			if !strings.Contains(text[who], w) {
				t.Errorf("no %s message mentions %q", who, w)
			}
		}
	}
	if events[len(events)-1].Event.Sender.Type != "agent" {
		t.Error("the star's history should end with the human agent taking over")
	}
}

// TestDemoHistoryKinds: across the demo sessions, the history shows every
// kind of event the transcript view has to draw.
func TestDemoHistoryKinds(t *testing.T) {
	s := newTestServer(fake.WithoutFaults())
	kinds := map[string]bool{}
	var longest int
	for _, d := range Sessions() {
		for _, ev := range probe.History(t, s, d.ID) {
			e := ev.Event
			kinds["type:"+e.Type] = true
			kinds["sender:"+e.Sender.Type] = true
			kinds["content:"+e.Content.Type] = true
			if len(e.Attachments) > 0 {
				kinds["attachments"] = true
				for _, a := range e.Attachments {
					kinds["mime:"+a.Type] = true
					if a.ID == "" || a.Name == "" || a.Size <= 0 || !strings.HasPrefix(a.URL, "https://") {
						t.Errorf("%s: incomplete attachment %+v", d.ID, a)
					}
				}
			}
			if e.Context != nil {
				kinds["context"] = true
			}
			if e.Type == "survey_response" && (e.Content.Type != "rating" || e.Content.Score < 1) {
				t.Errorf("%s: survey response %+v", d.ID, e.Content)
			}
			if e.Type == "status_change" && !strings.Contains(e.Content.Text, " → ") {
				t.Errorf("%s: status change %q", d.ID, e.Content.Text)
			}
			longest = max(longest, utf8.RuneCountInString(e.Content.Text))
		}
	}
	for _, k := range []string{
		"type:message", "type:handoff", "type:status_change", "type:note", "type:survey_response",
		"sender:contact", "sender:ai", "sender:agent", "sender:system",
		"content:text", "content:rating", "attachments", "mime:image/png", "mime:application/pdf", "context",
	} {
		if !kinds[k] {
			t.Errorf("no demo history shows %s", k)
		}
	}
	if longest <= 1500 {
		t.Errorf("longest demo message is %d characters; want one over 1500", longest)
	}
}

func TestHostileHistory(t *testing.T) {
	var texts, names strings.Builder
	for _, ev := range probe.History(t, newTestServer(), IDHostile) {
		texts.WriteString(ev.Event.Content.Text)
		names.WriteString(ev.Event.Sender.Name)
		for _, a := range ev.Event.Attachments {
			names.WriteString(a.Name)
		}
	}
	for place, s := range map[string]string{"message text": texts.String(), "sender and file names": names.String()} {
		for name, seq := range map[string]string{
			"CSI": "\x1b[", "OSC 52": "\x1b]52;c;", "bidi RLO": "\u202e", "BEL": "\a",
		} {
			if !strings.Contains(s, seq) {
				t.Errorf("%s: no %s", place, name)
			}
		}
	}
	for name, seq := range map[string]string{"NUL": "\x00", "C1 CSI": "\u009b", "DEL": "\x7f", "OSC 0": "\x1b]0;", "OSC 8": "\x1b]8;;", "CR": "\r"} {
		if !strings.Contains(texts.String(), seq) {
			t.Errorf("message text: no %s", name)
		}
	}
}
