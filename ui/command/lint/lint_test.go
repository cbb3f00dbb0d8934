package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	rules "github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// world is a fake server, a store and a config folder for one test.
type world struct {
	t      *testing.T
	srv    *fake.Server
	client *api.Client
	st     *store.Store // the test's own handle; each run opens its own, as cxi does
	opts   store.Options
	config string
	now    time.Time // the command's clock
}

func newWorld(t *testing.T, opts ...fake.Option) *world {
	srv := fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
	o := store.Options{Dir: t.TempDir(), BaseURL: "https://api.example", Key: "k", Now: func() time.Time { return now }}
	st, _, err := store.Open(o)
	if err != nil || st == nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &world{t: t, srv: srv, client: faketest.Client(t, srv), st: st, opts: o, config: t.TempDir(), now: now}
}

func (w *world) deps() settings.Deps {
	return settings.Deps{
		Connect: func(settings.Flags) (*api.Client, func(), error) { return w.client, func() {}, nil },
		OpenExisting: func(settings.Settings, string) (*store.Store, error) {
			o := w.opts
			o.Existing = true
			st, _, err := store.Open(o)
			return st, err
		},
	}
}

// writeConfig writes config.toml where Resolve looks for it.
func (w *world) writeConfig(doc string) {
	dir := filepath.Join(w.config, "cxi")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(doc), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) run(args ...string) (string, string, int) {
	w.t.Helper()
	var out, errOut bytes.Buffer
	env := command.Env{
		Stdout: &out, Stderr: &errOut, Now: func() time.Time { return w.now }, Width: 80,
		Getenv:        func(k string) string { return map[string]string{"OPENCX_API_KEY": fake.DemoKey}[k] },
		UserConfigDir: func() (string, error) { return w.config, nil },
	}
	code := run(context.Background(), args, env, w.deps())
	return out.String(), errOut.String(), code
}

// decode reads --json's array.
func decode(t *testing.T, out string) []flagged {
	t.Helper()
	var got []flagged
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("--json printed %q: %v", out, err)
	}
	return got
}

// TestLintFlagsTheDemo: the demo trips every rule that needs no kept data;
// each line is an ID and its rules; --json says the same as an array; the
// exit code is 1.
func TestLintFlagsTheDemo(t *testing.T) {
	w := newWorld(t)
	out, errOut, code := w.run()
	if code != ExitFlagged || errOut != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, r := range []rules.Rule{rules.NoTicket, rules.AssumedAngry, rules.ResolvedUnhappy, rules.BackSoon} {
		if !strings.Contains(out, "\t"+string(r)+": ") {
			t.Errorf("no session flagged %s in\n%s", r, out)
		}
	}
	// The cost: the list's pages and the office hours, nothing else, and
	// no write: a cron job's run spends pages+1 of the 100 a minute.
	pages, other := 0, 0
	for _, r := range w.srv.Requests() {
		switch {
		case r.Method == http.MethodGet && r.Path == "/chat/sessions":
			pages++
		case r.Method == http.MethodGet && r.Path == "/office-hours":
		default:
			other++
			t.Errorf("cxi lint asked %s %s", r.Method, r.Path)
		}
	}
	t.Logf("cxi lint: %d sessions flagged; %d list pages and 1 office hours request", len(lines), pages)
	if pages == 0 || len(w.srv.Requests()) != pages+1+other {
		t.Errorf("%d requests for %d pages", len(w.srv.Requests()), pages)
	}
	jsonOut, _, code := w.run("--json")
	got := decode(t, jsonOut)
	if code != ExitFlagged || len(got) != len(lines) {
		t.Fatalf("--json: exit %d, %d sessions; the text has %d", code, len(got), len(lines))
	}
	for i, f := range got {
		id, _, _ := strings.Cut(lines[i], "\t")
		if f.SessionID != id || len(f.Flags) == 0 || f.Flags[0].Says == "" {
			t.Errorf("--json item %d = %+v; the text says %q", i, f, lines[i])
		}
	}
}

// TestLintReadsTheStore: a kept transcript in which a handoff has waited
// six hours for a human trips no_reply, and a kept low rating trips
// resolved_unhappy, on sessions that trip nothing without them.
func TestLintReadsTheStore(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	page, err := w.client.ListSessions(ctx, api.ListParams{UpdatedAfter: now.Add(-7 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := w.run()
	var waiting, rated *api.Session
	for i := range page.Items {
		s := &page.Items[i]
		if strings.Contains(out, s.ID) {
			continue // flagged already
		}
		switch {
		case waiting == nil && s.HandedOff() && s.Status == api.StatusOpen:
			waiting = s
		case rated == nil && s.Status == api.StatusClosedResolved:
			rated = s
		}
	}
	if waiting == nil || rated == nil {
		t.Fatalf("the demo's first page has no unflagged open handoff (%v) or resolved session (%v)", waiting, rated)
	}
	at := func(d time.Duration) api.Timestamp {
		t := now.Add(-d)
		return api.Timestamp{Time: t, Raw: t.Format(time.RFC3339)}
	}
	events := []api.Event{{Type: "handoff", SenderType: "ai", CreatedAt: at(6 * time.Hour)}, {Type: "message", SenderType: "contact", CreatedAt: at(5 * time.Hour)}}
	if err := w.st.SaveHistory(ctx, waiting.ID, events, true, now); err != nil {
		t.Fatal(err)
	}
	score := 1.0
	if err := w.st.SaveCSAT(ctx, rated.ID, &api.CSATScore{Score: &score}, now); err != nil {
		t.Fatal(err)
	}
	w.writeConfig("[lint]\noffice_hours = false\n")
	out, errOut, code := w.run()
	if code != ExitFlagged {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for id, want := range map[string]string{
		waiting.ID: "no_reply: handed off 6h ago, no human reply",
		rated.ID:   "resolved_unhappy: closed as resolved, but rated 1 (low: 2 or less)",
	} {
		if !strings.Contains(out, id+"\t"+want) && !strings.Contains(out, "\t"+want) {
			t.Errorf("%s: want %q in\n%s", id, want, out)
		}
	}
}

// TestLintExitsZeroWhenNothingIsFlagged: every rule off in [lint], or a
// window with no session, prints nothing (or []) and exits 0.
func TestLintExitsZeroWhenNothingIsFlagged(t *testing.T) {
	w := newWorld(t)
	w.writeConfig(`[lint]
off = ["no_ticket", "assumed_angry", "resolved_unhappy", "no_reply", "back_soon"]
`)
	out, errOut, code := w.run()
	if code != command.ExitOK || out != "" || errOut != "" {
		t.Fatalf("every rule off: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = w.run("--json")
	if code != command.ExitOK || out != "[]\n" {
		t.Fatalf("--json, every rule off: exit %d, %q; want 0 and []", code, out)
	}

	w = newWorld(t)
	w.now = time.Now().Add(365 * 24 * time.Hour) // the demo's dates are recent: a year on, its last hour is empty
	if out, _, code := w.run("--since", "1h"); code != command.ExitOK || out != "" {
		t.Fatalf("an empty window: exit %d, %d bytes out", code, len(out))
	}
}

// TestLintErrorCodes: bad flags exit 2 before any request, a bad config
// exits 2 naming its line, the API's failures keep their codes.
func TestLintErrorCodes(t *testing.T) {
	w := newWorld(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--since", "soon"}, `cxi: --since "soon" is not a span such as 24h, 7d or 2w`},
		{[]string{"--limit", "0"}, "cxi: --limit must be at least 1"},
		{[]string{"extra"}, `cxi: lint takes no arguments, got "extra"`},
	} {
		out, errOut, code := w.run(tc.args...)
		if code != command.ExitUsage || !strings.HasPrefix(errOut, tc.want) || out != "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	w.writeConfig("[lint]\nno_reply_after = \"soon\"\n")
	if _, errOut, code := w.run(); code != command.ExitUsage || !strings.Contains(errOut, "config.toml:2:") {
		t.Errorf("bad [lint]: exit %d, stderr %q", code, errOut)
	}
	for _, tc := range []struct {
		fault fake.Fault
		code  int
	}{
		{fake.Fault{Status: http.StatusUnauthorized, ContentType: "application/json", Body: `{"message":"bad key"}`}, command.ExitAuth},
		{fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<html>bad gateway</html>"}, command.ExitUnavailable},
		{fake.Fault{Status: http.StatusTooManyRequests, ContentType: "application/json", Body: `{"message":"slow down"}`}, command.ExitRateLimited},
	} {
		w := newWorld(t, fake.WithListFault(tc.fault))
		out, errOut, code := w.run()
		if code != tc.code || out != "" || errOut == "" {
			t.Errorf("list answers %d: exit %d, stdout %q, stderr %q; want %d", tc.fault.Status, code, out, errOut, tc.code)
		}
	}
}

// TestLintView: --view NAME lints only its sessions (its filters asked of
// the API, its team judged here), says on stderr what of the view is the
// TUI's alone, and an unknown name is a usage error naming the views.
func TestLintView(t *testing.T) {
	w := newWorld(t)
	w.writeConfig(`[[views]]
name = "Billing open"
status = "open"
team = "returns & exchanges"
text = "refund"
`)
	out, errOut, code := w.run("--json", "--view", "billing OPEN")
	got := decode(t, out)
	if code != ExitFlagged || len(got) == 0 || !strings.Contains(errOut, `view Billing open: its text "refund" not applied`) {
		t.Fatalf("exit %d, %d flagged, stderr %q", code, len(got), errOut)
	}
	for _, f := range got {
		s, err := w.client.GetSession(context.Background(), f.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		if s.Status != api.StatusOpen || s.Team == nil || !strings.EqualFold(s.Team.Name, "Returns & Exchanges") {
			t.Errorf("%s is not of the view: %s, team %+v", f.SessionID, s.Status, s.Team)
		}
	}
	all, _, _ := w.run("--json")
	if len(decode(t, all)) <= len(got) {
		t.Errorf("the view flags %d sessions, all of the window %d", len(got), len(decode(t, all)))
	}
	_, errOut, code = w.run("--view", "Billing")
	if code != command.ExitUsage || !strings.Contains(errOut, `no view named "Billing" (the views: "Billing open")`) {
		t.Errorf("an unknown view: exit %d, %q", code, errOut)
	}
}
