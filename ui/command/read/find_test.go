package read

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	keymap "github.com/opencx-tools/cxi/ui/keys"
)

const jake = "jake.morrison@example.com"

// keptScene is a store in a temporary directory that kept, two hours ago,
// two of Jake Morrison's sessions: an unresolved one and the oldest, which
// the API's lookup does not reach.
func keptScene(t *testing.T, c *api.Client) store.Options {
	t.Helper()
	o := store.Options{Dir: filepath.Join(t.TempDir(), "state"), BaseURL: "https://api.example", Key: "k1", Now: func() time.Time { return now }}
	var theirs []api.Session
	q, _ := resolve.Classify(jake)
	p := api.ListParams{}
	for {
		page, err := c.ListSessions(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range page.Items {
			if q.Matches(&page.Items[i]) {
				theirs = append(theirs, page.Items[i])
			}
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	unresolved := slices.IndexFunc(theirs, func(s api.Session) bool { return s.Status == api.StatusClosedUnresolved })
	if unresolved < 0 || len(theirs) < 5 {
		t.Fatalf("the demo changed: Jake has %d sessions", len(theirs))
	}
	st := openKept(t, o)
	defer st.Close()
	if err := st.SaveSessions(context.Background(), []api.Session{theirs[unresolved], theirs[len(theirs)-1]}, now.Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return o
}

func openKept(t *testing.T, o store.Options) *store.Store {
	t.Helper()
	st, _, err := store.Open(o)
	if err != nil || st == nil {
		t.Fatalf("open the store: %v", err)
	}
	return st
}

// TestGetListsWhatTheTUIPicks: an email finds the same sessions, in the
// same order, in the TUI's picker and in the list `cxi get` prints on
// stderr, each saying where it was found (issue 18 §7); the session only
// the store kept is among them in both.
func TestGetListsWhatTheTUIPicks(t *testing.T) {
	c := client(t)
	o := keptScene(t, c)

	// cxi get, with the same store.
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80,
		Getenv: func(k string) string { return map[string]string{"OPENCX_API_KEY": "test-key-0123456789"}[k] }}
	d := fixed(c)
	d.OpenExisting = func(settings.Settings, string) (*store.Store, error) { return openKept(t, o), nil }
	code := get(context.Background(), []string{jake}, env, d)
	if code != command.ExitAmbiguous || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	// The TUI: the pane's search, with the store.
	st := openKept(t, o)
	t.Cleanup(func() { st.Close() })
	ctx := common.Context{Theme: styles.Plain(), Keys: keymap.Default(), Now: func() time.Time { return now }, Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	pane := detail.New(ctx, c).WithMemory(st).SetSize(100, 40)
	t.Cleanup(func() { pane.Stop() })
	q, _ := resolve.Classify(jake)
	pane, search := pane.Search(q, jake, nil)
	_, ev, _ := pane.Update(search())
	if ev.Pick == nil {
		t.Fatalf("no picker: %+v", ev)
	}
	var tui []string
	for i, s := range ev.Pick.Sessions {
		tui = append(tui, s.ID+" ("+ev.Pick.Where[i]+")")
	}

	var cli []string
	for _, line := range strings.Split(strings.TrimSpace(errOut.String()), "\n")[1:] {
		f := strings.Fields(line)
		cli = append(cli, f[0]+" "+line[strings.LastIndex(line, "("):])
	}
	if !slices.Equal(tui, cli) {
		t.Errorf("the TUI picks\n  %s\ncxi get lists\n  %s", strings.Join(tui, "\n  "), strings.Join(cli, "\n  "))
	}
	if !strings.Contains(errOut.String(), "(kept 2h ago)") || !strings.Contains(errOut.String(), "(API · kept 2h ago)") || !strings.Contains(errOut.String(), "kept: 2; API: ") {
		t.Errorf("where each was found is not said:\n%s", errOut.String())
	}
	// What the TUI's search found at the API is kept, to be found offline.
	if kept, err := st.FindText(context.Background(), jake); err != nil || len(kept) != len(tui) {
		t.Errorf("the store keeps %d of the %d sessions found (%v)", len(kept), len(tui), err)
	}
}

// TestGetFindsWhatTheTUIFinds: a ticket whose session is older than the
// newest pages but open is found (issue 18 §16: `cxi get "#99720"` said
// no session found while the TUI found it).
func TestGetFindsWhatTheTUIFinds(t *testing.T) {
	c := client(t)
	out, errOut, code := runGet(t, c, "--field", "ticket_number", "#99720")
	if code != command.ExitOK || strings.TrimSpace(out) != "99720" {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// TestGetWithTheAPIDown: what the store kept is listed, with its age, and
// not printed as if it were current; the exit code is the API's failure.
func TestGetWithTheAPIDown(t *testing.T) {
	o := keptScene(t, client(t))
	down := client(t, fake.WithSearchFault(fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<h1>502</h1>"}))
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80,
		Getenv: func(k string) string { return map[string]string{"OPENCX_API_KEY": "test-key-0123456789"}[k] }}
	d := fixed(down)
	d.OpenExisting = func(settings.Settings, string) (*store.Store, error) { return openKept(t, o), nil }
	code := get(context.Background(), []string{jake}, env, d)
	e := errOut.String()
	if code != command.ExitUnavailable || out.Len() != 0 || !strings.HasPrefix(e, "cxi: the API did not answer; the local store has 2 sessions for jake.morrison@example.com:\n") || strings.Count(e, "(kept 2h ago)") != 2 || !strings.Contains(e, "HTTP 502") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out.String(), e)
	}
}
