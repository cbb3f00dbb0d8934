package doctor

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/charmbracelet/lipgloss"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// synopsis is how `cxi doctor` is called.
const synopsis = "cxi doctor [--base-url URL] [--demo]"

// usage is the help of `cxi doctor`.
const usage = "Usage: " + synopsis + `

Checks what cxi needs here: the API key, the API, the terminal's colours and
the ways a copy reaches your clipboard. Each line is ✔, ! (a warning: worth
the fix, not a failure) or ✘ with the fix. Exit 0 when nothing failed.
  --base-url URL  check this API instead of OPENCX_BASE_URL or the config's
  --demo          check against the built-in demo server, as cxi --demo uses
                  it: no key needed; the terminal and copy checks are real
`

// Main runs `cxi doctor` with the arguments after "doctor", on this
// machine's key, API, terminal and copy paths, and returns its exit code.
func Main(args []string, env command.Env) int {
	fs, f := settings.NewFlagSet("doctor")
	rest, err := command.Parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, usage)
	case err != nil || len(rest) > 0:
		fmt.Fprintln(env.Stderr, "cxi: usage: "+synopsis)
		return command.ExitUsage
	}
	s, err := settings.Resolve(*f, env)
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
