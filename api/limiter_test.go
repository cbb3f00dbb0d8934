package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestLimiterStaysUnderTheDocumentedLimit holds a key down: a request
// attempt every 10 ms for five minutes of simulated time. In no sliding
// minute may more than 100 requests go out.
func TestLimiterStaysUnderTheDocumentedLimit(t *testing.T) {
	lim := api.NewLimiter()
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	var sent []time.Time
	for at := start; at.Before(start.Add(5 * time.Minute)); at = at.Add(10 * time.Millisecond) {
		if lim.AllowN(at, 1) {
			sent = append(sent, at)
		}
	}
	worst, first := 0, 0
	for last := range sent {
		for sent[last].Sub(sent[first]) >= time.Minute {
			first++
		}
		worst = max(worst, last-first+1)
	}
	if worst > api.RequestsPerMinute {
		t.Errorf("%d requests in one sliding minute, the API allows %d", worst, api.RequestsPerMinute)
	}
	if worst < api.RequestsPerMinute*8/10 {
		t.Errorf("only %d requests in the busiest minute: the limiter wastes the budget", worst)
	}
	t.Logf("busiest minute: %d requests; %d in five minutes", worst, len(sent))
}

// TestBudgetCountsRequests checks the budget the status line shows.
func TestBudgetCountsRequests(t *testing.T) {
	_, base := startFake(t, demo.NewServer())
	c, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Budget(); got != api.RequestsPerMinute {
		t.Fatalf("a fresh client has %d left", got)
	}
	for range 3 {
		_, _ = c.GetSession(context.Background(), demo.IDMinimal)
	}
	if got := c.Budget(); got != api.RequestsPerMinute-3 {
		t.Errorf("after 3 requests %d are left", got)
	}
}

// TestBudgetFollowsTheServer: another program on the same key spends the
// same budget, and the server's X-RateLimit-Remaining says so.
func TestBudgetFollowsTheServer(t *testing.T) {
	srv, base := startFake(t, demo.NewServer())
	srv.SetFault(demo.IDMinimal, fake.Fault{Header: http.Header{"X-Ratelimit-Remaining": {"12"}}})
	c, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSession(context.Background(), demo.IDMinimal); err != nil {
		t.Fatal(err)
	}
	if got := c.Budget(); got != 12 {
		t.Errorf("budget %d after the server said 12", got)
	}
}
