package auth

import (
	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/ui/command"
)

// synopsis is how `cxi auth` is called.
const synopsis = "cxi auth login [--with-token] | status | logout [--profile NAME]"

// Backend is what the auth commands need from cxi's settings: where the key
// is stored, and a check of a key against the API (nil skips it).
type Backend struct {
	Keys  KeySources
	Check func(key string) error
	// Profiles are every profile the config names, the one in use first,
	// for status; none or one when the config names no [profiles.NAME].
	Profiles []Profile
}

// NewCommand is `cxi auth` with login, status and logout below it. The
// settings resolver finds keys through this package, so it cannot be
// imported here: backend is it, asked once the command line is read.
//
// Nothing these commands were given is quoted back, unlike cobra's own
// messages ("unknown flag: --…"): a user may have typed the key itself.
func NewCommand(env command.Env, backend func(env command.Env, profile string) (Backend, error)) *cobra.Command {
	auth := &cobra.Command{
		Use:   "auth",
		Short: "Store the API key, say which one is used, or remove it",
		Long: `Stores your OpenCX API key in the OS keyring or, where no keyring answers, in a
file only you can read, beside cxi's config; says which key is used and
whether it works; removes it. OPENCX_API_KEY, when set, is used instead of any
stored key.

With profiles ([profiles.NAME] in config.toml), each organization's key is
stored under its name: cxi auth login --profile acme. status lists every
profile; OPENCX_API_KEY stands only for the profile in use.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(*cobra.Command, []string) error {
			return command.Usagef("usage: %s", synopsis) // not quoted: it may be the key
		},
	}
	auth.SetFlagErrorFunc(func(cmd *cobra.Command, _ error) error {
		return unquoted(cmd)
	})
	var profile string
	auth.PersistentFlags().StringVar(&profile, "profile", "", "the organization's `NAME` ([profiles.NAME] in config.toml; default $CXI_PROFILE, else the top-level settings)")
	// run asks for the backend once the command line is known good.
	run := func(do func(Backend) int) error {
		b, err := backend(env, profile)
		if err != nil {
			return command.Exit(command.Fail(env, err, "")) // the settings: the user's to fix, by their own code
		}
		return command.Exit(do(b))
	}
	var withToken bool
	login := &cobra.Command{
		Use:   "login [--with-token]",
		Short: "Store the API key (OS keyring, or a 0600 file)",
		Long: `Stores your OpenCX API key in the OS keyring or, where no keyring answers,
in a file only you can read, beside cxi's config. Without flags it asks for
the key without echoing it (stdin must be a terminal). The key is never an
argument: arguments show in ps and in shell history. OPENCX_API_KEY, when
set, is used instead of any stored key.`,
		Example: "  cxi auth login --with-token < key.txt",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			return run(func(b Backend) int { return Login(withToken, b.Keys, b.Check, env) })
		},
	}
	login.Flags().BoolVar(&withToken, "with-token", false, "read the key from stdin")
	status := &cobra.Command{
		Use:   "status",
		Short: "Which key is used and whether it works",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			return run(func(b Backend) int {
				if len(b.Profiles) > 1 {
					return StatusAll(b.Profiles, env)
				}
				return Status(b.Keys, b.Check, env)
			})
		},
	}
	logout := &cobra.Command{
		Use:   "logout",
		Short: "Remove the stored key",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			return run(func(b Backend) int { return Logout(b.Keys, env) })
		},
	}
	auth.AddCommand(login, status, logout)
	return auth
}

// noArgs refuses any argument without quoting it.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unquoted(cmd)
	}
	return nil
}

// unquoted is the usage error of an auth command given what it does not
// take, which it does not show.
func unquoted(cmd *cobra.Command) error {
	name, takes := "auth "+cmd.Name(), "no flags or arguments"
	switch cmd.Name() {
	case "auth":
		name, takes = "auth", "login, status or logout"
	case "login":
		takes = "no arguments but --with-token and --profile"
	case "status", "logout":
		takes = "no arguments but --profile"
	}
	return command.Usagef("%s takes %s (the one given is not shown: it may be the key)", name, takes)
}
