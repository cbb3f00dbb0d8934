package summary

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/render"
)

// The pulse in words: the numbers every reader of the pulse (the pulse
// view, cxi pulse, the handover) writes the same way. Every figure comes
// from a page's example only and may be absent: absent reads as a dash,
// never as 0.

// Count is a count as sent: "42"; a fraction keeps one decimal.
func Count(n *float64) string {
	if n == nil || math.IsNaN(*n) || math.IsInf(*n, 0) {
		return render.Dash
	}
	if *n == math.Trunc(*n) && math.Abs(*n) < 1e15 {
		return strconv.FormatFloat(*n, 'f', 0, 64)
	}
	return strconv.FormatFloat(*n, 'f', 1, 64)
}

// Percent is a percentage the API sends as 0–100 (the handoff overview's):
// "43%", "21.3%".
func Percent(p *float64) string {
	if c := Count(p); c != render.Dash {
		return c + "%"
	}
	return render.Dash
}

// Rate is a rate the API sends as 0–1 (the SLA's): "66%".
func Rate(r *float64) string {
	if r == nil {
		return render.Dash
	}
	pct := math.Round(*r * 100)
	return Percent(&pct)
}

// Seconds is a response time in seconds (the unit the SLA percentiles
// come in, unpublished; the fake sends seconds) in its largest whole unit:
// "7m", "10h", "2d"; under a minute "45s".
func Seconds(s *float64) string {
	switch {
	case s == nil || math.IsNaN(*s) || *s < 0 || *s > 1e9:
		return render.Dash
	case *s < 60:
		return strconv.Itoa(int(*s)) + "s"
	}
	return render.Span(time.Duration(*s) * time.Second)
}

// PeriodLine names the pulse's period: "today (since 00:00)", "the last 7
// days (2026-11-18 12:00 to 2026-11-25 12:00 UTC)".
func PeriodLine(r pulse.Report) string {
	const layout = "2006-01-02 15:04"
	if r.Span == pulse.Today {
		return "today (since " + r.Period.Start.Format("15:04 MST") + ")"
	}
	return fmt.Sprintf("the last %s (%s to %s UTC)", r.Span.Label(), r.Period.Start.UTC().Format(layout), r.Period.End.UTC().Format(layout))
}

// SLANote is said under every SLA figure: they cannot follow the period.
const SLANote = "SLA figures cover all sessions: the API takes no date range for them."

// Why is what stopped one part of the pulse, in the words the user reads:
// a missing scope by name ("the key lacks handoff-analytics:read").
func Why(err error) string {
	if s, ok := api.MissingScope(err); ok {
		return "the key lacks " + render.Line(s)
	}
	return explain.Describe(err, "").Sentence
}

// HandoffTotals is the headline of the handoffs: "100 handoffs of 315
// sessions (32%)".
func HandoffTotals(h *api.HandoffAnalytics) string {
	s := Count(h.TotalHandoffs) + " handoffs"
	if h.TotalSessions != nil {
		s += " of " + Count(h.TotalSessions) + " sessions"
		if h.TotalHandoffs != nil && *h.TotalSessions > 0 {
			pct := math.Round(*h.TotalHandoffs / *h.TotalSessions * 100)
			s += " (" + Percent(&pct) + ")"
		}
	}
	return s
}

// SLAHeadline is "compliance 66% · coverage 37% of 315 sessions".
func SLAHeadline(o *api.SLAOverview) string {
	return "compliance " + Rate(o.Compliance.Overall) + " · coverage " + Rate(o.CoverageRate) + " of " + Count(o.TotalSessions) + " sessions"
}

// SLATarget is one target of the SLA with its name, for a table.
type SLATarget struct {
	Name       string
	Metric     *api.SLAMetric
	Percentile *api.SLAPercentile
}

// SLATargets are the SLA's three targets in the order the dashboard shows.
func SLATargets(c api.SLACompliance, p api.SLAPercentiles) []SLATarget {
	return []SLATarget{
		{"first reply", c.FirstReply, p.FirstReply},
		{"next reply", c.NextReply, p.NextReply},
		{"resolution", c.Resolution, p.Resolution},
	}
}

// Rate is the target's compliance rate.
func (t SLATarget) Rate() string {
	if t.Metric == nil {
		return render.Dash
	}
	return Rate(t.Metric.Rate)
}

// Times is "p50 7m · p90 10h · p95 19h".
func (t SLATarget) Times() string {
	p := t.Percentile
	if p == nil {
		p = &api.SLAPercentile{}
	}
	return "p50 " + Seconds(p.P50) + " · p90 " + Seconds(p.P90) + " · p95 " + Seconds(p.P95)
}

// GroupName is a breakdown row's name, sanitized: its name, else its ID.
func GroupName(g api.SLAGrouping) string {
	if n := strings.TrimSpace(render.Line(g.Name)); n != "" {
		return n
	}
	return render.Or(g.ID)
}

// ReasonLabel is a reason's words, sanitized (an unknown one as sent).
func ReasonLabel(r api.HandoffReason) string { return render.Or(r.Label()) }

// Day is a trend's date as "11-18" when it is a date, else as sent.
func Day(date string) string {
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		return t.Format("01-02")
	}
	return render.Or(date)
}

// Label is a value the API sent as a word (a sentiment, a date), sanitized.
func Label(s string) string { return render.Or(s) }

// Sessions is a count of sessions with its noun agreeing: "1 session",
// "48 sessions", "— sessions".
func Sessions(n *float64) string {
	c := Count(n)
	if n != nil && *n == 1 {
		return c + " session"
	}
	return c + " sessions"
}

// PulseMarkdown is the short pulse the shift handover ends with: the
// period's handoffs and their three main reasons, and the SLA's headline;
// a part not read says why. Every word from the API is escaped.
func PulseMarkdown(r pulse.Report) string {
	var b strings.Builder
	b.WriteString("\n## Pulse of " + render.MarkdownText(PeriodLine(r)) + "\n\n")
	if h := r.Handoffs; h != nil {
		line := "- Handoffs: " + render.MarkdownText(HandoffTotals(h))
		var top []string
		reasons := slices.Clone(h.Reasons)
		slices.SortStableFunc(reasons, func(a, b api.ReasonCount) int { return cmp.Compare(value(b.Count), value(a.Count)) })
		for i, rc := range reasons {
			if i == 3 {
				break
			}
			top = append(top, render.MarkdownText(ReasonLabel(rc.Reason))+" "+render.MarkdownText(Percent(rc.Percentage)))
		}
		if len(top) > 0 {
			line += "; mostly " + strings.Join(top, ", ")
		}
		b.WriteString(line + "\n")
	} else {
		b.WriteString("- Handoffs not read: " + render.MarkdownText(Why(r.HandoffsErr)) + "\n")
	}
	if o := r.SLA; o != nil {
		b.WriteString("- SLA (all sessions, no date range): " + render.MarkdownText(SLAHeadline(o)) + "\n")
	} else {
		b.WriteString("- SLA not read: " + render.MarkdownText(Why(r.SLAErr)) + "\n")
	}
	return b.String()
}

// value is n, or 0 when absent, for sorting.
func value(n *float64) float64 {
	if n == nil || math.IsNaN(*n) {
		return 0
	}
	return *n
}
