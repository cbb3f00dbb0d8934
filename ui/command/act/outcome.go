package act

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
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
// audit log ("not found", "failed (HTTP 500)"), its exit code, and
// whether it stops the batch: a key refused (401, 403), a rate limit that
// outlasted its one retry, an unreachable API or the user's interrupt
// would fail every session after it; a 404 or a 5xx is that session's.
// An answer about another session than the one named, and a redaction
// accepted without saying whether it redacted, exit 7 as an answer that
// cannot be used; the words say whether anything was sent.
func failed(err error) outcome {
	status := ""
	var e *api.Error
	if errors.As(err, &e) && e.Status != 0 {
		status = fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	code := command.ExitCode(err)
	switch {
	case errors.Is(err, api.ErrOtherSession):
		// The API's answer cannot be used: unreadable data, for a script.
		var other *api.OtherSessionError
		if errors.As(err, &other) && other.Sent {
			return outcome{words: "sent, not confirmed (the API answered another session)", code: command.ExitBadData}
		}
		return outcome{words: "not sent (the API answered another session)", code: command.ExitBadData}
	case errors.Is(err, api.ErrRedactionUnknown):
		return outcome{words: "sent, but whether anything was redacted is not known", code: command.ExitBadData}
	}
	switch api.KindOf(err) {
	case api.KindNotFound:
		return outcome{words: "not found", code: code}
	case api.KindUnauthorized, api.KindForbidden:
		return outcome{words: "refused" + status, code: code, stop: true, why: strings.Trim(status, " ()")}
	case api.KindRateLimited:
		return outcome{words: "rate limited" + status, code: code, stop: true, why: strings.Trim(status, " ()")}
	case api.KindUnreachable:
		return outcome{words: "failed (unreachable)", code: code, stop: true, why: "the API was unreachable"}
	case api.KindCanceled:
		return outcome{words: "cancelled", code: command.ExitError, stop: true, why: "the interrupt"}
	case api.KindTimeout:
		// A write that got no answer may or may not have happened.
		return outcome{words: "no answer (it may or may not have happened)", code: code}
	case api.KindDropped:
		return outcome{words: "connection dropped (it may or may not have happened)", code: code}
	case api.KindDecode, api.KindTooLarge:
		return outcome{words: "failed (unreadable answer)", code: code}
	}
	if errors.Is(err, context.Canceled) {
		return outcome{words: "cancelled", code: command.ExitError, stop: true, why: "the interrupt"}
	}
	if status != "" {
		return outcome{words: "failed" + status, code: code}
	}
	return outcome{words: "failed", code: code}
}

// tally is a batch's outcomes, in order.
type tally []outcome

// summary is the batch in one line: "38 closed (resolved) · 1 not found ·
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
