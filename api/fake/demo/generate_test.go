package demo

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// generatedSessions decodes every generated session, as GET serves it.
func generatedSessions(t *testing.T) []map[string]any {
	t.Helper()
	s := probe.Server(Catalog(WithoutShowcase(), WithoutOddItems(), WithGenerated(DefaultGenerated)))
	var out []map[string]any
	for _, id := range s.SessionIDs() {
		var m map[string]any
		dec := json.NewDecoder(strings.NewReader(probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String()))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		out = append(out, m)
	}
	if len(out) != DefaultGenerated {
		t.Fatalf("%d generated sessions, want %d", len(out), DefaultGenerated)
	}
	return out
}

// TestGeneratedVariety: the generated sessions, together, show every value
// and every absence the queue has to render, in realistic proportions.
func TestGeneratedVariety(t *testing.T) {
	now := probe.Clock()
	fields := map[string]seen{}
	field := func(name string) seen {
		if fields[name] == nil {
			fields[name] = seen{}
		}
		return fields[name]
	}
	externalID := map[string]*regexp.Regexp{
		"zendesk":     regexp.MustCompile(`^ZD-\d{6}$`),
		"freshdesk":   regexp.MustCompile(`^FD-\d{4,5}$`),
		"salesforce":  regexp.MustCompile(`^000\d{5}$`),
		"hubspot":     regexp.MustCompile(`^\d{10}$`),
		"intercom":    regexp.MustCompile(`^2154\d{11}$`),
		"twilio_flex": regexp.MustCompile(`^CH[0-9a-f]{32}$`),
		"front":       regexp.MustCompile(`^cnv_[0-9a-z]{8}$`),
		"gorgias":     regexp.MustCompile(`^\d{8}$`),
	}
	scripts := map[string]*unicode.RangeTable{
		"Latin": unicode.Latin, "Han": unicode.Han, "Arabic": unicode.Arabic, "Cyrillic": unicode.Cyrillic,
		"Greek": unicode.Greek, "Devanagari": unicode.Devanagari, "Hangul": unicode.Hangul,
	}
	var handedOff, floats, ints, assigned int
	ages := map[string]bool{}
	paragraphs := map[int]bool{}

	for _, g := range generatedSessions(t) {
		id := g["id"].(string)
		for _, k := range []string{"status", "sentiment", "ai_closure_type", "contact", "team", "ticketing_system", "assignee_id", "language", "custom_data"} {
			field(k).add(g, k)
		}
		field("channel").add(object(g["channel"]), "type")
		if h := object(g["handoff"]); h != nil {
			handedOff++
			field("handoff.sentiment").add(h, "sentiment")
			n := strings.Count(h["summary"].(string), "\n\n") + 1
			paragraphs[n] = true
		}
		if ts := object(g["ticketing_system"]); ts != nil {
			name, ext := ts["name"].(string), ts["external_id"].(string)
			field("ticketing_system.name").add(ts, "name")
			if re := externalID[name]; re == nil || !re.MatchString(ext) {
				t.Errorf("%s: %s external_id %q", id, name, ext)
			}
		}
		if n := string(g["ticket_number"].(json.Number)); strings.Contains(n, ".") {
			floats++
		} else {
			ints++
		}
		if c := object(g["contact"]); c != nil {
			for _, k := range []string{"email", "phone_number", "name", "custom_data", "non_verified_name", "non_verified_email", "non_verified_custom_data"} {
				field("contact."+k).add(c, k)
			}
			if name, ok := c["name"].(string); ok {
				for script, table := range scripts {
					if strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(table, r) }) {
						field("script")[script] = true
					}
				}
			}
		}
		if tm := object(g["team"]); tm != nil && !uuidPattern.MatchString(tm["id"].(string)) {
			t.Errorf("%s: team id %v", id, tm["id"])
		}
		if a, ok := g["assignee_id"].(string); ok {
			assigned++
			if !uuidPattern.MatchString(a) {
				t.Errorf("%s: assignee_id %q", id, a)
			}
		}

		created, _ := time.Parse(time.RFC3339, g["created_at"].(string))
		updated, _ := time.Parse(time.RFC3339, g["updated_at"].(string))
		if updated.Before(created) || updated.After(now) || now.Sub(created) > 45*24*time.Hour {
			t.Errorf("%s: created %v, updated %v; want within the 45 days before %v", id, created, updated, now)
		}
		switch age := now.Sub(updated); {
		case age < time.Hour:
			ages["minutes"] = true
		case age < 24*time.Hour:
			ages["hours"] = true
		case age < 7*24*time.Hour:
			ages["days"] = true
		default:
			ages["weeks"] = true
		}
	}

	field("status").require(t, "status", "open", "closed_resolved", "closed_unresolved")
	field("sentiment").require(t, "sentiment", "angry", "happy", "neutral", "<null>")
	field("ai_closure_type").require(t, "ai_closure_type", "assumed_resolved", "handed_off", "resolved", "<null>")
	field("channel").require(t, "channel", sessionChannels()...)
	field("handoff.sentiment").require(t, "handoff.sentiment", "angry", "happy", "neutral", "<absent>")
	field("ticketing_system.name").require(t, "ticketing_system.name", "zendesk", "freshdesk", "salesforce", "hubspot", "intercom", "twilio_flex", "front", "gorgias")
	field("assignee_id").require(t, "assignee_id", "<absent>", "<null>")
	if assigned == 0 {
		t.Error("no generated session has an assignee")
	}
	for _, k := range []string{"contact", "team", "ticketing_system", "language", "custom_data"} {
		field(k).require(t, k, "<absent>")
	}
	for _, k := range []string{"email", "phone_number", "name", "custom_data", "non_verified_name", "non_verified_email", "non_verified_custom_data"} {
		field("contact."+k).require(t, "contact."+k, "<null>")
	}
	field("script").require(t, "contact names", "Latin", "Han", "Arabic", "Cyrillic", "Greek", "Devanagari", "Hangul")
	if share := float64(handedOff) / DefaultGenerated; share < 0.3 || share > 0.5 {
		t.Errorf("%.0f%% handed off, want about 40%%", share*100)
	}
	if floats == 0 || floats > ints/10 {
		t.Errorf("ticket numbers: %d integers, %d floats; want mostly integers and a few floats", ints, floats)
	}
	if !paragraphs[1] || !paragraphs[2] || !paragraphs[3] {
		t.Errorf("summaries of %v paragraphs; want 1, 2 and 3", paragraphs)
	}
	for _, a := range []string{"minutes", "hours", "days", "weeks"} {
		if !ages[a] {
			t.Errorf("no session last updated %s ago", a)
		}
	}
}

func TestNewUUID(t *testing.T) {
	rng := rngFor("uuid test")
	seen := map[string]bool{}
	for range 1000 {
		id := newUUID(rng)
		if !uuidPattern.MatchString(id) || id[14] != '4' || seen[id] {
			t.Fatalf("%q: not a fresh version 4 UUID", id)
		}
		seen[id] = true
	}
}

// sessionChannels are the schema's SessionChannel values, which the list's
// channel_type filter accepts.
func sessionChannels() []string {
	return []string{"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice"}
}
