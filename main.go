// Command cxi is a terminal inspector for OpenCX chat sessions. This file
// is wiring only: flags and environment in, a client and a program out,
// errors mapped to exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	xterm "golang.org/x/term"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/cli/browser"
	"github.com/muesli/termenv"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	copier "github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/cli"
	"github.com/opencx-tools/cxi/ui/command/doctor"
	"github.com/opencx-tools/cxi/ui/config"
	"github.com/opencx-tools/cxi/ui/queue"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

// Exit codes: 2 for anything the user must fix before cxi can start.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// settings is what the command line, the environment and the config file asked for.
type settings struct {
	baseURL string
	key     string
	demo    bool
	query   string
	osc52   copier.Mode
	refresh time.Duration
	attend  bool
	urlTmpl string
	filters queue.Filters
	theme   string
	file    config.Config
	version bool
	help    bool
}

// minRefresh keeps auto-refresh to at most 6 requests a minute.
const minRefresh = 10 * time.Second

func run(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "get", "list":
			return runCommand(args[0], args[1:], getenv, stdout, stderr)
		case "auth":
			return runAuth(args[1:], getenv, stdout, stderr)
		case "doctor":
			return runDoctor(args[1:], getenv, stdout, stderr)
		}
	}
	cfg, err := parseArgs(args, getenv, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return exitUsage
	}
	switch {
	case cfg.help:
		printUsage(stdout)
		return exitOK
	case cfg.version:
		fmt.Fprintln(stdout, "cxi "+buildVersion())
		return exitOK
	}
	if !term.IsTerminal(os.Stdout.Fd()) || !term.IsTerminal(os.Stdin.Fd()) {
		fmt.Fprintln(stderr, "cxi: needs an interactive terminal (stdin and stdout must be a TTY)")
		return exitUsage
	}

	opts, cleanup, err := buildOptions(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return exitUsage
	}
	defer cleanup()

	p := tea.NewProgram(ui.New(opts), tea.WithAltScreen())
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return exitError
	}
	return exitOK
}

// parseArgs reads flags and the optional SESSION argument, in any order.
func parseArgs(args []string, getenv func(string) string, stderr io.Writer) (settings, error) {
	file, err := loadConfig(getenv)
	if err != nil {
		return settings{}, err
	}
	cfg := settings{file: file, filters: file.Queue, theme: file.Theme}
	fs := flag.NewFlagSet("cxi", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	baseURL := fs.String("base-url", "", "")
	osc := fs.String("osc52", "plain", "")
	fs.DurationVar(&cfg.refresh, "refresh", 0, "")
	fs.BoolVar(&cfg.attend, "needs-attention", false, "")
	fs.StringVar(&cfg.urlTmpl, "session-url", "", "")
	fs.BoolVar(&cfg.demo, "demo", false, "")
	fs.BoolVar(&cfg.version, "version", false, "")
	fs.BoolVar(&cfg.help, "help", false, "")
	fs.BoolVar(&cfg.help, "h", false, "")

	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return cfg, fmt.Errorf("%v (see cxi --help)", err)
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if cfg.help || cfg.version {
		return cfg, nil
	}
	if len(positional) > 1 {
		return cfg, fmt.Errorf("expected at most one SESSION argument, got %d (see cxi --help)", len(positional))
	}
	if len(positional) == 1 {
		if _, err := api.ParseSessionID(positional[0]); err != nil {
			return cfg, err
		}
		cfg.query = positional[0]
	}
	mode, err := copier.ParseMode(*osc)
	if err != nil {
		return cfg, err
	}
	cfg.osc52 = mode
	if cfg.refresh != 0 && cfg.refresh < minRefresh {
		return cfg, fmt.Errorf("--refresh %s is too often: the API allows 100 requests a minute; use %s or more", cfg.refresh, minRefresh)
	}

	// Flags beat the environment, which beats the config file.
	cfg.baseURL = firstNonEmpty(*baseURL, getenv("OPENCX_BASE_URL"), file.BaseURL, api.DefaultBaseURL)
	cfg.urlTmpl = firstNonEmpty(cfg.urlTmpl, getenv("CXI_SESSION_URL"), file.SessionURL)
	if cfg.refresh == 0 {
		cfg.refresh = file.AutoRefresh
	}
	cfg.attend = cfg.attend || file.NeedsAttention
	if cfg.urlTmpl != "" && !strings.Contains(cfg.urlTmpl, "{id}") {
		return cfg, fmt.Errorf("--session-url %q has no {id} placeholder for the session ID", cfg.urlTmpl)
	}
	if cfg.demo {
		return cfg, nil
	}
	key, err := findKey(getenv)
	if err != nil {
		return cfg, err
	}
	cfg.key = key
	if _, err := api.New(cfg.baseURL, cfg.key); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// runCommand runs a non-interactive command (get, list). It takes the same
// --demo and --base-url as the TUI, anywhere among its own flags.
func runCommand(name string, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	demo, baseURL, rest := commonFlags(args)
	file, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return cli.ExitUsage
	}
	cfg := settings{demo: demo, baseURL: firstNonEmpty(baseURL, getenv("OPENCX_BASE_URL"), file.BaseURL, api.DefaultBaseURL)}
	if !demo {
		key, err := findKey(getenv)
		if err != nil {
			fmt.Fprintln(stderr, "cxi: "+err.Error())
			return cli.ExitUsage
		}
		cfg.key = key
	}
	waitNotice := api.WithWaitNotice(func(d time.Duration) {
		// Short pauses between pages are not worth a line each.
		if d >= time.Second {
			fmt.Fprintf(stderr, "cxi: waiting %s for the rate limit (%d requests a minute)\n", d.Round(time.Second), api.RequestsPerMinute)
		}
	})
	client, cleanup, err := buildClient(cfg, waitNotice)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return cli.ExitUsage
	}
	defer cleanup()
	env := cli.Env{Stdout: stdout, Stderr: stderr, Now: time.Now, Width: 80}
	ctx := context.Background()
	if name == "get" {
		return cli.Get(ctx, client, rest, env)
	}
	return cli.List(ctx, client, rest, env)
}

// commonFlags takes --demo and --base-url out of a command's arguments.
func commonFlags(args []string) (demo bool, baseURL string, rest []string) {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--demo" || a == "-demo":
			demo = true
		case (a == "--base-url" || a == "-base-url") && i+1 < len(args):
			baseURL = args[i+1]
			i++
		case strings.HasPrefix(a, "--base-url="):
			baseURL = strings.TrimPrefix(a, "--base-url=")
		default:
			rest = append(rest, a)
		}
	}
	return demo, baseURL, rest
}

// buildClient makes the API client, or for --demo starts the fake server
// on loopback and points a client at it.
func buildClient(cfg settings, opts ...api.Option) (*api.Client, func(), error) {
	cleanup := func() {}
	baseURL, key := cfg.baseURL, cfg.key
	if cfg.demo {
		srv := fake.New(fake.WithRecentDemo())
		url, stop, err := srv.Start()
		if err != nil {
			return nil, cleanup, fmt.Errorf("start the demo server: %w", err)
		}
		cleanup = stop
		baseURL, key = url, fake.DemoKey
	}
	client, err := api.New(baseURL, key, append([]api.Option{api.WithUserAgent("cxi/" + buildVersion())}, opts...)...)
	if err != nil {
		cleanup()
		return nil, func() {}, err
	}
	return client, cleanup, nil
}

// buildOptions makes the client (or the demo server) and the UI's options.
func buildOptions(cfg settings) (ui.Options, func(), error) {
	keys, err := keyMap(cfg.file)
	if err != nil {
		return ui.Options{}, func() {}, err
	}
	opts := ui.Options{Keys: keys, Query: cfg.query, AutoRefresh: cfg.refresh, Attention: cfg.attend,
		SessionURL: cfg.urlTmpl, Filters: cfg.filters}
	// Over SSH a browser would open on the remote machine, if at all:
	// the UI copies the link instead.
	if os.Getenv("SSH_CONNECTION") == "" && os.Getenv("SSH_TTY") == "" {
		browser.Stdout, browser.Stderr = io.Discard, io.Discard // the TUI owns the terminal
		opts.OpenURL = browser.OpenURL
	}
	client, cleanup, err := buildClient(cfg)
	if err != nil {
		return opts, cleanup, err
	}
	if cfg.demo {
		opts.Label = "demo"
		for _, d := range fake.Demo() {
			opts.Suggestions = append(opts.Suggestions, ui.Suggestion{ID: d.ID, Title: d.Title})
		}
	}
	opts.Client = client
	opts.Theme = styles.New(themedRenderer(cfg.theme))
	opts.Copier = copier.Copier{Mode: cfg.osc52, Native: clipboard.WriteAll}
	// OSC 52 goes to stderr: the renderer owns stdout, and stderr is the
	// same terminal unless redirected, in which case no sequence is sent.
	if term.IsTerminal(os.Stderr.Fd()) {
		opts.Copier.Terminal = os.Stderr
	}
	return opts, cleanup, nil
}

// keyStore is where a key saved by `cxi auth login` lives: the OS keyring,
// or a 0600 file beside the config file.
func keyStore(getenv func(string) string) auth.Store {
	return auth.Store{Dir: configDir(getenv), Getenv: getenv, Keyring: auth.SystemKeyring(runtime.GOOS, getenv)}
}

// configDir is the folder of the config file (and the key file).
func configDir(getenv func(string) string) string {
	if p := getenv("CXI_CONFIG"); p != "" {
		return filepath.Dir(p)
	}
	if p, err := config.Path(); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

// findKey is the API key: OPENCX_API_KEY first, then the stored one.
func findKey(getenv func(string) string) (string, error) {
	key, _, err := keyStore(getenv).Key()
	if err != nil {
		return "", err
	}
	if key == "" {
		return "", errors.New("no API key: export OPENCX_API_KEY, or run `cxi auth login` to store one; `cxi --demo` needs none")
	}
	return key, nil
}

// runAuth is `cxi auth login|status|logout`.
func runAuth(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	env := cli.Env{Stdout: stdout, Stderr: stderr, Now: time.Now, Width: 80}
	store := keyStore(getenv)
	file, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return cli.ExitUsage
	}
	base := firstNonEmpty(getenv("OPENCX_BASE_URL"), file.BaseURL, api.DefaultBaseURL)
	check := func(key string) error {
		c, err := api.New(base, key)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), api.DefaultTimeout)
		defer cancel()
		return auth.Verify(ctx, c)
	}
	sub := ""
	if len(args) > 0 {
		sub = args[0]
	}
	switch sub {
	case "login":
		return auth.Login(args[1:], os.Stdin, int(os.Stdin.Fd()), func(fd int) bool { return xterm.IsTerminal(fd) }, store, check, env)
	case "status":
		return auth.Status(store, check, env)
	case "logout":
		return auth.Logout(store, env)
	}
	fmt.Fprintln(stderr, "cxi: usage: cxi auth login [--with-token] | status | logout")
	return cli.ExitUsage
}

// runDoctor is `cxi doctor`: one screen of checks, each with its fix.
func runDoctor(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	env := cli.Env{Stdout: stdout, Stderr: stderr, Now: time.Now, Width: 80}
	_, flagURL, rest := commonFlags(args)
	if len(rest) > 0 {
		fmt.Fprintln(stderr, "cxi: usage: cxi doctor [--base-url URL]")
		return cli.ExitUsage
	}
	file, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return cli.ExitUsage
	}
	store := keyStore(getenv)
	key, src, keyErr := store.Key()
	base := firstNonEmpty(flagURL, getenv("OPENCX_BASE_URL"), file.BaseURL, api.DefaultBaseURL)
	client, err := api.New(base, key)
	if err != nil {
		fmt.Fprintln(stderr, "cxi: "+err.Error())
		return cli.ExitUsage
	}
	in := doctor.Inputs{
		KeySource: src, KeyErr: keyErr, HasKey: key != "", KeyWhere: store.Where(src),
		BaseURL:      base,
		Check:        func(ctx context.Context) error { return auth.Verify(ctx, client) },
		Reach:        func(ctx context.Context) error { return doctor.Reachable(ctx, nil, base) },
		Budget:       client.Budget,
		ColorProfile: profileName(lipgloss.DefaultRenderer().ColorProfile()),
		LookPath:     exec.LookPath,
		GOOS:         runtime.GOOS,
		Getenv:       getenv,
		TmuxOption:   doctor.TmuxShowOption,
	}
	return doctor.Run(context.Background(), in, env)
}

func profileName(p termenv.Profile) string {
	switch p {
	case termenv.TrueColor:
		return "TrueColor"
	case termenv.ANSI256:
		return "ANSI256"
	case termenv.ANSI:
		return "ANSI"
	}
	return "Ascii"
}

// loadConfig reads the config file: CXI_CONFIG if set, else the user's
// config dir. A missing file is no error.
func loadConfig(getenv func(string) string) (config.Config, error) {
	path := getenv("CXI_CONFIG")
	if path == "" {
		p, err := config.Path()
		if err != nil {
			return config.Config{}, nil // no config dir (no $HOME): defaults
		}
		path = p
	}
	return config.Load(path)
}

// themedRenderer is the terminal's renderer, with the background the
// config names when it is not left to detection.
func themedRenderer(theme string) *lipgloss.Renderer {
	r := lipgloss.DefaultRenderer()
	switch theme {
	case "dark":
		r.SetHasDarkBackground(true)
	case "light":
		r.SetHasDarkBackground(false)
	}
	return r
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "dev"
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `cxi — inspect OpenCX chat sessions in the terminal

Usage:
  cxi [flags] [SESSION]
  cxi get [--json | --field PATH | --format md] SESSION   print one session
  cxi list [--status S] [--handed-off] [--channel C] [--updated-within D] [--limit N] [--json]

Without SESSION, cxi opens on the queue of sessions. SESSION is a session ID,
or any text containing one (a dashboard URL, a log line); cxi opens straight on
it, and esc goes back to the queue.

Flags:
  --demo            run on built-in demo data (no API key, no network)
  --base-url URL    API base URL (default $OPENCX_BASE_URL, else https://api.open.cx)
  --session-url T   dashboard URL of a session, {id} replaced (or CXI_SESSION_URL);
                    used by o (open in browser) and the copy menu's link
  --refresh DUR     auto-refresh the queue every DUR (e.g. 30s; at least 10s; off by default)
  --needs-attention start the queue in needs-attention order
  --osc52 MODE      clipboard escape sequence: plain (default), tmux (DCS-wrapped,
                    needs tmux's allow-passthrough), or off
  --version         print the version
  --help            print this help

get and list take --demo and --base-url too, print data on stdout and errors
on stderr, and exit with 0 (ok), 1 (other), 2 (usage), 3 (key rejected),
4 (not found), 5 (rate limited), 6 (server or network), 7 (unreadable data),
8 (several sessions match: listed on stderr).

  cxi auth login [--with-token]   store the API key (OS keyring, or a 0600 file)
  cxi auth status | logout        which key is used and whether it works / remove it
  cxi doctor                      check the key, the API and the copy paths

Environment:
  OPENCX_API_KEY    your OpenCX API key (else the one stored by cxi auth login)
  OPENCX_BASE_URL   API base URL
  CXI_SESSION_URL   dashboard URL template, {id} replaced
  CXI_CONFIG        config file (default: your config dir's cxi/config.toml)
`)
}
