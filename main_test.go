package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bufio"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"reflect"
	"regexp"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/root"
	"github.com/opencx-tools/cxi/ui/command/tui"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"go.uber.org/goleak"
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
	body, err := os.ReadFile("ui/command/config/testdata/example.toml")
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
	bin := buildCxi(t)
	sock, tmux := privateTmux(t, "cxi-test-")
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
	waitScreen("─ Handoff")
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
	bin := buildCxi(t)
	sock, _ := privateTmux(t, "cxi-test-ext-") // its commands are run one by one below, each checked there
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

	// The lead fixes tmux while cxi runs: the next copy tells the truth.
	if out, err := exec.Command("tmux", "-L", sock, "set", "-g", "set-clipboard", "on").CombinedOutput(); err != nil {
		t.Fatalf("tmux set: %v\n%s", err, out)
	}
	if out, err := exec.Command("tmux", "-L", sock, "send-keys", "-t", "s", "y").CombinedOutput(); err != nil {
		t.Fatalf("send-keys: %v\n%s", err, out)
	}
	wait("Copied ZD-884213 (through tmux, OSC 52)")
}

// The README, held to the code: its keys, screenshots, config example, first
// commands and the package comments it sends readers to.

// The README is read as Markdown (goldmark, GFM tables), not grepped: its
// key tables, its screenshots and its config example are data the tests
// below hold to the code, so the README cannot promise a key, a screen or
// a setting the program does not have.

// readme is README.md parsed.
type readme struct {
	src  []byte
	root ast.Node
}

func readREADME(t *testing.T) readme {
	t.Helper()
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return readme{src: src, root: md.Parser().Parse(text.NewReader(src))}
}

// nodes is every node of the README of kind k, in document order.
func (r readme) nodes(k ast.NodeKind) []ast.Node {
	var out []ast.Node
	_ = ast.Walk(r.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == k {
			out = append(out, n)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// lines is a block's text as written (a code block's content, an HTML
// block's markup).
func (r readme) lines(n ast.Node) string {
	var b strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeSpans is the text of each code span in n: the key names of a cell.
func (r readme) codeSpans(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Kind() != ast.KindCodeSpan {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Value(r.src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		out = append(out, b.String())
		return ast.WalkSkipChildren, nil
	})
	return out
}

// plain is a cell's text without its Markdown: a table's header.
func (r readme) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Value(r.src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// keyRow is one row of a key table: the keys it names, the second
// column's code span (an action name), its plain text (a menu's name),
// and the row as written, for the failure message.
type keyRow struct {
	keys   []string
	action string
	in     string
	line   string
}

// keyTables is the rows of every table whose first two headers are first
// and second.
func (r readme) keyTables(first, second string) []keyRow {
	var rows []keyRow
	for _, n := range r.nodes(east.KindTable) {
		header := n.FirstChild()
		cells := cellsOf(header)
		if len(cells) < 2 || r.plain(cells[0]) != first || r.plain(cells[1]) != second {
			continue
		}
		for row := header.NextSibling(); row != nil; row = row.NextSibling() {
			cells := cellsOf(row)
			action := r.codeSpans(cells[1])
			kr := keyRow{keys: r.codeSpans(cells[0]), in: r.plain(cells[1]), line: r.plain(cells[0]) + " | " + r.plain(cells[1])}
			if len(action) == 1 {
				kr.action = action[0]
			}
			rows = append(rows, kr)
		}
	}
	return rows
}

func cellsOf(row ast.Node) []ast.Node {
	var out []ast.Node
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// bindings is every key.Binding field of a key set (keys.Map, or the set
// of a menu), in field order.
func bindings(set any) []key.Binding {
	v := reflect.ValueOf(set)
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

// bound reports whether name, as the README writes a key ("↑", "pgdn",
// "space", "ctrl+u", "G"), is one of b's keys: as the help shows it or as
// the config file writes it.
func bound(b key.Binding, name string) bool {
	return slices.ContainsFunc(b.Keys(), func(k string) bool { return k == name || keys.HelpName(k) == name })
}

// TestREADMEKeysAreBound holds every key table of the README ("| key |
// action |" with the config file's action names, and "| key | in |" for the
// menus) to keys.Default(): each key a row names must be bound to that
// action, or in that menu, as the program starts. A default changed in
// ui/keys without the README (or a README row written from memory, like
// "space pages down" once was) fails here.
func TestREADMEKeysAreBound(t *testing.T) {
	r := readREADME(t)
	km := keys.Default()
	// config.Actions is keys.Map's bindings in field order, by the names
	// [keys] and the README use.
	byAction := map[string]key.Binding{}
	names := config.Actions()
	fields := bindings(km)
	if len(names) != len(fields) {
		t.Fatalf("config.Actions() has %d names for %d bindings of keys.Map", len(names), len(fields))
	}
	for i, name := range names {
		byAction[name] = fields[i]
	}

	rows := r.keyTables("key", "action")
	if len(rows) < 20 {
		t.Fatalf("the README's key tables (| key | action | …) have %d rows; the everyday keys are not found", len(rows))
	}
	for _, row := range rows {
		b, ok := byAction[row.action]
		if !ok {
			t.Errorf("README row %q: %q is no action (actions: %s)", row.line, row.action, strings.Join(names, ", "))
			continue
		}
		if len(row.keys) == 0 {
			t.Errorf("README row %q names no key", row.line)
		}
		for _, k := range row.keys {
			if !bound(b, k) {
				t.Errorf("README row %q: %s is not bound to %s (its keys: %q)", row.line, k, row.action, b.Keys())
			}
		}
	}

	menus := map[string]any{
		"filter picker": km.ForFilterPicker(),
		"copy menu":     km.ForCopyMenu(),
		"search picker": km.ForPicker(),
		"status menu":   km.ForStatusMenu(),
		"note editor":   km.ForNoteEditor(),
		"redaction":     km.ForRedaction(),
	}
	menuRows := r.keyTables("key", "in")
	if len(menuRows) == 0 {
		t.Fatal("the README's menu keys (| key | in | …) are not found")
	}
	for _, row := range menuRows {
		set, ok := menus[row.in]
		if !ok {
			t.Errorf("README row %q: no menu called %q", row.line, row.in)
			continue
		}
		for _, k := range row.keys {
			if !slices.ContainsFunc(bindings(set), func(b key.Binding) bool { return bound(b, k) }) {
				t.Errorf("README row %q: %s does nothing in the %s", row.line, k, row.in)
			}
		}
	}
}

// TestREADMEScreenshotsAreTheGoldens holds each screenshot of the README
// (a text block after <!-- golden: PATH -->) to the first lines of that
// golden file, which ui's TestGolden renders from the program at a fixed
// size and clock. Only the trailing blanks of each line are dropped: the
// README's block is the screen as drawn.
func TestREADMEScreenshotsAreTheGoldens(t *testing.T) {
	r := readREADME(t)
	marker := regexp.MustCompile(`^<!-- golden: (\S+) -->\s*$`)
	found := 0
	for _, n := range r.nodes(ast.KindHTMLBlock) {
		m := marker.FindStringSubmatch(r.lines(n))
		if m == nil {
			continue
		}
		found++
		block, ok := n.NextSibling().(*ast.FencedCodeBlock)
		if !ok {
			t.Errorf("<!-- golden: %s --> is not followed by a code block", m[1])
			continue
		}
		golden, err := os.ReadFile(filepath.FromSlash(m[1]))
		if err != nil {
			t.Errorf("the README's screenshot names %s: %v", m[1], err)
			continue
		}
		shot := trimLines(r.lines(block))
		want := trimLines(string(golden))
		if len(shot) < 5 {
			t.Errorf("the screenshot of %s has %d lines; a screenshot shows more", m[1], len(shot))
		}
		if len(shot) > len(want) {
			t.Errorf("the screenshot of %s has %d lines, the screen %d", m[1], len(shot), len(want))
			continue
		}
		for i := range shot {
			if shot[i] != want[i] {
				t.Errorf("the README's screenshot of %s differs from the screen at line %d:\nREADME: %q\nscreen: %q\n(copy the golden's first %d lines into the README)",
					m[1], i+1, shot[i], want[i], len(shot))
				break
			}
		}
	}
	if found == 0 {
		t.Fatal("the README has no screenshot marked <!-- golden: PATH -->")
	}
}

func trimLines(s string) []string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// TestREADMEConfigLoads loads the README's config examples, and those the
// help topics show where the README sends readers (root.Examples), as cxi
// would (a 0600 file) and applies their keys to the defaults: an example
// that names a setting, a value or a key cxi refuses fails here.
func TestREADMEConfigLoads(t *testing.T) {
	r := readREADME(t)
	type example struct{ where, toml string }
	var examples []example
	for _, n := range r.nodes(ast.KindFencedCodeBlock) {
		if string(n.(*ast.FencedCodeBlock).Language(r.src)) == "toml" {
			examples = append(examples, example{fmt.Sprintf("the README's toml example %d", len(examples)+1), r.lines(n)})
		}
	}
	if len(examples) == 0 {
		t.Fatal("the README has no toml example")
	}
	if len(root.Examples()) == 0 {
		t.Fatal("the help topics show no toml example")
	}
	for _, e := range root.Examples() {
		examples = append(examples, example{"the example of cxi help " + e.Topic, e.TOML})
	}
	for _, e := range examples {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(e.toml), 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := config.Load(path)
		if err != nil {
			t.Errorf("%s does not load: %v", e.where, err)
			continue
		}
		if _, err := keyMap(file); err != nil { // the remaps, and the commands' and views' own keys
			t.Errorf("%s does not apply to the default keys: %v", e.where, err)
		}
	}
}

// TestREADMENamesOnlyTopicsThatExist: each "cxi help X" of the README is a
// topic or a command of cxi, each name in its list of topics (the
// paragraph that says "cxi help TOPIC") is one too, and every topic is
// named somewhere, so that the README leads to all of the reference.
func TestREADMENamesOnlyTopicsThatExist(t *testing.T) {
	r := readREADME(t)
	cxi := root.New(command.Env{Version: "test"}, nil)
	topics := map[string]bool{}
	for _, c := range cxi.Commands() {
		if c.IsAdditionalHelpTopicCommand() {
			topics[c.Name()] = true
		}
	}
	if len(topics) < 5 {
		t.Fatalf("cxi has %d help topics; the walk is broken", len(topics))
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile(`cxi help ([a-z][a-z-]*)`).FindAllStringSubmatch(string(r.src), -1) {
		named[m[1]] = true
		if c, _, err := cxi.Find([]string{m[1]}); err != nil || c.Name() != m[1] {
			t.Errorf("the README names %q, which is no topic or command of cxi", m[0])
		}
	}
	lists := 0
	for _, p := range r.nodes(ast.KindParagraph) {
		spans := r.codeSpans(p)
		if !slices.Contains(spans, "cxi help TOPIC") {
			continue
		}
		lists++
		for _, s := range spans {
			if !regexp.MustCompile(`^[a-z][a-z-]*$`).MatchString(s) {
				continue
			}
			named[s] = true
			// A command's help may be a topic too: cxi help store.
			if c, _, err := cxi.Find([]string{s}); err != nil || c.Name() != s {
				t.Errorf("the README's list of topics names %q, which is no topic (topics: %v)", s, slices.Sorted(maps.Keys(topics)))
			}
		}
	}
	if lists == 0 {
		t.Error("the README has no list of topics (a paragraph naming `cxi help TOPIC`)")
	}
	for name := range topics {
		if !named[name] {
			t.Errorf("the README never names cxi help %s", name)
		}
	}
}

// TestCIRunsTheREADMEsTestCommand: .ci/run, the CI gate, runs the test
// command the README's first block gives (with its own flags added), so
// that what a newcomer runs is what CI holds green.
func TestCIRunsTheREADMEsTestCommand(t *testing.T) {
	r := readREADME(t)
	blocks := r.nodes(ast.KindFencedCodeBlock)
	if len(blocks) == 0 {
		t.Fatal("the README has no code block")
	}
	var readme []string
	for _, l := range strings.Split(r.lines(blocks[0]), "\n") {
		if cmd, _, _ := strings.Cut(l, "#"); strings.HasPrefix(strings.TrimSpace(cmd), "go test") {
			readme = strings.Fields(cmd)
		}
	}
	if readme == nil {
		t.Fatal("the README's first block has no go test command")
	}
	ci, err := os.ReadFile(filepath.Join(".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(ci), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 || f[0] != readme[0] || f[1] != readme[1] {
			continue
		}
		if slices.Equal(slices.DeleteFunc(slices.Clone(f[2:]), func(a string) bool { return strings.HasPrefix(a, "-") }), readme[2:]) {
			return
		}
	}
	t.Errorf(".ci/run runs no %q (flags aside): the README's test command is not CI's", strings.Join(readme, " "))
}

// TestREADMELeadsWithTheTwoCommands keeps the README's first block the
// two commands a newcomer runs, and its Go version and install line
// those of go.mod.
func TestREADMELeadsWithTheTwoCommands(t *testing.T) {
	r := readREADME(t)
	blocks := r.nodes(ast.KindFencedCodeBlock)
	if len(blocks) == 0 {
		t.Fatal("the README has no code block")
	}
	var commands []string
	for _, l := range strings.Split(strings.TrimSpace(r.lines(blocks[0])), "\n") {
		cmd, _, _ := strings.Cut(l, "#")
		commands = append(commands, strings.TrimSpace(cmd))
	}
	if !slices.Equal(commands, []string{"go run . --demo", "go test ./..."}) {
		t.Errorf("the README's first block runs %q, want the demo and the tests", commands)
	}

	mod, goVersion := goMod(t)
	if !bytes.Contains(r.src, []byte("Go "+goVersion+" ")) {
		t.Errorf("the README does not say the Go version go.mod needs (%s)", goVersion)
	}
	if install := "go install " + mod + "@latest"; !bytes.Contains(r.src, []byte(install)) {
		t.Errorf("the README does not install with %q", install)
	}
}

// goMod is go.mod's module path and go version.
func goMod(t *testing.T) (module, version string) {
	t.Helper()
	f, err := os.Open("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if m, ok := strings.CutPrefix(s.Text(), "module "); ok {
			module = strings.TrimSpace(m)
		}
		if v, ok := strings.CutPrefix(s.Text(), "go "); ok {
			version = strings.TrimSpace(v)
		}
	}
	if module == "" || version == "" {
		t.Fatalf("go.mod names no module or go version (%q, %q)", module, version)
	}
	return module, version
}

// packageDirs is the directory of every package of the module, slash
// separated and relative to it ("ui/queue"), the root as ".".
func packageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if _, err := build.ImportDir(path, 0); err == nil {
				dirs = append(dirs, filepath.ToSlash(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestEveryPackageSaysWhatItHolds: the architecture lives in the package
// comments (go doc), so every package has one, starting as Go's convention
// asks.
func TestEveryPackageSaysWhatItHolds(t *testing.T) {
	dirs := packageDirs(t)
	if len(dirs) < 40 {
		t.Fatalf("found %d packages; the walk is broken", len(dirs))
	}
	for _, dir := range dirs {
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := "Package " + p.Name + " "
		if p.Name == "main" {
			want = "Command "
		}
		if !strings.HasPrefix(p.Doc, want) {
			t.Errorf("%s: package comment %q does not start %q", dir, p.Doc, want)
		}
	}
}

// TestDesignDocsNameEveryPackage keeps the maps in ui/doc.go and
// api/doc.go whole: every package under ui/ and api/ is named in its
// tree's doc comment (the README's table once missed 9 of 46), so `go doc
// ./ui` and `go doc ./api` lead to all of them.
func TestDesignDocsNameEveryPackage(t *testing.T) {
	dirs := packageDirs(t)
	for _, tree := range []string{"ui", "api"} {
		doc := packageDoc(t, filepath.Join(tree, "doc.go"))
		for _, dir := range dirs {
			if dir == tree || !strings.HasPrefix(dir, tree+"/") {
				continue
			}
			named := regexp.MustCompile(`(^|[^\w/])` + regexp.QuoteMeta(dir) + `($|[^\w/])`)
			if !named.MatchString(doc) {
				t.Errorf("%s/doc.go does not name %s: add it to the map, with what it holds", tree, dir)
			}
		}
	}
}

// packageDoc is the package comment of one file.
func packageDoc(t *testing.T, path string) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatalf("%s has no package comment", path)
	}
	return f.Doc.Text()
}

// TestMain fails the package's tests when one leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// buildCxi builds the program for a test that drives it in a terminal.
func buildCxi(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cxi")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// privateTmux is a tmux server of the test's own (socket name, then the
// process ID), killed when the test ends, and a runner of its commands
// that fails the test when one fails.
func privateTmux(t *testing.T, name string) (sock string, tmux func(args ...string) string) {
	sock = name + strconv.Itoa(os.Getpid())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	return sock, func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
}

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
	bin := buildCxi(t)
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
	_, tmux := privateTmux(t, "cxi-profiles-")
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
	// The session's own keys: the view has focus (at 160 columns the
	// preview beside the queue shows the Handoff panel before that).
	waitScreen("default", "t transcript")
	tmux("send-keys", "-t", "default", "E")
	pane := waitScreen("default", "exit 0")
	if !strings.Contains(pane, "ticket ZD-884213 of "+demo.IDAngryHandoff) {
		t.Errorf("the command's output is not the template's, filled:\n%s", pane)
	}
	// esc alone: a key sent right after it would reach cxi as alt+key.
	tmux("send-keys", "-t", "default", "Escape")
	waitScreen("default", "t transcript")
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
	bin := buildCxi(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("auto_refresh = \"10s\"\n\n[watch]\nnotify = \"bell\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, tmux := privateTmux(t, "cxi-nudge-")
	env := "env CXI_CONFIG=" + cfg + " OPENCX_API_KEY=" + fake.DemoKey + " OPENCX_BASE_URL=" + base + " CXI_STATE_DIR=" + filepath.Join(dir, "state") + " "
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "s", "-x", "120", "-y", "40", env+bin+" --no-store")
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
