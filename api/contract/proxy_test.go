//go:build prism

package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestPrismProxyReads drives the real client through every read it makes,
// against the demo's fake behind Prism: GET of every session, the list
// under each filter paged to its end, every history paged to its end, and
// searches. Every request and every answer must validate, but for the
// demo's listed oddities, each of which Prism must flag.
func TestPrismProxyReads(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()

	ids := h.srv.SessionIDs()
	for _, d := range demo.Sessions() {
		ids = append(ids, d.ID)
	}
	ids = append(ids, demo.IDOddTicket)
	for _, id := range ids {
		_, err := h.client.GetSession(ctx, id)
		switch id {
		case demo.IDOddTicket:
			// Whether the client reads a string ticket_number is the
			// client's business; what matters here is that Prism flagged it.
		case demo.IDBadGateway, demo.IDRateLimited:
			if err == nil {
				t.Errorf("GetSession %s: no error", id)
			}
		default:
			if err != nil {
				t.Errorf("GetSession %s: %v", id, err)
			}
		}
	}
	if _, err := h.client.GetSession(ctx, "00000000-0000-4000-8000-000000000000"); api.KindOf(err) != api.KindNotFound {
		t.Errorf("an unknown session: %v", err)
	}

	yes, no := true, false
	day := time.Now().Add(-72 * time.Hour)
	filters := []api.ListParams{
		{},
		{Status: api.StatusOpen}, {Status: api.StatusClosedResolved}, {Status: api.StatusClosedUnresolved},
		{HandedOff: &yes}, {HandedOff: &no},
		{CreatedAfter: day}, {CreatedBefore: day}, {UpdatedAfter: day}, {UpdatedBefore: day},
		{Status: api.StatusOpen, HandedOff: &yes, ChannelType: "web", UpdatedAfter: day.Add(-30 * 24 * time.Hour)},
	}
	for _, ch := range api.Channels() {
		filters = append(filters, api.ListParams{ChannelType: ch})
	}
	listed := 0
	for _, p := range filters {
		listed += walkList(t, h.client, p)
	}
	if listed == 0 {
		t.Fatal("nothing listed")
	}

	events := 0
	for _, id := range h.srv.SessionIDs() {
		events += walkHistory(t, h.client, id)
	}
	if events == 0 {
		t.Fatal("no history")
	}

	for _, q := range []string{"dana", "dana.whitfield@example.com", "+1 415 555 0134", "refund", "zzzz-nothing"} {
		if _, err := h.client.Search(ctx, q); err != nil {
			t.Errorf("Search %q: %v", q, err)
		}
	}

	h.wantClean(t)
	for _, o := range demo.Oddities() {
		if !h.check.Met(o.Name) {
			t.Errorf("Prism did not flag the oddity %q: it no longer tests what it says, or the harness misses it", o.Name)
		}
	}
	t.Logf("%d sessions looked up, %d list items, %d events", len(ids), listed, events)
}

// TestPrismProxyWrites drives the client's writes through Prism: the status
// change with each status and option, and both redactions.
func TestPrismProxyWrites(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	id := demo.IDInstagram
	for _, st := range []api.Status{api.StatusClosedResolved, api.StatusOpen, api.StatusClosedUnresolved} {
		for _, opts := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			ch := api.StatusChange{Status: st, GenerateSummary: opts[0], ReflectInHelpdesk: opts[1]}
			if err := h.client.SetStatus(ctx, id, ch); err != nil {
				t.Errorf("SetStatus %+v: %v", ch, err)
			}
		}
	}
	s, err := h.client.GetSession(ctx, id)
	if err != nil || s.Status != api.StatusClosedUnresolved {
		t.Errorf("after the changes: %v, %v", s, err)
	}

	// A message to redact: the first with an id (some demo histories have
	// none, as the newer reference page shows), and the session it is in.
	var msgID, owner string
	for _, sid := range append([]string{demo.IDAngryHandoff}, h.srv.SessionIDs()...) {
		if msgID = firstMessageID(t, h.client, sid); msgID != "" {
			owner = sid
			break
		}
	}
	if msgID == "" {
		t.Fatal("no message with an id in any demo history")
	}
	if _, err := h.client.RedactMessage(ctx, msgID, "card number"); err != nil {
		t.Errorf("RedactMessage: %v", err)
	}
	if _, err := h.client.RedactMessage(ctx, msgID, ""); err != nil {
		t.Errorf("RedactMessage again, without a reason: %v", err)
	}
	for _, reason := range []string{"GDPR request", ""} {
		if _, err := h.client.RedactSession(ctx, owner, reason); err != nil {
			t.Errorf("RedactSession %q: %v", reason, err)
		}
	}
	walkHistory(t, h.client, owner)
	walkHistory(t, h.client, id)
	h.wantClean(t)
}

// firstMessageID returns the ID of the first message of a session's
// history that has one, or "".
func firstMessageID(t *testing.T, c *api.Client, id string) string {
	t.Helper()
	for cursor := ""; ; {
		pg, err := c.History(context.Background(), id, cursor)
		if err != nil {
			t.Fatalf("History %s: %v", id, err)
		}
		for _, ev := range pg.Items {
			if ev.Type == "message" && ev.ID != "" {
				return ev.ID
			}
		}
		if pg.Next == "" {
			return ""
		}
		cursor = pg.Next
	}
}

// walkList pages through the list to its end and returns how many items
// it saw.
func walkList(t *testing.T, c *api.Client, p api.ListParams) int {
	t.Helper()
	n := 0
	for range 1000 {
		pg, err := c.ListSessions(context.Background(), p)
		if err != nil {
			t.Errorf("ListSessions %v: %v", p, err)
			return n
		}
		n += len(pg.Items) + len(pg.Skipped)
		if pg.Next == "" {
			return n
		}
		p.Cursor = pg.Next
	}
	t.Errorf("ListSessions %v: no end after 1000 pages", p)
	return n
}

// walkHistory pages through a session's history and returns how many
// events it saw.
func walkHistory(t *testing.T, c *api.Client, id string) int {
	t.Helper()
	n, cursor := 0, ""
	for range 1000 {
		pg, err := c.History(context.Background(), id, cursor)
		if err != nil {
			t.Errorf("History %s: %v", id, err)
			return n
		}
		n += len(pg.Items)
		if pg.Next == "" {
			return n
		}
		cursor = pg.Next
	}
	t.Errorf("History %s: no end after 1000 pages", id)
	return n
}
