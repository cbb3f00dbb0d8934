// Command cxi is a terminal inspector for OpenCX chat sessions. This file
// is wiring only: the process's environment in, a command or the TUI run
// with it, errors mapped to exit codes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/act"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/cli"
	"github.com/opencx-tools/cxi/ui/command/doctor"
	"github.com/opencx-tools/cxi/ui/command/local"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/command/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func main() {
	os.Exit(run(os.Args[1:], command.Env{
		Stdin:         os.Stdin,
		Stdout:        os.Stdout,
		Stderr:        os.Stderr,
		StdinTTY:      term.IsTerminal(os.Stdin.Fd()),
		StdoutTTY:     term.IsTerminal(os.Stdout.Fd()),
		StderrTTY:     term.IsTerminal(os.Stderr.Fd()),
		Getenv:        os.Getenv,
		UserConfigDir: os.UserConfigDir,
		Now:           time.Now,
		Width:         80, // text output wraps the same on a terminal and in a pipe
		Version:       buildVersion(),
	}))
}

// run dispatches to a command, or else to the TUI, and returns the exit
// code.
func run(args []string, env command.Env) int {
	if len(args) > 0 {
		switch args[0] {
		case "get":
			return cli.Get(args[1:], env)
		case "list":
			return cli.List(args[1:], env)
		case "auth":
			return auth.Run(args[1:], env, settings.Auth)
		case "doctor":
			return doctor.Main(args[1:], env)
		case "store":
			return local.Store(args[1:], env)
		case "handover":
			return local.Handover(args[1:], env)
		case "close":
			return act.Close(args[1:], env)
		case "reopen":
			return act.Reopen(args[1:], env)
		case "redact":
			return act.Redact(args[1:], env)
		case "log":
			return act.Log(args[1:], env)
		}
	}
	return runTUI(args, env)
}

// runTUI starts the TUI. Whatever the user must fix first (flags, config,
// key, terminal) exits 2 before the screen changes; any other failure exits
// with its error's code, as the commands do.
func runTUI(args []string, env command.Env) int {
	cfg, err := tui.Parse(args, env)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, tui.Usage)
	case err != nil:
		return command.Fail(env, err, "")
	case cfg.Version:
		fmt.Fprintln(env.Stdout, "cxi "+env.Version)
		return command.ExitOK
	case !env.StdoutTTY || !env.StdinTTY:
		return command.Fail(env, &command.SetupError{Err: errors.New("needs an interactive terminal (stdin and stdout must be a TTY)")}, "")
	}
	keys, err := keyMap(cfg.File)
	if err != nil {
		return command.Fail(env, &command.SetupError{Err: err}, "") // a remap in config.toml
	}
	opts, stop, err := tui.Options(cfg, keys, env)
	defer stop()
	if err != nil {
		return command.Fail(env, err, "")
	}
	if err := tui.Run(opts, env); err != nil {
		return command.Fail(env, err, "")
	}
	return command.ExitOK
}

// buildVersion is the version set at build time, else the module's (go
// install), else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "dev"
}
