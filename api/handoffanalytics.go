package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// HandoffAnalytics is GET /handoff-analytics: a period's handoffs in
// total, by reason, by combination of reasons, by sentiment and by day.
// The arrays' items come from a page's example only, so every number is a
// pointer (nil: absent or null) and a field of the wrong type is named in
// Problems instead of failing the answer. Raw is the body as sent, for
// --json.
type HandoffAnalytics struct {
	Summary            string              `json:"summary"`
	TotalHandoffs      *float64            `json:"total_handoffs"`
	TotalSessions      *float64            `json:"total_sessions"`
	StartDate          string              `json:"start_date"`
	EndDate            string              `json:"end_date"`
	Reasons            []ReasonCount       `json:"reasons"`
	ReasonCombinations []ReasonCombination `json:"reason_combinations"`
	Sentiments         []SentimentCount    `json:"sentiments"`
	Trends             []DayCount          `json:"trends"`
	KnowledgeRefs      []HandoffReference  `json:"knowledge_references"`
	ToolRefs           []HandoffReference  `json:"tool_references"`
	InstructionRefs    []HandoffReference  `json:"instruction_references"`
	ProhibitedTopicRef []HandoffReference  `json:"prohibited_topic_references"`

	Raw      json.RawMessage `json:"-"`
	Problems []string        `json:"-"` // fields that did not decode, e.g. "reasons[2].count: expected a number, got a string"
}

// ReasonCount is one reason's share of a period's handoffs. Percentage is
// as the API sent it (0–100 in the example).
type ReasonCount struct {
	Reason     HandoffReason `json:"reason"`
	Count      *float64      `json:"count"`
	Percentage *float64      `json:"percentage"`
}

// ReasonCombination is a set of reasons given together.
type ReasonCombination struct {
	Reasons      []HandoffReason `json:"reasons"`
	SessionCount *float64        `json:"session_count"`
	Percentage   *float64        `json:"percentage"`
}

// SentimentCount is one sentiment's share of a period's handoffs; the
// value set is not published (as sent).
type SentimentCount struct {
	Sentiment  string   `json:"sentiment"`
	Count      *float64 `json:"count"`
	Percentage *float64 `json:"percentage"`
}

// DayCount is the handoffs of one day ("2026-03-02", as sent).
type DayCount struct {
	Date  string   `json:"date"`
	Count *float64 `json:"count"`
}

// HandoffReference is a resource the AI's handoffs refer to (an AI
// profile, a knowledge article, a tool), with how often.
type HandoffReference struct {
	Type  string   `json:"type"`
	ID    string   `json:"id"`
	Count *float64 `json:"count"`
}

// HandoffAnalytics fetches the overview of the handoffs in p (the API's
// default period, the last 30 days, where p is zero). It needs the scope
// handoff-analytics:read: a key without it fails with a *ScopeError.
func (c *Client) HandoffAnalytics(ctx context.Context, p Period) (*HandoffAnalytics, error) {
	const op = "handoff analytics"
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	q := url.Values{}
	p.query(q)
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, withQuery("/handoff-analytics", q), ScopeHandoffAnalytics, &raw); err != nil {
		return nil, err
	}
	out := &HandoffAnalytics{Raw: raw}
	problems, err := decodeLenient(raw, out)
	if err != nil {
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: err}
	}
	out.Problems = problems
	return out, nil
}
