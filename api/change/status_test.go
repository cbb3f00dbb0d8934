package change_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
)

const sid = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

// answer is one scripted answer: a GET's session (by status, or another
// ID) or error, or a PATCH's error.
type answer struct {
	status api.Status
	id     string // the ID a GET answers with; "" for sid
	err    error
}

// scripted is a strict API: each call takes the next answer of its
// method, and a call nobody planned fails the test.
type scripted struct {
	t            *testing.T
	gets, patchs []answer
	calls        []string
	sent         []api.StatusChange
}

func (s *scripted) GetSession(_ context.Context, id string) (*api.Session, error) {
	s.calls = append(s.calls, "GET")
	if len(s.gets) == 0 {
		s.t.Fatalf("unplanned GET %s after %v", id, s.calls)
	}
	a := s.gets[0]
	s.gets = s.gets[1:]
	if a.err != nil {
		return nil, a.err
	}
	if a.id != "" {
		id = a.id
	}
	return &api.Session{ID: id, Status: a.status}, nil
}

func (s *scripted) SetStatus(_ context.Context, _ string, ch api.StatusChange) error {
	s.calls = append(s.calls, "PATCH")
	if len(s.patchs) == 0 {
		s.t.Fatalf("unplanned PATCH after %v", s.calls)
	}
	a := s.patchs[0]
	s.patchs = s.patchs[1:]
	s.sent = append(s.sent, ch)
	return a.err
}

var (
	closeIt   = api.StatusChange{Status: api.StatusClosedResolved, ReflectInHelpdesk: true}
	open      = &api.Session{ID: sid, Status: api.StatusOpen}
	e500      = &api.Error{Kind: api.KindServer, Status: 500, Op: "get session 3c90c3cc"}
	e404      = &api.Error{Kind: api.KindNotFound, Status: 404}
	e403      = &api.Error{Kind: api.KindForbidden, Status: 403}
	noAnswer  = &api.Error{Kind: api.KindTimeout, Err: errors.New("no answer within 15s")}
	cancelled = &api.Error{Kind: api.KindCanceled, Err: context.Canceled}
	ok        = answer{}
)

// TestSetStatusOutcomes is the table of what can come of a status change,
// tested once here for the TUI and the commands, which both call
// change.SetStatus and print its Words: each outcome's requests, its
// words, what the audit log records, and whether it is a success or stops
// a batch.
func TestSetStatusOutcomes(t *testing.T) {
	for _, tt := range []struct {
		name         string
		before       *api.Session // nil: read first
		gets, patchs []answer
		outcome      change.StatusOutcome
		calls        string
		words        string
		audit        string // the entry's Outcome; "" records nothing
		after        api.Status
		ok, stops    bool
	}{
		{name: "changed", gets: []answer{{status: api.StatusOpen}, {status: api.StatusClosedResolved}}, patchs: []answer{ok},
			outcome: change.Changed, calls: "GET PATCH GET", words: "closed as resolved", audit: "ok", after: api.StatusClosedResolved, ok: true},
		// The bug of issue 17: the TUI called this "Status not changed"
		// and recorded it failed, while cxi close said it right.
		{name: "changed, the read after it failed", gets: []answer{{status: api.StatusOpen}, {err: e500}}, patchs: []answer{ok},
			outcome: change.ChangedNotConfirmed, calls: "GET PATCH GET", words: "closed as resolved, not confirmed (failed (HTTP 500))",
			audit: "ok, not confirmed: failed (HTTP 500)", after: api.StatusClosedResolved, ok: true},
		{name: "already in that status", gets: []answer{{status: api.StatusClosedResolved}},
			outcome: change.Already, calls: "GET", words: "already resolved, nothing sent", ok: true},
		{name: "the API reads back another status", gets: []answer{{status: api.StatusOpen}, {status: api.StatusOpen}}, patchs: []answer{ok},
			outcome: change.Disputed, calls: "GET PATCH GET", words: "sent, but the API says open", audit: "not confirmed: the API says open", after: api.StatusOpen},
		{name: "the read after it answers another session", gets: []answer{{status: api.StatusOpen}, {status: api.StatusClosedResolved, id: "ffffffff-0d44-4b50-8888-8dd25736052a"}}, patchs: []answer{ok},
			outcome: change.NotConfirmed, calls: "GET PATCH GET", words: change.SentNotConfirmed, audit: change.SentNotConfirmed},
		{name: "the read before answers another session", gets: []answer{{status: api.StatusOpen, id: "ffffffff-0d44-4b50-8888-8dd25736052a"}},
			outcome: change.Refused, calls: "GET", words: change.NotSentOtherSession},
		{name: "not found by the read before", gets: []answer{{err: e404}},
			outcome: change.Refused, calls: "GET", words: "not found"},
		{name: "not found by the change", before: open, patchs: []answer{{err: e404}},
			outcome: change.Refused, calls: "PATCH", words: "not found", audit: "not found"},
		{name: "refused", before: open, patchs: []answer{{err: e403}},
			outcome: change.Refused, calls: "PATCH", words: "refused (HTTP 403)", audit: "refused (HTTP 403)", stops: true},
		{name: "failed", before: open, patchs: []answer{{err: e500}},
			outcome: change.Refused, calls: "PATCH", words: "failed (HTTP 500)", audit: "failed (HTTP 500)"},
		{name: "sent, no answer", before: open, patchs: []answer{{err: noAnswer}},
			outcome: change.Unknown, calls: "PATCH", words: change.NoAnswer, audit: change.NoAnswer},
		{name: "stopped before it left", before: open, patchs: []answer{{err: cancelled}},
			outcome: change.Stopped, calls: "PATCH", words: change.NotSent, stops: true},
		// The TUI holds the row: no read before the change.
		{name: "the caller's copy, no read before", before: open, gets: []answer{{status: api.StatusClosedResolved}}, patchs: []answer{ok},
			outcome: change.Changed, calls: "PATCH GET", words: "closed as resolved", audit: "ok", after: api.StatusClosedResolved, ok: true},
		{name: "the caller's copy already so", before: &api.Session{ID: sid, Status: api.StatusClosedResolved},
			outcome: change.Already, calls: "", words: "already resolved, nothing sent", ok: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &scripted{t: t, gets: tt.gets, patchs: tt.patchs}
			r := change.SetStatus(context.Background(), c, change.StatusRequest{ID: sid, Change: closeIt, Before: tt.before})
			_, stops := r.Stops()
			e := r.Entry()
			if r.Outcome != tt.outcome || strings.Join(c.calls, " ") != tt.calls || r.Words() != tt.words || r.OK() != tt.ok || stops != tt.stops {
				t.Errorf("outcome %v, calls %q, words %q, ok %v, stops %v\nwant %v, %q, %q, %v, %v",
					r.Outcome, strings.Join(c.calls, " "), r.Words(), r.OK(), stops, tt.outcome, tt.calls, tt.words, tt.ok, tt.stops)
			}
			if e.Outcome != tt.audit || e.After != tt.after || r.Sent != (tt.audit != "") {
				t.Errorf("audit %q after %q (sent %v); want %q after %q", e.Outcome, e.After, r.Sent, tt.audit, tt.after)
			}
			if e.SessionID != sid || e.Action != "close" || strings.Join(e.Options, ",") != "helpdesk" || (tt.calls != "GET" && tt.calls != "" && e.Before != api.StatusOpen) {
				t.Errorf("entry %+v", e)
			}
			if len(c.gets)+len(c.patchs) != 0 {
				t.Errorf("answers never asked for: %d GET, %d PATCH", len(c.gets), len(c.patchs))
			}
		})
	}
}

// TestSetStatusWaitsOutOne429: with a Wait (cxi close), each request
// answered 429 with a Retry-After RetryAfter allows is sent once more
// after it, and only once; without one (the TUI), the 429 is the outcome
// and RetryAfter says how long the caller waits.
func TestSetStatusWaitsOutOne429(t *testing.T) {
	clock := func() time.Time { return now }
	var waited []time.Duration
	wait := func(_ context.Context, d time.Duration) error { waited = append(waited, d); return nil }
	req := change.StatusRequest{ID: sid, Change: closeIt, Before: open, Wait: wait, Now: clock}

	c := &scripted{t: t, patchs: []answer{{err: limited(2 * time.Second)}, ok}, gets: []answer{{err: limited(time.Second)}, {status: api.StatusClosedResolved}}}
	if r := change.SetStatus(context.Background(), c, req); r.Outcome != change.Changed || len(waited) != 2 || waited[0] != 2*time.Second {
		t.Errorf("one 429 each: %v %q, waited %v, calls %v", r.Outcome, r.Words(), waited, c.calls)
	}

	waited = nil
	c = &scripted{t: t, patchs: []answer{{err: limited(time.Second)}, {err: limited(time.Second)}}}
	r := change.SetStatus(context.Background(), c, req)
	if why, stop := r.Stops(); r.Outcome != change.Refused || r.Words() != "rate limited (HTTP 429)" || len(waited) != 1 || !stop || why != "HTTP 429" {
		t.Errorf("429 twice: %v %q, waited %v, stops %v %q", r.Outcome, r.Words(), waited, stop, why)
	}

	req.Wait = nil
	c = &scripted{t: t, patchs: []answer{{err: limited(2 * time.Second)}}}
	r = change.SetStatus(context.Background(), c, req)
	if d, ok := change.RetryAfter(r.Err, now); r.Outcome != change.Refused || !ok || d != 2*time.Second {
		t.Errorf("no Wait: %v, retry after %v %v", r.Outcome, d, ok)
	}
}

// TestStatusWords: one vocabulary for a status and for a change made.
func TestStatusWords(t *testing.T) {
	for _, tt := range []struct {
		s          api.Status
		word, done string
	}{
		{api.StatusOpen, "open", "reopened"},
		{api.StatusClosedResolved, "resolved", "closed as resolved"},
		{api.StatusClosedUnresolved, "unresolved", "closed as unresolved"},
		{"snoozed", "snoozed", "set to snoozed"},
	} {
		if w, d := change.StatusWord(tt.s), change.Done(tt.s); w != tt.word || d != tt.done {
			t.Errorf("%s: %q, %q; want %q, %q", tt.s, w, d, tt.word, tt.done)
		}
	}
}
