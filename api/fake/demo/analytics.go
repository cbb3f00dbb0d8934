package demo

import (
	"strings"

	"github.com/opencx-tools/cxi/api/fake"
)

// The demo organization's office hours: one weekday schedule in London,
// which an office-hours clock ("no human reply in 4 office hours") counts
// by.
const (
	OfficeHoursID       = "6a1e9c3f-2b7d-4e50-9f84-c3d20b7a5e16"
	OfficeHoursName     = "Weekday Support"
	OfficeHoursTimezone = "Europe/London"
)

// StarHandoffExplanation is the AI's explanation of the star's handoff,
// for tests that look for it in a view.
const StarHandoffExplanation = "Refunds above $100 need an agent's approval under the instructions, " +
	"the duplicate renewal charge is $119.00, and the customer asked twice to speak to a person."

// showcaseWhy is why the AI handed off each handed-off showcase session.
func showcaseWhy() map[string]struct {
	reasons     []string
	explanation string
} {
	return map[string]struct {
		reasons     []string
		explanation string
	}{
		IDAngryHandoff: {[]string{"based_on_instructions", "user_requested_human_assistance"}, StarHandoffExplanation},
		IDNonLatin:     {[]string{"insufficient_knowledge"}, "No article covers exchanges of items bought in Japan for delivery to Europe."},
		IDUnknownEnums: {[]string{"insufficient_tools"}, "The AI has no tool to read the carrier's new tracking service."},
		// The hostile session's explanation carries an escape sequence, as
		// any text from the API may: a view must show it sanitized.
		IDHostile:   {[]string{"prohibited_topic"}, "The message asked for another customer's data \x1b[31m(refused)\x1b[0m."},
		IDMessenger: {[]string{"user_requested_human_assistance"}, ""},
		IDAPI:       {[]string{"instructions_not_clear", "insufficient_knowledge"}, "The partner's order format is not in the instructions; the AI could not tell which order was meant."},
	}
}

// whyWeights are how often each reason leads a generated handoff.
func whyWeights(angry bool) []weighted[string] {
	user := 22
	if angry {
		user = 45
	}
	return []weighted[string]{
		{"user_requested_human_assistance", user}, {"insufficient_knowledge", 25}, {"insufficient_tools", 20},
		{"based_on_instructions", 14}, {"instructions_not_clear", 8}, {"prohibited_topic", 3},
	}
}

// explanations are the AI's words for each leading reason; {topic} is
// what the session is about.
func explanations() map[string][]string {
	return map[string][]string{
		"user_requested_human_assistance": {"The customer asked to speak to a person.", "The customer asked for a human agent after the second answer about {topic}."},
		"insufficient_knowledge":          {"No article in the knowledge base answers this question about {topic}.", "The knowledge base has nothing on this {topic} case."},
		"insufficient_tools":              {"The AI has no tool to change {topic} details in the account.", "Fixing this needs the {topic} back office, which the AI cannot reach."},
		"based_on_instructions":           {"The instructions say {topic} cases of this kind go to the team.", "Instructions: hand off {topic} requests above the AI's limit."},
		"instructions_not_clear":          {"The instructions do not say how to handle this {topic} request."},
		"prohibited_topic":                {"The customer raised a legal complaint, a topic the AI may not discuss."},
	}
}

// HandoffWhy says why the AI handed off a session: the showcase's by hand,
// a generated one's drawn from its ID (angry customers ask for a person
// more often), so the same session has the same reasons in every run.
func (c *catalog) HandoffWhy(id string, body []byte) ([]string, string) {
	if w, ok := showcaseWhy()[id]; ok {
		return w.reasons, w.explanation
	}
	e := newEntry(id, body)
	rng := rngFor(id, "handoff-why")
	angry := e.view.Sentiment != nil && *e.view.Sentiment == "angry"
	first := pickWeighted(rng, whyWeights(angry))
	reasons := []string{first}
	if chance(rng, 0.3) {
		if second := pickWeighted(rng, whyWeights(angry)); second != first {
			reasons = append(reasons, second)
		}
	}
	if chance(rng, 0.04) {
		return reasons, "" // the AI gave no explanation
	}
	topic := strings.ReplaceAll(topicFor(id, topics()).key, "_", " ")
	return reasons, strings.ReplaceAll(pick(rng, explanations()[first]), "{topic}", topic)
}

// Rating is a rating sent after the chat (the history's survey has the
// rest): the showcase's by hand, and for closed generated sessions with
// an angry customer, about half, low.
func (c *catalog) Rating(id string, body []byte) (int, string, bool) {
	switch id {
	case IDMessenger:
		return 1, "Nobody answered after the bot gave up.", true
	case IDResolvedEmail:
		return 5, "Refund came through the same day.", true
	case IDAssumedResolvedSMS:
		return 2, "", true
	}
	e := newEntry(id, body)
	if e.view.Status == "open" || e.view.Status == "" || e.view.Sentiment == nil || *e.view.Sentiment != "angry" {
		return 0, "", false
	}
	rng := rngFor(id, "rating")
	if !chance(rng, 0.5) {
		return 0, "", false
	}
	return 1 + rng.IntN(2), pick(rng, []string{"Still not fixed.", "Had to explain everything twice.", "", "Closed without an answer."}), true
}

// OfficeHours is the demo organization's one schedule: Monday to Friday,
// 09:00 to 17:00 in London.
func (c *catalog) OfficeHours() []fake.OfficeHours {
	const at = "2025-09-01T08:00:00.000Z"
	return []fake.OfficeHours{{
		ID: OfficeHoursID, Name: OfficeHoursName, Timezone: OfficeHoursTimezone, Created: at, Updated: at,
		Shifts: []fake.Shift{{ID: "b3f0d7a2-5c19-4e6b-8a24-7d9e1f6c0b35", DayOfWeek: "monday_to_friday", StartTime: "09:00:00", EndTime: "17:00:00"}},
	}}
}

var _ fake.Analytics = (*catalog)(nil)
