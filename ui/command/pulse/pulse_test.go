package pulse

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func server(t *testing.T, opts ...fake.Option) (*fake.Server, *api.Client) {
	t.Helper()
	srv := fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
	return srv, faketest.Client(t, srv)
}

func runPulse(t *testing.T, c *api.Client, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	d := settings.Deps{Connect: func(settings.Flags) (*api.Client, func(), error) { return c, func() {}, nil }}
	code := run(context.Background(), args, command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80}, d)
	return out.String(), errOut.String(), code
}

func TestPulseText(t *testing.T) {
	srv, c := server(t)
	out, errOut, code := runPulse(t, c, "--since", "7d")
	if code != command.ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if n := len(srv.Requests()); n != 4 {
		t.Errorf("%d requests, want 4", n)
	}
	for _, want := range []string{"Pulse of the last 7 days (2026-11-18 12:00 to 2026-11-25 12:00 UTC)", "insufficient knowledge", "SLA figures cover all sessions", "By channel", "first reply"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	golden.RequireEqual(t, []byte(out))
}

func TestPulseJSON(t *testing.T) {
	_, c := server(t)
	out, errOut, code := runPulse(t, c, "--json", "--since", "today", "--by", "team")
	if code != command.ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var d struct {
		Span     string
		Handoffs struct {
			TotalHandoffs *float64 `json:"total_handoffs"`
			Reasons       []struct{ Reason string }
		}
		SLA          map[string]any `json:"sla"`
		SLABreakdown struct {
			GroupBy string `json:"group_by"`
			Rows    []any
		} `json:"sla_breakdown"`
		Errors []any
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if d.Span != "today" || d.Handoffs.TotalHandoffs == nil || len(d.Handoffs.Reasons) == 0 || d.SLA == nil || d.SLABreakdown.GroupBy != "team" || d.Errors == nil || len(d.Errors) != 0 {
		t.Errorf("%+v", d)
	}
}

func TestPulseExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    []fake.Option
		args    []string
		code    int
		stderr  string
		printed string // what stdout still holds
	}{
		{"no handoff scope", []fake.Option{fake.WithoutScope(api.ScopeHandoffAnalytics)}, nil, command.ExitAuth,
			"cxi: handoff analytics: the key lacks handoff-analytics:read\n", "compliance"},
		{"no SLA scope", []fake.Option{fake.WithoutScope(api.ScopeSLAAnalytics)}, nil, command.ExitAuth,
			"cxi: SLA analytics: the key lacks sla-analytics:read\n", "insufficient knowledge"},
		{"no SLA scope, JSON", []fake.Option{fake.WithoutScope(api.ScopeSLAAnalytics)}, []string{"--json"}, command.ExitAuth,
			"cxi: SLA analytics: the key lacks sla-analytics:read\n", `"missing_scope": "sla-analytics:read"`},
		{"gateway page", []fake.Option{fake.WithAnalyticsFault("/handoff-analytics", fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<html>502</html>"})}, nil, command.ExitUnavailable,
			"cxi: handoff analytics: HTTP 502 from a gateway or proxy", "SLA"},
		{"bad since", nil, []string{"--since", "8h"}, command.ExitUsage, `cxi: --since: "8h" is not a span`, ""},
		{"since too long", nil, []string{"--since", "100d"}, command.ExitUsage, `cxi: --since: "100d" is out of range: want 1d to 90d`, ""},
		{"bad group", nil, []string{"--by", "colour"}, command.ExitUsage, `cxi: --by "colour": want channel, team, policy or agent`, ""},
		{"argument", nil, []string{"today"}, command.ExitUsage, `cxi: unexpected argument "today": cxi pulse takes flags only`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, c := server(t, tc.opts...)
			out, errOut, code := runPulse(t, c, tc.args...)
			if code != tc.code || !strings.HasPrefix(errOut, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errOut, tc.code, tc.stderr)
			}
			if !strings.Contains(out, tc.printed) {
				t.Errorf("stdout lacks %q:\n%s", tc.printed, out)
			}
			if tc.code == command.ExitUsage && len(srv.Requests()) != 0 {
				t.Errorf("a usage error spent %d requests", len(srv.Requests()))
			}
		})
	}
}
