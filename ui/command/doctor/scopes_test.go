package doctor

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/command"
)

// withScopes is healthy() asking the demo's fake server for the scopes,
// through the real client, with opts (fake.WithoutScope).
func withScopes(t *testing.T, opts ...fake.Option) (Inputs, *fake.Server) {
	t.Helper()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	srv := fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
	c := faketest.Client(t, srv)
	in := healthy()
	in.Scopes = func(ctx context.Context) []api.ScopeCheck { return c.CheckScopes(ctx, now) }
	return in, srv
}

func TestScopesGranted(t *testing.T) {
	in, srv := withScopes(t)
	out, code := run(t, in)
	if code != command.ExitOK {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{
		"✔ Scope handoff-analytics:read: granted (the handoff reasons and the pulse's handoffs)",
		"✔ Scope sla-analytics:read: granted (the pulse's SLA figures)",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestAMissingScopeIsAWarningNamingIt(t *testing.T) {
	for _, scope := range []string{api.ScopeHandoffAnalytics, api.ScopeSLAAnalytics} {
		t.Run(scope, func(t *testing.T) {
			in, _ := withScopes(t, fake.WithoutScope(scope))
			out, code := run(t, in)
			if code != command.ExitOK {
				t.Errorf("exit %d: a missing analytics scope fails nothing else", code)
			}
			want := "! Scope " + scope + ": the key lacks it, so " + scopeUse[scope] + " cannot be shown\n" +
				"    fix: ask an admin for a key with the scope " + scope + " (cxi auth login to store it)\n"
			if !strings.Contains(out, want) {
				t.Errorf("no\n%s\nin\n%s", want, out)
			}
			if strings.Count(out, "granted") != 1 {
				t.Errorf("the other scope should pass:\n%s", out)
			}
		})
	}
}

func TestScopesNotCheckedWhenTheKeyIsRejected(t *testing.T) {
	in := healthy()
	in.Check = func(context.Context) error { return unauthorized() }
	in.Scopes = func(context.Context) []api.ScopeCheck { t.Error("scopes asked with a rejected key"); return nil }
	run(t, in)
}

func TestAScopeThatCouldNotBeCheckedSaysWhy(t *testing.T) {
	in := healthy()
	in.Scopes = func(context.Context) []api.ScopeCheck {
		return []api.ScopeCheck{{Scope: api.ScopeSLAAnalytics, Err: errors.New("connection reset")}}
	}
	out, code := run(t, in)
	if code != command.ExitOK || !strings.Contains(out, "! Scope sla-analytics:read: not checked: ") || !strings.Contains(out, "fix: run cxi doctor again later") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
