// Package root is cxi's command line: the root command, which opens the
// TUI (`cxi [flags] [SESSION]`), and every command below it (get, list,
// close, …), with help, help topics, version and shell completion, on
// cobra. The commands themselves live in the packages beside this one;
// this package only puts them together.
package root

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/doctor"
	"github.com/opencx-tools/cxi/ui/command/lint"
	"github.com/opencx-tools/cxi/ui/command/local"
	"github.com/opencx-tools/cxi/ui/command/pulse"
	"github.com/opencx-tools/cxi/ui/command/read"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/command/tui"
	"github.com/opencx-tools/cxi/ui/command/watch"
	"github.com/opencx-tools/cxi/ui/command/write"
)

// StartTUI runs the TUI with cfg and returns the exit code. main makes it,
// since the key map (keymap.go) is main's.
type StartTUI func(cfg tui.Config, env command.Env) int

// long is the help of cxi above its commands and flags.
const long = `cxi — inspect OpenCX chat sessions in the terminal.

Without SESSION, cxi opens on the queue of sessions. SESSION is a session ID,
or any text containing one (a dashboard URL, a log line); cxi opens straight
on it, and esc goes back to the queue. To find a session by #1234, a helpdesk
ID, an email, a phone number or a name, use cxi get.

A single word that is no command and holds no session ID is refused; within
two letters of a command it is taken for a typo of it (cxi clsoe: did you
mean close?).

Environment:
  OPENCX_API_KEY    your OpenCX API key (else the one stored by cxi auth login)
  OPENCX_BASE_URL   API base URL
  CXI_SESSION_URL   dashboard URL template, {id} replaced
  CXI_CONFIG        config file, which must exist (default: your config dir's
                    cxi/config.toml, which may be missing; cxi help config)
  CXI_READ_ONLY     1: send no write, as --read-only
  CXI_PROFILE       the organization, a [profiles.NAME] of config.toml, as
                    --profile (OPENCX_API_KEY and OPENCX_BASE_URL are its)
  CXI_STATE_DIR     the local store's folder (cxi help store)`

// Execute runs cxi with args (the process's, without the program name) in
// env and returns the exit code.
func Execute(ctx context.Context, args []string, env command.Env, start StartTUI) int {
	return command.Execute(ctx, New(env, start), args, env)
}

// New is the root command with every command and help topic below it.
func New(env command.Env, start StartTUI) *cobra.Command {
	var f tui.Flags
	root := &cobra.Command{
		Use:     "cxi [flags] [SESSION]",
		Short:   "Inspect OpenCX chat sessions in the terminal",
		Long:    long,
		Version: env.Version,
		// SESSION, or nothing: checked by notACommand and tui.Build, in
		// cxi's words, so that a typo of a command is told from an ID.
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		ValidArgsFunction:          completeSessions(env, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := notACommand(cmd, args); err != nil {
				return err
			}
			return command.Exit(runTUI(f, args, env, start))
		},
	}
	root.SetVersionTemplate("cxi {{.Version}}\n")
	// Flag help wrapped at 80 columns, as every other help text is, for
	// the root and every command below it.
	root.SetUsageTemplate(strings.ReplaceAll(root.UsageTemplate(), ".FlagUsages", ".FlagUsagesWrapped 80"))
	f.Register(root.Flags())
	root.AddGroup(&cobra.Group{ID: groupRead, Title: "Reading:"}, &cobra.Group{ID: groupWrite, Title: "Writing:"},
		&cobra.Group{ID: groupSetup, Title: "Setting up:"})
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	get, closeCmd, reopen, redact := read.NewGetCommand(env), write.NewCloseCommand(env), write.NewReopenCommand(env), write.NewRedactCommand(env)
	get.ValidArgsFunction = completeSessions(env, 1)
	redact.ValidArgsFunction = completeSessions(env, 1)
	closeCmd.ValidArgsFunction = completeSessions(env, 0)
	reopen.ValidArgsFunction = completeSessions(env, 0)
	add(groupRead, get, read.NewListCommand(env), local.NewHandoverCommand(env), write.NewLogCommand(env), pulse.NewCommand(env), watch.NewCommand(env))
	add(groupRead, lint.NewCommand(env))
	add(groupWrite, closeCmd, reopen, redact)
	st := local.NewStoreCommand(env)
	st.Long = storeTopic + st.Long
	add(groupSetup, auth.NewCommand(env, settings.Auth), doctor.NewCommand(env), st, newVersion(env))
	root.SetHelpCommandGroupID(groupSetup)
	root.SetCompletionCommandGroupID(groupSetup)
	root.AddCommand(topics()...)
	return root
}

// The groups the help lists the commands in.
const (
	groupRead  = "read"
	groupWrite = "write"
	groupSetup = "setup"
)

// runTUI starts the TUI. Whatever the user must fix first (the SESSION,
// config, key, terminal) exits 2 before the screen changes; any other
// failure exits with its error's code, as the commands do.
func runTUI(f tui.Flags, args []string, env command.Env, start StartTUI) int {
	cfg, err := tui.Build(f, args, env)
	var idErr *api.IDError
	switch {
	case errors.As(err, &idErr):
		return command.Fail(env, fmt.Errorf("%w (cxi opens on an ID; cxi get finds a session by #ticket, email, phone or name)", err), "")
	case err != nil:
		return command.Fail(env, err, "")
	case !env.StdoutTTY || !env.StdinTTY:
		return command.Fail(env, &command.SetupError{Err: errors.New("needs an interactive terminal (stdin and stdout must be a TTY)")}, "")
	}
	return start(cfg, env)
}

// newVersion is `cxi version`, as --version.
func newVersion(env command.Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print cxi's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			cmd.Println("cxi " + env.Version)
		},
	}
}
