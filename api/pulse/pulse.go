// Package pulse is the shift's pulse as the analytics endpoints tell it: a
// period's handoffs (totals, reasons, sentiments, by day) and the SLA
// (compliance, percentiles, a breakdown, a trend). Fetch is the one routine
// that reads them, for the pulse view, `cxi pulse` and the handover alike,
// so that the three cannot disagree about what the pulse is or what it
// costs: 4 requests, 2 when the key lacks the SLA scope.
package pulse

import (
	"context"
	"errors"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Source is what the pulse needs from the API client.
type Source interface {
	HandoffAnalytics(ctx context.Context, p api.Period) (*api.HandoffAnalytics, error)
	SLAAnalytics(ctx context.Context, p api.SLAParams) (*api.SLAOverview, error)
	SLABreakdown(ctx context.Context, p api.SLAParams, by api.SLAGroupBy) (*api.SLABreakdown, error)
	SLATrend(ctx context.Context, p api.SLAParams, g api.SLAGranularity) (*api.SLATrend, error)
}

// Report is one reading of the pulse. Each part has its answer or its
// error: a key without sla-analytics:read still shows the handoffs.
type Report struct {
	Span    Span
	Period  api.Period
	GroupBy api.SLAGroupBy // what the breakdown groups by

	Handoffs     *api.HandoffAnalytics
	HandoffsErr  error
	SLA          *api.SLAOverview
	SLAErr       error
	Breakdown    *api.SLABreakdown
	BreakdownErr error
	Trend        *api.SLATrend
	TrendErr     error
	At           time.Time // when it was read
}

// Requests is what one Fetch spends at most.
const Requests = 4

// Fetch reads the pulse of span up to now: the handoff overview, then the
// SLA overview and, when that was answered, its breakdown by by and its
// daily trend. The SLA calls share one scope, so a 403 on the first spares
// the other two; so does an unreachable API, or a cancelled ctx.
func Fetch(ctx context.Context, src Source, span Span, by api.SLAGroupBy, now time.Time) Report {
	r := Report{Span: span, Period: span.Period(now), GroupBy: by, At: now}
	r.Handoffs, r.HandoffsErr = src.HandoffAnalytics(ctx, r.Period)
	if stop(ctx, r.HandoffsErr) {
		r.SLAErr = r.HandoffsErr
		return r
	}
	r.SLA, r.SLAErr = src.SLAAnalytics(ctx, api.SLAParams{})
	if r.SLAErr != nil {
		return r
	}
	r.Breakdown, r.BreakdownErr = src.SLABreakdown(ctx, api.SLAParams{}, by)
	if stop(ctx, r.BreakdownErr) {
		r.TrendErr = r.BreakdownErr
		return r
	}
	r.Trend, r.TrendErr = src.SLATrend(ctx, api.SLAParams{}, api.GranularityDay)
	return r
}

// OverviewRequests is what one Overview spends at most.
const OverviewRequests = 2

// Overview reads the short pulse the shift handover carries: the handoff
// overview of span and the SLA overview, without the breakdown and the
// trend. Its report's Breakdown and Trend stay nil, with no error.
func Overview(ctx context.Context, src Source, span Span, now time.Time) Report {
	r := Report{Span: span, Period: span.Period(now), At: now}
	r.Handoffs, r.HandoffsErr = src.HandoffAnalytics(ctx, r.Period)
	if stop(ctx, r.HandoffsErr) {
		r.SLAErr = r.HandoffsErr
		return r
	}
	r.SLA, r.SLAErr = src.SLAAnalytics(ctx, api.SLAParams{})
	return r
}

// stop reports whether err means the next request would fail the same
// way: the API cannot be reached, or nobody wants the answer any more.
func stop(ctx context.Context, err error) bool {
	return err != nil && (ctx.Err() != nil || api.Unreachable(err) || errors.Is(err, context.Canceled))
}

// Err is the first error of the report, in the order the parts are read
// (nil when every part was answered): what `cxi pulse` exits with.
func (r Report) Err() error {
	for _, err := range []error{r.HandoffsErr, r.SLAErr, r.BreakdownErr, r.TrendErr} {
		if err != nil {
			return err
		}
	}
	return nil
}

// Missing is the scopes the key lacks, as the 403s named them, each once.
func (r Report) Missing() []string {
	var out []string
	for _, err := range []error{r.HandoffsErr, r.SLAErr, r.BreakdownErr, r.TrendErr} {
		if s, ok := api.MissingScope(err); ok && (len(out) == 0 || out[len(out)-1] != s) {
			out = append(out, s)
		}
	}
	return out
}
