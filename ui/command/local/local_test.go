package local

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/spf13/cobra"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// now is the tests' clock.
var now = time.Date(2026, 3, 11, 18, 0, 0, 0, time.UTC)

// world is a hermetic environment: a state folder of its own (not made
// yet), no config file unless vars name one, the fixed clock.
type world struct {
	state string
	vars  map[string]string
}

func newWorld(t *testing.T, vars map[string]string) *world {
	// An empty config file of its own: CXI_CONFIG must name one that exists.
	config := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(config, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	w := &world{state: filepath.Join(t.TempDir(), "state"), vars: map[string]string{"CXI_CONFIG": config}}
	w.vars[store.EnvDir] = w.state
	for k, v := range vars {
		w.vars[k] = v
	}
	return w
}

func (w *world) env(stdin string, tty bool) (command.Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return command.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, StdinTTY: tty,
		Getenv: func(k string) string { return w.vars[k] }, Now: func() time.Time { return now }, Width: 80,
	}, &out, &errOut
}

// run runs a command with no terminal and nothing on stdin.
func (w *world) run(cmd func(command.Env) *cobra.Command, args ...string) (string, string, int) {
	env, out, errOut := w.env("", false)
	code := command.Execute(context.Background(), cmd(env), args, env)
	return out.String(), errOut.String(), code
}

// runStore runs `cxi store` in env.
func runStore(args []string, env command.Env) int {
	return command.Execute(context.Background(), NewStoreCommand(env), args, env)
}

// open opens the store the commands will read, as the TUI would fill it.
func (w *world) open(t *testing.T, f settings.Flags, key string) *store.Store {
	t.Helper()
	env, _, _ := w.env("", false)
	s, err := settings.Resolve(f, env)
	if err != nil {
		t.Fatal(err)
	}
	st, notices := s.OpenStore(key, env)
	if st == nil || notices != nil {
		t.Fatalf("store %v, notices %q", st, notices)
	}
	return st
}

// fixture is a showcase session of the demo, decoded as the client does.
func fixture(t *testing.T, id string) api.Session {
	t.Helper()
	s, err := demo.Decoded(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// shift fills the demo's store with a shift's work: sessions looked at,
// reviewed and noted, some changed since, one before the window, one note
// on a session never fetched, and hostile text in a note.
func shift(t *testing.T, w *world) {
	st := w.open(t, settings.Flags{Demo: true}, "")
	defer st.Close()
	ctx := t.Context()
	at := func(ago time.Duration) time.Time { return now.Add(-ago) }
	star := fixture(t, demo.IDAngryHandoff)
	hostile := fixture(t, demo.IDHostile)
	email := fixture(t, demo.IDResolvedEmail)
	minimal := fixture(t, demo.IDMinimal)
	unknown := fixture(t, demo.IDUnknownEnums)
	must(t, st.SaveSessions(ctx, []api.Session{star, hostile, email, minimal, unknown}, at(7*time.Hour)))

	must(t, st.MarkSeen(ctx, star, at(6*time.Hour)))
	must(t, st.SetReviewed(ctx, star.ID, true, at(6*time.Hour)))
	must(t, st.SetNote(ctx, star.ID, "Refund of the duplicate charge approved by finance.\nCall her back before 5pm ET.", at(5*time.Hour)))
	changed := star
	changed.Status = api.StatusClosedUnresolved
	changed.Sentiment = ptr(api.SentimentNeutral)
	changed.AssigneeID = nil
	must(t, st.SaveSessions(ctx, []api.Session{changed}, at(time.Hour)))

	must(t, st.MarkSeen(ctx, hostile, at(2*time.Hour)))
	must(t, st.SetNote(ctx, hostile.ID, "pasted: \x1b]52;c;ZXZpbA==\x07 \x1b[31mred\x1b[0m \u202eevil\u202c *bold* [link](x)", at(2*time.Hour)))
	must(t, st.SetReviewed(ctx, email.ID, true, at(3*time.Hour)))
	reopened := email // changed after the review, looked at, changed again
	reopened.Status = api.StatusOpen
	must(t, st.SaveSessions(ctx, []api.Session{reopened}, at(150*time.Minute)))
	must(t, st.MarkSeen(ctx, reopened, at(2*time.Hour)))
	reopened.Sentiment = ptr(api.SentimentAngry)
	reopened.Handoff = &api.Handoff{Summary: "Wants the refund in cash."}
	must(t, st.SaveSessions(ctx, []api.Session{reopened}, at(90*time.Minute)))
	must(t, st.SetReviewed(ctx, unknown.ID, true, at(4*time.Hour)))
	must(t, st.SetReviewed(ctx, minimal.ID, true, at(10*time.Hour))) // before the window
	must(t, st.SetNote(ctx, "5a3c1e2b-0d44-4b50-8888-8dd25736052a", "Asked by Jo to look at this one.", at(30*time.Minute)))
}

func ptr[T any](v T) *T { return &v }

// assertNoControls fails on any control or format character other than a
// newline (and tab): output that reaches a terminal raw.
func assertNoControls(t *testing.T, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			t.Fatalf("output holds %U:\n%s", r, out)
		}
	}
}

func TestHandoverGoldens(t *testing.T) {
	w := newWorld(t, nil)
	shift(t, w)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"md", []string{"--demo"}},
		{"json", []string{"--demo", "--format", "json"}},
		{"md_last_hour", []string{"--demo", "--since", "1h"}},
		{"md_two_days", []string{"--demo", "--since", "2d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := w.run(NewHandoverCommand, tc.args...)
			if code != command.ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			assertNoControls(t, out)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

func TestHandoverJSONIsTheData(t *testing.T) {
	w := newWorld(t, nil)
	shift(t, w)
	out, _, _ := w.run(NewHandoverCommand, "--demo", "--format", "json")
	var doc struct {
		Sessions []struct {
			ID, Note           string
			Status             *string
			ChangedSinceReview []struct{ Field, Before, After string } `json:"changed_since_review"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sessions) != 5 || doc.Sessions[0].ID != demo.IDHostile || doc.Sessions[2].ID != demo.IDAngryHandoff || len(doc.Sessions[2].ChangedSinceReview) != 3 || doc.Sessions[4].Status != nil {
		t.Fatalf("sessions %+v", doc.Sessions)
	}
	var hostile string
	for _, s := range doc.Sessions {
		if s.ID == demo.IDHostile {
			hostile = s.Note
		}
	}
	// Escaped on output, the note comes back as written.
	if !strings.Contains(hostile, "\x1b]52;c;") || !strings.Contains(hostile, "\u202e") {
		t.Errorf("hostile note %q", hostile)
	}
}

func TestHandoverEmptyAndOff(t *testing.T) {
	w := newWorld(t, nil)
	out, errOut, code := w.run(NewHandoverCommand, "--demo")
	if code != command.ExitOK || errOut != "" || !strings.Contains(out, "No sessions reviewed or noted.") {
		t.Errorf("no store: exit %d, %q %q", code, out, errOut)
	}
	if _, err := os.Stat(w.state); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("handover made the store: %v", err)
	}
	if out, _, _ := w.run(NewHandoverCommand, "--demo", "--format", "json"); !strings.Contains(out, `"sessions": []`) {
		t.Errorf("empty JSON: %s", out)
	}

	shift(t, w)
	_, errOut, code = w.run(NewHandoverCommand, "--demo", "--no-store")
	if code != command.ExitUsage || !strings.Contains(errOut, "the local store is off (--no-store)") || strings.Contains(errOut, "Usage:") {
		t.Errorf("--no-store: exit %d, %q", code, errOut)
	}
	off := filepath.Join(t.TempDir(), "config.toml")
	must(t, os.WriteFile(off, []byte("store = \"off\"\n"), 0o600))
	w.vars["CXI_CONFIG"] = off
	_, errOut, code = w.run(NewHandoverCommand, "--demo")
	if code != command.ExitUsage || !strings.Contains(errOut, `the local store is off (store = "off" in `+off+")") {
		t.Errorf(`store = "off": exit %d, %q`, code, errOut)
	}
}

func TestHandoverUsage(t *testing.T) {
	w := newWorld(t, nil)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo", "--since", "soon"}, `--since "soon": want a span such as 8h`},
		{[]string{"--demo", "--since", "-8h"}, `--since "-8h"`},
		{[]string{"--demo", "--format", "html"}, `--format "html": want md or json`},
		{[]string{"--demo", "today"}, `unexpected argument "today"`},
		{[]string{"--demo", "--frobnicate"}, "unknown flag: --frobnicate"},
	} {
		_, errOut, code := w.run(NewHandoverCommand, tt.args...)
		if code != command.ExitUsage || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "Usage:\n  handover ") {
			t.Errorf("%q: exit %d, %q", tt.args, code, errOut)
		}
	}
	if out, _, code := w.run(NewHandoverCommand, "--help"); code != command.ExitOK || !strings.HasPrefix(out, handoverLong) || !strings.Contains(out, "--since SPAN") {
		t.Errorf("--help: %d %q", code, out)
	}
	// Without a key there is no organization to name.
	if _, errOut, code := w.run(NewHandoverCommand); code != command.ExitUsage || !strings.Contains(errOut, "no API key") {
		t.Errorf("no key: %d %q", code, errOut)
	}
}

// TestHandoverRefusesBeforeTouchingTheStore: --no-store, store = "off" and
// a mistyped flag refuse before the store is opened, so a damaged store is
// left as it is (opening would move it aside) and nothing is pruned.
func TestHandoverRefusesBeforeTouchingTheStore(t *testing.T) {
	w := newWorld(t, nil)
	must(t, os.MkdirAll(w.state, 0o700))
	damaged := []byte(strings.Repeat("not sqlite ", 500))
	file := filepath.Join(w.state, "demo.sqlite")
	must(t, os.WriteFile(file, damaged, 0o600))
	for _, args := range [][]string{
		{"--demo", "--no-store"},
		{"--demo", "--since", "soon"},
		{"--demo", "--format", "html"},
		{"--demo", "today"},
	} {
		_, errOut, code := w.run(NewHandoverCommand, args...)
		if code != command.ExitUsage || strings.Contains(errOut, "could not be read") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
		entries, err := os.ReadDir(w.state)
		must(t, err)
		got, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(got, damaged) || len(entries) != 1 {
			t.Fatalf("%q touched the store: %v, %d files in %s", args, err, len(entries), w.state)
		}
	}
}

// TestAKeyStoreThatCannotBeReadExitsOne: a key file that cannot be read
// (here a symlink loop; as a keyring that does not answer) is no mistake of
// the user's on the command line: store and handover exit 1 by the error's
// own code, as cxi auth status does, not 2.
func TestAKeyStoreThatCannotBeReadExitsOne(t *testing.T) {
	w := newWorld(t, nil)
	key := filepath.Join(filepath.Dir(w.vars["CXI_CONFIG"]), "key")
	must(t, os.Symlink(key, key))
	for _, cmd := range []struct {
		name string
		run  func(command.Env) *cobra.Command
	}{{"store", NewStoreCommand}, {"handover", NewHandoverCommand}} {
		_, errOut, code := w.run(cmd.run)
		if code != command.ExitError || !strings.HasPrefix(errOut, "cxi: read the key file: ") || strings.Contains(errOut, "Usage:") {
			t.Errorf("%s: exit %d, stderr %q; want 1", cmd.name, code, errOut)
		}
	}
}
