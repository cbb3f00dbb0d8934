package resolve

import (
	"testing"

	"github.com/opencx-tools/cxi/api"
)

func TestQueryMatches(t *testing.T) {
	name, typed, email, other, phone := "Dana Whitfield", "Dee", "Dana.Whitfield@example.com", "dana@home.example", "+1 (415) 555-0134"
	num := api.NumberOf(884213)
	s := api.Session{
		ID:              "3c90c3cc-0d44-4b50-8888-8dd25736052a",
		Contact:         &api.Contact{ID: "c1", Name: &name, NonVerifiedName: &typed, Email: &email, NonVerifiedEmail: &other, PhoneNumber: &phone},
		TicketingSystem: &api.TicketingSystem{ExternalID: "ZD-884213"},
		TicketNumber:    &num,
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"3C90C3CC-0D44-4B50-8888-8DD25736052A", true},
		{"#884213", true},
		{"zd-884213", true},
		{"#884214", false},
		{"dana.whitfield@EXAMPLE.com", true},
		{"dana@home.example", true},
		{"dana@example.com", false},
		{"4155550134", true},
		{"+44 415 555 0134", false},
		{"whitfield", true},
		{"dana whit", true},
		{"dee", true},
		{"field", false},
	} {
		q, err := Classify(tc.text)
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		if got := q.Matches(&s); got != tc.want {
			t.Errorf("%s (%v): %v, want %v", tc.text, q.Kind, got, tc.want)
		}
	}
	if (Query{Kind: KindEmail, Value: "a@b.c"}).Matches(&api.Session{}) || (Query{Kind: KindName, Value: "x"}).Matches(nil) {
		t.Error("a session without a contact matched")
	}
}
