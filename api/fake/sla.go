package fake

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The demo's one SLA policy and its targets: every handed-off session
// falls under it.
const (
	PolicyID   = "0d6f3b2a-7c41-4e8a-9b15-3f2e8a6c4d70"
	PolicyName = "Standard support"

	firstReplyTarget = time.Hour
	nextReplyTarget  = 2 * time.Hour
	resolutionTarget = 24 * time.Hour
)

// slaChannels are the SessionChannel values, the only ones `channel` takes.
var slaChannels = []string{"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice"}

// idPattern is the contract's pattern for policy_id and team_id: a UUID of
// versions 1–8, RFC variant, or the nil or max UUID.
var idPattern = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$`)

// slaFilter is the parameters every SLA endpoint takes, checked.
type slaFilter struct {
	loc                     *time.Location
	policy, team, ch, agent string
}

// readSLAFilter checks the SLA parameters the way the API's schema
// validation does, answering 400 in its words.
func readSLAFilter(q url.Values) (slaFilter, *answer) {
	bad := func(msg string) (slaFilter, *answer) {
		a := errorAnswer(http.StatusBadRequest, msg)
		return slaFilter{}, &a
	}
	f := slaFilter{loc: time.UTC, policy: q.Get("policy_id"), team: q.Get("team_id"), ch: q.Get("channel"), agent: q.Get("agent_id")}
	if tz := q.Get("timezone"); q.Has("timezone") {
		loc, err := time.LoadLocation(tz)
		if err != nil || tz == "" || strings.EqualFold(tz, "local") {
			return bad(fmt.Sprintf("timezone %q is not an IANA time zone", tz))
		}
		f.loc = loc
	}
	for _, p := range []struct{ name, v string }{{"policy_id", f.policy}, {"team_id", f.team}} {
		if q.Has(p.name) && !idPattern.MatchString(p.v) {
			return bad(`querystring/` + p.name + ` must match format "uuid"`)
		}
	}
	if q.Has("channel") && !slices.Contains(slaChannels, f.ch) {
		return bad("querystring/channel must be equal to one of the allowed values")
	}
	if q.Has("agent_id") {
		if _, err := strconv.ParseInt(f.agent, 10, 64); err != nil {
			return bad("querystring/agent_id must be integer")
		}
	}
	return f, nil
}

// match reports whether a handed-off session is in the filter.
func (f slaFilter) match(s *sessionFacts) bool {
	return (f.policy == "" || strings.EqualFold(f.policy, PolicyID)) &&
		(f.team == "" || strings.EqualFold(f.team, s.teamID)) &&
		(f.ch == "" || f.ch == s.channel) &&
		(f.agent == "" || f.agent == s.agent)
}

// slaMetric is SlaComplianceMetric.
type slaMetric struct {
	Fulfilled            int      `json:"fulfilled"`
	Breached             int      `json:"breached"`
	CompletedAfterBreach int      `json:"completed_after_breach"`
	Active               int      `json:"active"`
	Rate                 *float64 `json:"rate"`
}

// slaCompliance is SlaCompliance.
type slaCompliance struct {
	Overall    *float64  `json:"overall"`
	FirstReply slaMetric `json:"first_reply"`
	NextReply  slaMetric `json:"next_reply"`
	Resolution slaMetric `json:"resolution"`
}

// slaPercentile is SlaPercentileMetric, in seconds.
type slaPercentile struct {
	P50 *float64 `json:"p50"`
	P90 *float64 `json:"p90"`
	P95 *float64 `json:"p95"`
}

type slaPercentiles struct {
	FirstReply slaPercentile `json:"first_reply"`
	NextReply  slaPercentile `json:"next_reply"`
	Resolution slaPercentile `json:"resolution"`
}

// slaFigures is the compliance and percentiles of a set of sessions.
type slaFigures struct {
	Compliance  slaCompliance  `json:"compliance"`
	Percentiles slaPercentiles `json:"percentiles"`
}

// figures works out compliance and percentiles of the handed-off sessions
// hs at now: a target met in time is fulfilled, met late completed after
// breach, not met yet and past due breached, not met and not due active.
// overall is the share of the sessions with no target breached.
func figures(hs []*sessionFacts, now time.Time) slaFigures {
	var f slaFigures
	var first, next, resolution []float64
	clean := 0
	for _, h := range hs {
		ok := true
		ok = clock(&f.Compliance.FirstReply, h.handoffAt, h.firstReply, firstReplyTarget, now, &first) && ok
		ok = clock(&f.Compliance.Resolution, h.handoffAt, h.closedAt, resolutionTarget, now, &resolution) && ok
		for _, w := range h.nextReplies {
			next = append(next, w.Seconds())
			if w <= nextReplyTarget {
				f.Compliance.NextReply.Fulfilled++
			} else {
				f.Compliance.NextReply.CompletedAfterBreach++
				ok = false
			}
		}
		if ok {
			clean++
		}
	}
	for _, m := range []*slaMetric{&f.Compliance.FirstReply, &f.Compliance.NextReply, &f.Compliance.Resolution} {
		if done := m.Fulfilled + m.Breached + m.CompletedAfterBreach; done > 0 {
			m.Rate = ratio(m.Fulfilled, done)
		}
	}
	if len(hs) > 0 {
		f.Compliance.Overall = ratio(clean, len(hs))
	}
	f.Percentiles = slaPercentiles{percentiles(first), percentiles(next), percentiles(resolution)}
	return f
}

// clock counts one target of one session into m and its time into took;
// false when the target was breached.
func clock(m *slaMetric, from, done time.Time, target time.Duration, now time.Time, took *[]float64) bool {
	switch {
	case !done.IsZero() && done.Sub(from) <= target:
		m.Fulfilled++
	case !done.IsZero():
		m.CompletedAfterBreach++
	case now.Sub(from) > target:
		m.Breached++
	default:
		m.Active++
		return true
	}
	if !done.IsZero() {
		*took = append(*took, done.Sub(from).Seconds())
	}
	return !done.IsZero() && done.Sub(from) <= target
}

func ratio(n, of int) *float64 {
	r := math.Round(float64(n)*10000/float64(of)) / 10000
	return &r
}

// percentiles are the nearest-rank p50, p90 and p95 of xs; null without any.
func percentiles(xs []float64) slaPercentile {
	if len(xs) == 0 {
		return slaPercentile{}
	}
	slices.Sort(xs)
	at := func(p float64) *float64 {
		v := math.Round(xs[max(int(math.Ceil(p*float64(len(xs))))-1, 0)])
		return &v
	}
	return slaPercentile{at(0.5), at(0.9), at(0.95)}
}

// sla answers the three SLA endpoints from the handed-off sessions in the
// filter: the sessions an SLA policy covers are those a human took over.
func (d *analyticsData) sla(rt route, q url.Values, now time.Time) answer {
	f, bad := readSLAFilter(q)
	if bad != nil {
		return *bad
	}
	var hs []*sessionFacts
	for _, h := range d.handoffs {
		if f.match(h) {
			hs = append(hs, h)
		}
	}
	switch rt {
	case routeSLABreakdown:
		return slaBreakdown(q, hs, now)
	case routeSLATrend:
		return slaTrend(q, hs, f.loc, now)
	}
	total := 0
	for i := range d.sessions {
		s := &d.sessions[i]
		if (f.team == "" || strings.EqualFold(f.team, s.teamID)) && (f.ch == "" || f.ch == s.channel) && (f.agent == "" || f.agent == s.agent) {
			total++
		}
	}
	coverage := 0.0
	if total > 0 {
		coverage = *ratio(len(hs), total)
	}
	fig := figures(hs, now)
	return marshalAnswer(struct {
		CoverageRate  float64 `json:"coverage_rate"`
		TotalSessions int     `json:"total_sessions"`
		SLASessions   int     `json:"sla_sessions"`
		slaFigures
	}{coverage, total, len(hs), fig})
}

// slaBreakdown groups hs by policy, team, agent or channel.
func slaBreakdown(q url.Values, hs []*sessionFacts, now time.Time) answer {
	by := q.Get("group_by")
	if !q.Has("group_by") {
		return errorAnswer(http.StatusBadRequest, "querystring must have required property 'group_by'")
	}
	type grouping struct {
		Type string  `json:"type"`
		ID   *string `json:"id"`
		Name *string `json:"name"`
	}
	key := map[string]func(*sessionFacts) (string, string){
		"policy":  func(*sessionFacts) (string, string) { return PolicyID, PolicyName },
		"team":    func(h *sessionFacts) (string, string) { return h.teamID, h.teamName },
		"agent":   func(h *sessionFacts) (string, string) { return h.agent, "" },
		"channel": func(h *sessionFacts) (string, string) { return h.channel, h.channel },
	}[by]
	if key == nil {
		return errorAnswer(http.StatusBadRequest, "querystring/group_by must be equal to one of the allowed values")
	}
	groups := map[string][]*sessionFacts{}
	names := map[string]string{}
	for _, h := range hs {
		id, name := key(h)
		groups[id] = append(groups[id], h)
		names[id] = name
	}
	type row struct {
		Grouping      grouping `json:"grouping"`
		SessionsCount int      `json:"sessions_count"`
		slaFigures
	}
	rows := []row{}
	for _, id := range slices.Sorted(maps.Keys(groups)) {
		rows = append(rows, row{grouping{by, orNull(id), orNull(names[id])}, len(groups[id]), figures(groups[id], now)})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return b.SessionsCount - a.SessionsCount })
	return marshalAnswer(rows)
}

// slaTrend is the figures of the last 30 days by day, or of the last 13
// weeks by week (weeks start on Monday), in the filter's time zone, by
// when each session was handed off.
func slaTrend(q url.Values, hs []*sessionFacts, loc *time.Location, now time.Time) answer {
	g := q.Get("granularity")
	if !q.Has("granularity") {
		g = "day"
	}
	if g != "day" && g != "week" {
		return errorAnswer(http.StatusBadRequest, "querystring/granularity must be equal to one of the allowed values")
	}
	local := now.In(loc)
	today := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	step, n := 1, 30
	if g == "week" {
		today = today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
		step, n = 7, 13
	}
	type point struct {
		Date          string `json:"date"`
		SessionsCount int    `json:"sessions_count"`
		slaFigures
	}
	data := []point{}
	for i := n - 1; i >= 0; i-- {
		from := today.AddDate(0, 0, -i*step)
		to := from.AddDate(0, 0, step)
		var in []*sessionFacts
		for _, h := range hs {
			if !h.handoffAt.Before(from) && h.handoffAt.Before(to) {
				in = append(in, h)
			}
		}
		data = append(data, point{from.Format(time.DateOnly), len(in), figures(in, now)})
	}
	return marshalAnswer(struct {
		Granularity string  `json:"granularity"`
		Data        []point `json:"data"`
	}{g, data})
}
