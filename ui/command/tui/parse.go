// Package tui starts cxi's terminal UI from the command line: it takes the
// TUI's flags, resolves the settings behind them and fills ui.Options.
package tui

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/api"
	copier "github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// Config is what the TUI's command line asks for, with the settings behind
// it.
type Config struct {
	settings.Settings
	Query string      // SESSION: open straight on it; "" opens on the queue
	OSC52 copier.Mode // --osc52

	key string // the API key, looked up once; "" for --demo
}

// Flags are the TUI's flags: the settings every command takes, those only
// the TUI uses, and --osc52.
type Flags struct {
	settings.Flags
	OSC52 string
}

// Register registers the TUI's flags on fs: the root command's, since
// `cxi [flags] [SESSION]` is the TUI.
func (f *Flags) Register(fs *pflag.FlagSet) {
	f.AddShared(fs)
	f.AddTUI(fs)
	fs.StringVar(&f.OSC52, "osc52", "plain", "the clipboard escape sequence's `MODE`: plain, tmux (DCS-wrapped, needs tmux's allow-passthrough) or off (cxi help copy)")
}

// Build checks the TUI's optional SESSION and its flags' values, and
// resolves the settings with them. What would stop the TUI later (a
// SESSION without an ID, no key, a bad base URL) is an error here, before
// anything starts, and exits 2 by its own code (a keyring that does not
// answer exits 1).
func Build(f Flags, positional []string, env command.Env) (Config, error) {
	var cfg Config
	var err error
	switch {
	case len(positional) > 1:
		return cfg, command.Usagef("expected at most one SESSION argument, got %d (see cxi --help)", len(positional))
	case len(positional) == 1:
		if _, err := api.ParseSessionID(positional[0]); err != nil {
			return cfg, err
		}
		cfg.Query = positional[0]
	}
	if cfg.OSC52, err = copier.ParseMode(f.OSC52); err != nil {
		return cfg, command.Usagef("%v", err)
	}
	if f.Refresh != 0 && f.Refresh < config.MinAutoRefresh {
		return cfg, command.Usagef("--refresh %s is too often: the API allows 100 requests a minute; use %s or more", f.Refresh, config.MinAutoRefresh)
	}
	if cfg.Settings, err = settings.Resolve(f.Flags, env); err != nil {
		return cfg, err
	}
	// The file's session_url is checked as it is read; a flag's or the
	// environment's only here, as only the TUI uses it.
	if cfg.SessionURL != "" && !strings.Contains(cfg.SessionURL, "{id}") {
		return cfg, command.Usagef("--session-url %q has no {id} placeholder for the session ID", cfg.SessionURL)
	}
	cfg.key, err = cfg.Key()
	return cfg, err
}
