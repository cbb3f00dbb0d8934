package doctor

import (
	"context"
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
no key needed; the terminal and copy checks are real.`

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
		key, src, keyErr := s.Keys.Key()
		c, err := api.New(s.BaseURL, key, api.WithUserAgent(s.UserAgent))
		if err != nil {
			return command.Fail(env, &command.SetupError{Err: err}, "") // the base URL
		}
		client = c
		in.KeySource, in.KeyErr, in.HasKey, in.KeyWhere = src, keyErr, key != "", s.Keys.Where(src)
	}
	base := in.BaseURL
	in.Check = func(ctx context.Context) error { return auth.Verify(ctx, client) }
	in.Reach = func(ctx context.Context) error { return Reachable(ctx, nil, base) }
	in.Budget = client.Budget
	return Run(context.Background(), in, env)
}
