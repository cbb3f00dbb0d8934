package local

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// pulseWorld is a world whose key and base URL are the demo's fake
// server's, at the tests' clock.
func pulseWorld(t *testing.T, opts ...fake.Option) (*world, *fake.Server) {
	t.Helper()
	srv := fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
	base := faketest.Start(t, srv)
	return newWorld(t, map[string]string{"OPENCX_API_KEY": fake.DemoKey, settings.EnvBaseURL: base}), srv
}

func TestHandoverWithThePulse(t *testing.T) {
	w, srv := pulseWorld(t)
	out, errOut, code := w.run(NewHandoverCommand, "--pulse")
	if code != command.ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	assertNoControls(t, out)
	for _, want := range []string{"## Pulse of today (since 00:00 UTC)\n", "- Handoffs: ", "handoffs of ", "; mostly ", "- SLA (all sessions, no date range): compliance "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if out, _, _ := w.run(NewHandoverCommand); strings.Contains(out, "Pulse") {
		t.Errorf("without --pulse:\n%s", out)
	}
}

func TestHandoverPulseNamesAMissingScopeAndStillExitsZero(t *testing.T) {
	w, _ := pulseWorld(t, fake.WithoutScope(api.ScopeHandoffAnalytics))
	out, errOut, code := w.run(NewHandoverCommand, "--pulse")
	if code != command.ExitOK || errOut != "" || !strings.Contains(out, "- Handoffs not read: the key lacks handoff-analytics:read\n") || !strings.Contains(out, "- SLA (all sessions") {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, out)
	}
	out, _, code = w.run(NewHandoverCommand, "--pulse", "--format", "json")
	var doc struct {
		Pulse struct {
			Span     string
			Handoffs *api.HandoffAnalytics
			SLA      map[string]any
			Errors   map[string]string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != command.ExitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if p := doc.Pulse; p.Span != "today" || p.Handoffs != nil || p.SLA == nil || p.Errors["handoffs"] != "the key lacks handoff-analytics:read" {
		t.Errorf("%+v", p)
	}
}
