package fake

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// handoffReasons are the contract's HandoffReason values: the `reason`
// filter takes no other.
var handoffReasons = []string{
	"based_on_instructions", "instructions_not_clear", "insufficient_knowledge",
	"insufficient_tools", "prohibited_topic", "user_requested_human_assistance",
}

// defaultPeriod is how far back the analytics look without a start_date.
const defaultPeriod = 30 * 24 * time.Hour

// period reads start_date and end_date (ISO 8601: a date-time, or a date
// meaning its midnight UTC; an end date alone means the end of that day).
// The defaults are the API's: the last 30 days, up to now. A value that is
// no date, or a period that ends before it starts, is a 400.
func period(q url.Values, now time.Time) (start, end time.Time, bad *answer) {
	end = now
	start = now.Add(-defaultPeriod)
	for _, p := range []struct {
		name string
		to   *time.Time
		end  bool
	}{{"start_date", &start, false}, {"end_date", &end, true}} {
		v := q.Get(p.name)
		if !q.Has(p.name) {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			d, derr := time.Parse(time.DateOnly, v)
			if derr != nil {
				a := errorAnswer(http.StatusBadRequest, fmt.Sprintf("%s must be an ISO 8601 date or date-time, got %q", p.name, v))
				return start, end, &a
			}
			t = d
			if p.end {
				t = d.Add(24*time.Hour - time.Millisecond)
			}
		}
		*p.to = t
	}
	if end.Before(start) {
		a := errorAnswer(http.StatusBadRequest, "end_date must not be before start_date")
		return start, end, &a
	}
	return start, end, nil
}

// inPeriod returns the handoffs between start and end, newest first, with
// reason among their reasons when reason is not "".
func (d *analyticsData) inPeriod(start, end time.Time, reason string) []*sessionFacts {
	var out []*sessionFacts
	for _, h := range d.handoffs {
		if h.handoffAt.Before(start) || h.handoffAt.After(end) {
			continue
		}
		if reason != "" && !slices.Contains(h.reasons, reason) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// handoffEventBody is a HandoffEvent as the API sends it.
type handoffEventBody struct {
	SessionID   string   `json:"session_id"`
	Summary     *string  `json:"summary"`
	Explanation *string  `json:"explanation"`
	Reasons     []string `json:"reasons"`
	Sentiment   *string  `json:"sentiment"`
	CreatedAt   string   `json:"created_at"`
}

// handoffEvents answers GET /handoff-analytics/events: the period's
// handoffs with the reason asked for, newest first, size to a page.
func (d *analyticsData) handoffEvents(q url.Values, now time.Time, size int) answer {
	reason := q.Get("reason")
	if q.Has("reason") && !slices.Contains(handoffReasons, reason) {
		return errorAnswer(http.StatusBadRequest, "querystring/reason must be equal to one of the allowed values")
	}
	start, end, bad := period(q, now)
	if bad != nil {
		return *bad
	}
	all := d.inPeriod(start, end, reason)
	// The scope is the query as written, not the period it resolves to: a
	// default end is "now", which moves between the pages of one walk.
	scope := fmt.Sprintf("handoffs|%s|%s|%s", reason, q.Get("start_date"), q.Get("end_date"))
	offset, err := decodeCursor(q.Get("cursor"), scope, len(all))
	if err != nil {
		return errorAnswer(http.StatusBadRequest, "cursor "+err.Error())
	}
	pg, next := page(all, offset, size, scope)
	items := make([]handoffEventBody, len(pg))
	for i, h := range pg {
		items[i] = handoffEventBody{
			SessionID: h.key, Summary: orNull(h.summary), Explanation: orNull(h.explanation),
			Reasons: append([]string{}, h.reasons...), Sentiment: h.sentiment, CreatedAt: stampOf(h.handoffAt),
		}
	}
	var nextp *string
	if next != "" {
		nextp = &next
	}
	return marshalAnswer(struct {
		Items []handoffEventBody `json:"items"`
		Next  *string            `json:"next"`
		Total int                `json:"total"`
	}{items, nextp, len(all)})
}

// countShare is an item of reasons or sentiments.
type countShare struct {
	Reason     *string `json:"reason,omitempty"`
	Sentiment  *string `json:"sentiment,omitempty"`
	Count      int     `json:"count"`
	Percentage float64 `json:"percentage"`
}

// handoffAnalytics answers GET /handoff-analytics: the period's handoffs
// counted by reason, combination, sentiment and day, from the same
// handoffs the events endpoint lists.
func (d *analyticsData) handoffAnalytics(q url.Values, now time.Time) answer {
	start, end, bad := period(q, now)
	if bad != nil {
		return *bad
	}
	hs := d.inPeriod(start, end, "")
	sessions := 0
	for _, f := range d.sessions {
		if !f.created.Before(start) && !f.created.After(end) {
			sessions++
		}
	}
	share := func(n int) float64 {
		if len(hs) == 0 {
			return 0
		}
		return math.Round(float64(n)*1000/float64(len(hs))) / 10
	}
	byReason := map[string]int{}
	combos := map[string]int{}
	bySentiment := map[string]int{}
	byDay := map[string]int{}
	for _, h := range hs {
		for _, r := range h.reasons {
			byReason[r]++
		}
		if len(h.reasons) > 0 {
			sorted := slices.Sorted(slices.Values(h.reasons))
			combos[strings.Join(sorted, ",")]++
		}
		sent := ""
		if h.sentiment != nil {
			sent = *h.sentiment
		}
		bySentiment[sent]++
		byDay[h.handoffAt.UTC().Format(time.DateOnly)]++
	}
	reasons := []countShare{}
	for _, r := range handoffReasons {
		if n := byReason[r]; n > 0 {
			reasons = append(reasons, countShare{Reason: &r, Count: n, Percentage: share(n)})
		}
	}
	slices.SortStableFunc(reasons, func(a, b countShare) int { return b.Count - a.Count })
	type combination struct {
		Reasons      []string `json:"reasons"`
		SessionCount int      `json:"session_count"`
		Percentage   float64  `json:"percentage"`
	}
	combinations := []combination{}
	for k, n := range combos {
		combinations = append(combinations, combination{strings.Split(k, ","), n, share(n)})
	}
	slices.SortFunc(combinations, func(a, b combination) int {
		if a.SessionCount != b.SessionCount {
			return b.SessionCount - a.SessionCount
		}
		return slices.Compare(a.Reasons, b.Reasons)
	})
	sentiments := []countShare{}
	for _, k := range slices.Sorted(maps.Keys(bySentiment)) {
		cs := countShare{Count: bySentiment[k], Percentage: share(bySentiment[k])}
		if k != "" {
			cs.Sentiment = &k
		}
		sentiments = append(sentiments, cs)
	}
	type dayCount struct {
		Date  string `json:"date"`
		Count int    `json:"count"`
	}
	trends := []dayCount{}
	for day := start.UTC().Truncate(24 * time.Hour); !day.After(end); day = day.Add(24 * time.Hour) {
		k := day.Format(time.DateOnly)
		trends = append(trends, dayCount{k, byDay[k]})
	}
	summary := fmt.Sprintf("%d handoffs in %d sessions", len(hs), sessions)
	if len(reasons) > 0 {
		summary += fmt.Sprintf("; most often %s (%.1f%%)", strings.ReplaceAll(*reasons[0].Reason, "_", " "), reasons[0].Percentage)
	}
	return marshalAnswer(map[string]any{
		"summary": summary, "total_handoffs": len(hs), "total_sessions": sessions,
		"start_date": stampOf(start), "end_date": stampOf(end),
		"reasons": reasons, "reason_combinations": combinations, "sentiments": sentiments, "trends": trends,
		"knowledge_references": []any{}, "tool_references": []any{}, "instruction_references": []any{}, "prohibited_topic_references": []any{},
	})
}

// orNull is s, or nil (null) for "".
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
