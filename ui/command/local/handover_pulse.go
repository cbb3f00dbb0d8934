package local

import (
	"context"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/summary"
)

// pulseTimeout bounds the handover's pulse: the handover is the store's
// and must not hang on a dead network; its pulse then says why it is
// missing.
const pulseTimeout = 10 * time.Second

// readPulse reads today's short pulse (pulse.Overview, 2 requests) for
// `cxi handover --pulse`. It never fails the handover: a missing key, an
// unreachable API or a scope the key lacks is said in the section.
func readPulse(s settings.Settings, env command.Env) *pulse.Report {
	now := env.Now()
	failed := func(err error) *pulse.Report {
		return &pulse.Report{Span: pulse.Today, Period: pulse.Today.Period(now), At: now, HandoffsErr: err, SLAErr: err}
	}
	key, err := s.Key()
	if err != nil {
		return failed(err)
	}
	client, stop, err := s.Client(key, settings.WaitNotice(env))
	if err != nil {
		return failed(err)
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), pulseTimeout)
	defer cancel()
	r := pulse.Overview(ctx, client, pulse.Today, now)
	return &r
}

// pulseJSON is the handover's pulse as JSON: each overview as decoded
// (null when not read) and why a part was not read.
type pulseJSON struct {
	Span     string                `json:"span"`
	Start    time.Time             `json:"start"`
	End      time.Time             `json:"end"`
	Handoffs *api.HandoffAnalytics `json:"handoffs"`
	SLA      *api.SLAOverview      `json:"sla"`
	Errors   map[string]string     `json:"errors"`
}

func toPulseJSON(r *pulse.Report) *pulseJSON {
	if r == nil {
		return nil
	}
	j := &pulseJSON{Span: r.Span.Label(), Start: r.Period.Start.UTC(), End: r.Period.End.UTC(), Handoffs: r.Handoffs, SLA: r.SLA, Errors: map[string]string{}}
	if r.HandoffsErr != nil {
		j.Errors["handoffs"] = summary.Why(r.HandoffsErr)
	}
	if r.SLAErr != nil {
		j.Errors["sla"] = summary.Why(r.SLAErr)
	}
	return j
}
