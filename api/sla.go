package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// SLAParams filters the SLA analytics endpoints. Zero values mean "all"
// (and UTC for the timezone). The reference gives them no date range.
type SLAParams struct {
	Timezone string      // IANA name, e.g. "Europe/London"
	PolicyID string      // a UUID
	TeamID   string      // a UUID
	Channel  ChannelType // a SessionChannel value
	AgentID  *int64
}

// Check refuses what the contract does not allow, before a request is
// spent on it: a timezone Go does not know, an ID that is not a UUID, a
// channel the contract does not list.
func (p SLAParams) Check() error {
	if p.Timezone != "" {
		if _, err := time.LoadLocation(p.Timezone); err != nil || strings.EqualFold(p.Timezone, "local") {
			return fmt.Errorf("timezone %q is not an IANA time zone name (e.g. Europe/London)", p.Timezone)
		}
	}
	for _, id := range []struct{ name, v string }{{"policy_id", p.PolicyID}, {"team_id", p.TeamID}} {
		if id.v != "" && !sessionIDPattern.MatchString(strings.ToLower(id.v)) {
			return fmt.Errorf("%s %q is not a UUID", id.name, id.v)
		}
	}
	if p.Channel != "" && !p.Channel.Known() {
		return fmt.Errorf("channel %q is not one of %s", p.Channel, joinChannels())
	}
	return nil
}

func joinChannels() string {
	var names []string
	for _, c := range Channels() {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}

// Query encodes the parameters as the API's query string.
func (p SLAParams) Query() url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("timezone", p.Timezone)
	set("policy_id", p.PolicyID)
	set("team_id", p.TeamID)
	set("channel", string(p.Channel))
	if p.AgentID != nil {
		q.Set("agent_id", strconv.FormatInt(*p.AgentID, 10))
	}
	return q
}

// SLAMetric is the compliance of one SLA target (first reply, next reply,
// resolution): how many sessions met it, breached it, met it late, are
// still running, and the rate. Every count may be nil; counts the contract
// calls integers decode from any number.
type SLAMetric struct {
	Fulfilled            *float64 `json:"fulfilled"`
	Breached             *float64 `json:"breached"`
	CompletedAfterBreach *float64 `json:"completed_after_breach"`
	Active               *float64 `json:"active"`
	Rate                 *float64 `json:"rate"`
}

// SLACompliance is the compliance overall and per target.
type SLACompliance struct {
	Overall    *float64   `json:"overall"`
	FirstReply *SLAMetric `json:"first_reply"`
	NextReply  *SLAMetric `json:"next_reply"`
	Resolution *SLAMetric `json:"resolution"`
}

// SLAPercentile is the 50th, 90th and 95th percentile of one response
// time, in the unit the API sends (not published; the fake sends seconds).
type SLAPercentile struct {
	P50 *float64 `json:"p50"`
	P90 *float64 `json:"p90"`
	P95 *float64 `json:"p95"`
}

// SLAPercentiles are the response-time percentiles per target.
type SLAPercentiles struct {
	FirstReply *SLAPercentile `json:"first_reply"`
	NextReply  *SLAPercentile `json:"next_reply"`
	Resolution *SLAPercentile `json:"resolution"`
}

// SLAOverview is GET /sla/analytics.
type SLAOverview struct {
	CoverageRate  *float64       `json:"coverage_rate"`
	TotalSessions *float64       `json:"total_sessions"`
	SLASessions   *float64       `json:"sla_sessions"`
	Compliance    SLACompliance  `json:"compliance"`
	Percentiles   SLAPercentiles `json:"percentiles"`

	Raw      json.RawMessage `json:"-"`
	Problems []string        `json:"-"`
}

// SLAGroupBy is what GET /sla/analytics/breakdown groups by.
type SLAGroupBy string

// The groupings the contract lists.
const (
	GroupByPolicy  SLAGroupBy = "policy"
	GroupByTeam    SLAGroupBy = "team"
	GroupByAgent   SLAGroupBy = "agent"
	GroupByChannel SLAGroupBy = "channel"
)

// SLAGroupBys returns the groupings the contract lists.
func SLAGroupBys() []SLAGroupBy {
	return []SLAGroupBy{GroupByPolicy, GroupByTeam, GroupByAgent, GroupByChannel}
}

// SLAGrouping names one row of a breakdown.
type SLAGrouping struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SLABreakdownRow is one group's compliance and percentiles.
type SLABreakdownRow struct {
	Grouping      SLAGrouping    `json:"grouping"`
	SessionsCount *float64       `json:"sessions_count"`
	Compliance    SLACompliance  `json:"compliance"`
	Percentiles   SLAPercentiles `json:"percentiles"`
}

// SLABreakdown is GET /sla/analytics/breakdown: one row per group.
type SLABreakdown struct {
	Rows     []SLABreakdownRow
	Raw      json.RawMessage
	Problems []string
}

// SLAGranularity is the step of GET /sla/analytics/trend.
type SLAGranularity string

// The granularities the contract lists.
const (
	GranularityDay  SLAGranularity = "day"
	GranularityWeek SLAGranularity = "week"
)

// SLATrendPoint is one day's or week's compliance.
type SLATrendPoint struct {
	Date          string          `json:"date"`
	SessionsCount *float64        `json:"sessions_count"`
	Compliance    *SLACompliance  `json:"compliance"`
	Percentiles   *SLAPercentiles `json:"percentiles"`
}

// SLATrend is GET /sla/analytics/trend.
type SLATrend struct {
	Granularity SLAGranularity  `json:"granularity"`
	Data        []SLATrendPoint `json:"data"`

	Raw      json.RawMessage `json:"-"`
	Problems []string        `json:"-"`
}

// SLAAnalytics fetches the SLA overview. It needs the scope
// sla-analytics:read: a key without it fails with a *ScopeError.
func (c *Client) SLAAnalytics(ctx context.Context, p SLAParams) (*SLAOverview, error) {
	const op = "SLA analytics"
	out := &SLAOverview{}
	raw, problems, err := c.getSLA(ctx, op, "/sla/analytics", p, nil, false, out)
	if err != nil {
		return nil, err
	}
	out.Raw, out.Problems = raw, problems
	return out, nil
}

// SLABreakdown fetches the SLA figures grouped by by. It needs the scope
// sla-analytics:read.
func (c *Client) SLABreakdown(ctx context.Context, p SLAParams, by SLAGroupBy) (*SLABreakdown, error) {
	op := "SLA breakdown by " + string(by)
	if !slices.Contains(SLAGroupBys(), by) {
		return nil, fmt.Errorf("SLA breakdown: group by %q: want one of policy, team, agent, channel", by)
	}
	var wrap struct {
		Rows []SLABreakdownRow `json:"rows"`
	}
	raw, problems, err := c.getSLA(ctx, op, "/sla/analytics/breakdown", p, url.Values{"group_by": {string(by)}}, true, &wrap)
	if err != nil {
		return nil, err
	}
	return &SLABreakdown{Rows: wrap.Rows, Raw: raw, Problems: problems}, nil
}

// SLATrend fetches the SLA figures by day or week ("" is the API's
// default, day). It needs the scope sla-analytics:read.
func (c *Client) SLATrend(ctx context.Context, p SLAParams, g SLAGranularity) (*SLATrend, error) {
	op := "SLA trend"
	extra := url.Values{}
	switch g {
	case "":
	case GranularityDay, GranularityWeek:
		extra.Set("granularity", string(g))
	default:
		return nil, fmt.Errorf("SLA trend: granularity %q: want day or week", g)
	}
	out := &SLATrend{}
	raw, problems, err := c.getSLA(ctx, op, "/sla/analytics/trend", p, extra, false, out)
	if err != nil {
		return nil, err
	}
	out.Raw, out.Problems = raw, problems
	return out, nil
}

// getSLA checks p, asks path with p's query and extra, and decodes the
// answer leniently into out. An array answer (the breakdown's, array
// true) is decoded as the "rows" of out, so that each row is as lenient
// as an object answer.
func (c *Client) getSLA(ctx context.Context, op, path string, p SLAParams, extra url.Values, array bool, out any) (json.RawMessage, []string, error) {
	if err := p.Check(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", op, err)
	}
	q := p.Query()
	for k, v := range extra {
		q[k] = v
	}
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, withQuery(path, q), ScopeSLAAnalytics, &raw); err != nil {
		return nil, nil, err
	}
	body := raw
	if array {
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '[' {
			return nil, nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: fmt.Errorf("expected a JSON array, got %s", jsonKind(t))}
		}
		body = append(append([]byte(`{"rows":`), raw...), '}')
	}
	problems, err := decodeLenient(body, out)
	if err != nil {
		return nil, nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: err}
	}
	if array {
		for i, p := range problems {
			problems[i] = strings.TrimPrefix(p, "rows")
		}
	}
	return raw, problems, nil
}
