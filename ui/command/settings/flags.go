// Package settings decides what cxi runs with. A flag beats the environment,
// which beats the config file, which beats the default: Resolve weighs them,
// once, for the TUI and for every command.
package settings

import (
	"flag"
	"time"

	"github.com/opencx-tools/cxi/ui/command"
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
}

// NewFlagSet is the flag set of the command called name, with --demo,
// --base-url, --no-store and --read-only registered on it, which the TUI
// and the commands that talk to the API or the store all take: each of
// them may read or write the local store, so each can be told not to, and
// a script can pass --read-only to every command alike.
func NewFlagSet(name string) (*flag.FlagSet, *Flags) {
	fs, f := command.NewFlagSet(name), new(Flags)
	f.addShared(fs)
	return fs, f
}

func (f *Flags) addShared(fs *flag.FlagSet) {
	fs.BoolVar(&f.Demo, "demo", false, "")
	fs.StringVar(&f.BaseURL, "base-url", "", "")
	fs.BoolVar(&f.NoStore, "no-store", false, "")
	fs.BoolVar(&f.ReadOnly, "read-only", false, "")
}

// AddTUI registers the settings only the TUI uses: --session-url, --refresh
// and --needs-attention.
func (f *Flags) AddTUI(fs *flag.FlagSet) {
	fs.StringVar(&f.SessionURL, "session-url", "", "")
	fs.DurationVar(&f.Refresh, "refresh", 0, "")
	fs.BoolVar(&f.NeedsAttention, "needs-attention", false, "")
}
