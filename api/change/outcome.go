package change

import (
	"context"
	"errors"
	"fmt"

	"github.com/opencx-tools/cxi/api"
)

// Words for what came of a write, shared by the TUI and the commands.
const (
	// OK is a write the API answered 2xx, as the audit log records it.
	OK = "ok"
	// NotSent is a write that never left: stopped before its turn.
	NotSent = "not sent"
	// SentNotConfirmed is a write whose confirming read answered another
	// session: it was sent, and what came of it is not known.
	SentNotConfirmed = "sent, not confirmed (the API answered another session)"
	// NotSentOtherSession is a write whose read before it answered another
	// session: nothing was sent.
	NotSentOtherSession = "not sent (the API answered another session)"
	// RedactionUnknown is a redaction accepted without saying whether it
	// redacted anything.
	RedactionUnknown = "sent, but whether anything was redacted is not known"
	// SentUnknown is a write that left and whose answer was not waited
	// for: until it comes, what came of it is not known.
	SentUnknown = "sent, result unknown"
	// NoAnswer and Dropped are a write that left and got no answer: it
	// may or may not have happened.
	NoAnswer = "no answer (it may or may not have happened)"
	Dropped  = "connection dropped (it may or may not have happened)"
)

// Failed is what came of a request that failed, in the words its result
// line, the TUI's summary and the audit log use: "not found", "refused
// (HTTP 403)", "rate limited (HTTP 429)", "failed (HTTP 500)". A write
// that left and got no answer says it may or may not have happened; one
// whose read answered another session says whether anything was sent.
func Failed(err error) string {
	if errors.Is(err, api.ErrOtherSession) {
		var other *api.OtherSessionError
		if errors.As(err, &other) && other.Sent {
			return SentNotConfirmed
		}
		return NotSentOtherSession
	}
	if errors.Is(err, api.ErrRedactionUnknown) {
		return RedactionUnknown
	}
	status := ""
	if s := httpStatus(err); s != 0 {
		status = fmt.Sprintf(" (HTTP %d)", s)
	}
	switch api.KindOf(err) {
	case api.KindNotFound:
		return "not found"
	case api.KindUnauthorized, api.KindForbidden:
		return "refused" + status
	case api.KindRateLimited:
		return "rate limited" + status
	case api.KindUnreachable:
		return "failed (unreachable)"
	case api.KindCanceled:
		return "cancelled"
	case api.KindTimeout:
		return NoAnswer
	case api.KindDropped:
		return Dropped
	case api.KindDecode, api.KindTooLarge:
		return "failed (unreadable answer)"
	}
	if errors.Is(err, context.Canceled) {
		return "cancelled"
	}
	return "failed" + status
}

// Stops reports whether err stops a batch, the sessions after it not sent
// because they would fail the same way, and why in a few words ("HTTP
// 403"): a key refused (401, 403), a rate limit that RetryAfter does not
// wait out (or that outlasted its one retry), an unreachable API, the
// user's interrupt. A 404, a 5xx or a write without an answer is that
// session's alone.
func Stops(err error) (why string, stop bool) {
	switch api.KindOf(err) {
	case api.KindUnauthorized, api.KindForbidden:
		if s := httpStatus(err); s != 0 {
			return fmt.Sprintf("HTTP %d", s), true
		}
		return "the key was refused", true
	case api.KindRateLimited:
		if s := httpStatus(err); s != 0 {
			return fmt.Sprintf("HTTP %d", s), true
		}
		return "the rate limit", true
	case api.KindUnreachable:
		return "the API was unreachable", true
	case api.KindCanceled:
		return "the interrupt", true
	}
	if errors.Is(err, context.Canceled) {
		return "the interrupt", true
	}
	return "", false
}

func httpStatus(err error) int {
	var e *api.Error
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}
