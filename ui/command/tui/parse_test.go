package tui

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/keys"
)

// env is a hermetic environment: vars and nothing else, and no config
// folder (so no config file and no stored key, unless vars names
// CXI_CONFIG), so a developer's own files never change a test.
func env(vars map[string]string) command.Env {
	getenv := func(k string) string { return vars[k] }
	return command.Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: getenv, Now: time.Now, Width: 80, Version: "test"}
}

// parse reads args as the root command does, with the TUI's flags, and
// builds the TUI's config from them.
func parse(args []string, e command.Env) (Config, error) {
	f := Flags{}
	fs := pflag.NewFlagSet("cxi", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f.Register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return Config{}, err
		}
		return Config{}, command.Usagef("%v", err)
	}
	return Build(f, fs.Args(), e)
}

func TestBlankKeyIsMissing(t *testing.T) {
	_, err := parse(nil, env(map[string]string{"OPENCX_API_KEY": "  "}))
	if err == nil || !strings.Contains(err.Error(), "no API key: export OPENCX_API_KEY") {
		t.Errorf("err = %v", err)
	}
}

func TestParseArgs(t *testing.T) {
	const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	withKey := env(map[string]string{"OPENCX_API_KEY": "a-test-key", "OPENCX_BASE_URL": "https://env.example"})
	tests := []struct {
		name    string
		args    []string
		env     command.Env
		check   func(Config) bool
		wantErr string
	}{
		{"env base URL", nil, withKey, func(c Config) bool { return c.BaseURL == "https://env.example" && c.key == "a-test-key" }, ""},
		{"flag beats env", []string{"--base-url", "https://flag.example"}, withKey, func(c Config) bool { return c.BaseURL == "https://flag.example" }, ""},
		{"default base URL", nil, env(map[string]string{"OPENCX_API_KEY": "a-test-key"}), func(c Config) bool { return c.BaseURL == "https://api.open.cx" }, ""},
		{"demo needs no key", []string{"--demo"}, env(nil), func(c Config) bool { return c.Demo }, ""},
		{"session then flag", []string{"https://app.open.cx/s/" + id, "--demo"}, env(nil), func(c Config) bool { return c.Demo && strings.Contains(c.Query, id) }, ""},
		{"bad session", []string{"--demo", "not-an-id"}, env(nil), nil, "not a session ID"},
		{"two sessions", []string{"--demo", id, id}, env(nil), nil, "at most one SESSION"},
		{"unknown flag", []string{"--frobnicate"}, withKey, nil, "unknown flag: --frobnicate"},
		{"bad base URL", []string{"--base-url", "ftp://x"}, withKey, nil, "must start with https://"},
		{"credentials in base URL", []string{"--base-url", "https://user:secret@x.example"}, withKey, nil, "must not carry credentials"},
		{"bad osc52 mode", []string{"--demo", "--osc52", "dcs"}, env(nil), nil, "unknown OSC 52 mode"},
		{"no store", []string{"--demo", "--no-store"}, env(nil), func(c Config) bool { return c.Store.Off && c.Store.OffBy == "--no-store" }, ""},
		{"store on by default", []string{"--demo"}, env(nil), func(c Config) bool { return !c.Store.Off }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parse(tt.args, tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "secret") {
					t.Errorf("the error shows a credential: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(cfg) {
				t.Errorf("config = %+v", cfg)
			}
		})
	}
}

func TestParseChecksWhatOnlyTheTUIUses(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		vars    map[string]string
		wantErr string
	}{
		{"refresh too often", []string{"--demo", "--refresh", "5s"}, nil, "--refresh 5s is too often"},
		{"session URL without {id}", []string{"--demo", "--session-url", "https://dash.example/s"}, nil, "no {id} placeholder"},
		{"environment's session URL without {id}", []string{"--demo"}, map[string]string{"CXI_SESSION_URL": "https://dash.example/s"}, "no {id} placeholder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parse(tt.args, env(tt.vars)); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
	cfg, err := parse([]string{"--demo", "--refresh", "30s", "--needs-attention"}, env(nil))
	if err != nil || cfg.Refresh != 30*time.Second || !cfg.NeedsAttention {
		t.Errorf("cfg = %+v, err %v", cfg, err)
	}
}

func TestParseHelp(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		if _, err := parse([]string{"--demo", arg}, env(nil)); !errors.Is(err, pflag.ErrHelp) {
			t.Errorf("%s: err = %v, want pflag.ErrHelp", arg, err)
		}
	}
}

func TestOptions(t *testing.T) {
	cfg, err := parse([]string{"--demo", "--osc52", "tmux"}, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	e := env(map[string]string{"SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 22"})
	opts, stop, err := Options(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Label != "demo" || len(opts.Suggestions) == 0 || opts.Client == nil {
		t.Errorf("demo options: label %q, %d suggestions, client %v", opts.Label, len(opts.Suggestions), opts.Client)
	}
	// Over SSH the link is copied, not opened; stderr is no terminal here,
	// so no OSC 52 goes to it.
	if opts.OpenURL != nil || opts.Copier.Terminal != nil || opts.Copier.Mode != cfg.OSC52 {
		t.Errorf("over SSH with stderr redirected: OpenURL set %v, terminal %v, mode %v", opts.OpenURL != nil, opts.Copier.Terminal, opts.Copier.Mode)
	}
	e.Getenv = env(nil).Getenv
	e.StderrTTY = true
	opts, stop2, err := Options(cfg, keys.Default(), e)
	defer stop2()
	if err != nil || opts.OpenURL == nil || opts.Copier.Terminal != e.Stderr {
		t.Errorf("locally, stderr a terminal: OpenURL set %v, terminal %v, err %v", opts.OpenURL != nil, opts.Copier.Terminal, err)
	}
}

// TestOptionsOverSSHByAnyVariable: SSH_CLIENT alone makes an SSH session
// for the TUI too, as for cxi doctor: the link is copied rather than
// opened, and the native clipboard is not trusted.
func TestOptionsOverSSHByAnyVariable(t *testing.T) {
	cfg, err := parse([]string{"--demo", "--no-store"}, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	opts, stop, err := Options(cfg, keys.Default(), env(map[string]string{"SSH_CLIENT": "10.0.0.1 52000 22"}))
	defer stop()
	if err != nil || opts.OpenURL != nil || !opts.Copier.SSH {
		t.Errorf("SSH_CLIENT only: OpenURL set %v, copier SSH %v, err %v", opts.OpenURL != nil, opts.Copier.SSH, err)
	}
}

// TestParseErrorsExitAsUsage: every mistake Parse finds carries exit code
// 2 itself, so main reports the error's own code.
func TestParseErrorsExitAsUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		vars map[string]string
	}{
		{[]string{"--frobnicate"}, nil},
		{[]string{"--demo", "not-an-id"}, nil},
		{[]string{"--demo", "3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"}, nil},
		{[]string{"--demo", "--osc52", "dcs"}, nil},
		{[]string{"--demo", "--refresh", "5s"}, nil},
		{[]string{"--demo", "--session-url", "https://dash.example/s"}, nil},
		{nil, nil}, // no key
		{nil, map[string]string{"OPENCX_API_KEY": "a-test-key", "OPENCX_BASE_URL": "ftp://x"}},
	} {
		if _, err := parse(tt.args, env(tt.vars)); err == nil || command.ExitCode(err) != command.ExitUsage {
			t.Errorf("%q %v: %v, exit %d; want 2", tt.args, tt.vars, err, command.ExitCode(err))
		}
	}
}
