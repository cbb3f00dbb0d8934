// Command cxi is a terminal inspector for OpenCX chat sessions. This file
// is wiring only: the process's environment in, the command line (package
// ui/command/root) run with it, the TUI started with the key map.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/root"
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

// run runs the command line args in env and returns the exit code.
func run(args []string, env command.Env) int {
	return root.Execute(context.Background(), args, env, startTUI)
}

// startTUI runs the TUI with cfg until the user quits. A remap in
// config.toml that does not apply exits 2 before the screen changes; any
// other failure exits with its error's code, as the commands do.
func startTUI(cfg tui.Config, env command.Env) int {
	keys, err := keyMap(cfg.File)
	if err != nil {
		return command.Fail(env, &command.SetupError{Err: err}, "")
	}
	start, stop, err := tui.Prepare(cfg, keys, env)
	defer stop()
	if err != nil {
		return command.Fail(env, err, "")
	}
	if err := tui.Run(start, env); err != nil {
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
