package demo

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// decodedFixtures decodes every demo fixture into plain maps, numbers kept
// as json.Number so that a float ticket_number stays visible as one.
func decodedFixtures(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, d := range Sessions() {
		body, ok := Fixture(d.ID)
		if !ok {
			t.Fatalf("%s: no fixture", d.ID)
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		out = append(out, m)
	}
	return out
}

// seen collects which values of one field the fixtures show; "<null>" and
// "<absent>" stand for a JSON null and a missing key.
type seen map[string]bool

func (s seen) add(obj map[string]any, key string) {
	v, ok := obj[key]
	switch {
	case !ok:
		s["<absent>"] = true
	case v == nil:
		s["<null>"] = true
	default:
		if str, isString := v.(string); isString {
			s[str] = true
		} else {
			s["<other>"] = true
		}
	}
}

func (s seen) require(t *testing.T, field string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !s[w] {
			t.Errorf("%s: no fixture shows %q", field, w)
		}
	}
}

func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// TestDemoCoverage asserts that the fixtures, together, show every state the
// inspector has to render; a fixture edited away from its purpose fails here.
func TestDemoCoverage(t *testing.T) {
	fields := map[string]seen{}
	field := func(name string) seen {
		if fields[name] == nil {
			fields[name] = seen{}
		}
		return fields[name]
	}
	var floatTicket, assistOn, assistOff bool
	customTypes := seen{}
	nvCustomTypes := seen{}

	for _, f := range decodedFixtures(t) {
		for _, k := range []string{"status", "sentiment", "ai_closure_type", "language", "assignee_id", "custom_data", "contact", "team", "handoff", "ticketing_system"} {
			field(k).add(f, k)
		}
		field("channel.type").add(object(f["channel"]), "type")
		if c := object(f["contact"]); c != nil {
			for _, k := range []string{"email", "phone_number", "name", "custom_data", "non_verified_name", "non_verified_email", "non_verified_custom_data"} {
				field("contact."+k).add(c, k)
			}
			typesOf(object(c["non_verified_custom_data"]), nvCustomTypes)
		}
		if tm := object(f["team"]); tm != nil {
			field("team.description").add(tm, "description")
		}
		if h := object(f["handoff"]); h != nil {
			field("handoff.sentiment").add(h, "sentiment")
		}
		if ts := object(f["ticketing_system"]); ts != nil {
			field("ticketing_system.name").add(ts, "name")
			field("ticketing_system.id_type").add(ts, "id_type")
		}
		if n, ok := f["ticket_number"].(json.Number); ok && strings.ContainsAny(n.String(), ".eE") {
			floatTicket = true
		}
		switch f["assist_mode"] {
		case true:
			assistOn = true
		case false:
			assistOff = true
		}
		typesOf(object(f["custom_data"]), customTypes)
	}

	field("status").require(t, "status", "open", "closed_resolved", "closed_unresolved", "pending_review")
	field("sentiment").require(t, "sentiment", "angry", "happy", "neutral", "<null>", "frustrated")
	field("ai_closure_type").require(t, "ai_closure_type", "assumed_resolved", "handed_off", "resolved", "<null>", "escalated_to_human")
	field("channel.type").require(t, "channel.type",
		"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice", "telegram")
	field("ticketing_system.name").require(t, "ticketing_system.name",
		"zendesk", "freshdesk", "hubspot", "salesforce", "twilio_flex", "intercom", "gorgias", "front", "zendesk_v3")
	field("ticketing_system.id_type").require(t, "ticketing_system.id_type",
		"ticket_id", "conversation_id", "case_id", "conversation_sid", "thread_id")
	field("handoff.sentiment").require(t, "handoff.sentiment", "angry", "happy", "neutral", "<absent>", "confused")
	field("language").require(t, "language", "en", "ja", "<absent>")
	field("assignee_id").require(t, "assignee_id", "<absent>", "<null>")
	field("team.description").require(t, "team.description", "<absent>")
	for _, k := range []string{"custom_data", "contact", "team", "handoff", "ticketing_system"} {
		field(k).require(t, k, "<absent>")
	}
	for _, k := range []string{"email", "phone_number", "name", "custom_data", "non_verified_name", "non_verified_email", "non_verified_custom_data"} {
		field("contact."+k).require(t, "contact."+k, "<null>")
	}
	customTypes.require(t, "custom_data value types", "string", "empty string", "integer", "float", "negative", "true", "false")
	nvCustomTypes.require(t, "contact.non_verified_custom_data value types", "string", "integer", "true", "false")
	if !floatTicket {
		t.Error("no fixture has a float ticket_number")
	}
	if !assistOn || !assistOff {
		t.Errorf("assist_mode: true seen %v, false seen %v; want both", assistOn, assistOff)
	}
}

// typesOf records the kinds of the values in a custom data object.
func typesOf(m map[string]any, into seen) {
	for _, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				into["empty string"] = true
			} else {
				into["string"] = true
			}
		case bool:
			if v {
				into["true"] = true
			} else {
				into["false"] = true
			}
		case json.Number:
			s := v.String()
			if strings.HasPrefix(s, "-") {
				into["negative"] = true
			}
			if strings.ContainsAny(s, ".eE") {
				into["float"] = true
			} else {
				into["integer"] = true
			}
		}
	}
}

// TestStarSession pins what makes the first demo session the showcase.
func TestStarSession(t *testing.T) {
	var star map[string]any
	for _, f := range decodedFixtures(t) {
		if f["id"] == IDAngryHandoff {
			star = f
		}
	}
	summary, _ := object(star["handoff"])["summary"].(string)
	paragraphs := strings.Split(summary, "\n\n")
	if len(paragraphs) < 4 || len(summary) < 1200 || len(summary) > 2000 {
		t.Errorf("summary: %d paragraphs, %d bytes; want 4+ paragraphs of about 1500 bytes", len(paragraphs), len(summary))
	}
	ts := object(star["ticketing_system"])
	if ts["external_id"] != "ZD-884213" || ts["id_type"] != "ticket_id" || star["ticket_number"] != json.Number("884213") {
		t.Errorf("ticket: %v, number %v", ts, star["ticket_number"])
	}
	c := object(star["contact"])
	for k, v := range c {
		if v == nil {
			t.Errorf("contact.%s is null; the star has a full contact", k)
		}
	}
	for _, k := range []string{"language", "assignee_id", "custom_data"} {
		if star[k] == nil {
			t.Errorf("%s missing", k)
		}
	}
	if object(star["team"])["description"] == nil || star["assist_mode"] != false {
		t.Errorf("team %v, assist_mode %v", star["team"], star["assist_mode"])
	}
}

// TestHostileSession checks that the hostile fixture really carries every
// kind of dangerous text in every kind of place the UI prints.
func TestHostileSession(t *testing.T) {
	var h map[string]any
	for _, f := range decodedFixtures(t) {
		if f["id"] == IDHostile {
			h = f
		}
	}
	custom := object(h["custom_data"])
	var keys, values strings.Builder
	for k, v := range custom {
		keys.WriteString(k)
		if s, ok := v.(string); ok {
			values.WriteString(s)
		}
	}
	places := map[string]string{
		"contact.name":                  object(h["contact"])["name"].(string),
		"handoff.summary":               object(h["handoff"])["summary"].(string),
		"team.name":                     object(h["team"])["name"].(string),
		"custom_data keys (together)":   keys.String(),
		"custom_data values (together)": values.String(),
	}
	dangers := map[string]string{
		"CSI":      "\x1b[",
		"OSC":      "\x1b]",
		"BEL":      "\a",
		"NUL":      "\x00",
		"C1 CSI":   "\u009b",
		"DEL":      "\x7f",
		"bidi RLO": "\u202e",
	}
	for place, text := range places {
		for name, seq := range dangers {
			if !strings.Contains(text, seq) {
				t.Errorf("%s has no %s", place, name)
			}
		}
	}
	var all strings.Builder
	for _, text := range places {
		all.WriteString(text)
	}
	for name, seq := range map[string]string{
		"OSC 0 title": "\x1b]0;pwned\a",
		"OSC 52":      "\x1b]52;c;cm0gLXJmIH4K\a",
		"OSC 8 link":  "\x1b]8;;https://evil.example/",
		"red":         "\x1b[31m",
	} {
		if !strings.Contains(all.String(), seq) {
			t.Errorf("no %s anywhere", name)
		}
	}
	i := slices.IndexFunc(Sessions(), func(d Session) bool { return d.ID == IDHostile })
	if !strings.Contains(Sessions()[i].Title, "sanitized") {
		t.Error("the hostile session's title must say it is shown sanitized")
	}
}
