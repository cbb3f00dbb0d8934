package pulse

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/summary"
)

// Text is r as plain text: a heading per part, aligned columns, every
// value sanitized; a part that failed says why in its place.
func Text(r pulse.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Pulse of %s\n", summary.PeriodLine(r))
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	handoffs(w, r)
	sla(w, r)
	w.Flush()
	return b.String()
}

func handoffs(w *tabwriter.Writer, r pulse.Report) {
	fmt.Fprintln(w, "\nHandoffs")
	h := r.Handoffs
	if h == nil {
		fmt.Fprintf(w, "  not read: %s\n", summary.Why(r.HandoffsErr))
		return
	}
	fmt.Fprintf(w, "  %s\n", summary.HandoffTotals(h))
	if len(h.Reasons) > 0 {
		fmt.Fprintln(w, "Reasons")
		for _, rc := range h.Reasons {
			fmt.Fprintf(w, "  %s\t%s\t%s\n", summary.ReasonLabel(rc.Reason), summary.Count(rc.Count), summary.Percent(rc.Percentage))
		}
	}
	if len(h.Sentiments) > 0 {
		fmt.Fprintln(w, "Sentiments")
		for _, s := range h.Sentiments {
			fmt.Fprintf(w, "  %s\t%s\t%s\n", summary.Label(s.Sentiment), summary.Count(s.Count), summary.Percent(s.Percentage))
		}
	}
	if len(h.Trends) > 0 {
		fmt.Fprintln(w, "By day")
		for _, d := range h.Trends {
			fmt.Fprintf(w, "  %s\t%s\n", summary.Label(d.Date), summary.Count(d.Count))
		}
	}
}

func sla(w *tabwriter.Writer, r pulse.Report) {
	fmt.Fprintln(w, "\nSLA")
	fmt.Fprintf(w, "  %s\n", summary.SLANote)
	o := r.SLA
	if o == nil {
		fmt.Fprintf(w, "  not read: %s\n", summary.Why(r.SLAErr))
		return
	}
	fmt.Fprintf(w, "  %s\n", summary.SLAHeadline(o))
	for _, t := range summary.SLATargets(o.Compliance, o.Percentiles) {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", t.Name, t.Rate(), t.Times())
	}
	fmt.Fprintf(w, "By %s\n", r.GroupBy)
	if b := r.Breakdown; b == nil {
		fmt.Fprintf(w, "  not read: %s\n", summary.Why(r.BreakdownErr))
	} else {
		for _, row := range b.Rows {
			fmt.Fprintf(w, "  %s\t%s\t%s\n", summary.GroupName(row.Grouping), summary.Rate(row.Compliance.Overall), summary.Sessions(row.SessionsCount))
		}
	}
	fmt.Fprintln(w, "Compliance by day")
	if t := r.Trend; t == nil {
		fmt.Fprintf(w, "  not read: %s\n", summary.Why(r.TrendErr))
	} else {
		for _, p := range t.Data {
			rate := "—"
			if p.Compliance != nil {
				rate = summary.Rate(p.Compliance.Overall)
			}
			fmt.Fprintf(w, "  %s\t%s\t%s\n", summary.Label(p.Date), rate, summary.Sessions(p.SessionsCount))
		}
	}
}
