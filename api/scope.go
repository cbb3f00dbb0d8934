package api

import (
	"context"
	"errors"
	"regexp"
	"time"
)

// Scopes the analytics endpoints need. The reference names them on the
// pages of the analytics endpoints; a key made without them is answered
// 403 there and nowhere else.
const (
	ScopeHandoffAnalytics = "handoff-analytics:read"
	ScopeSLAAnalytics     = "sla-analytics:read"
)

// ScopeError is the cause of a 403 on an endpoint that needs a scope the
// key lacks: the UI says "the key lacks the scope X" and `cxi doctor`
// names it, instead of a bare "forbidden". It sits in Error.Err of a
// KindForbidden *Error.
type ScopeError struct {
	Scope string // e.g. "handoff-analytics:read"
	// Named reports whether the server's message named the scope; when it
	// did not, Scope is the one the endpoint is documented to need.
	Named bool
}

func (e *ScopeError) Error() string { return "the key lacks the scope " + e.Scope }

// MissingScope returns the scope a 403 says the key lacks, if err is one.
func MissingScope(err error) (string, bool) {
	var se *ScopeError
	if errors.As(err, &se) {
		return se.Scope, true
	}
	return "", false
}

// scopeWord finds a scope in a server's message ("Missing scope:
// handoff-analytics:read", "requires sla-analytics:read"): a word of
// letters and dashes, a colon, and read or write.
var scopeWord = regexp.MustCompile(`\b[a-z][a-z0-9_-]*:(?:read|write)\b`)

// getScoped is get for an endpoint that needs scope ("" when none is
// documented): a 403 carries a *ScopeError naming the scope the message
// names, else the documented one. A 403 for another reason (an IP
// allow-list) on an endpoint with no documented scope stays a plain
// KindForbidden error.
func (c *Client) getScoped(ctx context.Context, op, path, scope string, out any) error {
	err := c.get(ctx, op, path, out)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindForbidden {
		return err
	}
	if named := scopeWord.FindString(e.Message); named != "" {
		e.Err = &ScopeError{Scope: named, Named: true}
	} else if scope != "" {
		e.Err = &ScopeError{Scope: scope}
	}
	return err
}

// ScopeCheck is what one call found of a scope: Has when the call was
// answered, else Err (a *ScopeError inside when the key lacks the scope;
// any other error when the call could not tell).
type ScopeCheck struct {
	Scope string
	Has   bool
	Err   error
}

// CheckScopes asks one cheap call of each scoped family (the handoff
// overview of the last day, the SLA overview), for `cxi doctor`: 2
// requests.
func (c *Client) CheckScopes(ctx context.Context, now time.Time) []ScopeCheck {
	checks := []struct {
		scope string
		call  func() error
	}{
		{ScopeHandoffAnalytics, func() error { _, err := c.HandoffAnalytics(ctx, LastDays(now, 1)); return err }},
		{ScopeSLAAnalytics, func() error { _, err := c.SLAAnalytics(ctx, SLAParams{}); return err }},
	}
	out := make([]ScopeCheck, len(checks))
	for i, ch := range checks {
		err := ch.call()
		out[i] = ScopeCheck{Scope: ch.scope, Has: err == nil, Err: err}
	}
	return out
}
