package read

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func client(t *testing.T, opts ...fake.Option) *api.Client {
	t.Helper()
	return faketest.Client(t, fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...))
}

// connector makes a client from a command's flags, as settings.Deps's
// Connect does.
type connector = func(settings.Flags) (*api.Client, func(), error)

// fixed is the dependencies of a command whose client is c, whatever the
// flags.
func fixed(c *api.Client) settings.Deps {
	return settings.Deps{Connect: func(settings.Flags) (*api.Client, func(), error) { return c, func() {}, nil }}
}

// realGet and realList run the commands as cxi does, on the client their
// flags and settings make.
func realGet(args []string, env command.Env) int {
	return get(context.Background(), args, env, settings.NewDeps(env))
}

func realList(args []string, env command.Env) int {
	return list(context.Background(), args, env, settings.NewDeps(env))
}

func runGet(t *testing.T, c *api.Client, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := get(context.Background(), args, command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80}, fixed(c))
	return out.String(), errOut.String(), code
}

func TestGetGoldens(t *testing.T) {
	c := client(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"text", []string{demo.IDAngryHandoff}},
		{"json", []string{"--json", demo.IDAngryHandoff}},
		{"field", []string{"--field", "ticketing_system.external_id", demo.IDAngryHandoff}},
		{"md", []string{"--format", "md", demo.IDAngryHandoff}},
		{"text_minimal", []string{demo.IDMinimal}},
		{"md_hostile", []string{"--format", "md", demo.IDHostile}},
		{"text_hostile", []string{demo.IDHostile}},
		{"json_hostile", []string{"--json", demo.IDHostile}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runGet(t, c, tc.args...)
			if code != command.ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			assertNoControls(t, out)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// TestGetJSONIsTheSessionAsSent: the demo's float ticket number comes out
// with the digits the fake sent.
func TestGetJSONIsTheSessionAsSent(t *testing.T) {
	c := client(t, fake.Strict(t, fake.Expect(http.MethodGet, "/chat/sessions/"+demo.IDResolvedEmail)))
	out, _, _ := runGet(t, c, "--json", demo.IDResolvedEmail)
	var s api.Session
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.ID != demo.IDResolvedEmail || s.TicketNumber == nil || s.TicketNumber.String() != "1042.5" {
		t.Errorf("round trip lost data: %+v", s)
	}
}

func TestGetResolvesWhatItIsHanded(t *testing.T) {
	c := client(t)
	for _, text := range []string{"ZD-884213", "#884213", "dana.whitfield@example.com", "https://app.open.cx/inbox/" + demo.IDAngryHandoff} {
		out, errOut, code := runGet(t, c, "--field", "id", text)
		if code != command.ExitOK || strings.TrimSpace(out) != demo.IDAngryHandoff {
			t.Errorf("%s: exit %d, out %q, err %q", text, code, out, errOut)
		}
	}
}

func TestGetFields(t *testing.T) {
	c := client(t)
	for path, want := range map[string]string{
		"contact.email": "dana.whitfield@example.com",
		"ticket_number": "884213",
		"status":        "open",
		"channel":       `{"type":"web"}`,
		"assignee_id":   "bd3b4763-29a7-4fef-acc6-1320d396a55e",
		"nope":          "",
	} {
		out, errOut, code := runGet(t, c, "--field", path, demo.IDAngryHandoff)
		if path == "nope" {
			if code != command.ExitUsage || !strings.Contains(errOut, `no field "nope"`) {
				t.Errorf("%s: exit %d, stderr %q", path, code, errOut)
			}
			continue
		}
		if code != command.ExitOK || strings.TrimSpace(out) != want {
			t.Errorf("%s = %q (exit %d, %s), want %q", path, out, code, errOut, want)
		}
	}
	// A field the contract allows to be absent, or null, prints nothing and
	// exits ExitNoValue with one line saying so (issue 10 point 14: this
	// was an empty line and exit 0, which a script could not tell from an
	// empty value); an unknown name is a usage error.
	for _, path := range []string{"contact.email", "ticketing_system.external_id", "team.name", "custom_data.plan", "sentiment"} {
		out, errOut, code := runGet(t, c, "--field", path, demo.IDMinimal)
		if code != command.ExitNoValue || out != "" || errOut != "cxi: session c21f7b3a has no "+path+"\n" {
			t.Errorf("absent %s: exit %d, out %q, err %q", path, code, out, errOut)
		}
	}
	if _, _, code := runGet(t, c, "--field", "contact.emial", demo.IDMinimal); code != command.ExitUsage {
		t.Errorf("misspelt field: exit %d", code)
	}
	// A hostile value is refused, not printed into $(…).
	out, errOut, code := runGet(t, c, "--field", "contact.name", demo.IDHostile)
	if code != command.ExitBadData || out != "" || !strings.Contains(errOut, "control character") {
		t.Errorf("hostile field: exit %d, out %q, err %q", code, out, errOut)
	}
}

// TestFieldTellsNoValueFromAnEmptyOne: an empty string is a value (exit
// 0, an empty line); absent and null are not.
func TestFieldTellsNoValueFromAnEmptyOne(t *testing.T) {
	empty := ""
	for _, tt := range []struct {
		s     api.Session
		value string
		ok    bool
	}{
		{api.Session{ID: demo.IDMinimal, Language: &empty}, "", true},
		{api.Session{ID: demo.IDMinimal}, "", false},
	} {
		v, ok, err := field(&tt.s, "language")
		if err != nil || v != tt.value || ok != tt.ok {
			t.Errorf("language %v: %q, %v, %v; want %q, %v", tt.s.Language, v, ok, err, tt.value, tt.ok)
		}
	}
	if _, ok, err := field(&api.Session{}, "sentiment"); ok || err != nil {
		t.Errorf("null sentiment: ok %v, err %v", ok, err)
	}
}

func TestGetExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []fake.Option
		args []string
		code int
	}{
		{"a rejected ID", nil, []string{"3c90c3cc-0d44-0b50-8888-8dd25736052a"}, command.ExitUsage},
		{"empty", nil, []string{" "}, command.ExitUsage},
		{"no such email", nil, []string{"nobody@nowhere.example"}, command.ExitNotFound},
		{"several matches", nil, []string{"Jake Morrison"}, command.ExitAmbiguous},
		{"two sessions", nil, []string{demo.IDMinimal, demo.IDMinimal}, command.ExitUsage},
		{"unknown flag", nil, []string{"--yaml", demo.IDMinimal}, command.ExitUsage},
		{"json and md", nil, []string{"--json", "--format", "md", demo.IDMinimal}, command.ExitUsage},
		{"not found", nil, []string{"7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f"}, command.ExitNotFound},
		{"key rejected", []fake.Option{fake.WithKey("other")}, []string{demo.IDMinimal}, command.ExitAuth},
		{"rate limited", nil, []string{demo.IDRateLimited}, command.ExitRateLimited},
		{"gateway page", nil, []string{demo.IDBadGateway}, command.ExitUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runGet(t, client(t, tc.opts...), tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if out != "" || !strings.HasPrefix(errOut, "cxi: ") {
				t.Errorf("stdout %q, stderr %q", out, errOut)
			}
			assertNoControls(t, errOut)
		})
	}
}

func TestList(t *testing.T) {
	c := client(t)
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
	if code := list(context.Background(), []string{"--limit", "60"}, env, fixed(c)); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 60 {
		t.Errorf("%d lines, want 60", len(lines))
	}
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 7 {
			t.Fatalf("%d columns in %q", n, l)
		}
	}
	// The item that is not a session is skipped and said; the session
	// whose ticket_number is a string is listed like the others.
	if errOut.String() != "cxi: page 2: skipped 1 item that could not be read\n" {
		t.Errorf("the corrupt item was not reported, or more was: %q", errOut.String())
	}
	if !strings.Contains(out.String(), demo.IDOddTicket+"\t") {
		t.Errorf("the session with a string ticket_number is missing:\n%s", out.String())
	}
	assertNoControls(t, out.String())

	out.Reset()
	if code := list(context.Background(), []string{"--json", "--limit", "3", "--status", "open", "--handed-off", "--updated-within", "30d"}, env, fixed(c)); code != command.ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var s api.Session
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.Status != api.StatusOpen || s.Handoff == nil {
			t.Errorf("line %q: %v", l, err)
		}
	}
	for _, bad := range [][]string{{"--status", "pending"}, {"--status", "closed"}, {"--channel", "not a channel"}, {"--channel", "web\x1b[2J"}, {"--limit", "0"}, {"--updated-within", "soon"}, {"extra"}} {
		if code := list(context.Background(), bad, env, fixed(c)); code != command.ExitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

func assertNoControls(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if r != '\n' && r != '\t' && (r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)) {
			t.Fatalf("control character %U in output: %q", r, s)
		}
	}
}

func TestListGoldensAndHostileData(t *testing.T) {
	c := client(t)
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
		if code := list(context.Background(), args, env, fixed(c)); code != command.ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		assertNoControls(t, out.String()+errOut.String())
		return out.String()
	}
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, []byte(run("--limit", "20"))) })
	t.Run("json", func(t *testing.T) { golden.RequireEqual(t, []byte(run("--limit", "5", "--json"))) })
	// Every session, the hostile one among them, through both modes.
	all := run("--limit", "1000")
	if !strings.Contains(all, demo.IDHostile) {
		t.Fatal("the hostile session is not in the list")
	}
	if js := run("--limit", "1000", "--json"); !strings.Contains(js, `\u001b`) {
		t.Error("JSON lines should carry the hostile escapes escaped")
	}
}

// TestWhatTheUserMustFixStopsTheCommands: a key shorter than 8
// characters, or a CXI_CONFIG naming no file, stops get and list with one
// sentence and exit 2, before any request.
func TestWhatTheUserMustFixStopsTheCommands(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "config.toml")
	for _, vars := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"OPENCX_API_KEY": "k3y"}, "cxi: OPENCX_API_KEY: the key is shorter than 8 characters, too short to be an OpenCX API key\n"},
		{map[string]string{"OPENCX_API_KEY": "a-test-key", "CXI_CONFIG": missing},
			"cxi: CXI_CONFIG names " + missing + ", which does not exist: create it, or unset CXI_CONFIG to use the config folder's cxi/config.toml\n"},
	} {
		vars.env["OPENCX_BASE_URL"] = "http://127.0.0.1:1" // nothing listens: no request may be needed
		for _, tc := range []struct {
			name string
			run  func([]string, command.Env) int
			args []string
		}{
			{"get", realGet, []string{demo.IDMinimal}},
			{"list", realList, nil},
		} {
			var out, errOut bytes.Buffer
			env := command.Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars.env[k] },
				Now: func() time.Time { return now }, Width: 80}
			if code := tc.run(tc.args, env); code != command.ExitUsage || errOut.String() != vars.want || out.Len() != 0 {
				t.Errorf("%s: exit %d, stderr %q; want 2, %q", tc.name, code, errOut.String(), vars.want)
			}
		}
	}
}

// TestUsageErrorsSayTheMistake: a mistake on the command line is one
// sentence about it, then the usage; never "The lookup failed", which
// would send the user looking at the API.
func TestUsageErrorsSayTheMistake(t *testing.T) {
	never := func(settings.Flags) (*api.Client, func(), error) {
		t.Error("a client was made for a usage error")
		return nil, func() {}, errors.New("no")
	}
	for _, tc := range []struct {
		cmd   string
		args  []string
		first string // the first line on stderr
	}{
		{"get", nil, "cxi: expected one SESSION, got 0."},
		{"get", []string{"a", "b"}, "cxi: expected one SESSION, got 2."},
		{"get", []string{"--json", "--format", "md", demo.IDMinimal}, "cxi: --json, --field and --format md exclude each other."},
		{"get", []string{"--format", "yaml", demo.IDMinimal}, `cxi: unknown --format "yaml" (want text or md).`},
		{"get", []string{"--frobnicate", demo.IDMinimal}, "cxi: unknown flag: --frobnicate"},
		{"list", []string{"--status", "pending"}, `cxi: unknown --status "pending" (want open, unresolved or resolved; the API's closed_unresolved and closed_resolved work too).`},
		{"list", []string{"--limit", "0"}, "cxi: --limit must be at least 1."},
		{"list", []string{"--updated-within", "soon"}, `cxi: --updated-within "soon": want a positive duration such as 90m, 24h or 7d.`},
		{"list", []string{"extra"}, `cxi: unexpected argument "extra".`},
	} {
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80}
		run, cmd := get, newGet(env, settings.Deps{Connect: never})
		if tc.cmd == "list" {
			run, cmd = list, newList(env, settings.Deps{Connect: never})
		}
		cmd.InitDefaultHelpFlag() // as running it does
		usage := strings.TrimLeft(cmd.UsageString(), "\n")
		code := run(context.Background(), tc.args, env, settings.Deps{Connect: never})
		first, rest, _ := strings.Cut(errOut.String(), "\n")
		if code != command.ExitUsage || first != tc.first || rest != usage || out.Len() != 0 {
			t.Errorf("%s %q: exit %d, stderr %q; want 2, %q and the usage", tc.cmd, tc.args, code, errOut.String(), tc.first)
		}
		if strings.Contains(strings.ToLower(first), "lookup failed") {
			t.Errorf("%s %q: %q", tc.cmd, tc.args, first)
		}
	}
}

func TestHelpAndSharedFlags(t *testing.T) {
	never := func(settings.Flags) (*api.Client, func(), error) {
		t.Error("a client was made for --help")
		return nil, func() {}, errors.New("no")
	}
	for name, run := range map[string]func([]string, command.Env, connector) int{
		"get": func(args []string, env command.Env, dial connector) int {
			return get(context.Background(), args, env, settings.Deps{Connect: dial})
		},
		"list": func(args []string, env command.Env, dial connector) int {
			return list(context.Background(), args, env, settings.Deps{Connect: dial})
		},
	} {
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }, Width: 80}
		if code := run([]string{"--help"}, env, never); code != command.ExitOK || !strings.Contains(out.String(), "Usage:\n  "+name+" ") || !strings.Contains(out.String(), "--demo ") || errOut.Len() != 0 {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", name, code, out.String(), errOut.String())
		}
		// --demo and --base-url, anywhere, reach the settings; a client
		// that cannot be made is the user's to fix.
		out.Reset()
		var got settings.Flags
		refuse := func(f settings.Flags) (*api.Client, func(), error) {
			got = f
			return nil, func() {}, &command.SetupError{Err: errors.New("no API key: export OPENCX_API_KEY")} // as settings.Key says it
		}
		args := []string{"--base-url", "https://flag.example"}
		if name == "get" {
			args = append(args, demo.IDMinimal)
		}
		if code := run(append(args, "--demo"), env, refuse); code != command.ExitUsage || errOut.String() != "cxi: no API key: export OPENCX_API_KEY\n" {
			t.Errorf("%s without a client: exit %d, stderr %q", name, code, errOut.String())
		}
		if !got.Demo || got.BaseURL != "https://flag.example" {
			t.Errorf("%s: the settings flags arrived as %+v", name, got)
		}
	}
}

// TestAKeyStoreThatCannotBeReadExitsOne: a key file that cannot be read
// (here a symlink loop; as a keyring that does not answer) stops get and
// list with exit 1, the error's own code, as cxi auth status exits, not
// the 2 of a mistake the user made.
func TestAKeyStoreThatCannotBeReadExitsOne(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(config, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "key"), filepath.Join(dir, "key")); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"CXI_CONFIG": config, "OPENCX_BASE_URL": "http://127.0.0.1:1"}
	for _, tc := range []struct {
		name string
		run  func([]string, command.Env) int
		args []string
	}{{"get", realGet, []string{demo.IDMinimal}}, {"list", realList, nil}} {
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }, Now: func() time.Time { return now }, Width: 80}
		if code := tc.run(tc.args, env); code != command.ExitError || !strings.HasPrefix(errOut.String(), "cxi: read the key file: ") {
			t.Errorf("%s: exit %d, stderr %q; want 1", tc.name, code, errOut.String())
		}
	}
}

// TestGetRefusesAnotherSession: `cxi get A` answered with session B prints
// nothing on stdout and says which answered, exit 7 (an answer that cannot
// be used), so a script never takes B's external_id for A's.
func TestGetRefusesAnotherSession(t *testing.T) {
	const asked = "0d322df5-1c2b-4e8a-9f00-5a6b7c8d9e0f"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","status":"open","ai_closure_type":null,"sentiment":null,"channel":{"type":"web"},"ticket_number":1,"assist_mode":false,"created_at":"2026-11-25T12:00:00Z","updated_at":"2026-11-25T12:00:00Z","ticketing_system":{"name":"zendesk","external_id":"ZD-1","id_type":"ticket_id"}}`)
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(srv.URL, "sk-test-key-0123456789")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{asked}, {"--field", "ticketing_system.external_id", asked}, {"--json", asked}} {
		out, errOut, code := runGet(t, c, args...)
		want := "cxi: The API answered with another session (asked for 0d322df5, the API answered 497f6eca), which is not shown so that nothing is done to it by mistake."
		if code != command.ExitBadData || out != "" || !strings.HasPrefix(errOut, want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d, nothing on stdout, stderr starting %q", args, code, out, errOut, command.ExitBadData, want)
		}
	}
}
