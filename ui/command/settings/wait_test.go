package settings

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

// cancelOnWrite is a stderr that ends the request once something is said
// on it, so that a wait of an hour is said without being waited.
type cancelOnWrite struct {
	mu     sync.Mutex
	b      strings.Builder
	cancel func()
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer w.cancel()
	return w.b.Write(p)
}

func TestWaitNoticeSaysWhyACommandWaits(t *testing.T) {
	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	lim.Allow() // the one request of this hour is spent
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOnWrite{cancel: cancel}
	c, err := api.New("http://127.0.0.1:9", "a-test-key", api.WithLimiter(lim), WaitNotice(command.Env{Stderr: stderr}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSession(ctx, "3c90c3cc-0d44-4b50-8888-8dd25736052a"); err == nil {
		t.Fatal("the request went through")
	}
	if got, want := stderr.b.String(), "cxi: waiting 1h0m0s for the rate limit (100 requests a minute)\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
}
