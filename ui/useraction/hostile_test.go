package useraction

import (
	"bufio"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// hostile are values an API could send that a shell, a URL or an
// option parser would read as more than text.
var hostile = map[string]string{
	"shell":     "; rm -rf ~",
	"subst":     "$(touch pwned)",
	"backticks": "`touch pwned`",
	"dots":      "../../etc/passwd",
	"spaces":    " two  words ",
	"newline":   "4471\nrm -rf ~",
	"quotes":    `it's "quoted"`,
	"userinfo":  "https://acme.example@evil.com/x",
	"escaped":   "%2F..%2Fadmin",
	"glob":      "* ~ | & > out.txt",
}

// showcase is the star showcase session with the hostile values added to
// its custom data, the way a beta API could send them.
func showcase(t *testing.T) api.Session {
	t.Helper()
	s, err := demo.Decoded(demo.IDAngryHandoff)
	if err != nil {
		t.Fatal(err)
	}
	s.CustomData = api.CustomData{}
	for k, v := range hostile {
		raw, _ := json.Marshal(v)
		s.CustomData[k] = raw
	}
	return s
}

// argvLog makes the test binary the helper program for the test's
// length, in a fresh working directory, and returns where it logs.
func argvLog(t *testing.T) (exe, log, dir string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	t.Chdir(dir) // a "touch pwned" that ran would leave its file here
	log = filepath.Join(t.TempDir(), "argv.jsonl")
	t.Setenv(helperEnv, log)
	return exe, log, dir
}

func readLog(t *testing.T, log string) [][]string {
	t.Helper()
	f, err := os.Open(log)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var argv []string
		if err := json.Unmarshal(sc.Bytes(), &argv); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		out = append(out, argv)
	}
	return out
}

func build(t *testing.T, specs ...Spec) []Action {
	t.Helper()
	as, err := Build(specs)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func step(t *testing.T, r Runner, a Action, s api.Session) Result {
	t.Helper()
	msg := r.Step(context.Background(), nil, 0, a, s)()
	return msg.(RanMsg).Result
}

// TestHostilePlaceholders runs a command on the showcase session with
// hostile text in its fields and shows that what ran is exactly the
// template's argument list, each value one argument, and nothing else:
// the helper ran once, no file appeared, no URL but the template's host
// was opened, and a value with control characters refused the command.
func TestHostilePlaceholders(t *testing.T) {
	exe, log, dir := argvLog(t)
	s := showcase(t)
	run := []string{exe, "ticket", "{external_id}", "--note={custom_data.shell}", "{custom_data.subst}", "{custom_data.backticks}",
		"{custom_data.dots}", "{custom_data.spaces}", "{custom_data.quotes}", "{custom_data.userinfo}", "{custom_data.escaped}", "x {custom_data.glob} y", "#{ticket_number}"}
	a := build(t, Spec{Name: "hostile", Run: run})[0]
	var opened []string
	r := Runner{Open: func(u string) error { opened = append(opened, u); return nil }}

	res := step(t, r, a, s)
	if !res.OK() {
		t.Fatalf("the run did not go well: %+v", res)
	}
	want := []string{"ticket", "ZD-884213", "--note=; rm -rf ~", "$(touch pwned)", "`touch pwned`",
		"../../etc/passwd", " two  words ", `it's "quoted"`, "https://acme.example@evil.com/x", "%2F..%2Fadmin", "x * ~ | & > out.txt y", "#884213"}
	got := readLog(t, log)
	if len(got) != 1 {
		t.Fatalf("the helper ran %d times, want once: %q", len(got), got)
	}
	if !slices.Equal(got[0], want) {
		t.Errorf("the helper got\n%q\nwant\n%q", got[0], want)
	}
	if !slices.Equal(res.Argv, append([]string{exe}, want...)) {
		t.Errorf("the argv reported is %q", res.Argv)
	}
	if printed, _ := json.Marshal(want); strings.TrimSpace(res.Output) != string(printed) {
		t.Errorf("the output is %q, want the helper's argv", res.Output)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("the working directory holds %v: something ran that the template did not name", entries)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("HOME"), "pwned")); err == nil {
		t.Errorf("~/pwned exists")
	}
	if len(opened) != 0 {
		t.Errorf("a run opened %q", opened)
	}

	// A URL: the template's host, the values percent-encoded where they sit.
	u := build(t, Spec{Name: "web", URL: "https://acme.zendesk.com/agent/tickets/{custom_data.userinfo}/{custom_data.dots}?note={custom_data.shell}&q={custom_data.escaped}"})[0]
	res = step(t, r, u, s)
	if !res.OK() || len(opened) != 1 {
		t.Fatalf("open: %+v, opened %q", res, opened)
	}
	wantURL := "https://acme.zendesk.com/agent/tickets/https:%2F%2Facme.example@evil.com%2Fx/..%2F..%2Fetc%2Fpasswd?note=%3B+rm+-rf+~&q=%252F..%252Fadmin"
	if opened[0] != wantURL {
		t.Errorf("opened\n%s\nwant\n%s", opened[0], wantURL)
	}
	parsed, err := url.Parse(opened[0])
	if err != nil || parsed.Host != "acme.zendesk.com" || parsed.User != nil || parsed.Query().Get("note") != "; rm -rf ~" {
		t.Errorf("opened %q: host %q, user %v, note %q (%v)", opened[0], parsed.Host, parsed.User, parsed.Query().Get("note"), err)
	}

	// The hostile showcase session: escape sequences in its external_id
	// and its language refuse the command, which runs nothing.
	h, err := demo.Decoded(demo.IDHostile)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range build(t,
		Spec{Name: "cli", Run: []string{exe, "{external_id}"}},
		Spec{Name: "web", URL: "https://acme.zendesk.com/agent/tickets/{language}"},
	) {
		res := step(t, r, a, h)
		if !strings.Contains(res.Refused, "holds a control character") || res.OK() {
			t.Errorf("%s on the hostile session: %+v", a.Name, res)
		}
	}
	nl := build(t, Spec{Name: "nl", Run: []string{exe, "{custom_data.newline}"}})[0]
	if res := step(t, r, nl, s); res.Refused != "this session's custom_data.newline holds a control character (U+000A): cxi will not pass it on" {
		t.Errorf("a newline in a value: %+v", res)
	}
	if !strings.Contains(step(t, r, a, h).Refused, "this session's external_id holds a control character (U+001B)") {
		t.Errorf("the refusal does not name the field")
	}
	if n := len(readLog(t, log)); n != 1 {
		t.Errorf("the helper ran %d times in all, want the one run above", n)
	}
	if len(opened) != 1 {
		t.Errorf("opened %q after refusals", opened)
	}
}
