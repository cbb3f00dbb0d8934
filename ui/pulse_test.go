package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/overlay/pulseview"
	"github.com/opencx-tools/cxi/ui/pulseline"
)

// pulseModel is the program against the demo's fake server (with opts:
// a missing scope), the queue loaded, at width × height, with the pulse
// line on as the config's default has it.
func pulseModel(t *testing.T, width, height int, opts ...fake.Option) (Model, *fake.Server, string) {
	t.Helper()
	srv := demo.NewServer(append([]fake.Option{fake.WithClock(fixedNow), fake.WithPageSize(100)}, opts...)...)
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	m := startedModel(t, client, func(o *Options) { o.PulseLine = true })
	return send(m, tea.WindowSizeMsg{Width: width, Height: height}), srv, base
}

// analyticsRequests counts the requests to the analytics endpoints.
func analyticsRequests(srv *fake.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Path, "/handoff-analytics") || strings.HasPrefix(r.Path, "/sla/") {
			n++
		}
	}
	return n
}

func (m Model) pulseView() (pulseview.Model, bool) {
	v, ok := m.overlays.Top().(pulseview.Model)
	return v, ok
}

func TestPulseViewReadsThePeriodInFourRequests(t *testing.T) {
	m, srv, _ := pulseModel(t, 120, 40)
	before := analyticsRequests(srv)
	m = press(m, "ctrl+p")
	v, ok := m.pulseView()
	if !ok || v.Span() != pulse.Week || v.Loading() {
		t.Fatalf("ctrl+p: %T, span %v, loading %v", m.overlays.Top(), v.Span(), v.Loading())
	}
	if n := analyticsRequests(srv) - before; n != pulse.Requests {
		t.Errorf("%d requests, want %d", n, pulse.Requests)
	}
	screen := m.View()
	for _, want := range []string{"Pulse · 7 days", "handoffs of", "insufficient knowledge", "angry", "By day", "compliance ", "first reply", "By channel", "no date range for the SLA"} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q on\n%s", want, screen)
		}
	}
	m = press(m, "w")
	if v, _ := m.pulseView(); v.Span() != pulse.Month || !strings.Contains(m.View(), "Pulse · 30 days") {
		t.Errorf("w: span %v\n%s", v.Span(), m.View())
	}
	m = press(m, "T")
	if !strings.Contains(m.View(), "By team") {
		t.Errorf("T: no breakdown by team\n%s", m.View())
	}
	m = press(m, "esc")
	if _, open := m.pulseView(); open {
		t.Error("esc left the pulse view open")
	}
}

func TestPulseViewNamesTheMissingScope(t *testing.T) {
	for _, scope := range []string{api.ScopeHandoffAnalytics, api.ScopeSLAAnalytics} {
		t.Run(scope, func(t *testing.T) {
			m, _, _ := pulseModel(t, 120, 40, fake.WithoutScope(scope))
			m = press(m, "ctrl+p")
			if screen := m.View(); !strings.Contains(screen, "not read: the key lacks "+scope) {
				t.Errorf("no scope named on\n%s", screen)
			}
		})
	}
}

// TestPulseViewDropsAnOlderReading: a period picked while the first
// reading is under way; the first reading's answer, arriving late, is
// not shown as the new period's.
func TestPulseViewDropsAnOlderReading(t *testing.T) {
	m, _, _ := pulseModel(t, 120, 40)
	next, first := m.Update(keyMsg("ctrl+p"))
	m = next.(Model)
	next, second := m.Update(keyMsg("w"))
	m = next.(Model)
	m = drain(m, first)
	if v, _ := m.pulseView(); !v.Loading() || strings.Contains(m.View(), "insufficient knowledge") {
		t.Fatalf("the 7 days' answer was taken for the 30 days':\n%s", m.View())
	}
	m = drain(m, second)
	if v, _ := m.pulseView(); v.Loading() || !strings.Contains(m.View(), "Pulse · 30 days") || !strings.Contains(m.View(), "insufficient knowledge") {
		t.Errorf("the 30 days' answer not shown:\n%s", m.View())
	}
}

func TestPulseViewWithoutAnalyticsSaysSo(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "ctrl+p")
	if !strings.Contains(m.View(), "The pulse cannot be read here") {
		t.Errorf("%s", m.View())
	}
}

func TestPulseFromTheCommandLine(t *testing.T) {
	m, _, _ := pulseModel(t, 120, 40)
	m = run(m, "pulse 30d")
	if v, ok := m.pulseView(); !ok || v.Span() != pulse.Month {
		t.Fatalf(":pulse 30d: %T", m.overlays.Top())
	}
	m = press(m, "esc")
	m = run(m, "pulse off")
	if strings.Contains(m.View(), "open handoffs") {
		t.Errorf(":pulse off left the line:\n%s", m.View())
	}
	m = run(m, "pulse on")
	if !strings.Contains(m.View(), "open handoffs") {
		t.Errorf(":pulse on: no line:\n%s", m.View())
	}
}

// TestPulseLine: the line counts the loaded queue, asks for the 7-day
// overview once, not again on a refresh within the minute, and none at
// all while hidden.
func TestPulseLine(t *testing.T) {
	m, srv, _ := pulseModel(t, 120, 40)
	header := strings.SplitN(m.View(), "\n", 2)[0]
	c := pulseCountsOf(m)
	more := ""
	if c.Partial {
		more = "+"
	}
	want := fmt.Sprintf("%d%s open handoffs", c.OpenHandoffs, more)
	if c.OpenHandoffs == 0 || !strings.Contains(header, want) || !strings.Contains(header, "angry today") || !strings.Contains(header, "% 7d") {
		t.Errorf("header %q, want %q, the angry share and the 7-day rate", header, want)
	}
	if n := analyticsRequests(srv); n != 1 {
		t.Errorf("%d analytics requests at start, want 1", n)
	}
	m = press(m, "r")
	if n := analyticsRequests(srv); n != 1 {
		t.Errorf("%d analytics requests after a refresh within the minute, want 1", n)
	}
	m = press(m, "%")
	if strings.Contains(strings.SplitN(m.View(), "\n", 2)[0], "open handoff") {
		t.Errorf("%% left the line")
	}
	if n := analyticsRequests(srv); n != 1 {
		t.Errorf("%d analytics requests while hidden", n)
	}
}

func TestPulseLineOffByConfig(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}) // PulseLine false: as pulse = false
	if strings.Contains(m.View(), "open handoff") {
		t.Errorf("%s", m.View())
	}
}

func TestPulseLineAt80Columns(t *testing.T) {
	m, _, _ := pulseModel(t, 80, 24)
	header := strings.SplitN(m.View(), "\n", 2)[0]
	if !strings.Contains(header, "open handoffs") || !strings.HasPrefix(header, "cxi") {
		t.Errorf("header %q", header)
	}
	if w := len([]rune(header)); w > 80 {
		t.Errorf("header is %d wide", w)
	}
}

// TestPulseGolden: the pulse view, a key without the handoff scope, and
// the first reading under way, at 120×40 and 80×24; the header's line
// above each.
func TestPulseGolden(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, c := range []struct {
			name string
			opts []fake.Option
			run  bool // let the reading finish
		}{
			{"pulse_view", nil, true},
			{"pulse_no_scope", []fake.Option{fake.WithoutScope(api.ScopeHandoffAnalytics)}, true},
			{"pulse_loading", nil, false},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				m, _, base := pulseModel(t, size[0], size[1], c.opts...)
				next, cmd := m.Update(keyMsg("ctrl+p"))
				m = next.(Model)
				if c.run {
					m = drain(m, cmd)
				}
				golden.RequireEqual(t, []byte(strings.Replace(m.View(), base, "http://fake", 1)))
			})
		}
	}
}

func pulseCountsOf(m Model) pulseline.Counts { return m.pulseLine.Counts() }
