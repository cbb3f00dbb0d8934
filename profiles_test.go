package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestProfilesInTmux drives the built binary in a private tmux server
// against two fake servers, with a config of two saved views, a command
// of the user's and two profiles (the top-level settings, "default", and
// [profiles.acme]), each key in its own key file: --profile acme talks to
// acme's server alone, names acme in the header and in a write's
// confirmation; without it, the default profile talks to its own, its
// views' keys and :view switch tabs, the command runs on the session in
// view, and :profile acme moves the whole program to acme's server.
// Needs tmux: runs when CXI_TMUX_TEST=1 (.ci/run sets it).
func TestProfilesInTmux(t *testing.T) {
	if os.Getenv("CXI_TMUX_TEST") == "" {
		t.Skip("set CXI_TMUX_TEST=1 to run (needs tmux)")
	}
	bin := filepath.Join(t.TempDir(), "cxi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	start := func() (*fake.Server, string) {
		srv := demo.NewServer()
		base, stop, err := srv.Start()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		return srv, base
	}
	defSrv, defBase := start()
	acmeSrv, acmeBase := start()
	lists := func(s *fake.Server) int {
		n := 0
		for _, r := range s.Requests() {
			if strings.HasSuffix(r.Path, "/chat/sessions") {
				n++
			}
		}
		return n
	}

	dir := t.TempDir()
	files := map[string]string{
		"config.toml": "base_url = \"" + defBase + "\"\n\n" +
			"[[views]]\nname = \"Everything\"\nkey = \"5\"\n\n" +
			"[[views]]\nname = \"Open email\"\nkey = \"6\"\nstatus = \"open\"\nchannel = \"email\"\n\n" +
			"[[commands]]\nname = \"say-ticket\"\nkey = \"E\"\nrun = [\"echo\", \"ticket\", \"{external_id}\", \"of\", \"{id}\"]\n\n" +
			"[profiles.acme]\nbase_url = \"" + acmeBase + "\"\nsession_url = \"https://acme.example/sessions/{id}\"\n",
		"key":      fake.DemoKey + "\n",
		"key-acme": fake.DemoKey + "\n",
	}
	if err := os.MkdirAll(filepath.Join(dir, "cxi"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, "cxi", name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sock := "cxi-profiles-" + strconv.Itoa(os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	defer exec.Command("tmux", "-L", sock, "kill-server").Run()
	// No key, base URL, profile or keyring of the user's: the key files
	// and the config above alone.
	env := "env -u CXI_CONFIG -u CXI_PROFILE -u OPENCX_API_KEY -u OPENCX_BASE_URL -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR XDG_CONFIG_HOME=" + dir +
		" CXI_STATE_DIR=" + filepath.Join(dir, "state") + " "
	waitScreen := func(session, want string) string {
		t.Helper()
		for range 300 { // up to 30 s: a loaded CI machine
			if s := tmux("capture-pane", "-p", "-t", session); strings.Contains(s, want) {
				return s
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q:\n%s", want, tmux("capture-pane", "-p", "-t", session))
		return ""
	}

	// 160 columns: the header holds the pulse line and the base URL both.
	tmux("new-session", "-d", "-s", "acme", "-x", "160", "-y", "30", env+bin+" --profile acme")
	screen := waitScreen("acme", "resolved")
	if first := strings.SplitN(screen, "\n", 2)[0]; !strings.HasPrefix(first, "cxi acme ") || !strings.Contains(first, acmeBase) {
		t.Errorf("the header does not name acme and its API: %q", first)
	}
	if lists(acmeSrv) == 0 || lists(defSrv) != 0 {
		t.Errorf("--profile acme: %d lists to acme's server, %d to default's", lists(acmeSrv), lists(defSrv))
	}
	tmux("send-keys", "-t", "acme", "S")
	waitScreen("acme", "close as unresolved")
	tmux("send-keys", "-t", "acme", "2")
	waitScreen("acme", "Close 1 session in acme as unresolved")
	tmux("send-keys", "-t", "acme", "Escape")
	tmux("send-keys", "-t", "acme", "q")

	tmux("new-session", "-d", "-s", "default", "-x", "160", "-y", "30", env+bin)
	screen = waitScreen("default", "resolved")
	if first := strings.SplitN(screen, "\n", 2)[0]; !strings.HasPrefix(first, "cxi default ") || !strings.Contains(first, defBase) {
		t.Errorf("the header does not name default and its API: %q", first)
	}
	if lists(defSrv) == 0 {
		t.Error("the default profile did not ask its server")
	}
	if !strings.Contains(screen, "5 Everything") || !strings.Contains(screen, "6 Open email") {
		t.Errorf("the tabs are not the config's views:\n%s", screen)
	}
	// A view's own key, then :view by name.
	tmux("send-keys", "-t", "default", "6")
	waitScreen("default", "[6 Open email")
	tmux("send-keys", "-t", "default", ":", "view Every", "Tab", "Enter")
	waitScreen("default", "[5 Everything")
	// The user's command on the star session, through the lookup.
	tmux("send-keys", "-t", "default", "/", demo.IDAngryHandoff, "Enter")
	waitScreen("default", "─ Handoff")
	tmux("send-keys", "-t", "default", "E")
	pane := waitScreen("default", "exit 0")
	if !strings.Contains(pane, "ticket ZD-884213 of "+demo.IDAngryHandoff) {
		t.Errorf("the command's output is not the template's, filled:\n%s", pane)
	}
	// esc alone: a key sent right after it would reach cxi as alt+key.
	tmux("send-keys", "-t", "default", "Escape")
	waitScreen("default", "─ Handoff")
	// :profile moves client, store, views and queue to acme.
	before := lists(acmeSrv)
	tmux("send-keys", "-t", "default", ":", "profile acme", "Enter")
	waitScreen("default", "Switched to profile acme")
	if first := strings.SplitN(tmux("capture-pane", "-p", "-t", "default"), "\n", 2)[0]; !strings.HasPrefix(first, "cxi acme ") || !strings.Contains(first, acmeBase) {
		t.Errorf("after :profile acme the header says %q", first)
	}
	if lists(acmeSrv) <= before {
		t.Errorf(":profile acme sent no list to acme's server (%d before, %d after)", before, lists(acmeSrv))
	}
	for _, r := range acmeSrv.Requests() {
		if r.Method != "GET" {
			t.Errorf("acme's server got a %s %s: the confirmation was left with esc", r.Method, r.Path)
		}
	}
	tmux("send-keys", "-t", "default", "q")
}
