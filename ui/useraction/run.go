package useraction

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
)

// OutputCap is how much of a run's output is kept: enough for any
// answer worth reading in a pane, bounded for a program that never stops.
const OutputCap = 64 << 10

// waitDelay is how long a run that was stopped, or whose program exited
// while a child it started still holds the output, is waited for.
const waitDelay = 2 * time.Second

// Result is one run's end.
type Result struct {
	Session   string   // the session's ID
	Argv      []string // the argument list as run; nil for a URL
	URL       string   // the URL as opened; "" for a program
	Output    string   // stdout and stderr as they came, at most OutputCap bytes; not sanitized
	Cut       bool     // the output went past OutputCap
	Exit      int      // the program's exit code; -1 when it did not exit by itself
	Refused   string   // why it was not run (a field missing or unsafe, no browser); "" when it ran
	Err       error    // it could not start, or ended by a signal
	Cancelled bool     // stopped by the user
}

// OK reports whether the run went well: exit 0, or the URL opened.
func (r Result) OK() bool { return r.Refused == "" && r.Err == nil && !r.Cancelled && r.Exit == 0 }

// RanMsg is one run's end, for the pane that started it (Token).
type RanMsg struct {
	Token  *Token
	Index  int // which of the pane's targets
	Result Result
}

// Token tells one pane's runs from another's: the pane compares pointers.
type Token struct{ _ byte }

// Runner starts runs: open opens a URL in the browser (nil where none
// can, over SSH).
type Runner struct {
	Open func(string) error
}

// Step runs a on s in a command: the template expanded (a refusal is the
// result, nothing runs), then the program run without a shell, or the URL
// opened. ctx stops the program.
func (r Runner) Step(ctx context.Context, tok *Token, i int, a Action, s api.Session) tea.Cmd {
	return func() tea.Msg {
		res := Result{Session: s.ID, Exit: -1}
		argv, url, err := a.Target(&s)
		switch {
		case err != nil:
			res.Refused = err.Error()
		case url != "":
			res.URL = url
			res = r.open(res)
		default:
			res.Argv = argv
			res = execute(ctx, res)
		}
		return RanMsg{Token: tok, Index: i, Result: res}
	}
}

func (r Runner) open(res Result) Result {
	if r.Open == nil {
		res.Refused = "no browser here (over SSH): y copies the URL"
		return res
	}
	if err := r.Open(res.URL); err != nil {
		res.Err = err
		return res
	}
	res.Exit = 0
	return res
}

// execute runs res.Argv: argv[0] looked up in PATH as os/exec does (never
// in the current directory), no stdin, stdout and stderr into one capped
// buffer.
func execute(ctx context.Context, res Result) Result {
	cmd := exec.CommandContext(ctx, res.Argv[0], res.Argv[1:]...)
	out := &capped{}
	cmd.Stdout, cmd.Stderr = out, out // one writer: os/exec calls it from one goroutine at a time
	cmd.WaitDelay = waitDelay
	err := cmd.Run()
	res.Output, res.Cut = out.String()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.Cancelled = true
	case errors.As(err, &exit) && exit.Exited():
		res.Exit = exit.ExitCode()
	case err != nil:
		res.Err = err
	default:
		res.Exit = 0
	}
	return res
}

// capped keeps the first OutputCap bytes written to it and counts the rest.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
	cut bool
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	room := OutputCap - c.buf.Len()
	if len(p) > room {
		c.buf.Write(p[:max(room, 0)])
		c.cut = true
		return len(p), nil
	}
	return c.buf.Write(p)
}

func (c *capped) String() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String(), c.cut
}
