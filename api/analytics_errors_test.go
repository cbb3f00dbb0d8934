package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// analyticsCalls are the new calls, each named for its failure messages.
func analyticsCalls(c *api.Client) map[string]func() error {
	ctx := context.Background()
	return map[string]func() error{
		"HandoffAnalytics": func() error { _, err := c.HandoffAnalytics(ctx, api.Period{}); return err },
		"HandoffEvents":    func() error { _, err := c.HandoffEvents(ctx, api.HandoffEventParams{}); return err },
		"CSAT":             func() error { _, err := c.CSAT(ctx, testID); return err },
		"SLAAnalytics":     func() error { _, err := c.SLAAnalytics(ctx, api.SLAParams{}); return err },
		"SLABreakdown":     func() error { _, err := c.SLABreakdown(ctx, api.SLAParams{}, api.GroupByTeam); return err },
		"SLATrend":         func() error { _, err := c.SLATrend(ctx, api.SLAParams{}, api.GranularityWeek); return err },
		"OfficeHours":      func() error { _, err := c.OfficeHours(ctx); return err },
		"OfficeHoursByID":  func() error { _, err := c.OfficeHoursByID(ctx, "oh_1"); return err },
	}
}

// Every new call fails the way GetSession does: a typed *api.Error with
// its kind for 401, 404, 429, a gateway's HTML page and malformed JSON.
func TestAnalyticsCallsStatusErrors(t *testing.T) {
	tests := []struct {
		name   string
		h      http.HandlerFunc
		kind   api.Kind
		expect string
	}{
		{"401", respond(401, "application/json", `{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}`), api.KindUnauthorized, "Invalid API key"},
		{"404", respond(404, "application/json", `{"statusCode":404,"message":"Not found","error":"Not Found"}`), api.KindNotFound, "Not found"},
		{"429", respond(429, "application/json", `{"statusCode":429,"message":"Too Many Requests"}`, "Retry-After", "30"), api.KindRateLimited, "Too Many Requests"},
		{"html", respond(502, "text/html", nginx502), api.KindNotJSON, "502 Bad Gateway"},
		{"html 200", respond(200, "text/html", "<html>maintenance</html>"), api.KindNotJSON, "maintenance"},
		{"truncated", respond(200, "application/json", `{"items":[`), api.KindDecode, "truncated"},
	}
	for _, tt := range tests {
		srv := serve(t, tt.h)
		for name, call := range analyticsCalls(newClient(t, srv.URL)) {
			e := asError(t, call(), srv.URL)
			if e.Kind != tt.kind || !strings.Contains(e.Error(), tt.expect) {
				t.Errorf("%s %s: %s %v", tt.name, name, kindName(e.Kind), e)
			}
			if _, scoped := api.MissingScope(e); scoped {
				t.Errorf("%s %s: a scope error", tt.name, name)
			}
		}
	}
}

// A 403 says which scope the key lacks: the one the message names, or the
// one the endpoint is documented to need; a 403 without either (CSAT,
// office hours) stays a plain forbidden error.
func TestForbiddenNamesTheMissingScope(t *testing.T) {
	plain := serve(t, respond(403, "application/json", `{"statusCode":403,"message":"Forbidden resource","error":"Forbidden"}`))
	want := map[string]string{
		"HandoffAnalytics": api.ScopeHandoffAnalytics, "HandoffEvents": api.ScopeHandoffAnalytics,
		"SLAAnalytics": api.ScopeSLAAnalytics, "SLABreakdown": api.ScopeSLAAnalytics, "SLATrend": api.ScopeSLAAnalytics,
		"CSAT": "", "OfficeHours": "", "OfficeHoursByID": "",
	}
	for name, call := range analyticsCalls(newClient(t, plain.URL)) {
		e := asError(t, call(), plain.URL)
		scope, ok := api.MissingScope(e)
		if e.Kind != api.KindForbidden || scope != want[name] || ok != (want[name] != "") {
			t.Errorf("%s: %s scope %q %v", name, kindName(e.Kind), scope, ok)
		}
		if ok && !strings.Contains(e.Error(), "the key lacks the scope "+scope) {
			t.Errorf("%s: %v", name, e)
		}
	}
	named := serve(t, respond(403, "application/json", `{"statusCode":403,"message":"Missing required scope: csat:read","error":"Forbidden"}`))
	for name, call := range analyticsCalls(newClient(t, named.URL)) {
		err := call()
		var se *api.ScopeError
		if !errors.As(err, &se) || se.Scope != "csat:read" || !se.Named {
			t.Errorf("%s: %v (%+v)", name, err, se)
		}
	}
}
