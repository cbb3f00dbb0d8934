package main

import (
	"encoding/json"
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

// TestNudgeInTmux drives the built binary in a private tmux server against
// a fake the test changes: with auto-refresh on, the first load rings no
// bell; a session turned angry and handed off on the server rings it once
// at the next refresh (tmux raises the window's bell flag) and shows in
// the header until W opens it. It needs tmux and waits for a 10 s refresh,
// so it runs when CXI_TMUX_TEST=1 (.ci/run sets it and installs tmux).
func TestNudgeInTmux(t *testing.T) {
	if os.Getenv("CXI_TMUX_TEST") == "" {
		t.Skip("set CXI_TMUX_TEST=1 to run (needs tmux)")
	}
	srv := demo.NewServer(fake.WithoutFaults())
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	bin := filepath.Join(t.TempDir(), "cxi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("auto_refresh = \"10s\"\n\n[watch]\nnotify = \"bell\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sock := "cxi-nudge-" + strconv.Itoa(os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	env := "env CXI_CONFIG=" + cfg + " OPENCX_API_KEY=" + fake.DemoKey + " OPENCX_BASE_URL=" + base + " CXI_STATE_DIR=" + filepath.Join(dir, "state") + " "
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "s", "-x", "120", "-y", "40", env+bin+" --no-store")
	defer exec.Command("tmux", "-L", sock, "kill-server").Run()
	waitScreen := func(want string, tries int) string {
		t.Helper()
		for range tries {
			if screen := tmux("capture-pane", "-p", "-t", "s"); strings.Contains(screen, want) {
				return screen
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q:\n%s", want, tmux("capture-pane", "-p", "-t", "s"))
		return ""
	}
	bell := func() string { return strings.TrimSpace(tmux("display", "-p", "-t", "s", "#{window_bell_flag}")) }
	waitScreen("auto-refresh 10s", 100)
	if bell() != "0" {
		t.Fatal("the first load rang the bell")
	}
	if err := srv.Edit(demo.IDResolvedEmail, map[string]json.RawMessage{
		"sentiment": json.RawMessage(`"angry"`), "ai_closure_type": json.RawMessage(`"handed_off"`)}); err != nil {
		t.Fatal(err)
	}
	screen := waitScreen("⚑ 1 new, W opens: Priya Raman (handed off and angry)", 250) // the next refresh, within 10 s
	if strings.Contains(screen, "\x07") || bell() != "1" {
		t.Fatalf("bell flag %s after the match:\n%s", bell(), screen)
	}
	tmux("send-keys", "-t", "s", "W")
	screen = waitScreen("session a7e41d09", 100)
	if strings.Contains(screen, "⚑") {
		t.Errorf("the nudge stayed after W opened it:\n%s", screen)
	}
}
