package fake_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// A walk of the handoff events without dates pages through the default
// period, whose end is "now": the cursors must hold while the clock moves
// between pages, as it does in --demo (Prism's proxy found this).
func TestHandoffEventsCursorsHoldWhileTheClockMoves(t *testing.T) {
	var mu sync.Mutex
	now := probe.Clock()
	tick := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	s := fake.New(fake.WithClock(tick), fake.WithCatalog(demo.Catalog()), fake.WithHandoffPageSize(5))
	items, sizes := probe.Walk(t, s, "/handoff-analytics/events", url.Values{})
	if len(sizes) < 3 || len(items) == 0 {
		t.Errorf("%d items in pages %v", len(items), sizes)
	}
}

// A fault installed for one analytics endpoint answers there only, and
// WithoutFaults removes it.
func TestAnalyticsFault(t *testing.T) {
	f := fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<html>502</html>"}
	s := newTestServer(fake.WithAnalyticsFault("/csat/scores/session/{id}", f))
	if w := probe.Get(s, "/csat/scores/session/"+demo.IDMessenger, fake.DemoKey); w.Code != http.StatusBadGateway {
		t.Errorf("CSAT: %d", w.Code)
	}
	if w := probe.Get(s, "/office-hours", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("office hours: %d", w.Code)
	}
	s = newTestServer(fake.WithAnalyticsFault("/csat/scores/session/{id}", f), fake.WithoutFaults())
	if w := probe.Get(s, "/csat/scores/session/"+demo.IDMessenger, fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("after WithoutFaults: %d", w.Code)
	}
}

// The analytics routes answer GET only, and a path beyond them is 404.
func TestAnalyticsRoutes(t *testing.T) {
	s := newTestServer()
	for path, want := range map[string]int{
		"/csat/scores/session/":        http.StatusNotFound,
		"/csat/scores/session/a/b":     http.StatusNotFound,
		"/office-hours/":               http.StatusNotFound,
		"/handoff-analytics/events/x":  http.StatusNotFound,
		"/sla/analytics/breakdown/all": http.StatusNotFound,
	} {
		if w := probe.Get(s, path, fake.DemoKey); w.Code != want {
			t.Errorf("%s: %d, want %d", path, w.Code, want)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/sla/analytics", nil)
	r.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET" {
		t.Errorf("POST: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}
