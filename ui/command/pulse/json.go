package pulse

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// doc is the pulse as JSON: each part as decoded (null when not read),
// the SLA's breakdown with what it groups by, and one entry per failed
// part, naming the scope the key lacks where that was the cause.
type doc struct {
	Span      string                `json:"span"`
	Start     time.Time             `json:"start"`
	End       time.Time             `json:"end"`
	Handoffs  *api.HandoffAnalytics `json:"handoffs"`
	SLA       *api.SLAOverview      `json:"sla"`
	SLANote   string                `json:"sla_note"`
	Breakdown *breakdownJSON        `json:"sla_breakdown"`
	Trend     *api.SLATrend         `json:"sla_trend"`
	Errors    []errorJSON           `json:"errors"`
}

type breakdownJSON struct {
	GroupBy api.SLAGroupBy        `json:"group_by"`
	Rows    []api.SLABreakdownRow `json:"rows"`
}

type errorJSON struct {
	Part     string  `json:"part"`
	Scope    *string `json:"missing_scope"`
	Message  string  `json:"message"`
	ExitCode int     `json:"exit_code"`
}

func printJSON(env command.Env, r pulse.Report) error {
	d := doc{
		Span: r.Span.Label(), Start: r.Period.Start.UTC(), End: r.Period.End.UTC(),
		Handoffs: r.Handoffs, SLA: r.SLA, SLANote: summary.SLANote, Trend: r.Trend, Errors: []errorJSON{},
	}
	if r.Breakdown != nil {
		d.Breakdown = &breakdownJSON{GroupBy: r.GroupBy, Rows: r.Breakdown.Rows}
	}
	for _, p := range parts(r) {
		if p.err == nil {
			continue
		}
		e := errorJSON{Part: p.name, Message: summary.Why(p.err), ExitCode: command.ExitCode(p.err)}
		if s, ok := api.MissingScope(p.err); ok {
			e.Scope = &s
		}
		d.Errors = append(d.Errors, e)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	out, err := render.JSON(b)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, out)
	return err
}
