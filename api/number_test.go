package api_test

import (
	"encoding/json"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestTicketNumberAsSent: ticket_number keeps the literal the API sent,
// whatever a float64 would make of it, and a string in its place decodes
// as a value that says it is not a number instead of failing the session.
func TestTicketNumberAsSent(t *testing.T) {
	tests := []struct {
		literal, text, key string
		number             bool
	}{
		{"884213", "884213", "884213", true},
		{"1042.5", "1042.5", "1042.5", true},
		{"1042.50", "1042.50", "1042.5", true},
		{"9007199254740993", "9007199254740993", "9007199254740993", true},
		{"1e21", "1e21", "1000000000000000000000", true},
		{"-0.000001", "-0.000001", "-0.000001", true},
		{`"4471"`, "4471", "4471", false},
		{`"ZD-1"`, "ZD-1", "", false},
		{`true`, "true", "", false},
		{`{"a":1}`, `{"a":1}`, "", false},
		{"1e999999999", "1e999999999", "", true}, // too large to expand: no key, still shown as sent
	}
	for _, tc := range tests {
		body := `{"id":"0d322df5-2d8c-4c3b-9f4f-3e2a1b0c9d8e","ticket_number":` + tc.literal + `}`
		var s api.Session
		if err := json.Unmarshal([]byte(body), &s); err != nil {
			t.Errorf("%s: %v", tc.literal, err)
			continue
		}
		n := s.TicketNumber
		if n == nil || n.String() != tc.text || n.Key() != tc.key || n.IsNumber() != tc.number {
			t.Errorf("%s: got %+v (text %q, key %q, number %v), want text %q, key %q, number %v",
				tc.literal, n, n.String(), n.Key(), n.IsNumber(), tc.text, tc.key, tc.number)
			continue
		}
		out, err := json.Marshal(s.TicketNumber)
		if err != nil || string(out) != tc.literal {
			t.Errorf("%s: encodes back as %s (%v)", tc.literal, out, err)
		}
	}
	var s api.Session
	if err := json.Unmarshal([]byte(`{"ticket_number":null}`), &s); err != nil || s.TicketNumber != nil {
		t.Errorf("null: %+v, %v", s.TicketNumber, err)
	}
}

func TestTicketNumberEqual(t *testing.T) {
	huge, _ := api.ParseNumber("9007199254740993")
	str, _ := api.ParseNumber(`"4471"`)
	tests := []struct {
		n    api.Number
		ref  string
		want bool
	}{
		{api.NumberOf(12345), "00012345", true},
		{api.NumberOf(1042.5), "1042.50", true},
		{huge, "9007199254740993", true},
		{huge, "9007199254740992", false}, // the same float64, another ticket
		{str, "4471", true},
		{api.NumberOf(1), "0x1", false},
		{api.NumberOf(1), "1/1", false},
		{api.NumberOf(1), "", false},
	}
	for _, tc := range tests {
		if got := tc.n.Equal(tc.ref); got != tc.want {
			t.Errorf("%s Equal(%q) = %v, want %v", tc.n, tc.ref, got, tc.want)
		}
	}
	if _, err := api.ParseNumber("12 34"); err == nil {
		t.Error("ParseNumber took text that is not JSON")
	}
}
