package queue

import (
	"testing"
	"unsafe"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// within reports whether part's bytes lie inside whole's.
func within(part, whole string) bool {
	if part == "" || whole == "" {
		return false
	}
	p, w := uintptr(unsafe.Pointer(unsafe.StringData(part))), uintptr(unsafe.Pointer(unsafe.StringData(whole)))
	return p >= w && p+uintptr(len(part)) <= w+uintptr(len(whole))
}

// TestCellsShareTheSearchText: a contact or ticket cell that the search
// text holds as it is (an email, a ticket ID in lower case) is kept once,
// in the search text's bytes; one in mixed case keeps its own. Either way
// the cell reads as render shows it.
func TestCellsShareTheSearchText(t *testing.T) {
	email, name := "ana@example.com", "Ana Gómez"
	for _, c := range []struct {
		what         string
		s            api.Session
		contactShare bool
		ticketShare  bool
	}{
		{"an email and a lower-case ticket", api.Session{
			ID:              "3c90c3cc-0d44-4b50-8888-8dd25736052a",
			Contact:         &api.Contact{Email: &email},
			TicketingSystem: &api.TicketingSystem{ExternalID: "zd-4471"},
		}, true, true},
		{"a name and an upper-case ticket", api.Session{
			ID:              "3c90c3cc-0d44-4b50-8888-8dd25736052b",
			Contact:         &api.Contact{Name: &name, Email: &email},
			TicketingSystem: &api.TicketingSystem{ExternalID: "ZD-4471"},
		}, false, false},
	} {
		r := newRow(newKindTable(), &c.s)
		if r.contact != render.Contact(c.s.Contact) || r.ticket != render.Ticket(&c.s) {
			t.Errorf("%s: cells %q, %q; want %q, %q", c.what, r.contact, r.ticket, render.Contact(c.s.Contact), render.Ticket(&c.s))
		}
		if got := within(r.contact, r.search); got != c.contactShare {
			t.Errorf("%s: contact %q in the search text's bytes: %v, want %v", c.what, r.contact, got, c.contactShare)
		}
		if got := within(r.ticket, r.search); got != c.ticketShare {
			t.Errorf("%s: ticket %q in the search text's bytes: %v, want %v", c.what, r.ticket, got, c.ticketShare)
		}
	}
}
