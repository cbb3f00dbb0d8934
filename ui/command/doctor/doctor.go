// Package doctor runs `cxi doctor`: one screen of checks, each ✔ or ✘ with
// the fix, covering what cxi needs from this machine — a key, the API, the
// terminal's colours, and which copy paths reach the user's clipboard here.
// Every probe is injected, so the checks are tested without a network, a
// keyring or tmux.
package doctor

import (
	"context"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
)

// Inputs is everything the checks look at. A nil func skips its check.
type Inputs struct {
	KeySource auth.Source // where Store.Key found the key
	KeyWhere  string      // the same for a sentence (Store.Where: the key file by its path); "" uses KeySource
	KeyErr    error       // Store.Key's error
	HasKey    bool

	BaseURL string
	Check   func(ctx context.Context) error // one GET with the key (auth.Verify: 404 means accepted)
	Reach   func(ctx context.Context) error // the base URL answers at all (Reachable)
	Budget  func() int                      // requests left this minute (api.Client.Budget)

	ColorProfile string // the renderer's profile: "TrueColor", "ANSI256", "ANSI", "Ascii"

	LookPath   func(string) (string, error)      // exec.LookPath
	GOOS       string                            // runtime.GOOS
	Getenv     func(string) string               // the environment's (command.Env.Getenv)
	TmuxOption func(name string) (string, error) // TmuxShowOption, asked only inside tmux
}

// NetworkTimeout bounds each request doctor makes, so a dead network is a
// ✘ after seconds, not a hang.
const NetworkTimeout = 10 * time.Second

// result is one check's outcome: a line, and on failure how to fix it.
type result struct {
	ok   bool
	line string
	fix  string
}

func pass(format string, args ...any) result {
	return result{ok: true, line: fmt.Sprintf(format, args...)}
}

func failure(fix, format string, args ...any) result {
	return result{line: fmt.Sprintf(format, args...), fix: fix}
}

// Run prints the checks on env.Stdout and returns 0 when all pass, 1 when
// any fails.
func Run(ctx context.Context, in Inputs, env command.Env) int {
	if in.Getenv == nil {
		in.Getenv = func(string) string { return "" }
	}
	results := apiChecks(ctx, in)
	if r, ok := colourCheck(in); ok {
		results = append(results, r)
	}
	results = append(results, copyChecks(in)...)

	failed := 0
	for _, r := range results {
		if r.ok {
			fmt.Fprintln(env.Stdout, "✔ "+r.line)
			continue
		}
		failed++
		fmt.Fprintln(env.Stdout, "✘ "+r.line)
		if r.fix != "" {
			fmt.Fprintln(env.Stdout, "    fix: "+r.fix)
		}
	}
	if failed == 0 {
		fmt.Fprintf(env.Stdout, "All %d checks passed.\n", len(results))
		return command.ExitOK
	}
	fmt.Fprintf(env.Stdout, "%d of %d checks failed.\n", failed, len(results))
	return command.ExitError
}
