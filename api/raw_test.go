package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestListItemsKeepTheirBody: a list page's session carries its item as
// sent, byte for byte (spacing, key order, nulls, unknown fields, digits),
// as a GET's session carries its body, so --json and the raw view print
// what the API said whichever way the session came.
func TestListItemsKeepTheirBody(t *testing.T) {
	items := []string{
		`{"id":"` + testID + `", "status":"open","tags":["vip"],"channel":{"type":"web","id":"ch_1"},` +
			`"ticket_number":9007199254740993,"assignee_id":null,"custom_data":{},"created_at":"2026-03-11T13:47:19Z","updated_at":"2026-03-11T13:47:19Z"}`,
		`{"updated_at":"2026-03-11T13:47:19Z","id":"0d322df5-2d8c-4c3b-9f4f-3e2a1b0c9d8e","ticket_number":"4471","status":"closed_resolved","channel":{"type":"web"},"created_at":"2026-03-11T13:47:19Z"}`,
	}
	body := `{"items":[` + items[0] + `,` + "\n  " + items[1] + `],"next":null}`
	srv := serve(t, respond(http.StatusOK, "application/json", body))
	page, err := newClient(t, srv.URL).ListSessions(context.Background(), api.ListParams{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 || len(page.Skipped) != 0 {
		t.Fatalf("%d items, skipped %+v; want both items", len(page.Items), page.Skipped)
	}
	for i, s := range page.Items {
		if string(s.Raw) != items[i] {
			t.Errorf("item %d: Raw = %s\nwant %s", i, s.Raw, items[i])
		}
	}
	if n := page.Items[1].TicketNumber; n == nil || n.IsNumber() || n.String() != "4471" {
		t.Errorf("a string ticket_number: %+v, want the text 4471, not a number", n)
	}
}

// TestOddTicketSessionDecodes: the demo's session whose ticket_number is a
// string is read by its GET, not refused: the value is kept as sent and
// says it is not a number.
func TestOddTicketSessionDecodes(t *testing.T) {
	_, base := startFake(t, demo.NewServer())
	c := newClientKey(t, base, fake.DemoKey)
	s, err := c.GetSession(context.Background(), demo.IDOddTicket)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.TicketNumber; n == nil || n.IsNumber() || n.String() != "4471" {
		t.Errorf("ticket_number = %+v, want the string 4471", n)
	}
	if !json.Valid(s.Raw) || !bytes.Contains(s.Raw, []byte(`"ticket_number":"4471"`)) {
		t.Errorf("Raw is not the body as sent: %s", s.Raw)
	}
}
