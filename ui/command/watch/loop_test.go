package watch

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/command"
)

// flaky answers from the fake but fails the reads errs names (by number,
// from 0): a network that comes and goes.
type flaky struct {
	inner Lister
	errs  map[int]error
	n     int
}

func (f *flaky) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	n := f.n
	f.n++
	if !api.IsBackground(ctx) {
		panic("a read of cxi watch took a place in the limiter")
	}
	if err := f.errs[n]; err != nil {
		return nil, err
	}
	return f.inner.ListSessions(ctx, p)
}

func watchWith(t *testing.T, l Lister, steps []func()) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &script{steps: steps, cancel: cancel}
	rules, _ := watch.Pick(watch.Builtin(), nil)
	var out, errOut bytes.Buffer
	w := watcher{client: l, tracker: watch.NewTracker(rules), env: env("", &out, &errOut), wait: s.wait, every: DefaultEvery}
	code := w.run(ctx, false)
	return out.String(), errOut.String(), code
}

// TestAPassingFailureIsSaidAndTheWatchGoesOn: a 429 or a dropped network
// after the start is a line on stderr, and the next read covers the time
// the failed one missed; a rejected key ends the watch with its code.
func TestAPassingFailureIsSaidAndTheWatchGoesOn(t *testing.T) {
	srv := demoServer()
	id := calmSession(t, srv)
	c := faketest.Client(t, srv)
	l := &flaky{inner: c, errs: map[int]error{
		1: &api.Error{Kind: api.KindRateLimited, Status: 429, Op: "list sessions"},
		2: &api.Error{Kind: api.KindUnreachable, Op: "list sessions"},
	}}
	// The session turns before the failed reads; the read after them sees it.
	out, errOut, code := watchWith(t, l, []func(){turnAngry(t, srv, id), func() {}, func() {}})
	if code != command.ExitOK || !strings.Contains(out, id) || strings.Count(out, "\n") != 1 {
		t.Fatalf("exit %d, printed %q", code, out)
	}
	if strings.Count(errOut, "(trying again in 30s)") != 2 {
		t.Errorf("stderr %q", errOut)
	}

	l = &flaky{inner: c, errs: map[int]error{1: &api.Error{Kind: api.KindUnauthorized, Status: 401, Op: "list sessions"}}}
	_, errOut, code = watchWith(t, l, []func(){func() {}, func() {}})
	if code != command.ExitAuth || !strings.HasPrefix(errOut, "cxi: ") {
		t.Errorf("a key rejected later: exit %d, %q", code, errOut)
	}
}

// TestPrintedTextIsSafe: the demo's hostile contact names reach stdout
// without a control or bidi character, as text and as JSON.
func TestPrintedTextIsSafe(t *testing.T) {
	for _, args := range [][]string{{"--all", "--rule", "angry,handed_off"}, {"--all", "--json", "--rule", "handed_off"}} {
		out, _, code := watchFake(t, demoServer(), t.TempDir(), nil, args...)
		if code != command.ExitOK || out == "" {
			t.Fatalf("%v: exit %d, %q", args, code, out)
		}
		for _, r := range out {
			if r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				t.Errorf("%v: %U in the output", args, r)
			}
		}
	}
}
