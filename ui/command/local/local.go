// Package local holds the commands over the local store: `cxi store`
// (where it is, what it holds, clear) and `cxi handover` (what was
// reviewed or noted, for the next shift). They read the store and never
// the API, so they work offline; like every command they take --demo,
// --base-url and --no-store, which name the organization whose store is
// meant.
package local

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// opened is the store a command's flags name, opened only if it is there:
// looking must not make one. st is nil when there is none (or it is off).
type opened struct {
	settings settings.Settings
	path     string // the store's file, there or not
	st       *store.Store
}

// resolve resolves the settings f names; what stops it is the user's to fix.
func resolve(f settings.Flags, env command.Env) (settings.Settings, error) {
	s, err := settings.Resolve(f, env)
	if err != nil {
		return s, cannotStart{err}
	}
	return s, nil
}

// open finds the key that names the organization of s and opens its store
// if it exists.
func open(s settings.Settings, env command.Env) (*opened, error) {
	key, err := s.Key()
	if err != nil {
		return nil, cannotStart{err}
	}
	st, path, err := s.OpenExisting(key, env)
	if err != nil {
		return nil, err
	}
	return &opened{settings: s, path: path, st: st}, nil
}

// close closes the store, if one was opened.
func (o *opened) close() {
	if o != nil {
		o.st.Close()
	}
}

// cannotStart is what the user must fix before a command can start (the
// config file, the key): exit 2, as for the other commands, without the
// usage text, which would not help.
type cannotStart struct{ error }

func (cannotStart) ExitCode() int { return command.ExitUsage }

// fail says err on stderr, as one line (and the usage after a mistake on
// the command line), and returns its exit code.
func fail(env command.Env, err error, usage string) int {
	switch {
	case err == nil:
		return command.ExitOK
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, usage)
	}
	fmt.Fprintln(env.Stderr, "cxi: "+strings.TrimSpace(err.Error()))
	var mistake *command.UsageError
	if errors.As(err, &mistake) {
		fmt.Fprint(env.Stderr, usage)
	}
	return command.ExitCode(err)
}
