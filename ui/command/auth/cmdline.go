package auth

import (
	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/ui/command"
)

// synopsis is how `cxi auth` is called.
const synopsis = "cxi auth login [--with-token] | status | logout"

// Backend is what the auth commands need from cxi's settings: where the key
// is stored, and a check of a key against the API (nil skips it).
type Backend struct {
	Keys  KeySources
	Check func(key string) error
}

// NewCommand is `cxi auth` with login, status and logout below it. The
// settings resolver finds keys through this package, so it cannot be
// imported here: backend is it, asked once the command line is read.
//
// Nothing these commands were given is quoted back, unlike cobra's own
// messages ("unknown flag: --…"): a user may have typed the key itself.
func NewCommand(env command.Env, backend func(command.Env) (Backend, error)) *cobra.Command {
	auth := &cobra.Command{
		Use:   "auth",
		Short: "Store the API key, say which one is used, or remove it",
		Long: `Stores your OpenCX API key in the OS keyring or, where no keyring answers, in a
file only you can read, beside cxi's config; says which key is used and
whether it works; removes it. OPENCX_API_KEY, when set, is used instead of any
stored key.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(*cobra.Command, []string) error {
			return command.Usagef("usage: %s", synopsis) // not quoted: it may be the key
		},
	}
	auth.SetFlagErrorFunc(func(cmd *cobra.Command, _ error) error {
		return unquoted(cmd)
	})
	// run asks for the backend once the command line is known good.
	run := func(do func(Backend) int) error {
		b, err := backend(env)
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
			return run(func(b Backend) int { return Status(b.Keys, b.Check, env) })
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
		takes = "no arguments but --with-token"
	}
	return command.Usagef("%s takes %s (the one given is not shown: it may be the key)", name, takes)
}
