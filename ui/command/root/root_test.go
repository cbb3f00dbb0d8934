package root

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/command/tui"
)

const (
	idDana  = "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04"
	idOther = "c21f7b3a-0e58-4d9c-a6f1-3b7e92d40c18"
)

// run is cxi with args in an environment of vars and nothing else (no
// config folder, so no config file and no stored key), on a terminal when
// tty. It returns stdout, stderr, the exit code and the config the TUI
// was started with (nil when it was not).
func run(t *testing.T, vars map[string]string, tty bool, args ...string) (string, string, int, *tui.Config) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] },
		Now: time.Now, Width: 80, Version: "1.2.3", StdinTTY: tty, StdoutTTY: tty}
	var started *tui.Config
	start := func(cfg tui.Config, _ command.Env) int { started = &cfg; return command.ExitOK }
	code := Execute(context.Background(), args, env, start)
	return out.String(), errOut.String(), code, started
}

func TestHelp(t *testing.T) {
	out, errOut, code, started := run(t, nil, true, "help")
	if code != command.ExitOK || errOut != "" || started != nil {
		t.Fatalf("exit %d, stderr %q, TUI started %v", code, errOut, started != nil)
	}
	for _, want := range []string{"cxi [flags] [SESSION]", "Reading:", "Writing:", "close ", "completion ", "Additional help topics:",
		"cxi keys", "cxi config", "cxi copy", "cxi exit-codes", "--demo", "--osc52 MODE", "OPENCX_API_KEY"} {
		if !strings.Contains(out, want) {
			t.Errorf("cxi help lacks %q:\n%s", want, out)
		}
	}
	// --help says the same.
	if again, _, _, _ := run(t, nil, true, "--help"); again != out {
		t.Errorf("cxi --help differs from cxi help:\n%s", again)
	}
}

func TestHelpOfACommand(t *testing.T) {
	out, errOut, code, _ := run(t, nil, false, "help", "close")
	if code != command.ExitOK || errOut != "" || !strings.Contains(out, "Usage:\n  cxi close [--unresolved] [--helpdesk] [--summary] SESSION…") {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
	// The shared flags are registered once and shown on every command.
	for _, want := range []string{"--unresolved", "--helpdesk", "--summary", "--demo", "--base-url URL", "--no-store", "--read-only"} {
		if !strings.Contains(out, want) {
			t.Errorf("cxi help close lacks %s", want)
		}
	}
	if same, _, _, _ := run(t, nil, false, "close", "--help"); same != out {
		t.Errorf("cxi close --help differs from cxi help close")
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		out, errOut, code, started := run(t, nil, true, args...)
		if code != command.ExitOK || out != "cxi 1.2.3\n" || errOut != "" || started != nil {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// TestATypoOfACommandIsNamed: a word within two edits of a command, with
// no session ID in it, is taken for a typo of it: one line, exit 2, and
// no TUI. Any other word is no session ID, which the TUI needs.
func TestATypoOfACommandIsNamed(t *testing.T) {
	for typo, want := range map[string]string{"clsoe": "close", "lsit": "list or lint", "reopne": "reopen"} {
		out, errOut, code, started := run(t, map[string]string{"OPENCX_API_KEY": "a-test-key"}, true, typo)
		line := `cxi: unknown command "` + typo + `": did you mean ` + want + `? (cxi help lists the commands; cxi get looks up a name)` + "\n"
		if code != command.ExitUsage || errOut != line || out != "" || started != nil {
			t.Errorf("%s: exit %d, stderr %q, TUI started %v; want 2, %q", typo, code, errOut, started != nil, line)
		}
	}
	_, errOut, code, started := run(t, nil, true, "--demo", "Dana")
	if code != command.ExitUsage || !strings.HasPrefix(errOut, "cxi: not a session ID") || !strings.Contains(errOut, "cxi get finds a session by") || started != nil {
		t.Errorf("a name: exit %d, stderr %q", code, errOut)
	}
}

func TestTheTUIStarts(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		query string
	}{
		{[]string{"--demo"}, ""},
		{[]string{"--demo", idDana}, idDana},
		{[]string{"https://app.open.cx/inbox/" + idDana, "--demo", "--no-store"}, "https://app.open.cx/inbox/" + idDana},
	} {
		_, errOut, code, started := run(t, nil, true, tt.args...)
		if code != command.ExitOK || errOut != "" || started == nil || started.Query != tt.query || !started.Demo {
			t.Errorf("%q: exit %d, stderr %q, started %+v", tt.args, code, errOut, started)
		}
	}
	// A word that holds an ID is a SESSION even when it starts like a
	// command.
	if _, errOut, code, started := run(t, nil, true, "--demo", "close-"+idDana); code != command.ExitOK || started == nil {
		t.Errorf("an ID glued to a word: exit %d, stderr %q", code, errOut)
	}
	// No terminal: exit 2 before anything starts.
	if _, errOut, code, started := run(t, nil, false, "--demo"); code != command.ExitUsage || started != nil || !strings.Contains(errOut, "needs an interactive terminal") {
		t.Errorf("no terminal: exit %d, stderr %q", code, errOut)
	}
}

// TestBadFlagsExitTwoWithUsage: a flag no command takes, or a bad value,
// is one line naming it, then the usage of the command it was given to.
func TestBadFlagsExitTwoWithUsage(t *testing.T) {
	for _, tt := range []struct {
		args       []string
		line, uses string
	}{
		{[]string{"--frobnicate"}, "cxi: unknown flag: --frobnicate", "Usage:\n  cxi [flags] [SESSION]"},
		{[]string{"get", "--frobnicate", idDana}, "cxi: unknown flag: --frobnicate", "Usage:\n  cxi get "},
		{[]string{"list", "--limit", "many"}, `cxi: invalid argument "many" for "--limit" flag: strconv.ParseInt: parsing "many": invalid syntax`, "Usage:\n  cxi list "},
		{[]string{"--refresh", "soon"}, `cxi: invalid argument "soon" for "--refresh" flag: time: invalid duration "soon"`, "Usage:\n  cxi [flags]"},
		{[]string{"get", "--osc52", "off", idDana}, "cxi: unknown flag: --osc52", "Usage:\n  cxi get "}, // the TUI's own
		{[]string{"version", "extra"}, `cxi: unknown command "extra" for "cxi version"`, "Usage:\n  cxi version"},
	} {
		out, errOut, code, started := run(t, nil, true, tt.args...)
		first, rest, _ := strings.Cut(errOut, "\n")
		if code != command.ExitUsage || first != tt.line || !strings.HasPrefix(rest, tt.uses) || out != "" || started != nil {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant 2, %q and %q", tt.args, code, out, errOut, tt.line, tt.uses)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__start_cxi", "zsh": "#compdef cxi", "fish": "complete -c cxi", "powershell": "Register-ArgumentCompleter"} {
		out, errOut, code, _ := run(t, nil, false, "completion", shell)
		if code != command.ExitOK || errOut != "" || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, stderr %q, %d bytes without %q", shell, code, errOut, len(out), want)
		}
	}
}

// TestSessionIDsCompleteFromTheStore: where a command takes SESSION, the
// shell is offered the IDs the local store keeps for the organization the
// command line names, with who and what each is; flags are offered too.
func TestSessionIDsCompleteFromTheStore(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	vars := map[string]string{store.EnvDir: state}
	// Looking must not make a store.
	out, _, code, _ := run(t, vars, false, "__complete", "get", "--demo", "")
	if code != command.ExitOK || completions(out) != nil {
		t.Fatalf("no store: exit %d, %q", code, out)
	}
	if exists(state) {
		t.Fatalf("a completion made the store at %s", state)
	}
	keep(t, vars, api.Session{ID: idDana, Status: api.StatusOpen, Contact: &api.Contact{Name: ptr("Dana Whitfield")}},
		api.Session{ID: idOther, Status: api.StatusClosedResolved, Contact: &api.Contact{Name: ptr("Ops\x1b]52;c;aGk=\a Bot")}})
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"get", "--demo", ""}, []string{idOther + "\tOps Bot · resolved", idDana + "\tDana Whitfield · open"}},
		{[]string{"close", "--demo", idDana, "3f"}, []string{idDana + "\tDana Whitfield · open"}},
		{[]string{"--demo", "C21"}, []string{idOther + "\tOps Bot · resolved"}},
		{[]string{"get", "--demo", idDana, ""}, nil}, // get takes one SESSION
		{[]string{"get", ""}, nil},                         // not the demo's organization: no key, no store
		{[]string{"get", "--demo", "--no-store", ""}, nil}, // the store off
		{[]string{"redact", "--demo", "--mes"}, []string{"--message\tredact only the message with this `ID`"}},
	} {
		out, errOut, code, _ := run(t, vars, false, append([]string{"__complete"}, tt.args...)...)
		got := completions(out)
		slices.Sort(got)
		slices.Sort(tt.want)
		if code != command.ExitOK || !slices.Equal(got, tt.want) || !strings.HasSuffix(out, ":4\n") {
			t.Errorf("%q: exit %d, completions %q, want %q\n%s%s", tt.args, code, got, tt.want, out, errOut)
		}
	}
}

// completions are the lines of a __complete answer before its directive.
func completions(out string) []string {
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 2 {
		return nil
	}
	return lines[:len(lines)-1]
}

// keep puts sessions in the demo organization's store, as the TUI would.
func keep(t *testing.T, vars map[string]string, sessions ...api.Session) {
	t.Helper()
	env := command.Env{Getenv: func(k string) string { return vars[k] }, Now: time.Now}
	s, err := settings.Resolve(settings.Flags{Demo: true}, env)
	if err != nil {
		t.Fatal(err)
	}
	st, notices := s.OpenStore("", env)
	if st == nil {
		t.Fatalf("no store: %q", notices)
	}
	defer st.Close()
	if err := st.SaveSessions(context.Background(), sessions, time.Now()); err != nil {
		t.Fatal(err)
	}
}

func ptr(s string) *string { return &s }

// TestHelpFitsEightyColumns: the help of cxi and of every command, flags
// included, wraps at 80 columns, as text output does.
func TestHelpFitsEightyColumns(t *testing.T) {
	cmd := New(command.Env{Version: "test"}, nil)
	paths := [][]string{{}}
	for _, c := range cmd.Commands() {
		paths = append(paths, []string{c.Name()})
		for _, sub := range c.Commands() {
			paths = append(paths, []string{c.Name(), sub.Name()})
		}
	}
	for _, p := range paths {
		if len(p) == 1 && p[0] == "config" {
			continue // the example config file, as it is written, which TestConfigTopicIsTheExampleWithTheRealKeys holds
		}
		out, _, code, _ := run(t, nil, false, append([]string{"help"}, p...)...)
		for _, line := range strings.Split(out, "\n") {
			if code != command.ExitOK || len([]rune(line)) > 80 {
				t.Errorf("cxi help %s: exit %d, a line of %d columns: %q", strings.Join(p, " "), code, len([]rune(line)), line)
			}
		}
	}
}
