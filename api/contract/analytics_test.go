//go:build prism

package contract_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/prism"
)

// TestPrismProxyAnalytics drives every analytics call of the client
// through Prism in proxy mode against the demo's fake: the handoff events
// walked for several windows and under every reason, the overview, the
// rating of every session, the SLA overview under each filter, every
// breakdown and trend, and the office hours. Every request and answer must
// validate.
func TestPrismProxyAnalytics(t *testing.T) {
	h := newHarness(t, fake.WithHandoffPageSize(10))
	ctx := context.Background()
	now := time.Now()

	for _, p := range []api.Period{{}, api.LastDays(now, 7), api.LastDays(now, 1), {Start: now.AddDate(0, 0, -60), End: now.AddDate(0, 0, -30)}} {
		w, err := h.client.WalkHandoffReasons(ctx, p)
		if err != nil {
			t.Errorf("WalkHandoffReasons %v: %v", p, err)
		}
		t.Logf("window %s – %s: %d sessions in %d requests", p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly), len(w.BySession), w.Requests)
		if _, err := h.client.HandoffAnalytics(ctx, p); err != nil {
			t.Errorf("HandoffAnalytics %v: %v", p, err)
		}
	}
	for _, r := range api.HandoffReasons() {
		for cursor := ""; ; {
			pg, err := h.client.HandoffEvents(ctx, api.HandoffEventParams{Reason: r, Cursor: cursor, Period: api.LastDays(now, 30)})
			if err != nil {
				t.Errorf("HandoffEvents %s: %v", r, err)
				break
			}
			if pg.Next == "" {
				break
			}
			cursor = pg.Next
		}
	}

	rated := 0
	for _, id := range append(h.srv.SessionIDs(), demo.IDMinimal) {
		s, err := h.client.CSAT(ctx, id)
		if err != nil {
			t.Errorf("CSAT %s: %v", id, err)
		}
		if s != nil {
			rated++
		}
	}
	if _, err := h.client.CSAT(ctx, "00000000-0000-4000-8000-000000000000"); api.KindOf(err) != api.KindNotFound {
		t.Errorf("CSAT of an unknown session: %v", err)
	}

	agent := int64(42)
	filters := []api.SLAParams{{}, {Timezone: "Europe/London"}, {PolicyID: fake.PolicyID}, {TeamID: "00000000-0000-0000-0000-000000000000"}, {AgentID: &agent}}
	for _, ch := range api.Channels() {
		filters = append(filters, api.SLAParams{Channel: ch})
	}
	for _, p := range filters {
		if _, err := h.client.SLAAnalytics(ctx, p); err != nil {
			t.Errorf("SLAAnalytics %+v: %v", p, err)
		}
	}
	for _, by := range api.SLAGroupBys() {
		if _, err := h.client.SLABreakdown(ctx, api.SLAParams{Timezone: "Europe/London"}, by); err != nil {
			t.Errorf("SLABreakdown %s: %v", by, err)
		}
	}
	for _, g := range []api.SLAGranularity{"", api.GranularityDay, api.GranularityWeek} {
		if _, err := h.client.SLATrend(ctx, api.SLAParams{Timezone: "America/New_York"}, g); err != nil {
			t.Errorf("SLATrend %q: %v", g, err)
		}
	}

	hours, err := h.client.OfficeHours(ctx)
	if err != nil || len(hours) != 1 {
		t.Fatalf("OfficeHours: %v %v", hours, err)
	}
	if _, err := h.client.OfficeHoursByID(ctx, hours[0].ID); err != nil {
		t.Errorf("OfficeHoursByID: %v", err)
	}
	if _, err := h.client.OfficeHoursByID(ctx, "nope"); api.KindOf(err) != api.KindNotFound {
		t.Errorf("unknown office hours: %v", err)
	}
	h.wantClean(t)
	t.Logf("%d sessions rated", rated)
}

// TestPrismProxyMissingScopes: through Prism, a key without the analytics
// scopes gets a 403 that validates (the default ErrorDto) and that the
// client turns into a ScopeError naming the scope.
func TestPrismProxyMissingScopes(t *testing.T) {
	h := newHarness(t, fake.WithoutScope(fake.ScopeHandoffAnalytics), fake.WithoutScope(fake.ScopeSLAAnalytics))
	ctx := context.Background()
	calls := map[string]func() error{
		api.ScopeHandoffAnalytics: func() error { _, err := h.client.HandoffAnalytics(ctx, api.Period{}); return err },
		api.ScopeSLAAnalytics:     func() error { _, err := h.client.SLATrend(ctx, api.SLAParams{}, ""); return err },
	}
	for scope, call := range calls {
		var se *api.ScopeError
		if err := call(); !errors.As(err, &se) || se.Scope != scope || !se.Named {
			t.Errorf("%s: %v", scope, err)
		}
	}
	h.wantClean(t)
}

// TestPrismMockAnalytics decodes 50 random answers of each analytics
// endpoint from Prism's mock (fixed seed, logged; a seed of its own per
// request): none may fail to decode, whatever the schema allows.
func TestPrismMockAnalytics(t *testing.T) {
	const seed = 2121
	c := prism.MockClient(t, seed, "/office-hours", nil)
	ctx := context.Background()
	calls := map[string]func() error{
		"HandoffAnalytics": func() error { _, err := c.HandoffAnalytics(ctx, api.Period{}); return err },
		"HandoffEvents":    func() error { _, err := c.HandoffEvents(ctx, api.HandoffEventParams{}); return err },
		"CSAT":             func() error { _, err := c.CSAT(ctx, demo.IDMinimal); return err },
		"SLAAnalytics":     func() error { _, err := c.SLAAnalytics(ctx, api.SLAParams{}); return err },
		"SLABreakdown":     func() error { _, err := c.SLABreakdown(ctx, api.SLAParams{}, api.GroupByAgent); return err },
		"SLATrend":         func() error { _, err := c.SLATrend(ctx, api.SLAParams{}, api.GranularityWeek); return err },
		"OfficeHours":      func() error { _, err := c.OfficeHours(ctx); return err },
		"OfficeHoursByID":  func() error { _, err := c.OfficeHoursByID(ctx, "oh"); return err },
	}
	for name, call := range calls {
		for i := range 50 {
			if err := call(); err != nil {
				t.Errorf("%s, answer %d: %v", name, i, err)
			}
		}
	}
	// A walk over Prism's random cursors never ends on its own: the
	// paging guard or a repeated cursor must, or it is cut here.
	wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	w, err := c.WalkHandoffReasons(wctx, api.Period{})
	if err != nil && !strings.Contains(err.Error(), "page") && api.KindOf(err) != api.KindCanceled {
		t.Errorf("walk: %v", err)
	}
	t.Logf("a walk over random pages: %d requests, %d sessions (%v)", w.Requests, len(w.BySession), err)
	_ = http.StatusOK
}
