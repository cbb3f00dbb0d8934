package api

import (
	"context"
	"errors"
	"strings"
)

// ErrOtherSession matches every OtherSessionError with errors.Is.
var ErrOtherSession = errors.New("the API answered another session")

// OtherSessionError is a read of one session that the API answered with
// another. GetSession refuses such an answer: shown, it would pass for the
// session asked for. Before a write it means nothing may be sent: the
// write would go to a session the user did not name, or the API would take
// the named ID for another session. After a write it means the write is
// not confirmed.
type OtherSessionError struct {
	Asked    string // the ID the read asked for
	Answered string // the ID of the session the API answered with (a UUID: GetSession checks it)
	Write    bool   // the read was for a write (ReadTarget, ReadConfirmation)
	Sent     bool   // a write to Asked was sent before the read: its result is not known
}

func (e *OtherSessionError) Error() string {
	asked, answered := ShortID(e.Asked), ShortID(e.Answered)
	if strings.EqualFold(asked, answered) {
		// Two IDs that share their first block: the short forms would read
		// as the same session.
		asked, answered = e.Asked, e.Answered
	}
	if answered == "" {
		answered = "a session without an ID"
	}
	s := "asked for " + asked + ", the API answered " + answered
	switch {
	case e.Sent:
		// The verdict first: a status line cut at 80 columns keeps it.
		return "sent, not confirmed: " + s
	case e.Write:
		return s + ": nothing sent"
	}
	return s
}

// Is makes every OtherSessionError match ErrOtherSession.
func (e *OtherSessionError) Is(target error) bool { return target == ErrOtherSession }

// SameSession reports whether two session IDs name the same session:
// UUIDs are case-insensitive (RFC 9562), so "3C90C3CC-…" is "3c90c3cc-…".
func SameSession(a, b string) bool { return strings.EqualFold(a, b) }

// SessionReader is what checking a write's target needs of the client.
type SessionReader interface {
	GetSession(ctx context.Context, id string) (*Session, error)
}

// ReadTarget reads the session a write is about to go to and checks that
// the API answered with that session: the one place both the TUI and the
// commands decide that a write may go to id. A read answered with another
// session is an *OtherSessionError, and nothing may be sent.
func ReadTarget(ctx context.Context, c SessionReader, id string) (*Session, error) {
	return readAs(ctx, c, id, false)
}

// ReadConfirmation reads session id again after a write was sent to it, to
// see what the API now holds. A read answered with another session says
// nothing about the write: it is an *OtherSessionError with Sent set, never
// a confirmation.
func ReadConfirmation(ctx context.Context, c SessionReader, id string) (*Session, error) {
	return readAs(ctx, c, id, true)
}

// readAs reads session id and checks the answer is that session; sent
// says whether a write to it went before.
func readAs(ctx context.Context, c SessionReader, id string, sent bool) (*Session, error) {
	s, err := c.GetSession(ctx, id)
	var other *OtherSessionError
	switch {
	case errors.As(err, &other):
		return nil, &OtherSessionError{Asked: other.Asked, Answered: other.Answered, Write: true, Sent: sent}
	case err != nil:
		return nil, err
	case s == nil: // no client answers so; a test's might, and it is no session
		return nil, &OtherSessionError{Asked: id, Write: true, Sent: sent}
	case !SameSession(s.ID, id):
		return nil, &OtherSessionError{Asked: id, Answered: s.ID, Write: true, Sent: sent}
	}
	return s, nil
}
