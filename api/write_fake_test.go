package api_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestWritesAgainstFake: the real client's writes against the fake server:
// a status change shows in the next GET, the redactions' counts decode and
// the history shows [REDACTED].
func TestWritesAgainstFake(t *testing.T) {
	srv, base := startFake(t, demo.NewServer(fake.WithoutFaults()))
	c := newClientKey(t, base, fake.DemoKey)
	ctx := context.Background()
	id := demo.IDMinimal

	s, err := c.GetSession(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	to := api.StatusClosedUnresolved
	if s.Status == to {
		to = api.StatusOpen
	}
	if err := c.SetStatus(ctx, id, api.StatusChange{Status: to, GenerateSummary: true}); err != nil {
		t.Fatal(err)
	}
	after, err := c.GetSession(ctx, id)
	if err != nil || after.Status != to {
		t.Fatalf("after SetStatus: %v, %v", after.Status, err)
	}
	reqs := srv.Requests()
	if r := reqs[1]; r.Method != http.MethodPatch || r.Body != `{"status":"`+string(to)+`","generate_summary_and_sentiment_on_resolve":true}` {
		t.Errorf("PATCH sent %+v", r)
	}

	page, err := c.History(ctx, id, "")
	if err != nil {
		t.Fatal(err)
	}
	var msg string
	messages := 0
	for _, e := range page.Items {
		if e.Type == "message" {
			messages++
			if msg == "" {
				msg = e.ID
			}
		}
	}
	if last := page.Items[len(page.Items)-1]; last.Type != "status_change" {
		t.Errorf("last event %+v, want the status change", last)
	}
	if msg == "" {
		t.Fatal("no message to redact")
	}
	r, err := c.RedactMessage(ctx, msg, "typo'd card number")
	if err != nil || !r.Success || r.Type != "message" || r.Affected != 1 || r.ItemID != msg {
		t.Fatalf("RedactMessage: %+v, %v", r, err)
	}
	r, err = c.RedactSession(ctx, id, "")
	if err != nil || r.Type != "session" || r.MessagesRedacted != float64(messages-1) || r.Affected != r.MessagesRedacted {
		t.Fatalf("RedactSession: %+v, %v (of %d messages)", r, err, messages)
	}
	page, err = c.History(ctx, id, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Items {
		if e.Type == "message" && (e.Text != "[REDACTED]" || len(e.Attachments) > 0) {
			t.Errorf("not redacted: %+v", e)
		}
	}
}

// TestWriteErrorsAgainstFake: each write fault reaches the caller as the
// Kind the TUI and the commands act on.
func TestWriteErrorsAgainstFake(t *testing.T) {
	id := demo.IDMinimal
	for _, c := range []struct {
		name string
		opts []fake.Option
		key  string
		want api.Kind
	}{
		{"no key", nil, "wrong-key", api.KindUnauthorized},
		{"read-only key", []fake.Option{fake.WithReadOnlyKey()}, fake.DemoKey, api.KindForbidden},
		{"403", []fake.Option{fake.WithStatusFault(id, fake.ErrorFault(403, "Forbidden resource"))}, fake.DemoKey, api.KindForbidden},
		{"404", []fake.Option{fake.WithStatusFault(id, fake.ErrorFault(404, "Chat session not found"))}, fake.DemoKey, api.KindNotFound},
		{"500", []fake.Option{fake.WithStatusFault(id, fake.ErrorFault(500, "Internal server error"))}, fake.DemoKey, api.KindServer},
		{"429", []fake.Option{fake.WithStatusFault(id, fake.RateLimited(100, 30))}, fake.DemoKey, api.KindRateLimited},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, base := startFake(t, demo.NewServer(c.opts...))
			cl := newClientKey(t, base, c.key)
			err := cl.SetStatus(context.Background(), id, api.StatusChange{Status: api.StatusClosedResolved})
			var e *api.Error
			if !errors.As(err, &e) || e.Kind != c.want {
				t.Fatalf("SetStatus: %v, want kind %v", err, c.want)
			}
			if c.want == api.KindRateLimited && time.Until(e.RetryAt) < 20*time.Second {
				t.Errorf("RetryAt %v: Retry-After not read", e.RetryAt)
			}
		})
	}

	t.Run("redaction 404", func(t *testing.T) {
		_, base := startFake(t, demo.NewServer())
		// The first message redaction reads every demo history to find the
		// message's session: about a second under -race, more on a busy
		// machine, so the test's 5s timeout is no measure of it.
		cl := newClientKey(t, base, fake.DemoKey, api.WithTimeout(time.Minute))
		_, err := cl.RedactMessage(context.Background(), "no-such-message", "")
		var e *api.Error
		if !errors.As(err, &e) || e.Kind != api.KindNotFound {
			t.Fatalf("RedactMessage: %v", err)
		}
		_, err = cl.RedactSession(context.Background(), "00000000-0000-4000-8000-000000000000", "")
		if !errors.As(err, &e) || e.Kind != api.KindNotFound {
			t.Fatalf("RedactSession: %v", err)
		}
	})

	// A write that has left is not cancelled by its caller's deadline
	// (see TestAWriteThatLeftIsSeenThrough): the client's timeout ends it,
	// as a write that may or may not have happened.
	t.Run("slow write times out", func(t *testing.T) {
		_, base := startFake(t, demo.NewServer(fake.WithStatusFault(id, fake.Fault{Delay: time.Hour})))
		cl := newClientKey(t, base, fake.DemoKey, api.WithTimeout(100*time.Millisecond))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		err := cl.SetStatus(ctx, id, api.StatusChange{Status: api.StatusClosedResolved})
		var e *api.Error
		if !errors.As(err, &e) || e.Kind != api.KindTimeout {
			t.Fatalf("SetStatus: %v, want KindTimeout", err)
		}
	})
}
