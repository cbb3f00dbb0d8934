package lint

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// noTicket: a handoff is a promise that a human takes it up, and without a
// ticket in the helpdesk nobody there sees it.
func noTicket(in Input, _ Thresholds) (string, bool) {
	s := in.Session
	if !s.HandedOff() {
		return "", false
	}
	if s.TicketingSystem == nil {
		return "handed off, no ticket in the helpdesk (ticketing_system is empty)", true
	}
	if strings.TrimSpace(s.TicketingSystem.ExternalID) == "" {
		return "handed off, the ticket has no external_id in the helpdesk", true
	}
	return "", false
}

// angry reports whether the session's sentiment, or its handoff's, is
// angry: the handoff's is the mood when the AI gave up.
func angry(s *api.Session) bool {
	if s.Sentiment != nil && *s.Sentiment == api.SentimentAngry {
		return true
	}
	return s.Handoff != nil && s.Handoff.Sentiment != nil && *s.Handoff.Sentiment == api.SentimentAngry
}

// assumedAngry: "assumed resolved" is the AI's guess that silence meant
// satisfaction, which an angry customer contradicts.
func assumedAngry(in Input, _ Thresholds) (string, bool) {
	s := in.Session
	if s.AIClosureType == nil || *s.AIClosureType != api.ClosureAssumedResolved || !angry(s) {
		return "", false
	}
	return "the AI assumed it resolved, but the customer is angry", true
}

// resolvedUnhappy: closed as resolved, yet the sentiment or the rating
// says the customer did not think so. Without a kept rating only the
// sentiment is judged.
func resolvedUnhappy(in Input, t Thresholds) (string, bool) {
	s := in.Session
	if s.Status != api.StatusClosedResolved {
		return "", false
	}
	var why []string
	if angry(s) {
		why = append(why, "the customer is angry")
	}
	if in.Rating != nil && *in.Rating <= t.LowRating {
		why = append(why, fmt.Sprintf("rated %s (low: %s or less)", number(*in.Rating), number(t.LowRating)))
	}
	if len(why) == 0 {
		return "", false
	}
	return "closed as resolved, but " + strings.Join(why, " and "), true
}

// number writes a score as people do: 2, not 2.000000; 2.5 as it is.
func number(f float64) string { return fmt.Sprintf("%g", f) }
