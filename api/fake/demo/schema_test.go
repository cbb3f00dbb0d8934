package demo

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// sessionSchema compiles GetChatSessionOutput from the contract.
func sessionSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := doc.Schema("/components/schemas/GetChatSessionOutput")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSchemaCompiles(t *testing.T) {
	sessionSchema(t)
}

// decodeInstance parses a fixture the way the validator wants it.
func decodeInstance(t *testing.T, body []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("fixture is not JSON: %v", err)
	}
	return v
}

func TestFixturesMatchSchema(t *testing.T) {
	sch := sessionSchema(t)
	for _, d := range Sessions() {
		if d.ID == IDUnknownEnums {
			continue // TestUnknownEnumsFailOnlyOnEnums
		}
		t.Run(d.ID[:8], func(t *testing.T) {
			body, _ := Fixture(d.ID)
			if err := sch.Validate(decodeInstance(t, body)); err != nil {
				t.Errorf("%s (%s) is not a valid GetChatSessionOutput:\n%v", d.ID, d.Title, err)
			}
		})
	}
}

// TestUnknownEnumsFailOnlyOnEnums proves the unknown-enum fixture is outside
// today's schema for exactly one reason: values the enums do not list yet.
// Anything else wrong with it would make the demo test the wrong thing.
func TestUnknownEnumsFailOnlyOnEnums(t *testing.T) {
	sch := sessionSchema(t)
	body, _ := Fixture(IDUnknownEnums)
	err := sch.Validate(decodeInstance(t, body))
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want a validation error, got %v", err)
	}
	got, ok := enumFailures(verr)
	if !ok {
		t.Fatalf("a failure other than enum:\n%v", err)
	}
	// The fields are the ones Oddities lists for it, the one place the
	// contract checks take them from.
	var want []string
	for _, o := range Oddities() {
		if o.SessionID == IDUnknownEnums {
			want = slices.Sorted(slices.Values(o.Fields))
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("enum failures at %q, want %q", got, want)
	}
}

// enumFailures walks a validation error tree and returns the instance
// locations of its enum failures, with ok false if any leaf failure is not an
// enum. For anyOf (the nullable enums) one alternative failing on enum is
// enough: the other alternative, "null", fails on type by design.
func enumFailures(e *jsonschema.ValidationError) (locations []string, ok bool) {
	switch e.ErrorKind.(type) {
	case *kind.Enum:
		return []string{"/" + strings.Join(e.InstanceLocation, "/")}, true
	case *kind.AnyOf:
		for _, c := range e.Causes {
			if locs, ok := enumFailures(c); ok {
				return locs, true
			}
		}
		return nil, false
	case *kind.Schema, *kind.Group, *kind.Reference:
		if len(e.Causes) == 0 {
			return nil, false
		}
		for _, c := range e.Causes {
			locs, ok := enumFailures(c)
			if !ok {
				return nil, false
			}
			locations = append(locations, locs...)
		}
		return locations, true
	default:
		return nil, false
	}
}

// TestSchemaIsStrict guards the tests above against passing vacuously: the
// compiled schema must reject what it forbids, including the email pattern
// that needs regexp2 and the formats that need AssertFormat.
func TestSchemaIsStrict(t *testing.T) {
	sch := sessionSchema(t)
	base, _ := Fixture(IDAngryHandoff)
	cases := []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"uuid version 0", func(m map[string]any) { m["id"] = "3f9c2a71-8d4e-0b6a-9f13-5c2e7d8a1b04" }},
		{"uuid variant c", func(m map[string]any) { m["id"] = "3f9c2a71-8d4e-4b6a-cf13-5c2e7d8a1b04" }},
		{"email double dot", func(m map[string]any) { contact(m)["email"] = "dana..whitfield@example.com" }},
		{"email leading dot", func(m map[string]any) { contact(m)["email"] = ".dana@example.com" }},
		// Valid for the email format, invalid only for the schema's pattern.
		{"email with #", func(m map[string]any) { contact(m)["email"] = "d#na@example.com" }},
		{"date-time without zone", func(m map[string]any) { m["created_at"] = "2026-03-11T13:47:19" }},
		{"ticket_number string", func(m map[string]any) { m["ticket_number"] = "884213" }},
		{"extra key", func(m map[string]any) { m["priority"] = "high" }},
		{"missing sentiment", func(m map[string]any) { delete(m, "sentiment") }},
		{"contact custom_data number", func(m map[string]any) { contact(m)["custom_data"] = map[string]any{"n": 1} }},
		{"team without name", func(m map[string]any) { delete(m["team"].(map[string]any), "name") }},
	}
	decode := func(t *testing.T) map[string]any {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	// The control: decoded the same way and left alone, the body passes, so
	// the failures below come from the mutations, not from the decoding.
	if err := sch.Validate(decode(t)); err != nil {
		t.Fatalf("unmutated body rejected: %v", err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := decode(t)
			tc.mutate(m)
			if err := sch.Validate(m); err == nil {
				t.Error("schema accepted it")
			}
		})
	}
}

func contact(m map[string]any) map[string]any { return m["contact"].(map[string]any) }

// TestListedSessionsMatchSchema validates every item of the unfiltered list
// (the demo fixtures, with fixed and with recent dates, and every generated
// session) against GetChatSessionOutput. Excluded, by name: the unknown-enum
// fixture (TestUnknownEnumsFailOnlyOnEnums) and the two odd items, which are
// malformed on purpose (TestOddTicketFailsOnlyOnTicketNumber).
func TestListedSessionsMatchSchema(t *testing.T) {
	sch := sessionSchema(t)
	for name, cat := range map[string]fake.Catalog{
		"fixed demo dates":  Catalog(),
		"recent demo dates": Catalog(WithRecentDates()),
	} {
		t.Run(name, func(t *testing.T) {
			items, _ := probe.Walk(t, probe.Server(cat), "/chat/sessions", nil)
			validated := 0
			for i, item := range items {
				switch {
				case i == CorruptedIndex:
					if string(item) != corruptedItem {
						t.Errorf("item %d is not the corrupted item", i)
					}
					continue
				case i == OddTicketIndex:
					if !strings.Contains(string(item), IDOddTicket) {
						t.Errorf("item %d is not the odd ticket session", i)
					}
					continue
				case strings.Contains(string(item), IDUnknownEnums):
					continue
				}
				if err := sch.Validate(decodeInstance(t, item)); err != nil {
					t.Errorf("item %d is not a valid GetChatSessionOutput: %.200s\n%v", i, item, err)
				}
				validated++
			}
			if want := len(Sessions()) - 1 + DefaultGenerated; validated != want {
				t.Errorf("validated %d sessions, want %d", validated, want)
			}
		})
	}
}

// TestOddTicketFailsOnlyOnTicketNumber: the odd session is a valid session
// but for its ticket_number, so it tests exactly one decoding trap.
func TestOddTicketFailsOnlyOnTicketNumber(t *testing.T) {
	sch := sessionSchema(t)
	w := probe.Get(newTestServer(), "/chat/sessions/"+IDOddTicket, fake.DemoKey)
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(m); err == nil {
		t.Fatal("the odd session validates; its ticket_number should be a string")
	}
	m["ticket_number"] = 4471
	if err := sch.Validate(m); err != nil {
		t.Errorf("with a numeric ticket_number it still fails:\n%v", err)
	}
}
