package write

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/ui/command"
)

// outcome is what came of one session: its result line's words, its exit
// code on its own, and whether the batch stops there (the rest would fail
// the same way).
type outcome struct {
	words string
	code  int
	stop  bool
	why   string // what stopped the batch, in a few words ("HTTP 403")
}

// succeeded is a session done, or found already in the status asked for:
// there was nothing to do, which is success too.
func succeeded(words string) outcome { return outcome{words: words} }

// ok reports whether the session succeeded: its exit code alone is 0.
func (o outcome) ok() bool { return o.code == command.ExitOK }

// failed is the outcome of err: the words for the result line and the
// audit log, and whether it stops the batch, as the TUI says them too
// (change.Failed, change.Stops); and its exit code. An answer about
// another session than the one named, and a redaction accepted without
// saying whether it redacted, exit 7 as an answer that cannot be used;
// the user's interrupt exits 1.
func failed(err error) outcome {
	why, stop := change.Stops(err)
	o := outcome{words: change.Failed(err), code: command.ExitCode(err), stop: stop, why: why}
	switch {
	case errors.Is(err, api.ErrOtherSession), errors.Is(err, api.ErrRedactionUnknown):
		o.code = command.ExitBadData
	case api.KindOf(err) == api.KindCanceled, errors.Is(err, context.Canceled):
		o.code = command.ExitError
	}
	return o
}

// tally is a batch's outcomes, in order.
type tally []outcome

// summary is the batch in one line: "38 closed as resolved · 1 not found ·
// 1 failed (HTTP 500)", each kind of outcome counted in the order it came.
func (t tally) summary() string {
	var order []string
	n := map[string]int{}
	for _, o := range t {
		if n[o.words] == 0 {
			order = append(order, o.words)
		}
		n[o.words]++
	}
	parts := make([]string, len(order))
	for i, w := range order {
		parts[i] = fmt.Sprintf("%d %s", n[w], w)
	}
	return strings.Join(parts, " · ")
}

// exitCode is 0 when every session succeeded, ExitPartial when some did,
// and when none did the code they all failed with, or ExitError when they
// failed in different ways.
func (t tally) exitCode() int {
	ok := 0
	code := -1
	for _, o := range t {
		switch {
		case o.ok():
			ok++
		case code == -1:
			code = o.code
		case code != o.code:
			code = command.ExitError
		}
	}
	switch {
	case ok == len(t):
		return command.ExitOK
	case ok > 0:
		return command.ExitPartial
	}
	return code
}
