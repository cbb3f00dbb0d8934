package resolve

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func client(t *testing.T, opts ...fake.Option) *api.Client {
	t.Helper()
	return faketest.Client(t, fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...))
}

func star(t *testing.T) api.Session {
	body, _ := demo.Fixture(demo.IDAngryHandoff)
	var s api.Session
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestResolveEveryKind(t *testing.T) {
	c := client(t)
	for _, tc := range []struct {
		text string
		kind Kind
	}{
		{demo.IDAngryHandoff, KindID},
		{"log: session=" + strings.ToUpper(demo.IDAngryHandoff), KindID},
		{"ZD-884213", KindTicket},
		{"#884213", KindTicket},
		{"dana.whitfield@example.com", KindEmail},
		{"+1 415 555 0134", KindPhone},
		{"Dana Whitfield", KindName},
	} {
		res, err := Resolve(context.Background(), c, tc.text, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		if res.Query.Kind != tc.kind || len(res.Sessions) != 1 || res.Sessions[0].ID != demo.IDAngryHandoff {
			t.Errorf("%s: kind %v, %d sessions (%s)", tc.text, res.Query.Kind, len(res.Sessions), res.Looked)
		}
		if res.Looked == "" {
			t.Errorf("%s: no account of where it looked", tc.text)
		}
	}
}

func TestResolveUsesTheLoadedQueueFirst(t *testing.T) {
	// A client that would fail if asked, and a server that fails the test
	// if asked at all: the loaded queue answers.
	c := client(t, fake.Strict(t), fake.WithListFault(fake.Fault{Status: 500}))
	res, err := Resolve(context.Background(), c, "zd-884213", Sessions{star(t)})
	if err != nil || len(res.Sessions) != 1 || !strings.Contains(res.Looked, "loaded") {
		t.Fatalf("%+v, %v", res, err)
	}
}

func TestResolveNoneAndMany(t *testing.T) {
	c := client(t)
	res, err := Resolve(context.Background(), c, "#999999999", nil)
	if err != nil || len(res.Sessions) != 0 || res.Looked != "searched the newest 99 (4 pages), all 100 open (4 pages), all 60 unresolved (3 pages)" {
		t.Errorf("none: %+v, %v", res, err)
	}
	res, err = Resolve(context.Background(), c, "nobody@nowhere.example", nil)
	if err != nil || len(res.Sessions) != 0 || !strings.Contains(res.Looked, "0 found") {
		t.Errorf("no contact: %+v, %v", res, err)
	}
	res, err = Resolve(context.Background(), c, "Jake Morrison", nil)
	if err != nil || len(res.Sessions) < 2 {
		t.Errorf("many: %d sessions, %v", len(res.Sessions), err)
	}
}

// TestLookedCountsAgree: the account of a search that read one page, with
// one session loaded, says "1 page" and "1 loaded session".
func TestLookedCountsAgree(t *testing.T) {
	c := client(t, fake.WithPageSize(1000))
	res, err := Resolve(context.Background(), c, "#999999999", Sessions{star(t)})
	if err != nil || !strings.HasPrefix(res.Looked, "searched 1 loaded session and all ") || !strings.HasSuffix(res.Looked, " sessions (1 page)") {
		t.Errorf("%q, %v", res.Looked, err)
	}
}

func TestResolveSearchErrors(t *testing.T) {
	c := client(t, fake.Strict(t, fake.Expect(http.MethodGet, "/chat/sessions/search")), // the blank text asks nothing
		fake.WithSearchFault(fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<h1>502</h1>"}))
	_, err := Resolve(context.Background(), c, "dana@example.com", nil)
	if api.KindOf(err) != api.KindNotJSON {
		t.Errorf("err = %v", err)
	}
	if _, err := Resolve(context.Background(), c, "  ", nil); err == nil {
		t.Error("empty text accepted")
	}
}

// TestResolveNeverHidesAnOpenOrUnresolvedSession: a person's sessions and a
// ticket beyond the newest pages are found, because the open and the
// unresolved sessions are read on their own (Jake Morrison's unresolved
// session is the 231st newest; ticket 99720's open one the 223rd).
func TestResolveNeverHidesAnOpenOrUnresolvedSession(t *testing.T) {
	c := client(t)
	all := listAll(t, c)
	for _, text := range []string{"jake.morrison@example.com", "#99720", "bjorn.akesson@example.se"} {
		q, _ := Classify(text)
		var want []string
		for i := range all {
			if q.Matches(&all[i]) && all[i].Status != api.StatusClosedResolved {
				want = append(want, all[i].ID)
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: the demo has no open or unresolved session for it", text)
		}
		res, err := Resolve(context.Background(), c, text, nil)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		got := map[string]bool{}
		for _, s := range res.Sessions {
			got[s.ID] = true
		}
		for _, id := range want {
			if !got[id] {
				t.Errorf("%s: open or unresolved session %s missing (%s)", text, id, res.Looked)
			}
		}
	}
}

// listAll reads every page of the list.
func listAll(t *testing.T, c Client) []api.Session {
	t.Helper()
	var all []api.Session
	p := api.ListParams{}
	for {
		page, err := c.ListSessions(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			return all
		}
		p.Cursor = page.Next
	}
}
