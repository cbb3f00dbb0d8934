package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/keys"
)

// remappedRefresh is the program's key map with `refresh = ["f5"]` in
// config.toml, through the real loader and ApplyKeys.
func remappedRefresh(t *testing.T) keys.Map {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("[keys]\nrefresh = [\"f5\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	km := keys.Default()
	if err := file.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	return km
}

// TestRemappedRefreshIsNamedEverywhere: every sentence that tells the user
// to press the refresh key names the key they bound, never the default r.
func TestRemappedRefreshIsNamedEverywhere(t *testing.T) {
	km := remappedRefresh(t)
	withF5 := func(o *Options) { o.Keys = km }
	noR := func(t *testing.T, where, view string) {
		t.Helper()
		for _, bad := range []string{"press r", "Press r", "r retries", "r to retry"} {
			if strings.Contains(view, bad) {
				t.Errorf("%s still says %q:\n%s", where, bad, view)
			}
		}
	}

	// The error panel of a lookup that failed with a 500.
	m := newTestModel(t, &stubClient{}, withF5)
	m = send(typeText(m, idA), enter)
	m = send(m, detail.FailedMsg{Req: m.detail.Current(), Err: &api.Error{Kind: api.KindServer, Status: 500}})
	if v := m.View(); !strings.Contains(v, "The OpenCX API failed with HTTP 500. Press f5 to retry") {
		t.Errorf("error panel:\n%s", v)
	} else {
		noR(t, "the error panel", v)
	}
	// f5 retries it; r types nothing and retries nothing.
	if next := press(m, "r"); next.fetching() {
		t.Error("r still retries after refresh = [\"f5\"]")
	}
	if next := send(m, tea.KeyMsg{Type: tea.KeyF5}); !next.fetching() {
		t.Error("f5 does not retry")
	}

	// The 429 countdown.
	m = newTestModel(t, &stubClient{}, withF5)
	m = send(typeText(m, idA), enter)
	m = send(m, detail.FailedMsg{Req: m.detail.Current(), Err: &api.Error{Kind: api.KindRateLimited, Status: 429}})
	if v := m.View(); !strings.Contains(v, "Wait a minute, then press f5") {
		t.Errorf("429 panel:\n%s", v)
	} else {
		noR(t, "the 429 panel", v)
	}

	// The status line, when a quiet refresh of a session on display fails.
	client := &stubClient{sessions: stubSessions(3)}
	m = startedModel(t, client, withF5)
	m = send(m, enter) // the quiet refresh is not run: it fails below
	if !m.detail.Current().Quiet {
		t.Fatal("opening a row did not refresh it quietly")
	}
	next, cmd := m.Update(detail.FailedMsg{Req: m.detail.Current(), Err: &api.Error{Kind: api.KindServer, Status: 503}})
	m = drain(next.(Model), cmd)
	if v := m.View(); !strings.Contains(v, "Could not refresh: The OpenCX API failed with HTTP 503. Press f5 to retry") {
		t.Errorf("status line:\n%s", v)
	} else {
		noR(t, "the status line", v)
	}

	// The queue's error row.
	m = startedModel(t, failingList{&stubClient{}}, withF5)
	if v := m.View(); !strings.Contains(v, "· f5 retries") {
		t.Errorf("queue error row:\n%s", v)
	} else {
		noR(t, "the queue", v)
	}
}

// failingList is a client whose list endpoint fails.
type failingList struct{ *stubClient }

func (failingList) ListSessions(context.Context, api.ListParams) (*api.SessionPage, error) {
	return nil, &api.Error{Kind: api.KindServer, Status: 500}
}
