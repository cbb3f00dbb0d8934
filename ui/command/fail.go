package command

import (
	"fmt"
	"strings"
)

// SetupError is something the user must fix before a command can start
// that is no mistake on the command line: the config file, the key, the
// base URL, a terminal. It exits ExitUsage, as such a mistake does, but
// callers pass no usage text for it, which would not help.
type SetupError struct{ Err error }

func (e *SetupError) Error() string { return e.Err.Error() }

// Unwrap is the error that stopped the command.
func (e *SetupError) Unwrap() error { return e.Err }

// ExitCode is ExitUsage.
func (e *SetupError) ExitCode() int { return ExitUsage }

// Fail says err on stderr as one line, "cxi: …", followed by usage when
// err is a usage error (exit code 2), and returns err's exit code. Callers
// pass usage only for errors of the command line; the code is always the
// error's own, so that every command exits alike for the same cause.
func Fail(env Env, err error, usage string) int {
	fmt.Fprintln(env.Stderr, "cxi: "+strings.TrimSpace(err.Error()))
	code := ExitCode(err)
	if code == ExitUsage && usage != "" {
		fmt.Fprint(env.Stderr, usage)
	}
	return code
}
