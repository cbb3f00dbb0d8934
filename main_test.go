package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/tui"
	"github.com/opencx-tools/cxi/ui/config"
)

// env is a hermetic environment's variables: vars and nothing else.
// environ gives it no config folder, so there is no config file and no
// stored key unless vars names CXI_CONFIG, and a developer's own files
// never change a test.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// environ is a command.Env with getenv's variables, stdout and stderr
// written to out and errOut (nil: discarded), and no terminal.
func environ(getenv func(string) string, out, errOut *bytes.Buffer) command.Env {
	e := command.Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: getenv, Now: time.Now, Width: 80, Version: "test"}
	if out != nil {
		e.Stdout = out
	}
	if errOut != nil {
		e.Stderr = errOut
	}
	return e
}

// parseTUI is the TUI's config with no flags and no SESSION, as cxi alone
// builds it.
func parseTUI(e command.Env) (tui.Config, error) {
	return tui.Build(tui.Flags{OSC52: "plain"}, nil, e)
}

func TestMissingKeyIsAClearUsageError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(nil, environ(env(nil), &out, &errOut))
	if code != command.ExitUsage {
		t.Errorf("exit code %d, want %d", code, command.ExitUsage)
	}
	msg := errOut.String()
	if !strings.Contains(msg, "OPENCX_API_KEY") || !strings.Contains(msg, "--demo") || strings.Count(msg, "\n") != 1 {
		t.Errorf("stderr = %q", msg)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q", out.String())
	}
}

func TestHelpAndVersionPrintToStdout(t *testing.T) {
	for _, arg := range []string{"--help", "--version"} {
		var out, errOut bytes.Buffer
		if code := run([]string{arg}, environ(env(nil), &out, &errOut)); code != command.ExitOK {
			t.Errorf("%s: exit %d, stderr %q", arg, code, errOut.String())
		}
		if !strings.Contains(out.String(), "cxi") {
			t.Errorf("%s printed %q", arg, out.String())
		}
	}
}

func TestCommandsDispatch(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"get", "--demo", "--field", "ticketing_system.external_id", "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04"}, environ(env(nil), &out, &errOut))
	if code != 0 || strings.TrimSpace(out.String()) != "ZD-884213" {
		t.Errorf("get: exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"list", "--limit", "2"}, environ(env(nil), &out, &errOut)); code != 2 || !strings.Contains(errOut.String(), "OPENCX_API_KEY") {
		t.Errorf("list without a key: exit %d, err %q", code, errOut.String())
	}
	out.Reset()
	if code := run([]string{"list", "--demo", "--limit", "2"}, environ(env(nil), &out, &errOut)); code != 0 || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("list --demo: exit %d, out %q", code, out.String())
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/config.toml"
	write := func(body string, mode os.FileMode) {
		t.Helper()
		if err := os.WriteFile(path, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	getenv := env(map[string]string{"OPENCX_API_KEY": "a-test-key", "CXI_CONFIG": path})

	write("base_url = \"https://file.example\"\nsession_url = \"https://dash.example/s/{id}\"\n[queue]\nstatus = \"open\"\nneeds_attention = true\n[keys]\nquit = [\"Q\"]\n", 0o600)
	cfg, err := parseTUI(environ(getenv, nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://file.example" || cfg.SessionURL != "https://dash.example/s/{id}" || !cfg.NeedsAttention || cfg.Filters.Status != "open" {
		t.Errorf("settings from the file: %+v", cfg)
	}
	km, err := keyMap(cfg.File)
	if err != nil {
		t.Fatal(err)
	}
	opts, cleanup, err := tui.Options(cfg, km, environ(getenv, nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	cleanup()
	if keys := opts.Keys.Quit.Keys(); len(keys) != 1 || keys[0] != "Q" || opts.Keys.Quit.Help().Key != "Q" {
		t.Errorf("quit remapped to %v (help %q)", keys, opts.Keys.Quit.Help().Key)
	}
	// The remapped key works in the model, and the old one no longer quits.
	opts.Theme = styles.Plain()
	var m tea.Model = ui.New(opts)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if _, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}); cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Error("q still quits after quit was remapped to Q")
		}
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Q")})
	if cmd == nil {
		t.Fatal("Q did nothing")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("Q does not quit")
	}
	if v := m.View(); !strings.Contains(v, "Q quit") {
		t.Errorf("the help does not show Q:\n%s", v)
	}
	// The environment beats the file.
	cfg, _ = parseTUI(environ(env(map[string]string{"OPENCX_API_KEY": "a-test-key", "CXI_CONFIG": path, "OPENCX_BASE_URL": "https://env.example"}), nil, nil))
	if cfg.BaseURL != "https://env.example" {
		t.Errorf("base URL %q", cfg.BaseURL)
	}

	// A bad line is a startup error naming it, exit 2, before any TUI.
	write("[queue]\nrefersh = true\n", 0o600)
	var out, errOut bytes.Buffer
	if code := run(nil, environ(getenv, &out, &errOut)); code != command.ExitUsage || !strings.Contains(errOut.String(), "config.toml:2") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	// A key conflict too.
	write("[keys]\nquit = [\"y\"]\n", 0o600)
	cfg, err = parseTUI(environ(getenv, nil, nil))
	if err == nil {
		_, err = keyMap(cfg.File)
	}
	if err == nil || !strings.Contains(err.Error(), "config.toml:2") {
		t.Errorf("conflict: %v", err)
	}
	// A file others can read is refused.
	write("theme = \"dark\"\n", 0o644)
	if _, err := parseTUI(environ(getenv, nil, nil)); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("0644 file: %v", err)
	}
}

func TestExampleConfigAppliesToTheRealKeys(t *testing.T) {
	// A checkout gives the file 0644, which Load refuses: load a 0600 copy.
	body, err := os.ReadFile("ui/config/testdata/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/config.toml"
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := config.Load(path)
	if err != nil {
		t.Fatalf("the README's example does not load: %v", err)
	}
	if _, err := keyMap(file); err != nil {
		t.Errorf("the README's example does not apply to keymap.go: %v", err)
	}
}

func TestAuthAndDoctorDispatch(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, nil, 0o600); err != nil { // CXI_CONFIG must name a file
		t.Fatal(err)
	}
	getenv := env(map[string]string{"CXI_CONFIG": cfg})
	var out, errOut bytes.Buffer
	if code := run([]string{"auth", "status"}, environ(getenv, &out, &errOut)); code != 2 || !strings.Contains(out.String()+errOut.String(), "Not logged in") {
		t.Errorf("auth status without a key: exit %d, %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"auth", "frobnicate"}, environ(getenv, &out, &errOut)); code != 2 {
		t.Errorf("auth frobnicate: exit %d", code)
	}
	out.Reset()
	errOut.Reset()
	code := run([]string{"doctor"}, environ(env(map[string]string{"CXI_CONFIG": cfg, "OPENCX_BASE_URL": "http://127.0.0.1:1"}), &out, &errOut))
	if code != 1 || !strings.Contains(out.String(), "✘") || !strings.Contains(out.String(), "fix:") {
		t.Errorf("doctor without a key or API: exit %d\n%s%s", code, out.String(), errOut.String())
	}
}

func TestStoreAndHandoverDispatch(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	getenv := env(map[string]string{"CXI_STATE_DIR": state})
	var out, errOut bytes.Buffer
	if code := run([]string{"store", "--demo"}, environ(getenv, &out, &errOut)); code != 0 || !strings.Contains(out.String(), filepath.Join(state, "demo.sqlite")) {
		t.Errorf("store: exit %d, %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"handover", "--demo", "--since", "1h"}, environ(getenv, &out, &errOut)); code != 0 || !strings.Contains(out.String(), "No sessions reviewed or noted.") {
		t.Errorf("handover: exit %d, %q %q", code, out.String(), errOut.String())
	}
	if code := run([]string{"store", "--demo", "clear"}, environ(getenv, &out, &errOut)); code != 0 {
		t.Errorf("store clear with no store: exit %d", code) // nothing to clear, nothing asked
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Errorf("looking made a store: %v", err)
	}
}

// TestCopyLandsInTmux drives the built binary in a private tmux server with
// `set-clipboard on` and checks that y, Y and every copy-menu entry reach
// tmux's paste buffer by OSC 52. It needs tmux, so it runs when
// CXI_TMUX_TEST=1 (.ci/run sets it and installs tmux).
func TestCopyLandsInTmux(t *testing.T) {
	if os.Getenv("CXI_TMUX_TEST") == "" {
		t.Skip("set CXI_TMUX_TEST=1 to run (needs tmux)")
	}
	bin := filepath.Join(t.TempDir(), "cxi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := "cxi-test-" + strconv.Itoa(os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cmd := bin + " --demo --session-url 'https://app.open.cx/inbox/{id}'"
	// set-clipboard is in the server's config, so it is on before cxi
	// starts: cxi reads it once, at start, to say truly what a copy did.
	dir := t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g set-clipboard on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// No config file of the user's: an empty config dir of its own.
	env := "env -u CXI_CONFIG XDG_CONFIG_HOME=" + dir + " CXI_STATE_DIR=" + filepath.Join(dir, "state") + " "
	tmux("-f", conf, "new-session", "-d", "-s", "s", "-x", "100", "-y", "30", env+cmd)
	defer exec.Command("tmux", "-L", sock, "kill-server").Run()
	// Waits for what the screen should show: no fixed sleeps that a slow
	// machine could outrun.
	waitScreen := func(want string) {
		t.Helper()
		for range 100 {
			if strings.Contains(tmux("capture-pane", "-p", "-t", "s"), want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q:\n%s", want, tmux("capture-pane", "-p", "-t", "s"))
	}
	waitBuffer := func(want string) {
		t.Helper()
		for range 50 {
			out, _ := exec.Command("tmux", "-L", sock, "show-buffer").CombinedOutput()
			if strings.HasPrefix(string(out), want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		out, _ := exec.Command("tmux", "-L", sock, "show-buffer").CombinedOutput()
		t.Fatalf("tmux's buffer holds %q, want %q", out, want)
	}
	const star = "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04"
	waitScreen("Dana Whitfield")
	tmux("send-keys", "-t", "s", "y")
	waitBuffer("ZD-884213")
	waitScreen("Copied ZD-884213 (through tmux, OSC 52)")
	tmux("send-keys", "-t", "s", "Y")
	waitBuffer(star)
	tmux("send-keys", "-t", "s", "Enter")
	waitScreen("Session ID")
	for i, want := range []string{"ZD-884213", "884213", star, "dana.whitfield@example.com",
		"https://app.open.cx/inbox/" + star, "**Session** `" + star + "`"} {
		tmux("send-keys", "-t", "s", "c")
		waitScreen("Copy  1–")
		tmux("send-keys", "-t", "s", strconv.Itoa(i+1))
		waitBuffer(want)
		// Something else in between, so each entry is seen to land.
		tmux("set-buffer", "-")
	}
}

// TestCopyInTmuxWithSetClipboardExternal: where tmux keeps programs from
// setting the clipboard, a copy says so and names the fix, instead of
// claiming it copied.
func TestCopyInTmuxWithSetClipboardExternal(t *testing.T) {
	if os.Getenv("CXI_TMUX_TEST") == "" {
		t.Skip("set CXI_TMUX_TEST=1 to run (needs tmux)")
	}
	bin := filepath.Join(t.TempDir(), "cxi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := "cxi-test-ext-" + strconv.Itoa(os.Getpid())
	dir := t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g set-clipboard external\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// No native clipboard tool either: PATH holds tmux alone, which cxi
	// asks for set-clipboard.
	tmuxBin, err := exec.LookPath("tmux")
	if err != nil {
		t.Fatal(err)
	}
	onlyTmux := filepath.Join(dir, "bin")
	if err := os.Mkdir(onlyTmux, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(tmuxBin, filepath.Join(onlyTmux, "tmux")); err != nil {
		t.Fatal(err)
	}
	run := "env -u CXI_CONFIG XDG_CONFIG_HOME=" + dir + " CXI_STATE_DIR=" + filepath.Join(dir, "state") + " PATH=" + onlyTmux + " " + bin + " --demo"
	if out, err := exec.Command("tmux", "-L", sock, "-f", conf, "new-session", "-d", "-s", "s", "-x", "130", "-y", "30", run).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	defer exec.Command("tmux", "-L", sock, "kill-server").Run()
	screen := func() string {
		out, _ := exec.Command("tmux", "-L", sock, "capture-pane", "-p", "-t", "s").CombinedOutput()
		return string(out)
	}
	wait := func(want string) {
		t.Helper()
		for range 100 {
			if strings.Contains(screen(), want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q:\n%s", want, screen())
	}
	wait("Dana Whitfield")
	if out, err := exec.Command("tmux", "-L", sock, "send-keys", "-t", "s", "y").CombinedOutput(); err != nil {
		t.Fatalf("send-keys: %v\n%s", err, out)
	}
	wait("Not copied: tmux's set-clipboard is external, so OSC 52 goes nowhere; fix: `set -g set-clipboard on` in ~/.tmux.conf.")
}
