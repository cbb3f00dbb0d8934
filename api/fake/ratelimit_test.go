package fake_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// throttledJSON is the ErrorDto of the API's throttler.
const throttledJSON = `{"statusCode":429,"message":"ThrottlerException: Too Many Requests","error":"Too Many Requests"}`

// manualClock is a clock a test moves by hand.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestRateLimit(t *testing.T) {
	clock := &manualClock{t: probe.Clock()}
	s := demo.NewServer(fake.WithRateLimit(3), fake.WithClock(clock.Now))
	paths := []string{"/chat/sessions", "/chat/sessions/" + demo.IDMinimal, "/chat/sessions/" + demo.IDMinimal + "/history"}
	for i, p := range paths {
		if w := probe.Get(s, p, fake.DemoKey); w.Code != http.StatusOK {
			t.Fatalf("request %d: %d", i+1, w.Code)
		}
		clock.Advance(10 * time.Second)
	}

	// 30 s after the first request: the 4th within a minute is refused
	// until the first leaves the window, 30 s from now.
	w := probe.Get(s, "/chat/sessions", fake.DemoKey)
	probe.WantResponse(t, w, http.StatusTooManyRequests, probe.JSONContentType, throttledJSON)
	if got := w.Header().Get("Retry-After"); got != "30" {
		t.Errorf("Retry-After %q, want 30", got)
	}
	if got := w.Header().Get("X-Ratelimit-Limit"); got != "3" {
		t.Errorf("X-Ratelimit-Limit %q, want 3", got)
	}

	clock.Advance(29*time.Second + 500*time.Millisecond)
	w = probe.Get(s, "/chat/sessions/"+demo.IDMinimal, "")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "1" {
		t.Errorf("half a second early: %d, Retry-After %q; want 429, 1 (rounded up)", w.Code, w.Header().Get("Retry-After"))
	}
	clock.Advance(500 * time.Millisecond)
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("after Retry-After: %d, want 200", w.Code)
	}
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey); w.Code != http.StatusTooManyRequests {
		t.Errorf("the window is full again: %d, want 429", w.Code)
	}
	if n := len(s.Requests()); n != 7 {
		t.Errorf("recorded %d requests, want 7: refused ones are recorded too", n)
	}
}

func TestRateLimitOffByDefault(t *testing.T) {
	s := demo.NewServer(fake.WithClock(probe.Clock))
	for i := range 150 {
		if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey); w.Code != http.StatusOK {
			t.Fatalf("request %d: %d", i+1, w.Code)
		}
	}
}
