package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Kind classifies a failed request so the UI can say what to do next
// without knowing HTTP.
type Kind int

// Error kinds, one per thing a user can act on differently.
const (
	KindUnknown      Kind = iota
	KindUnauthorized      // 401: the key was rejected
	KindForbidden         // 403: the key lacks access
	KindNotFound          // 404: no session with that ID
	KindRateLimited       // 429: wait until RetryAt
	KindServer            // 5xx with a JSON error body
	KindNotJSON           // a gateway or proxy answered with HTML or text
	KindDecode            // JSON that is malformed or of the wrong shape
	KindTooLarge          // the body exceeded the client's cap
	KindTimeout           // no complete answer within the timeout
	KindUnreachable       // DNS failure or connection refused
	KindDropped           // the connection broke mid-request or mid-body
	KindCanceled          // the user cancelled
	KindHTTP              // any other unexpected status
)

// Error is every failure the client returns. It never holds the API key.
type Error struct {
	Kind    Kind
	Op      string        // what was attempted, e.g. "get session 3c90c3cc"
	Status  int           // HTTP status, 0 when no response arrived
	Message string        // the server's own message from an ErrorDto or problem+json
	Excerpt string        // a short, whitespace-collapsed start of a non-JSON body
	BaseURL string        // the base URL that was tried
	RetryAt time.Time     // for KindRateLimited, when Retry-After allows a retry (zero if not given)
	Err     error         // the underlying cause, if any
	Limit   int64         // for KindTooLarge, the cap in bytes
	Elapsed time.Duration // for KindTimeout, how long was waited
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Status != 0 {
		fmt.Fprintf(&b, "HTTP %d %s", e.Status, http.StatusText(e.Status))
		if e.Message != "" {
			b.WriteString(": " + e.Message)
		} else if e.Excerpt != "" {
			b.WriteString(": " + e.Excerpt)
		}
		if e.Err != nil {
			b.WriteString(": " + e.Err.Error())
		}
		return b.String()
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("request failed")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of err, or KindUnknown when it is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

// Unreachable reports an error that means the API cannot be reached now
// (down, too slow, the connection dropped), as opposed to one it answered
// with: where the store's copy may stand in for the answer.
func Unreachable(err error) bool {
	switch KindOf(err) {
	case KindUnreachable, KindTimeout, KindDropped:
		return true
	}
	return false
}
