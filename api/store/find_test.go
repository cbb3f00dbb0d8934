package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/resolve"
)

func TestFind(t *testing.T) {
	s := fresh(t)
	dana := session(id(1), time.Hour, withContact("Dana Whitfield", "Dana.Whitfield@Example.com", "+1 (415) 555-0134"),
		withTicket("zendesk", "ZD-884213", 884213))
	dana.Contact.NonVerifiedEmail = ptr("dana.w.home@example.net")
	dana.Contact.NonVerifiedName = ptr("Dana W.")
	olena := session(id(2), 2*time.Hour, withContact("Олена Коваленко", "", "+380 44 123 4567"), withTicket("", "", 1042.5))
	danaAgain := session(id(3), 0, withContact("dana  whitfield", "", ""), withTicket("freshdesk", "00012345", 0))
	save(t, s, t0, dana, olena, danaAgain)
	other := fmt.Sprintf("%08x-1111-4111-8111-111111111111", 1) // shares its first eight digits with id(1)
	save(t, s, t0.Add(-time.Minute), session(other, 5*time.Hour))

	for _, tt := range []struct {
		text, want string
	}{
		{"ZD-884213", "00000001"},
		{"zd-884213", "00000001"},
		{"#884213", "00000001"},
		{"884213", "00000001"},
		{"00012345", "00000003"}, // the external_id as written
		{"#12345", ""},           // a number is not the external_id "00012345"
		{"dana.whitfield@example.com", "00000001"},
		{"DANA.W.HOME@example.net", "00000001"},
		{"+1 415 555 0134", "00000001"},
		{"(415) 555-0134", "00000001"},
		{"4155550134", "00000001"},
		{"555-0134", "00000001"}, // seven digits: the end of the number
		{"+380441234567", "00000002"},
		{"Dana Whitfield", "00000003 00000001"}, // newest activity first
		{"dana", "00000003 00000001"},
		{"Whitfield", "00000003 00000001"},
		{"dana w.", "00000001"},
		{"олена", "00000002"},
		{"КОВАЛЕНКО", "00000002"},
		{id(2), "00000002"},
		{"00000002", "00000002"},          // the first eight hex digits (classified a ticket)
		{"00000001", "00000001 00000001"}, // two sessions start so
		{"00000001-0d44", "00000001"},     // a longer prefix tells them apart
		{"LK-2291834", ""},                // custom data is not an identifier
		{"nobody@example.com", ""},
		{"Jake", ""},
	} {
		found, err := s.FindText(ctx, tt.text)
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if got := ids(found); got != tt.want {
			t.Errorf("%q found %q, want %q", tt.text, got, tt.want)
		}
	}
	found, _ := s.Find(ctx, resolve.Query{Kind: resolve.KindTicket, Value: "ZD-884213"})
	if len(found) != 1 || !found[0].FetchedAt.Equal(t0) || found[0].Session.Contact == nil {
		t.Errorf("Find: %+v", found)
	}
	// A float ticket number, which Classify reads as a name (the dot).
	if found, _ := s.Find(ctx, resolve.Query{Kind: resolve.KindTicket, Value: "1042.5"}); ids(found) != "00000002" {
		t.Errorf("1042.5: %q", ids(found))
	}
	// The demo's star by its short ID, as the UI shows it.
	save(t, s, t0, fixture(t, demo.IDAngryHandoff))
	if found, _ := s.FindText(ctx, "3f9c2a71"); ids(found) != "3f9c2a71" {
		t.Errorf("short ID: %q", ids(found))
	}
	// A long number that is no phone is tried as a ticket number, as
	// resolve does.
	save(t, s, t0, session(id(5), 0, withTicket("", "", 215460698793614)))
	if found, _ := s.FindText(ctx, "215460698793614"); ids(found) != "00000005" {
		t.Errorf("long ticket number: %q", ids(found))
	}
	// A UUID-shaped ticket reference, as some helpdesks have.
	save(t, s, t0, session(id(6), 0, withTicket("front", id(7), 0)))
	if found, _ := s.FindText(ctx, id(7)); ids(found) != "00000006" {
		t.Errorf("UUID ticket: %q", ids(found))
	}
	// A session saved again is found by its new identifiers only.
	save(t, s, t0, session(id(1), time.Hour, withContact("Dana Whitfield", "new@example.com", "")))
	if found, _ := s.FindText(ctx, "ZD-884213"); ids(found) != "3f9c2a71" {
		t.Errorf("an old identifier still finds it: %q", ids(found))
	}
	if found, _ := s.FindText(ctx, "new@example.com"); ids(found) != "00000001" {
		t.Errorf("the new one: %q", ids(found))
	}
}

func TestFindAtMostMaxFound(t *testing.T) {
	s := fresh(t)
	page := make([]api.Session, MaxFound+10)
	for i := range page {
		page[i] = session(id(i), time.Duration(i)*time.Minute, withContact("Sam Lee", "", ""))
	}
	save(t, s, t0, page...)
	found, err := s.FindText(ctx, "sam lee")
	if err != nil || len(found) != MaxFound || found[0].Session.ID != id(0) {
		t.Errorf("%d found, first %v, err %v", len(found), found[0].Session.ID, err)
	}
}

func TestSearch(t *testing.T) {
	s := fresh(t)
	save(t, s, t0,
		session(id(1), time.Hour, withHandoff("Customer threatens a chargeback after two failed refunds.")),
		session(id(2), 2*time.Hour, withHandoff("Chargeback dispute.")),
		session(id(3), 3*time.Hour),
		session(id(4), 4*time.Hour, withHandoff(`Says "refund OR NEAR(x)" * literally; café`)),
	)
	events := []api.Event{{Text: "I want my money back"}, {Text: "Refunding now", Attachments: []api.Attachment{{Name: "invoice-7781.pdf"}}}}
	if err := s.SaveHistory(ctx, id(2), events, true, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHistory(ctx, id(3), []api.Event{{Text: "chargeback"}}, false, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHistory(ctx, id(9), []api.Event{{Text: "chargeback refund"}}, true, t0); err != nil { // a session never kept
		t.Fatal(err)
	}
	for _, tt := range []struct{ words, want string }{
		{"chargeback refund", "00000001 00000002"}, // id(2): one word in the summary, one in the transcript
		{"CHARGEBACK", "00000001 00000002 00000003"},
		{"refunds", "00000001 00000002 00000004"}, // stems
		{"money back", "00000002"},
		{"invoice", "00000002"},
		{"cafe", "00000004"}, // diacritics
		{`"refund`, "00000001 00000002 00000004"},
		{"OR", "00000004"},
		{"NEAR(x)", "00000004"},
		{"*", ""},
		{"", ""},
		{"chargeback unicorn", ""},
	} {
		found, err := s.Search(ctx, tt.words)
		if err != nil {
			t.Fatalf("%q: %v", tt.words, err)
		}
		if got := ids(found); got != tt.want {
			t.Errorf("%q found %q, want %q", tt.words, got, tt.want)
		}
	}
	// A changed summary and a replaced transcript are searched as they are now.
	save(t, s, t0, session(id(1), time.Hour, withHandoff("Asks about shipping.")))
	if err := s.SaveHistory(ctx, id(2), []api.Event{{Text: "thanks"}}, true, t0); err != nil {
		t.Fatal(err)
	}
	if found, _ := s.Search(ctx, "refund"); ids(found) != "00000004" {
		t.Errorf("after the changes: %q", ids(found))
	}
	if found, _ := s.Search(ctx, "shipping"); ids(found) != "00000001" {
		t.Errorf("the new summary: %q", ids(found))
	}
	// A transcript kept before its session is searched once the session is.
	save(t, s, t0, session(id(9), 0))
	if found, _ := s.Search(ctx, "chargeback refund"); ids(found) != "00000009" {
		t.Errorf("a transcript kept first: %q", ids(found))
	}
}
