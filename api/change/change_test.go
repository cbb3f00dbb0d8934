package change_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
)

var now = time.Date(2026, 3, 11, 14, 0, 0, 0, time.UTC)

func limited(after time.Duration) error {
	return &api.Error{Kind: api.KindRateLimited, Status: 429, Op: "change the status of 3c90c3cc", RetryAt: now.Add(after)}
}

// TestRetryAfter: the one rule for a 429 on a write, for the TUI's batch
// and cxi close alike: a Retry-After of at most a minute is waited for,
// a longer one, none, or another error is not.
func TestRetryAfter(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		wait time.Duration
		ok   bool
	}{
		{"60 s", limited(time.Minute), time.Minute, true},
		{"2 s", limited(2 * time.Second), 2 * time.Second, true},
		{"already past", limited(-time.Second), 0, true},
		{"61 s", limited(61 * time.Second), 0, false},
		{"no Retry-After", &api.Error{Kind: api.KindRateLimited, Status: 429}, 0, false},
		{"wrapped", fmt.Errorf("close: %w", limited(time.Second)), time.Second, true},
		{"a 500", &api.Error{Kind: api.KindServer, Status: 500}, 0, false},
		{"no error", nil, 0, false},
	} {
		wait, ok := change.RetryAfter(tt.err, now)
		if wait != tt.wait || ok != tt.ok {
			t.Errorf("%s: %v, %v; want %v, %v", tt.name, wait, ok, tt.wait, tt.ok)
		}
	}
}

// TestFailedAndStops: the words of each outcome, and which stop a batch.
func TestFailedAndStops(t *testing.T) {
	for _, tt := range []struct {
		err   error
		words string
		why   string
	}{
		{&api.Error{Kind: api.KindNotFound, Status: 404}, "not found", ""},
		{&api.Error{Kind: api.KindForbidden, Status: 403}, "refused (HTTP 403)", "HTTP 403"},
		{&api.Error{Kind: api.KindUnauthorized, Status: 401}, "refused (HTTP 401)", "HTTP 401"},
		{limited(time.Hour), "rate limited (HTTP 429)", "HTTP 429"},
		{&api.Error{Kind: api.KindServer, Status: 500}, "failed (HTTP 500)", ""},
		{&api.Error{Kind: api.KindNotJSON, Status: 502}, "failed (HTTP 502)", ""},
		{&api.Error{Kind: api.KindTimeout}, change.NoAnswer, ""},
		{&api.Error{Kind: api.KindDropped}, change.Dropped, ""},
		{&api.Error{Kind: api.KindUnreachable}, "failed (unreachable)", "the API was unreachable"},
		{&api.Error{Kind: api.KindCanceled, Err: context.Canceled}, "cancelled", "the interrupt"},
		{&api.OtherSessionError{Asked: "a", Answered: "b", Write: true, Sent: true}, change.SentNotConfirmed, ""},
		{&api.OtherSessionError{Asked: "a", Answered: "b", Write: true}, change.NotSentOtherSession, ""},
	} {
		why, stop := change.Stops(tt.err)
		if got := change.Failed(tt.err); got != tt.words || why != tt.why || stop != (tt.why != "") {
			t.Errorf("%v: %q, stops %v (%q); want %q, %q", tt.err, got, stop, why, tt.words, tt.why)
		}
	}
}
