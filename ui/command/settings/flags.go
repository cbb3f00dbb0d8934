// Package settings decides what cxi runs with. A flag beats the environment,
// which beats the config file, which beats the default: Resolve weighs them,
// once, for the TUI and for every command.
package settings

import (
	"time"

	"github.com/spf13/pflag"
)

// Flags are what a command line may say about the settings. Each command
// registers those it takes on its own flag set.
type Flags struct {
	Demo           bool          // --demo: the fake server on loopback, no key
	BaseURL        string        // --base-url
	SessionURL     string        // --session-url
	Refresh        time.Duration // --refresh
	NeedsAttention bool          // --needs-attention
	NoStore        bool          // --no-store: keep nothing on disk this run
	ReadOnly       bool          // --read-only: send no write (close, reopen, redact)
	Profile        string        // --profile: the organization, a [profiles.NAME] of config.toml
}

// AddShared registers --demo, --base-url, --no-store, --read-only and --profile on
// fs, which the TUI and the commands that talk to the API or the store all
// take: each of them may read or write the local store, so each can be told
// not to, and a script can pass --read-only to every command alike. They
// are registered here only, so that they read alike in every help.
func (f *Flags) AddShared(fs *pflag.FlagSet) {
	fs.BoolVar(&f.Demo, "demo", false, "run on built-in demo data (no API key, no network)")
	fs.StringVar(&f.BaseURL, "base-url", "", "API base `URL` (default $"+EnvBaseURL+", else base_url in config.toml, else https://api.open.cx)")
	fs.BoolVar(&f.NoStore, "no-store", false, "keep nothing on disk this run (see cxi help store)")
	fs.BoolVar(&f.ReadOnly, "read-only", false, "send no write: close, reopen and redact refuse (also "+EnvReadOnly+"=1)")
	fs.StringVar(&f.Profile, "profile", "", "the organization's `NAME`, a [profiles.NAME] of config.toml (default $"+EnvProfile+", else the top-level settings)")
}

// AddTUI registers the settings only the TUI uses: --session-url, --refresh
// and --needs-attention.
func (f *Flags) AddTUI(fs *pflag.FlagSet) {
	fs.StringVar(&f.SessionURL, "session-url", "", "dashboard `URL` of a session, {id} replaced (or "+EnvSessionURL+"); used by o and the copy menu's link")
	fs.DurationVar(&f.Refresh, "refresh", 0, "auto-refresh the queue every `DUR` (e.g. 30s; at least 10s; off by default)")
	fs.BoolVar(&f.NeedsAttention, "needs-attention", false, "start the queue in needs-attention order")
}
