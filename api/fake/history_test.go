package fake

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// historyItem is a history item as the tests read it.
type historyItem struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Event     struct {
		Type   string `json:"type"`
		Sender struct {
			Type string `json:"type"`
			Name string `json:"name"`
		} `json:"sender"`
		Content struct {
			Type  string `json:"type"`
			Text  string `json:"text"`
			Score int    `json:"score"`
		} `json:"content"`
		Attachments []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Size int    `json:"size"`
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"attachments"`
		Context json.RawMessage `json:"context"`
	} `json:"event"`
}

// history pages through a session's history and decodes it.
func history(t *testing.T, s *Server, id string) []historyItem {
	t.Helper()
	raw, _ := walk(t, s, "/chat/sessions/"+id+"/history", nil)
	out := make([]historyItem, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil {
			t.Fatalf("%s: event %d: %v", id, i, err)
		}
	}
	return out
}

// TestHistoryOfEverySession checks every listed session's history (demo
// and generated): each event exactly once, oldest first, within the
// session's created_at..updated_at. The demo sessions and every eighth
// generated one are paged through over HTTP; the rest are read straight from
// the transcript, which keeps the test fast under -race.
func TestHistoryOfEverySession(t *testing.T) {
	t.Parallel()
	s := newTestServer(WithoutFaults())
	demo := map[string]bool{}
	for _, d := range Demo() {
		demo[d.ID] = true
	}
	type brief struct {
		id                  string
		at                  time.Time
		kind, sender, ctype string
	}
	long := 0
	for n, id := range s.SessionIDs() {
		e, _ := s.catalogNow().find(id)
		var events []brief
		if demo[id] || n%8 == 0 {
			for _, ev := range history(t, s, id) {
				events = append(events, brief{ev.ID, ev.CreatedAt, ev.Event.Type, ev.Event.Sender.Type, ev.Event.Content.Type})
			}
			if len(e.events()) != len(events) {
				t.Errorf("%s: the transcript has %d events, paging gave %d", id, len(e.events()), len(events))
			}
		} else {
			for _, ev := range transcriptFor(e) {
				at, _ := time.Parse(time.RFC3339, ev.CreatedAt)
				events = append(events, brief{ev.ID, at, ev.Event.Type, ev.Event.Sender.Type, ev.Event.Content.Type})
			}
		}
		if len(events) < 4 {
			t.Errorf("%s: %d events, want at least 4", id, len(events))
		}
		if len(events) > 2*DefaultHistoryPageSize {
			long++
		}
		seen := map[string]bool{}
		for i, ev := range events {
			if seen[ev.id] || !uuidPattern.MatchString(ev.id) {
				t.Errorf("%s: event %d id %q repeated or not a UUID", id, i, ev.id)
			}
			seen[ev.id] = true
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
}

func TestHistoryPaging(t *testing.T) {
	s := newTestServer(WithHistoryPageSize(7))
	_, sizes := walk(t, s, "/chat/sessions/"+IDAngryHandoff+"/history", nil)
	for i, n := range sizes[:len(sizes)-1] {
		if n != 7 {
			t.Errorf("page %d has %d events, want 7", i+1, n)
		}
	}
	star := history(t, newTestServer(), IDAngryHandoff)
	if len(star) <= 2*DefaultHistoryPageSize {
		t.Errorf("the star has %d events; want a long history of three pages or more", len(star))
	}
	a, _ := walk(t, newTestServer(), "/chat/sessions/"+IDNonLatin+"/history", nil)
	b, _ := walk(t, newTestServer(), "/chat/sessions/"+strings.ToUpper(IDNonLatin)+"/history", nil)
	if len(a) == 0 || len(a) != len(b) || !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[len(a)-1], b[len(b)-1]) {
		t.Error("history differs between two servers, or for an upper-case ID")
	}
}

func TestHistoryErrors(t *testing.T) {
	s := newTestServer(WithHistoryPageSize(2))
	wantResponse(t, get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000/history", DemoKey),
		http.StatusNotFound, jsonContentType, notFoundBody)

	first, _ := getPage(t, s, "/chat/sessions/"+IDMinimal+"/history", nil, "")
	if first.Next == nil {
		t.Fatal("the minimal session's history fits one page of 2")
	}
	for name, path := range map[string]string{
		"garbage":       "/chat/sessions/" + IDMinimal + "/history?cursor=bm90IGEgY3Vyc29y",
		"other session": "/chat/sessions/" + IDAngryHandoff + "/history?cursor=" + url.QueryEscape(*first.Next),
		"list cursor":   "/chat/sessions/" + IDMinimal + "/history?cursor=" + encodeCursor(5, listFilter{}.scope()),
	} {
		w := get(s, path, DemoKey)
		if e := errorBody(t, w.Body.Bytes()); w.Code != http.StatusBadRequest || !strings.HasPrefix(e.Message, "cursor ") {
			t.Errorf("%s: %d %+v, want 400 naming the cursor", name, w.Code, e)
		}
	}
}

// TestStarHistory: the star's transcript tells its story.
func TestStarHistory(t *testing.T) {
	events := history(t, newTestServer(), IDAngryHandoff)
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
	s := newTestServer(WithoutFaults())
	kinds := map[string]bool{}
	var longest int
	for _, d := range Demo() {
		for _, ev := range history(t, s, d.ID) {
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
	for _, ev := range history(t, newTestServer(), IDHostile) {
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

func TestHistoryFault(t *testing.T) {
	s := New(WithHistoryFault(IDMinimal, Fault{Status: http.StatusServiceUnavailable, Body: "down"}))
	if w := get(s, "/chat/sessions/"+IDMinimal+"/history", DemoKey); w.Code != http.StatusServiceUnavailable || w.Body.String() != "down" {
		t.Errorf("history fault: %d %q", w.Code, w.Body)
	}
	if w := get(s, "/chat/sessions/"+strings.ToUpper(IDMinimal)+"/history", DemoKey); w.Code != http.StatusServiceUnavailable {
		t.Errorf("history fault, upper-case ID: %d", w.Code)
	}
	if w := get(s, "/chat/sessions/"+IDMinimal, DemoKey); w.Code != http.StatusOK {
		t.Errorf("session GET under a history fault: %d", w.Code)
	}
	// Session faults are for GET /chat/sessions/{id} only.
	for _, id := range []string{IDBadGateway, IDRateLimited} {
		if w := get(s, "/chat/sessions/"+id+"/history", DemoKey); w.Code != http.StatusOK {
			t.Errorf("history of %s: %d, want 200", id, w.Code)
		}
	}
	s.SetHistoryFault(IDMinimal, Fault{Delay: time.Millisecond})
	if w := get(s, "/chat/sessions/"+IDMinimal+"/history", DemoKey); w.Code != http.StatusOK {
		t.Errorf("delayed history: %d", w.Code)
	}
	s.SetHistoryFault("00000000-0000-4000-8000-000000000000", Fault{Delay: time.Millisecond})
	wantResponse(t, get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000/history", DemoKey),
		http.StatusNotFound, jsonContentType, notFoundBody)
	s.ClearHistoryFault(IDMinimal)
	if w := get(s, "/chat/sessions/"+IDMinimal+"/history", DemoKey); w.Code != http.StatusOK {
		t.Errorf("after ClearHistoryFault: %d", w.Code)
	}
}

// TestConcurrentListAndHistory: the first requests build the catalog while
// others wait for it; -race checks the rest.
func TestConcurrentListAndHistory(t *testing.T) {
	s := New()
	ids := New().SessionIDs()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			switch i % 4 {
			case 0:
				get(s, "/chat/sessions?status=open", DemoKey)
			case 1:
				get(s, "/chat/sessions/"+ids[i]+"/history", DemoKey)
			case 2:
				get(s, "/chat/sessions/"+ids[i], DemoKey)
			default:
				_ = s.SessionIDs()
			}
		})
	}
	wg.Wait()
	if !slices.Equal(s.SessionIDs(), ids) {
		t.Error("concurrent first use built a different catalog")
	}
}
