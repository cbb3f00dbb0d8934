package doctor

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// long is the help of `cxi doctor` above its flags.
const long = `Checks what cxi needs here: the API key, the API, the terminal's colours and
the ways a copy reaches your clipboard. Each line is ✔, ! (a warning: worth
the fix, not a failure) or ✘ with the fix. Exit 0 when nothing failed.
With --demo it checks against the built-in demo server, as cxi --demo uses it:
no key needed; the terminal and copy checks are real.
With profiles ([profiles.NAME] in config.toml) it checks each one's key and
API, the one in use first, and names those that failed.
It asks whether the key has the analytics scopes (handoff-analytics:read,
sla-analytics:read; 2 requests): a missing one is a warning naming it.`

// NewCommand is `cxi doctor`.
func NewCommand(env command.Env) *cobra.Command {
	var f settings.Flags
	cmd := &cobra.Command{
		Use:   "doctor [--demo] [--base-url URL]",
		Short: "Check the key, the API and the copy paths",
		Long:  long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return command.Exit(Main(f, env))
		},
	}
	f.AddShared(cmd.Flags())
	return cmd
}

// Main runs `cxi doctor` with the settings f leads to, on this machine's
// key, API, terminal and copy paths, and returns its exit code.
func Main(f settings.Flags, env command.Env) int {
	s, err := settings.Resolve(f, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	in := Inputs{
		BaseURL:      s.BaseURL,
		ReadOnlyBy:   s.ReadOnlyBy,
		ColorProfile: lipgloss.DefaultRenderer().ColorProfile().Name(),
		LookPath:     exec.LookPath,
		GOOS:         runtime.GOOS,
		Getenv:       env.Getenv,
		TmuxOption:   clipboard.TmuxShowOption,
		Watch:        s.File.Watch,
	}
	var client *api.Client
	if s.Demo {
		// The demo server, started as for `cxi --demo`: a user trying
		// the demo learns whether copies work here, without a key.
		c, stop, err := s.Client("")
		if err != nil {
			return command.Fail(env, err, "")
		}
		defer stop()
		client, in.Demo, in.BaseURL = c, true, c.BaseURL()
	} else {
		c, err := apiInputs(s, &in)
		if err != nil {
			return command.Fail(env, err, "")
		}
		client = c
		if in, err = otherProfiles(s, in, env); err != nil {
			return command.Fail(env, err, "")
		}
	}
	base := in.BaseURL
	in.Check = func(ctx context.Context) error { return auth.Verify(ctx, client) }
	in.Reach = func(ctx context.Context) error { return Reachable(ctx, nil, base) }
	in.Budget = client.Budget
	in.Scopes = func(ctx context.Context) []api.ScopeCheck { return client.CheckScopes(ctx, env.Now()) }
	return Run(context.Background(), in, env)
}

// apiInputs fills in's key and base URL from s, and makes the client the
// checks ask with.
func apiInputs(s settings.Settings, in *Inputs) (*api.Client, error) {
	key, src, keyErr := s.Keys.Key()
	c, err := api.New(s.BaseURL, key, api.WithUserAgent(s.UserAgent))
	if err != nil {
		return nil, &command.SetupError{Err: err} // the base URL
	}
	in.BaseURL = s.BaseURL
	in.KeySource, in.KeyErr, in.HasKey, in.KeyWhere = src, keyErr, key != "", s.Keys.Where(src)
	return c, nil
}

// otherProfiles adds to in, when the config names profiles, the name of
// the profile in use and the key and API inputs of every other one.
func otherProfiles(s settings.Settings, in Inputs, env command.Env) (Inputs, error) {
	if len(s.Profiles) < 2 {
		return in, nil
	}
	each, err := s.Each(env)
	if err != nil {
		return in, err
	}
	in.Profile, in.InUse = s.Profile, true
	for _, o := range each[1:] {
		other := Inputs{Profile: o.Profile, ReadOnlyBy: o.ReadOnlyBy}
		c, err := apiInputs(o, &other)
		if err != nil {
			return in, fmt.Errorf("profile %s: %w", o.Profile, err)
		}
		base := other.BaseURL
		other.Check = func(ctx context.Context) error { return auth.Verify(ctx, c) }
		other.Reach = func(ctx context.Context) error { return Reachable(ctx, nil, base) }
		other.Scopes = func(ctx context.Context) []api.ScopeCheck { return c.CheckScopes(ctx, env.Now()) }
		in.Others = append(in.Others, other)
	}
	return in, nil
}
