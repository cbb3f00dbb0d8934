package doctor

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// synopsis is how `cxi doctor` is called.
const synopsis = "cxi doctor [--base-url URL]"

// Main runs `cxi doctor` with the arguments after "doctor", on this
// machine's key, API, terminal and copy paths, and returns its exit code.
func Main(args []string, env command.Env) int {
	var f settings.Flags
	fs := command.NewFlagSet("doctor")
	// --demo is taken, as by every command that talks to the API, and
	// changes nothing: doctor checks the real key and API.
	f.AddShared(fs)
	rest, err := command.Parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, "Usage: "+synopsis+"\n")
	case err != nil || len(rest) > 0:
		fmt.Fprintln(env.Stderr, "cxi: usage: "+synopsis)
		return command.ExitUsage
	}
	s, err := settings.Resolve(f, env)
	if err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
		return command.ExitUsage
	}
	key, src, keyErr := s.Keys.Key()
	client, err := api.New(s.BaseURL, key, api.WithUserAgent(s.UserAgent))
	if err != nil {
		fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
		return command.ExitUsage
	}
	in := Inputs{
		KeySource: src, KeyErr: keyErr, HasKey: key != "", KeyWhere: s.Keys.Where(src),
		BaseURL:      s.BaseURL,
		Check:        func(ctx context.Context) error { return auth.Verify(ctx, client) },
		Reach:        func(ctx context.Context) error { return Reachable(ctx, nil, s.BaseURL) },
		Budget:       client.Budget,
		ColorProfile: profileName(lipgloss.DefaultRenderer().ColorProfile()),
		LookPath:     exec.LookPath,
		GOOS:         runtime.GOOS,
		Getenv:       env.Getenv,
		TmuxOption:   TmuxShowOption,
	}
	return Run(context.Background(), in, env)
}

// profileName names the colour profile the renderer found.
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
