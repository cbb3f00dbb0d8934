package fake_test

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

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

func TestHistoryPaging(t *testing.T) {
	s := newTestServer(fake.WithHistoryPageSize(7))
	_, sizes := probe.Walk(t, s, "/chat/sessions/"+demo.IDAngryHandoff+"/history", nil)
	for i, n := range sizes[:len(sizes)-1] {
		if n != 7 {
			t.Errorf("page %d has %d events, want 7", i+1, n)
		}
	}
	star := probe.History(t, newTestServer(), demo.IDAngryHandoff)
	if len(star) <= 2*fake.DefaultHistoryPageSize {
		t.Errorf("the star has %d events; want a long history of three pages or more", len(star))
	}
	a, _ := probe.Walk(t, newTestServer(), "/chat/sessions/"+demo.IDNonLatin+"/history", nil)
	b, _ := probe.Walk(t, newTestServer(), "/chat/sessions/"+strings.ToUpper(demo.IDNonLatin)+"/history", nil)
	if len(a) == 0 || len(a) != len(b) || !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[len(a)-1], b[len(b)-1]) {
		t.Error("history differs between two servers, or for an upper-case ID")
	}
}

func TestHistoryErrors(t *testing.T) {
	s := newTestServer(fake.WithHistoryPageSize(2))
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000/history", fake.DemoKey),
		http.StatusNotFound, probe.JSONContentType, notFoundBody)

	first, _ := probe.GetPage(t, s, "/chat/sessions/"+demo.IDMinimal+"/history", nil, "")
	if first.Next == nil {
		t.Fatal("the minimal session's history fits one page of 2")
	}
	for name, path := range map[string]string{
		"garbage":       "/chat/sessions/" + demo.IDMinimal + "/history?cursor=bm90IGEgY3Vyc29y",
		"other session": "/chat/sessions/" + demo.IDAngryHandoff + "/history?cursor=" + url.QueryEscape(*first.Next),
		"list cursor":   "/chat/sessions/" + demo.IDMinimal + "/history?cursor=" + fake.ListCursor(5),
	} {
		w := probe.Get(s, path, fake.DemoKey)
		if e := errorBody(t, w.Body.Bytes()); w.Code != http.StatusBadRequest || !strings.HasPrefix(e.Message, "cursor ") {
			t.Errorf("%s: %d %+v, want 400 naming the cursor", name, w.Code, e)
		}
	}
}

func TestHistoryFault(t *testing.T) {
	s := demo.NewServer(fake.WithHistoryFault(demo.IDMinimal, fake.Fault{Status: http.StatusServiceUnavailable, Body: "down"}))
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"/history", fake.DemoKey); w.Code != http.StatusServiceUnavailable || w.Body.String() != "down" {
		t.Errorf("history fault: %d %q", w.Code, w.Body)
	}
	if w := probe.Get(s, "/chat/sessions/"+strings.ToUpper(demo.IDMinimal)+"/history", fake.DemoKey); w.Code != http.StatusServiceUnavailable {
		t.Errorf("history fault, upper-case ID: %d", w.Code)
	}
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("session GET under a history fault: %d", w.Code)
	}
	// Session faults are for GET /chat/sessions/{id} only.
	for _, id := range []string{demo.IDBadGateway, demo.IDRateLimited} {
		if w := probe.Get(s, "/chat/sessions/"+id+"/history", fake.DemoKey); w.Code != http.StatusOK {
			t.Errorf("history of %s: %d, want 200", id, w.Code)
		}
	}
	s = demo.NewServer(
		fake.WithHistoryFault(demo.IDMinimal, fake.Fault{Delay: time.Millisecond}),
		fake.WithHistoryFault("00000000-0000-4000-8000-000000000000", fake.Fault{Delay: time.Millisecond}))
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"/history", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("delayed history: %d", w.Code)
	}
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000/history", fake.DemoKey),
		http.StatusNotFound, probe.JSONContentType, notFoundBody)
}

// TestConcurrentListAndHistory: the first requests build the catalog while
// others wait for it; -race checks the rest.
func TestConcurrentListAndHistory(t *testing.T) {
	s := demo.NewServer()
	ids := demo.NewServer().SessionIDs()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			switch i % 4 {
			case 0:
				probe.Get(s, "/chat/sessions?status=open", fake.DemoKey)
			case 1:
				probe.Get(s, "/chat/sessions/"+ids[i]+"/history", fake.DemoKey)
			case 2:
				probe.Get(s, "/chat/sessions/"+ids[i], fake.DemoKey)
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

// TestHistoryWithoutEventIDsIsRedactedWhole: a history without event IDs
// (as the newer reference page shows one) can be redacted as a session:
// every message becomes [REDACTED], and the items still carry no id.
func TestHistoryWithoutEventIDsIsRedactedWhole(t *testing.T) {
	s := newTestServer(fake.WithoutFaults())
	id := demo.IDWithoutEventIDs
	before := probe.History(t, s, id)
	messages := 0
	for _, e := range before {
		if e.ID != "" {
			t.Fatalf("event %+v has an id", e)
		}
		if e.Event.Type == "message" {
			messages++
		}
	}
	r := redactionOf(t, send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`))
	if !r.Success || r.MessagesRedacted == nil || *r.MessagesRedacted != float64(messages) || messages == 0 {
		t.Fatalf("answer %+v for %d messages", r, messages)
	}
	items, _ := probe.Walk(t, s, "/chat/sessions/"+id+"/history", nil)
	for i, item := range items {
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(item, &keys); err != nil || keys["id"] != nil {
			t.Errorf("item %d gained an id (or is not an object: %v): %.120s", i, err, item)
		}
	}
	for i, e := range probe.History(t, s, id) {
		if e.ID != "" || e.Event.Type == "message" && e.Event.Content.Text != "[REDACTED]" {
			t.Errorf("event %d after the redaction: %+v", i, e)
		}
	}
}
