// Package doctor runs `cxi doctor`: one screen of checks, each ✔, ! (a
// warning) or ✘ with the fix, covering what cxi needs from this machine — a
// key, the API, the terminal's colours, and which copy paths reach the
// user's clipboard here.
// Every probe is injected, so the checks are tested without a network, a
// keyring or tmux.
package doctor

import (
	"context"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/config"
)

// Inputs is everything the checks look at. A nil func skips its check.
type Inputs struct {
	KeySource auth.Source // where Store.Key found the key
	KeyWhere  string      // the same for a sentence (Store.Where: the key file by its path); "" uses KeySource
	KeyErr    error       // Store.Key's error
	HasKey    bool
	Demo      bool // --demo: the built-in demo server, which needs no key of the user's

	BaseURL string
	// ReadOnlyBy is what made this run read-only (settings.ReadOnlyBy);
	// "" when writes are allowed.
	ReadOnlyBy string
	Check      func(ctx context.Context) error // one GET with the key (auth.Verify: 404 means accepted)
	Reach      func(ctx context.Context) error // the base URL answers at all (Reachable)
	Budget     func() int                      // requests left this minute (api.Client.Budget)
	// Scopes asks whether the key has each analytics scope
	// (api.Client.CheckScopes: 2 requests); nil skips the check.
	Scopes func(ctx context.Context) []api.ScopeCheck

	ColorProfile string // the renderer's profile by termenv's Profile.Name: "TrueColor", "ANSI256", "ANSI", "Ascii"

	LookPath   func(string) (string, error)      // exec.LookPath
	GOOS       string                            // runtime.GOOS
	Getenv     func(string) string               // the environment's (command.Env.Getenv)
	TmuxOption func(name string) (string, error) // clipboard.TmuxShowOption, asked only inside tmux
	Watch      config.Watch                      // [watch]: how the nudge notifies (notify.go)

	// Profile is the organization the key and API above are of ("" when
	// the config names no profiles); InUse, whether it is the one in use.
	// Others are the other profiles' key and API inputs, checked after
	// it, each under its name (profiles.go).
	Profile string
	InUse   bool
	Others  []Inputs
}

// NetworkTimeout bounds each request doctor makes, so a dead network is a
// ✘ after seconds, not a hang.
const NetworkTimeout = 10 * time.Second

// result is one check's outcome: a line, and unless it passed how to fix
// it. A warning is a path that does not work while another one may (no
// native clipboard tool, where OSC 52 can copy): worth a fix, not a
// failure.
type result struct {
	ok   bool
	warn bool
	note bool // neither passed nor failed: something doctor cannot check, said once (not counted)
	line string
	fix  string
}

func pass(format string, args ...any) result {
	return result{ok: true, line: fmt.Sprintf(format, args...)}
}

func failure(fix, format string, args ...any) result {
	return result{line: fmt.Sprintf(format, args...), fix: fix}
}

func note(format string, args ...any) result {
	return result{note: true, line: fmt.Sprintf(format, args...)}
}

func warning(fix, format string, args ...any) result {
	return result{warn: true, line: fmt.Sprintf(format, args...), fix: fix}
}

// Run prints the checks on env.Stdout and returns 0 when none fails (a
// warning is not a failure), 1 when any does.
func Run(ctx context.Context, in Inputs, env command.Env) int {
	if in.Getenv == nil {
		in.Getenv = func(string) string { return "" }
	}
	sections, failedIn := profileChecks(ctx, in)
	var here []result
	if r, ok := colourCheck(in); ok {
		here = append(here, r)
	}
	here = append(here, copyChecks(in)...)
	if r, ok := notifyCheck(in); ok {
		here = append(here, r)
	}
	sections = append(sections, section{results: here})

	count, failed, warned, notes := 0, 0, 0, 0
	for _, s := range sections {
		f, w, n := s.print(env.Stdout)
		count, failed, warned, notes = count+len(s.results), failed+f, warned+w, notes+n
	}
	fmt.Fprintln(env.Stdout, summary(count-notes, failed, warned))
	if len(failedIn) > 0 {
		fmt.Fprintln(env.Stdout, failedProfiles(failedIn))
	}
	if failed == 0 {
		return command.ExitOK
	}
	return command.ExitError
}

// summary is the last line: how many checks failed, and warnings apart.
func summary(checks, failed, warned int) string {
	switch {
	case failed == 0 && warned == 0:
		return fmt.Sprintf("All %s passed.", plural.Count(checks, "check"))
	case failed == 0:
		return fmt.Sprintf("%d of %s passed; %s, no failure.", checks-warned, plural.Count(checks, "check"), plural.Count(warned, "warning"))
	case warned == 0:
		return fmt.Sprintf("%d of %s failed.", failed, plural.Count(checks, "check"))
	}
	return fmt.Sprintf("%d of %s failed; %s.", failed, plural.Count(checks, "check"), plural.Count(warned, "warning"))
}
