package api

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// HandoffReason is why the AI handed a session to a human: one of the
// contract's six values, or one a newer API added, kept as sent.
type HandoffReason string

// The handoff reasons the contract lists.
const (
	ReasonBasedOnInstructions   HandoffReason = "based_on_instructions"
	ReasonInstructionsNotClear  HandoffReason = "instructions_not_clear"
	ReasonInsufficientKnowledge HandoffReason = "insufficient_knowledge"
	ReasonInsufficientTools     HandoffReason = "insufficient_tools"
	ReasonProhibitedTopic       HandoffReason = "prohibited_topic"
	ReasonUserRequestedHuman    HandoffReason = "user_requested_human_assistance"
)

var knownReasons = []HandoffReason{
	ReasonUserRequestedHuman, ReasonInsufficientKnowledge, ReasonInsufficientTools,
	ReasonInstructionsNotClear, ReasonBasedOnInstructions, ReasonProhibitedTopic,
}

// HandoffReasons returns the reasons the contract lists, in the order a
// filter menu offers them (the customer's own request first).
func HandoffReasons() []HandoffReason { return slices.Clone(knownReasons) }

// Known reports whether the contract lists the reason; an unknown one is
// shown as sent, never dropped.
func (r HandoffReason) Known() bool { return slices.Contains(knownReasons, r) }

// Label is the reason in words ("insufficient knowledge"); an unknown
// reason is its value as sent, so that a newer API's word still shows.
func (r HandoffReason) Label() string {
	if !r.Known() {
		return string(r)
	}
	return strings.ReplaceAll(string(r), "_", " ")
}

// ParseHandoffReason reads a reason as a user types it: the API's word or
// its Label, in any case ("insufficient knowledge", "INSUFFICIENT_KNOWLEDGE").
// Only the contract's reasons pass: the API answers 400 for any other.
func ParseHandoffReason(s string) (HandoffReason, error) {
	w := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(s)), "_"))
	if r := HandoffReason(w); r.Known() {
		return r, nil
	}
	names := make([]string, len(knownReasons))
	for i, r := range knownReasons {
		names[i] = string(r)
	}
	if strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("no handoff reason given: want one of %s", strings.Join(names, ", "))
	}
	return "", fmt.Errorf("unknown handoff reason %q: want one of %s", s, strings.Join(names, ", "))
}

// Period is the date range of the analytics endpoints. A zero Start or
// End leaves it to the API (the last 30 days, up to now).
type Period struct {
	Start, End time.Time
}

// LastDays is the period of the last n days up to now.
func LastDays(now time.Time, n int) Period {
	return Period{Start: now.AddDate(0, 0, -n), End: now}
}

// Check refuses a period that ends before it starts, before any request
// is spent on it.
func (p Period) Check() error {
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		return fmt.Errorf("the period ends (%s) before it starts (%s)", p.End.UTC().Format(time.RFC3339), p.Start.UTC().Format(time.RFC3339))
	}
	return nil
}

// query sets start_date and end_date (ISO 8601, UTC) where given.
func (p Period) query(q url.Values) {
	if !p.Start.IsZero() {
		q.Set("start_date", p.Start.UTC().Format(time.RFC3339))
	}
	if !p.End.IsZero() {
		q.Set("end_date", p.End.UTC().Format(time.RFC3339))
	}
}

// withQuery appends q to path when it has anything.
func withQuery(path string, q url.Values) string {
	if e := q.Encode(); e != "" {
		return path + "?" + e
	}
	return path
}
