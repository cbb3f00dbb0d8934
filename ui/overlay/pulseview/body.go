package pulseview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// The columns of a chart row: the label, the bar, then the count and the
// percentage right-aligned, so that the numbers line up under each other.
const (
	labelMax = 32 // a reason's words are at most 31 cells; longer labels are cut
	countW   = 6
	shareW   = 6
	barMax   = 40 // beyond this a bar says nothing more, and a wide screen is mostly bar
)

// row is one line of a chart: what it counts, how many, and its share.
type row struct {
	label string
	value *float64
	share string
	style lipgloss.Style
}

// body is the content below the title line, laid out for the width: the
// state while nothing has been read, else every part or why it is missing.
func (m Model) body() string {
	t := m.theme
	switch {
	case m.src == nil:
		return t.Error.Render("The pulse cannot be read here: this client has no analytics.")
	case m.report == nil:
		return t.Muted.Render(fmt.Sprintf("Reading the pulse of %s… (up to %d requests)", spanWords(m.span), pulse.Requests))
	}
	r := *m.report
	var lines []string
	lines = append(lines, m.handoffs(r)...)
	lines = append(lines, "")
	lines = append(lines, m.sla(r)...)
	for i, l := range lines {
		lines[i] = render.ClipLine(l, m.width)
	}
	return strings.Join(lines, "\n")
}

func (m Model) heading(s string) string { return m.theme.PanelTitle.Render(s) }

// missing is said in a part's place when it could not be read: the scope
// the key lacks by name, else what went wrong.
func (m Model) missing(what string, err error) string {
	return "  " + m.theme.Error.Render(what+": "+summary.Why(err))
}

func (m Model) handoffs(r pulse.Report) []string {
	t := m.theme
	h := r.Handoffs
	if h == nil {
		return []string{m.heading("Handoffs"), m.missing("not read", r.HandoffsErr)}
	}
	lines := []string{m.heading("Handoffs") + "  " + t.Value.Render(summary.HandoffTotals(h))}
	if len(h.Reasons) > 0 {
		rows := make([]row, len(h.Reasons))
		for i, rc := range h.Reasons {
			rows[i] = row{summary.ReasonLabel(rc.Reason), rc.Count, summary.Percent(rc.Percentage), t.Marker}
		}
		lines = append(lines, t.Label.Render(" Reasons"))
		lines = append(lines, m.chart(rows)...)
	}
	if len(h.Sentiments) > 0 {
		rows := make([]row, len(h.Sentiments))
		for i, s := range h.Sentiments {
			rows[i] = row{summary.Label(s.Sentiment), s.Count, summary.Percent(s.Percentage), ink(t.SentimentStyle(s.Sentiment))}
		}
		lines = append(lines, t.Label.Render(" Sentiments"))
		lines = append(lines, m.chart(rows)...)
	}
	if len(h.Trends) > 0 {
		counts := make([]*float64, len(h.Trends))
		for i, d := range h.Trends {
			counts[i] = d.Count
		}
		lines = append(lines, m.trend(" By day", h.Trends[0].Date, h.Trends[len(h.Trends)-1].Date, counts, summary.Count)...)
	}
	return lines
}

func (m Model) sla(r pulse.Report) []string {
	t := m.theme
	lines := []string{m.heading("SLA") + "  " + t.Muted.Render("all sessions: the API takes no date range for the SLA")}
	o := r.SLA
	if o == nil {
		return append(lines, m.missing("not read", r.SLAErr))
	}
	lines = append(lines, "  "+t.Value.Render(summary.SLAHeadline(o)))
	targets := summary.SLATargets(o.Compliance, o.Percentiles)
	rows := make([]row, len(targets))
	for i, tg := range targets {
		rows[i] = row{tg.Name, rate(tg.Metric), "", t.Marker}
	}
	chart := m.layoutRows(rows, 100, len("  p50 44s · p90 25m · p95 32m"), rateNumbers)
	for i, tg := range targets {
		chart[i] += "  " + t.Muted.Render(tg.Times())
	}
	lines = append(lines, t.Label.Render(" Compliance and response times"))
	lines = append(lines, chart...)

	lines = append(lines, t.Label.Render(" By "+string(r.GroupBy))+"  "+t.Muted.Render(keys.Name(m.keys.Group)+" switches"))
	if b := r.Breakdown; b == nil {
		lines = append(lines, m.missing("not read", r.BreakdownErr))
	} else if len(b.Rows) == 0 {
		lines = append(lines, t.Muted.Render("  no groups"))
	} else {
		rows := make([]row, len(b.Rows))
		for i, br := range b.Rows {
			rows[i] = row{summary.GroupName(br.Grouping), pct(br.Compliance.Overall), summary.Sessions(br.SessionsCount), t.Marker}
		}
		lines = append(lines, m.rateChart(rows)...)
	}
	if tr := r.Trend; tr == nil {
		lines = append(lines, t.Label.Render(" Compliance by day"), m.missing("not read", r.TrendErr))
	} else if len(tr.Data) > 0 {
		rates := make([]*float64, len(tr.Data))
		for i, p := range tr.Data {
			if p.Compliance != nil {
				rates[i] = pct(p.Compliance.Overall)
			}
		}
		lines = append(lines, m.trend(" Compliance by day", tr.Data[0].Date, tr.Data[len(tr.Data)-1].Date, rates, percentWord)...)
	}
	return lines
}

// rate is a target's compliance as 0–100, or nil.
func rate(mt *api.SLAMetric) *float64 {
	if mt == nil {
		return nil
	}
	return pct(mt.Rate)
}

// pct turns an SLA rate (0–1) into a percentage for a bar and its word.
func pct(r *float64) *float64 {
	if r == nil {
		return nil
	}
	v := *r * 100
	return &v
}

func percentWord(p *float64) string {
	if p == nil {
		return render.Dash
	}
	v := float64(int(*p + 0.5))
	return summary.Percent(&v)
}

// chart lays rows out as label, bar, count, share; bars scaled to the
// largest count.
func (m Model) chart(rows []row) []string {
	return m.layoutRows(rows, 0, 0, func(r row) string {
		return fmt.Sprintf("%*s%*s", countW, summary.Count(r.value), shareW, r.share)
	})
}

// rateChart lays out percentages (0–100) against a full bar of 100%,
// with the rate and, where given, what it counts.
func (m Model) rateChart(rows []row) []string { return m.layoutRows(rows, 100, 0, rateNumbers) }

func rateNumbers(r row) string {
	s := fmt.Sprintf("%*s", shareW, percentWord(r.value))
	if r.share != "" {
		s += "  " + r.share
	}
	return s
}

// layoutRows draws rows as label, bar, numbers; the bar takes what is
// left of the width after the label, the numbers and reserve cells that
// the caller adds after them.
func (m Model) layoutRows(rows []row, top float64, reserve int, numbers func(row) string) []string {
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, render.Width(r.label))
	}
	labelW = min(labelW, labelMax, max(m.width/3, 8))
	barW := min(barMax, max(m.width-2-labelW-2-countW-shareW-14-reserve, 4))
	values := make([]float64, len(rows))
	for i, r := range rows {
		if r.value != nil {
			values[i] = *r.value
		}
	}
	drawn := bars(values, top, barW, func(i int) lipgloss.Style { return rows[i].style })
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = "  " + render.Fit(r.label, labelW) + "  " + drawn[i] + m.theme.Value.Render(numbers(r))
	}
	return out
}

// trend is a heading, a sparkline of values from first to last, and
// beside it the first and last day and the latest value and the peak.
func (m Model) trend(title, first, last string, values []*float64, word func(*float64) string) []string {
	t := m.theme
	plain := make([]float64, len(values))
	var peak *float64
	for i, v := range values {
		if v != nil {
			plain[i] = *v
			if peak == nil || *v > *peak {
				peak = v
			}
		}
	}
	room := max(m.width-44, 8)
	// A week is 8 points: each is drawn several cells wide, so that a
	// short series is not a smudge in a wide pane.
	wide := max(1, min(4, room/max(len(plain), 1)))
	line := "  " + spark(stretch(plain, wide), min(len(plain)*wide, room), t.Marker) + "  " + t.Muted.Render(summary.Day(first)+" → "+summary.Day(last)) +
		"  " + t.Value.Render("latest "+word(values[len(values)-1])+" · peak "+word(peak))
	return []string{t.Label.Render(title), line}
}

// spanWords is the period in a sentence: "today", "the last 7 days".
func spanWords(s pulse.Span) string {
	if s == pulse.Today {
		return s.Label()
	}
	return "the last " + s.Label()
}

// stretch repeats each value n times.
func stretch(values []float64, n int) []float64 {
	out := make([]float64, 0, len(values)*n)
	for _, v := range values {
		for range n {
			out = append(out, v)
		}
	}
	return out
}
