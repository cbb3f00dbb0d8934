package pulseview

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func num(v float64) *float64 { return &v }

// hostile answers with what a beta API may send: escape sequences in
// every word, nulls where numbers were, a reason and a sentiment the
// contract does not list, an SLA breakdown that failed.
type hostile struct{}

func (hostile) HandoffAnalytics(context.Context, api.Period) (*api.HandoffAnalytics, error) {
	return &api.HandoffAnalytics{
		TotalHandoffs: num(3), TotalSessions: nil,
		Reasons: []api.ReasonCount{
			{Reason: "insufficient_knowledge", Count: num(2), Percentage: num(66.7)},
			{Reason: "new_reason\x1b]52;c;cm0gLXJm\x07", Count: nil, Percentage: nil},
		},
		Sentiments: []api.SentimentCount{{Sentiment: "furious\x1b[31m", Count: num(3), Percentage: num(100)}},
		Trends:     []api.DayCount{{Date: "2026-11-24", Count: num(1)}, {Date: "not a date\u202e", Count: nil}},
	}, nil
}

func (hostile) SLAAnalytics(context.Context, api.SLAParams) (*api.SLAOverview, error) {
	return &api.SLAOverview{}, nil
}

func (hostile) SLABreakdown(context.Context, api.SLAParams, api.SLAGroupBy) (*api.SLABreakdown, error) {
	return nil, &api.Error{Kind: api.KindServer, Status: 503}
}

func (hostile) SLATrend(context.Context, api.SLAParams, api.SLAGranularity) (*api.SLATrend, error) {
	return &api.SLATrend{Data: []api.SLATrendPoint{{Date: "2026-11-24"}}}, nil
}

func open(t *testing.T, src pulse.Source, width, height int) Model {
	t.Helper()
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return now }}.WithDefaults()
	m, cmd := New(ctx, src, pulse.Week, width, height)
	next, _, taken := m.Receive(cmd())
	if !taken {
		t.Fatal("its own answer was not taken")
	}
	return next.(Model)
}

func TestHostileAnswersAreSanitizedAndNullsAreDashes(t *testing.T) {
	for _, width := range []int{120, 80, 60} {
		m := open(t, hostile{}, width, 60)
		body := m.body()
		if render.Hidden(body) || strings.ContainsAny(body, "\x1b\x07\u202e") {
			t.Errorf("%d: a control or bidi character reached the screen: %q", width, body)
		}
		for _, want := range []string{"3 handoffs", "new_reason", render.Dash, "furious", "11-24", "not a date", "not read: The OpenCX API failed with HTTP 503."} {
			if !strings.Contains(body, want) {
				t.Errorf("%d: no %q in\n%s", width, want, body)
			}
		}
		for i, l := range strings.Split(m.View(width, 60), "\n") {
			if w := render.Width(l); w > width {
				t.Errorf("%d: line %d is %d cells: %q", width, i, w, l)
			}
		}
	}
}

// recording keeps the context of the reading it was asked for.
type recording struct {
	hostile
	ctx context.Context
}

func (r *recording) HandoffAnalytics(ctx context.Context, p api.Period) (*api.HandoffAnalytics, error) {
	r.ctx = ctx
	return r.hostile.HandoffAnalytics(ctx, p)
}

// TestClosingCancelsTheReading: esc while the reading is under way
// cancels its context, so that its requests take no place in the budget.
func TestClosingCancelsTheReading(t *testing.T) {
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return now }}.WithDefaults()
	src := &recording{}
	m, cmd := New(ctx, src, pulse.Week, 80, 24)
	closed, _ := m.Update(keytest.Msg("esc"))
	if closed != nil {
		t.Fatal("esc did not close the view")
	}
	cmd()
	if src.ctx == nil || src.ctx.Err() == nil {
		t.Error("the reading went on after the view closed")
	}
}
