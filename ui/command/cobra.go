package command

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// ExitStatus ends a command whose reason was already said on stderr (or
// that had nothing to say): cobra's RunE returns an error, cxi's commands
// an exit code, and this carries the one through the other.
type ExitStatus struct{ Code int }

func (e *ExitStatus) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// ExitCode is the code the command ended with.
func (e *ExitStatus) ExitCode() int { return e.Code }

// Exit is nil for ExitOK, else an *ExitStatus with code: what a RunE
// returns once the command has said what it had to.
func Exit(code int) error {
	if code == ExitOK {
		return nil
	}
	return &ExitStatus{Code: code}
}

// Setup makes cmd speak with cxi's one voice: help and completion scripts
// on env's stdout, no error or usage printed by cobra itself (Execute says
// them, once, as "cxi: …"). Settings made on a command hold for the
// commands below it.
func Setup(cmd *cobra.Command, env Env) *cobra.Command {
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetOut(env.Stdout)
	cmd.SetErr(env.Stderr)
	cmd.SetIn(env.Stdin)
	return cmd
}

// Execute runs cmd with args and returns the exit code. An error cxi's
// code returned is said as Fail says it; one of cobra's (an unknown flag,
// a bad flag value, an argument a command does not take) is a usage
// error, said with the usage of the command it was meant for.
func Execute(ctx context.Context, cmd *cobra.Command, args []string, env Env) int {
	Setup(cmd, env)
	cmd.SetArgs(args)
	ran, err := cmd.ExecuteContextC(ctx)
	var done *ExitStatus
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &done):
		return done.Code
	}
	if !coded(err) {
		// cobra's own (an unknown flag, a bad value, an argument too
		// many): the command line is wrong. A command that must not quote
		// what it was given says so with SetFlagErrorFunc.
		err = &UsageError{Msg: err.Error()}
	}
	usage := ""
	if ran != nil && ExitCode(err) == ExitUsage && !isSetup(err) && !isBrief(err) {
		usage = ran.UsageString()
	}
	return Fail(env, err, strings.TrimLeft(usage, "\n"))
}

// coded reports whether err carries an exit code of its own.
func coded(err error) bool {
	var c interface{ ExitCode() int }
	return errors.As(err, &c) || ExitCode(err) != ExitError
}

// isBrief reports whether err is a usage error said without the usage.
func isBrief(err error) bool {
	var u *UsageError
	return errors.As(err, &u) && u.Brief
}

// isSetup reports whether err is for the user to fix outside the command
// line, where usage would not help.
func isSetup(err error) bool {
	var s *SetupError
	return errors.As(err, &s)
}
