package auth

import (
	"errors"
	"flag"
	"fmt"

	"github.com/opencx-tools/cxi/ui/command"
)

// synopsis is how `cxi auth` is called.
const synopsis = "cxi auth login [--with-token] | status | logout"

// Backend is what the auth commands need from cxi's settings: where the key
// is stored, and a check of a key against the API (nil skips it).
type Backend struct {
	Store Store
	Check func(key string) error
}

// Run runs `cxi auth login|status|logout` and returns its exit code. The
// settings resolver finds keys through this package, so it cannot be
// imported here: backend is it, asked once the command line is read.
func Run(args []string, env command.Env, backend func(command.Env) (Backend, error)) int {
	sub, rest := "", []string(nil)
	if len(args) > 0 {
		sub, rest = args[0], args[1:]
	}
	switch sub {
	case "login":
		// Login reads its own flags: their errors must not quote an
		// argument, which may be the key.
	case "status", "logout":
		if code, ok := noArgs("auth "+sub, rest, env); !ok {
			return code
		}
	case "-h", "-help", "--help":
		return command.Help(env, "Usage: "+synopsis+"\n")
	default:
		fmt.Fprintln(env.Stderr, "cxi: usage: "+synopsis)
		return command.ExitUsage
	}
	b, err := backend(env)
	if err != nil {
		return command.Fail(env, err, "") // the settings: the user's to fix, by their own code
	}
	switch sub {
	case "login":
		return Login(rest, b.Store, b.Check, env)
	case "status":
		return Status(b.Store, b.Check, env)
	}
	return Logout(b.Store, env)
}

// noArgs parses the flag set of a subcommand that takes no flags and no
// arguments; when it may not run, it says why and returns the exit code.
func noArgs(name string, args []string, env command.Env) (int, bool) {
	usage := "Usage: cxi " + name + "\n"
	rest, err := command.Parse(command.NewFlagSet(name), args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, usage), false
	case err != nil || len(rest) > 0:
		// Not quoted, as in login: what was typed may be the key.
		fmt.Fprintf(env.Stderr, "cxi: %s takes no flags or arguments (the one given is not shown: it may be the key)\n", name)
		fmt.Fprint(env.Stderr, usage)
		return command.ExitUsage, false
	}
	return command.ExitOK, true
}
