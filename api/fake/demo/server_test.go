package demo

import (
	"net/http"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// throttledJSON is the ErrorDto of the API's throttler.
const throttledJSON = `{"statusCode":429,"message":"ThrottlerException: Too Many Requests","error":"Too Many Requests"}`

func TestServeEveryDemoSession(t *testing.T) {
	s := NewServer(fake.WithoutFaults())
	for _, d := range Sessions() {
		want, _ := Fixture(d.ID)
		probe.WantResponse(t, probe.Get(s, "/chat/sessions/"+d.ID, fake.DemoKey), http.StatusOK, probe.JSONContentType, string(want))
	}
}

func TestDemoFaults(t *testing.T) {
	s := NewServer()
	w := probe.Get(s, "/chat/sessions/"+IDBadGateway, fake.DemoKey)
	probe.WantResponse(t, w, http.StatusBadGateway, "text/html", badGatewayHTML)
	if !strings.Contains(w.Body.String(), "<title>502 Bad Gateway</title>") {
		t.Error("not nginx's 502 page")
	}

	w = probe.Get(s, "/chat/sessions/"+IDRateLimited, fake.DemoKey)
	probe.WantResponse(t, w, http.StatusTooManyRequests, probe.JSONContentType, throttledJSON)
	if got := w.Header().Get("Retry-After"); got != "30" {
		t.Errorf("Retry-After %q, want 30", got)
	}

	slow := Catalog().Faults()[IDSlow]
	if slow.Delay != SlowDelay || slow.Status != 0 || slow.Body != "" {
		t.Errorf("slow fault %+v, want only a %v delay", slow, SlowDelay)
	}
	if w := probe.Get(NewServer(fake.WithoutFaults()), "/chat/sessions/"+IDBadGateway, fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("without its fault: status %d, want 200", w.Code)
	}
}
