package summary

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/render"
)

func num(v float64) *float64 { return &v }

// hostilePulse is a pulse whose words are h: a reason the contract does
// not list, as a beta API may send one.
func hostilePulse(h string) string {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	return PulseMarkdown(pulse.Report{
		Span: pulse.Week, Period: pulse.Week.Period(now),
		Handoffs: &api.HandoffAnalytics{TotalHandoffs: num(3), TotalSessions: num(9), Reasons: []api.ReasonCount{
			{Reason: "insufficient_knowledge", Count: num(1), Percentage: num(33.3)},
			{Reason: api.HandoffReason(h), Count: num(2), Percentage: num(66.7)},
		}},
		SLAErr: errors.New("no answer"),
	})
}

// TestPulseMarkdownCarriesNoStructureFromData: the handover's pulse
// section keeps its structure whatever a reason is called, and shows it.
func TestPulseMarkdownCarriesNoStructureFromData(t *testing.T) {
	for _, h := range hostileText {
		md, safe := hostilePulse(h), hostilePulse(xify(h))
		if got, want := skeleton(t, md), skeleton(t, safe); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("reason %q changed the structure\n got %v\nwant %v\n%s", h, got, want, md)
		}
		if d := collapse(render.Line(h)); d != "" && !strings.Contains(visible(t, md), d) {
			t.Errorf("reason %q is not shown as it is:\n%s", h, md)
		}
	}
}

func TestPulseWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(nil), render.Dash}, {Count(num(3)), "3"}, {Count(num(2.25)), "2.2"},
		{Percent(num(21.3)), "21.3%"}, {Percent(nil), render.Dash},
		{Rate(num(0.6864)), "69%"}, {Rate(nil), render.Dash},
		{Seconds(num(44)), "44s"}, {Seconds(num(427)), "7m"}, {Seconds(num(36601)), "10h"}, {Seconds(num(-1)), render.Dash},
		{Sessions(num(1)), "1 session"}, {Sessions(num(48)), "48 sessions"}, {Sessions(nil), render.Dash + " sessions"},
		{Day("2026-11-18"), "11-18"}, {Day("last\x1b[2J week"), "last week"},
		{HandoffTotals(&api.HandoffAnalytics{TotalHandoffs: num(39), TotalSessions: num(100)}), "39 handoffs of 100 sessions (39%)"},
		{HandoffTotals(&api.HandoffAnalytics{}), render.Dash + " handoffs"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
