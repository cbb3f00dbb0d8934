package watch

import (
	"context"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/command"
)

// TestViewFollowsASavedView: with --view Open (a default view), a session
// that turns angry and handed off is printed only when it is open.
func TestViewFollowsASavedView(t *testing.T) {
	srv := demoServer()
	page, err := faketest.Client(t, srv).ListSessions(context.Background(), api.ListParams{})
	if err != nil {
		t.Fatal(err)
	}
	var open, resolved string
	for _, s := range page.Items {
		calm := !s.HandedOff() && (s.Sentiment == nil || *s.Sentiment != api.SentimentAngry)
		switch {
		case calm && open == "" && s.Status == api.StatusOpen:
			open = s.ID
		case calm && resolved == "" && s.Status == api.StatusClosedResolved:
			resolved = s.ID
		}
	}
	if open == "" || resolved == "" {
		t.Fatal("the demo's first page has no calm open and calm resolved session")
	}
	out, errOut, code := watchFake(t, srv, t.TempDir(), []func(){turnAngry(t, srv, open), turnAngry(t, srv, resolved)}, "--view", "open")
	if code != command.ExitOK || !strings.Contains(out, open) || strings.Contains(out, resolved) || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, printed %q (%s)", code, out, errOut)
	}
}

func TestViewsItCannotFollow(t *testing.T) {
	for view, want := range map[string]string{
		"Changed since I looked": `cxi: --view "Changed since I looked" lists changed sessions only`,
		"Nope":                   "cxi: --view: ",
	} {
		_, errOut, code := watchFake(t, demoServer(), t.TempDir(), nil, "--view", view)
		if code != command.ExitUsage || !strings.HasPrefix(errOut, want) {
			t.Errorf("--view %q: exit %d, %q", view, code, errOut)
		}
	}
}
