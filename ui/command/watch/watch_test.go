package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
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

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func demoServer(opts ...fake.Option) *fake.Server {
	return fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
}

// script is the timer between two reads: each wait runs the next step
// (what happens on the platform meanwhile) and returns at once; after the
// last step the watch is interrupted. No test sleeps.
type script struct {
	steps  []func()
	cancel context.CancelFunc
	waits  []time.Time
}

func (s *script) wait(ctx context.Context, until time.Time) error {
	s.waits = append(s.waits, until)
	if len(s.steps) == 0 {
		s.cancel() // ctrl+c
		return ctx.Err()
	}
	step := s.steps[0]
	s.steps = s.steps[1:]
	step()
	return nil
}

// env is a command environment with no config file unless dir holds one.
func env(dir string, out, errOut *bytes.Buffer) command.Env {
	return command.Env{
		Stdout: out, Stderr: errOut, Now: func() time.Time { return now }, Width: 80,
		Getenv:        func(string) string { return "" },
		UserConfigDir: func() (string, error) { return dir, nil },
	}
}

// watchFake runs cxi watch args against srv with the script's steps
// between reads, and returns stdout, stderr and the exit code.
func watchFake(t *testing.T, srv *fake.Server, dir string, steps []func(), args ...string) (string, string, int) {
	t.Helper()
	c := faketest.Client(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &script{steps: steps, cancel: cancel}
	d := settings.Deps{
		Connect: func(settings.Flags) (*api.Client, func(), error) { return c, func() {}, nil },
		Wait:    s.wait,
	}
	var out, errOut bytes.Buffer
	code := run(ctx, args, env(dir, &out, &errOut), d)
	return out.String(), errOut.String(), code
}

// calmSession is a session of the list's first page that matches no
// built-in rule: neither angry nor handed off.
func calmSession(t *testing.T, srv *fake.Server) string {
	t.Helper()
	page, err := faketest.Client(t, srv).ListSessions(context.Background(), api.ListParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range page.Items {
		if !s.HandedOff() && (s.Sentiment == nil || *s.Sentiment != api.SentimentAngry) {
			return s.ID
		}
	}
	t.Fatal("no calm session on the first page")
	return ""
}

func turnAngry(t *testing.T, srv *fake.Server, id string) func() {
	return func() {
		if err := srv.Edit(id, map[string]json.RawMessage{"sentiment": json.RawMessage(`"angry"`), "ai_closure_type": json.RawMessage(`"handed_off"`)}); err != nil {
			t.Error(err)
		}
	}
}

// TestASessionThatTurnsIsPrintedOnce: a session that becomes angry and
// handed off between two reads is printed once, the ones that were so at
// start never, and ctrl+c ends it with 0.
func TestASessionThatTurnsIsPrintedOnce(t *testing.T) {
	srv := demoServer()
	id := calmSession(t, srv)
	out, errOut, code := watchFake(t, srv, t.TempDir(), []func(){func() {}, turnAngry(t, srv, id), func() {}, func() {}})
	if code != command.ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := now.Format(time.RFC3339) + "\t" + id + "\thanded_off_angry\t"
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) || !strings.Contains(lines[0], "\tangry\t") {
		t.Fatalf("printed %q, want one line starting %q", out, want)
	}
}

func TestAllPrintsWhatMatchesAtStart(t *testing.T) {
	srv := demoServer()
	out, _, code := watchFake(t, srv, t.TempDir(), nil, "--all", "--json")
	if code != command.ExitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("--all printed nothing; the demo's first page has angry handoffs")
	}
	for _, l := range lines {
		var m struct {
			ID, Sentiment string
			Rules         []string
			Labels        []string
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil || m.Sentiment != "angry" || len(m.Rules) != 1 || m.Rules[0] != "handed_off_angry" || m.Labels[0] != "handed off and angry" {
			t.Errorf("line %q: %+v, %v", l, m, err)
		}
	}
	// Without --all, the same start prints nothing.
	if out, _, _ := watchFake(t, demoServer(), t.TempDir(), nil); out != "" {
		t.Errorf("without --all: %q", out)
	}
}

// TestRulesFromTheConfigAndTheFlag: [watch] rules is what is watched;
// --rule replaces it.
func TestRulesFromTheConfigAndTheFlag(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cxi"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cxi", "config.toml"), []byte("[watch]\nrules = [\"handed_off\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := watchFake(t, demoServer(), dir, nil, "--all")
	if code != command.ExitOK || !strings.Contains(out, "\thanded_off\t") || strings.Contains(out, "handed_off_angry") {
		t.Errorf("[watch] rules = [\"handed_off\"]: exit %d, %q %q", code, out, errOut)
	}
	out, _, _ = watchFake(t, demoServer(), dir, nil, "--all", "--rule", "angry")
	if !strings.Contains(out, "\tangry\t") || strings.Contains(out, "\thanded_off\t") {
		t.Errorf("--rule angry: %q", out)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name   string
		srv    *fake.Server
		args   []string
		code   int
		stderr string
	}{
		{"every too short", demoServer(), []string{"--every", "5s"}, command.ExitUsage, "cxi: --every 5s is shorter than 10s"},
		{"unknown rule", demoServer(), []string{"--rule", "sad"}, command.ExitUsage, `cxi: unknown watch rule "sad" (known: handed_off_angry, angry, handed_off, flagged)`},
		{"an argument", demoServer(), []string{"3c90c3cc"}, command.ExitUsage, "cxi: unknown command"},
		{"key rejected", demoServer(fake.WithKey("another-key")), nil, command.ExitAuth, "cxi: "},
		{"server down", demoServer(fake.WithListFault(fake.Fault{Status: 502, ContentType: "text/html", Body: "<html>bad gateway</html>"})), nil, command.ExitUnavailable, "cxi: "},
		{"interrupted", demoServer(), nil, command.ExitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := watchFake(t, c.srv, t.TempDir(), nil, c.args...)
			if code != c.code || !strings.HasPrefix(errOut, c.stderr) || (c.stderr == "" && errOut != "") {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errOut, c.code, c.stderr)
			}
		})
	}
	// A config file with a bad [watch] names its line and exits 2.
	dir := t.TempDir()
	_ = os.MkdirAll(filepath.Join(dir, "cxi"), 0o700)
	_ = os.WriteFile(filepath.Join(dir, "cxi", "config.toml"), []byte("[watch]\nnotify = \"loud\"\n"), 0o600)
	_, errOut, code := watchFake(t, demoServer(), dir, nil)
	if code != command.ExitUsage || !strings.Contains(errOut, `config.toml:2: notify "loud" is not one of`) {
		t.Errorf("a bad [watch]: exit %d, %q", code, errOut)
	}
}

// TestRequestCost measures what cxi watch spends: one list request to
// start, then one a read while fewer sessions changed than a page holds.
func TestRequestCost(t *testing.T) {
	srv := demoServer()
	id := calmSession(t, srv)
	before := len(srv.Requests())
	reads := []func(){func() {}, turnAngry(t, srv, id), func() {}, func() {}, func() {}}
	if _, _, code := watchFake(t, srv, t.TempDir(), reads); code != command.ExitOK {
		t.Fatalf("exit %d", code)
	}
	// The first read, and one after each of the script's steps.
	if got, want := len(srv.Requests())-before, 1+len(reads); got != want {
		t.Errorf("%d requests for %d reads, want %d", got, 1+len(reads), want)
	}
	for _, r := range srv.Requests()[before+1:] {
		if !strings.Contains(r.RawQuery, "updated_after=") {
			t.Errorf("a later read asked for %s?%s, not only what changed", r.Path, r.RawQuery)
		}
	}
}
