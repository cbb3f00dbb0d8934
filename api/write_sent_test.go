package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
)

// TestAWriteThatLeftIsSeenThrough: a PATCH that has reached the API when
// its caller cancels (esc in the TUI) is not abandoned: cancelling could
// not call it back, only lose the answer that says what came of it. The
// client waits for that answer (within its timeout) and returns it.
func TestAWriteThatLeftIsSeenThrough(t *testing.T) {
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPatch {
			t.Errorf("unplanned %s %s", r.Method, r.URL.Path)
		}
		close(arrived)
		<-release
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	c := newClient(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.SetStatus(ctx, testID, api.StatusChange{Status: api.StatusClosedResolved}) }()
	<-arrived
	cancel()
	close(release)
	if err := <-done; err != nil {
		t.Errorf("SetStatus after the PATCH had left: %v, want its answer (ok)", err)
	}
}

// TestAWriteWaitingItsTurnIsNotSent: a PATCH still waiting for the shared
// limiter when its caller cancels never leaves: KindCanceled, and the API
// gets nothing. That is what lets a caller say "not sent" of it.
func TestAWriteWaitingItsTurnIsNotSent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the API got %s %s", r.Method, r.URL.Path)
	}))
	defer srv.Close()
	limiter := rate.NewLimiter(rate.Every(time.Hour), 1)
	limiter.Allow()
	waiting := make(chan struct{}, 1)
	c := newClient(t, srv.URL, api.WithLimiter(limiter), api.WithWaitNotice(func(time.Duration) { waiting <- struct{}{} }))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.SetStatus(ctx, testID, api.StatusChange{Status: api.StatusOpen}) }()
	<-waiting
	cancel()
	var e *api.Error
	if err := <-done; !errors.As(err, &e) || e.Kind != api.KindCanceled {
		t.Errorf("SetStatus cancelled in the limiter: %v, want KindCanceled", err)
	}
}
