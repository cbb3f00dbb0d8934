package read

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
	"github.com/opencx-tools/cxi/ui/command"
)

// viewEnv is an environment whose config file (CXI_CONFIG) holds doc.
func viewEnv(t *testing.T, doc string, out, errOut *bytes.Buffer) command.Env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"CXI_CONFIG": path}
	return command.Env{Stdout: out, Stderr: errOut, Now: func() time.Time { return now }, Getenv: func(k string) string { return vars[k] }}
}

// TestListView: `cxi list --view NAME` lists what the view's tab shows:
// its server-side filters asked of the API, its team and text judged
// here; a view cxi does not have is an error naming those it has.
func TestListView(t *testing.T) {
	c := client(t)
	var out, errOut bytes.Buffer
	env := viewEnv(t, strings.Join([]string{
		"[[views]]", `name = "Open web"`, `status = "open"`, `channel = "web"`,
		"[[views]]", `name = "Billing"`, `team = "billing & refunds"`, `handed_off = true`,
	}, "\n")+"\n", &out, &errOut)
	run := func(args ...string) int {
		out.Reset()
		errOut.Reset()
		return list(context.Background(), args, env, fixed(c))
	}
	if code := run("--view", "open web", "--json", "--limit", "500"); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	for _, l := range lines {
		var s api.Session
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.Status != api.StatusOpen || s.Channel.Type != api.ChannelWeb {
			t.Fatalf("line %q: %v", l, err)
		}
	}
	if len(lines) < 3 {
		t.Errorf("%d open web sessions: the test shows little", len(lines))
	}

	if code := run("--view", "Billing", "--json", "--limit", "500"); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	billing := strings.Split(strings.TrimSpace(out.String()), "\n")
	for _, l := range billing {
		var s api.Session
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.Team == nil || !strings.EqualFold(s.Team.Name, "Billing & Refunds") || !s.HandedOff() {
			t.Fatalf("line %q: %v", l, err)
		}
	}
	if len(billing) < 2 {
		t.Errorf("%d handed-off Billing sessions: the test shows little", len(billing))
	}

	if code := run("--view", "Nope"); code != command.ExitUsage || !strings.Contains(errOut.String(), `no view named "Nope" (the views: "Open web", "Billing")`) {
		t.Errorf("an unknown view: exit %d, %q", code, errOut.String())
	}
	if code := run("--view", "Billing", "--status", "open"); code != command.ExitUsage || !strings.Contains(errOut.String(), "leave out --status") {
		t.Errorf("a view and a filter: exit %d, %q", code, errOut.String())
	}
}

// TestListDefaultView: without [[views]], the default views are there.
func TestListDefaultView(t *testing.T) {
	c := client(t)
	var out, errOut bytes.Buffer
	env := viewEnv(t, "# none\n", &out, &errOut)
	if code := list(context.Background(), []string{"--view", "Open", "--limit", "5"}, env, fixed(c)); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if cols := strings.Split(l, "\t"); len(cols) != 7 || cols[1] != "open" {
			t.Errorf("line %q", l)
		}
	}
	out.Reset()
	errOut.Reset()
	if code := list(context.Background(), []string{"--view", "Changed since I looked"}, env, fixed(c)); code == command.ExitOK || !strings.Contains(errOut.String(), "only the local store knows") {
		t.Errorf("changed only without a store: exit %d, %q", code, errOut.String())
	}
}
