package api_test

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
)

// arrivals answers every GET with a session and records the order in which
// the paths arrived.
type arrivals struct {
	mu    sync.Mutex
	paths []string
}

func (a *arrivals) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	a.paths = append(a.paths, r.URL.Path)
	a.mu.Unlock()
	// The session asked for where it is an ID; the tests name the
	// requests whose answer they ignore, for an order that reads plainly.
	id := testID
	if name := path.Base(r.URL.Path); len(name) == len(testID) {
		id = name
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id":%q,"status":"open","created_at":"2026-11-25T12:00:00Z","updated_at":"2026-11-25T12:00:00Z","channel":{"type":"web"}}`, id)
}

func (a *arrivals) seen() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.paths...)
}

// waitUntil polls cond until it holds, failing the test after 5 s: the
// order of events is what is checked here, never how long they took.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestBackgroundNeverDelaysTheUser: background requests queued behind an
// empty limiter hold no place in it; the request the user asks for goes
// first, and one cancelled background request gives nothing back because
// it took nothing.
func TestBackgroundNeverDelaysTheUser(t *testing.T) {
	a := &arrivals{}
	srv := serve(t, a)
	// One request every 50 ms, no burst beyond one.
	c := newClient(t, srv.URL, api.WithLimiter(rate.NewLimiter(rate.Every(50*time.Millisecond), 1)))
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.GetSession(api.Background(ctx), fmt.Sprintf("bg%d", i))
		}()
	}
	// The user's lookup, asked after the background ones started waiting.
	const user = "0d322df5-1c2b-4e8a-9f00-5a6b7c8d9e0f"
	if _, err := c.GetSession(context.Background(), user); err != nil {
		t.Fatal(err)
	}
	if got := a.seen(); len(got) < 2 || !strings.HasSuffix(got[1], "/"+user) {
		t.Errorf("arrivals %q: the user's lookup was not the first after the warm-up", got)
	}
	cancel()
	wg.Wait()
	// What was cancelled while waiting reserved nothing: a slot frees up
	// at the limiter's own pace, not after five abandoned requests.
	waitUntil(t, "a free slot", func() bool { return c.Delay() == 0 })
}

// TestQueuedRequestsCountAsSpent: a request waiting for the limiter is in
// the budget that background work reads.
func TestQueuedRequestsCountAsSpent(t *testing.T) {
	a := &arrivals{}
	srv := serve(t, a)
	c := newClient(t, srv.URL, api.WithLimiter(rate.NewLimiter(rate.Every(time.Hour), 1)))
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatal(err)
	}
	left := c.Budget()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = c.GetSession(ctx, "waits")
	}()
	waitUntil(t, "the queued request in the budget", func() bool { return c.Budget() == left-1 })
	if d := c.Delay(); d < 30*time.Minute {
		t.Errorf("Delay() = %s with a request queued for an hourly slot", d)
	}
	cancel()
	<-done
	waitUntil(t, "the cancelled request out of the budget", func() bool { return c.Budget() == left })
}

// TestRedirectsSpendTheBudget: each redirect is a request to the API and
// waits its turn like one.
func TestRedirectsSpendTheBudget(t *testing.T) {
	hops := 0
	var srvURL string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hops < 2 {
			hops++
			http.Redirect(w, r, srvURL+"/chat/sessions/"+testID, http.StatusFound)
			return
		}
		(&arrivals{}).ServeHTTP(w, r)
	}))
	srvURL = srv.URL
	c := newClient(t, srv.URL)
	before := c.Budget()
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatal(err)
	}
	if spent := before - c.Budget(); spent != 3 {
		t.Errorf("a lookup with 2 redirects spent %d of the budget, want 3", spent)
	}
}
