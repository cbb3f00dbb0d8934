package fake

import (
	"net/http"
	"strconv"
	"time"
)

// Fault describes a misbehaviour the server injects: for GET of one session
// (WithFault, SetFault), for every list request (WithListFault), for every
// search (WithSearchFault) or for one session's history (WithHistoryFault).
//
// A Fault applies after authentication: a request with a bad key still gets
// 401, as it would from the real API behind a healthy gateway.
type Fault struct {
	// Status is the HTTP status to answer with; 0 means 200.
	Status int
	// ContentType is the Content-Type of Body. When empty, no Content-Type
	// header is sent at all (Go's content sniffing is suppressed), which is
	// itself a case clients must survive; the session's own body, when used,
	// is always sent as JSON.
	ContentType string
	// Body is the body to send. When Body is empty and Status is 0, the
	// normal answer is sent instead (the session, the page, or the usual
	// 404 or 400), so a Fault with only Delay or TruncateAt slows or cuts a
	// normal answer.
	Body string
	// Delay is how long to wait before answering. The wait ends early, and
	// the connection is dropped without an answer, when the request context
	// is cancelled (client gone or server stopping).
	Delay time.Duration
	// Hang makes the server never answer; it drops the connection once the
	// request context is cancelled.
	Hang bool
	// TruncateAt, if > 0, sends only the first TruncateAt bytes of the body
	// (with a Content-Length announcing all of it) and then aborts the
	// connection, so the client sees a read error mid-body.
	TruncateAt int
	// Header holds extra response headers, e.g. Retry-After. They are
	// applied last and replace headers of the same name; a name mapped to
	// nil removes that header.
	Header http.Header
}

// rateLimitedJSON is what the API's NestJS throttler answers with.
const rateLimitedJSON = `{"statusCode":429,"message":"ThrottlerException: Too Many Requests","error":"Too Many Requests"}`

// RateLimited is the answer of the API's throttler to a client that has
// made perMinute requests within a minute: 429 and its ErrorDto, with
// Retry-After and the reset in whole seconds. WithRateLimit answers with it,
// and a catalog can install it for a session that is always refused.
func RateLimited(perMinute, retryAfterSeconds int) Fault {
	secs := strconv.Itoa(retryAfterSeconds)
	return Fault{
		Status:      http.StatusTooManyRequests,
		ContentType: jsonContentType,
		Body:        rateLimitedJSON,
		Header: http.Header{
			"Retry-After":           {secs},
			"X-Ratelimit-Limit":     {strconv.Itoa(perMinute)},
			"X-Ratelimit-Remaining": {"0"},
			"X-Ratelimit-Reset":     {secs},
		},
	}
}

// replacesAnswer reports whether f sends its own status or body, so that
// the normal answer need not be computed at all.
func (f Fault) replacesAnswer() bool { return f.Status != 0 || f.Body != "" }

// clone returns f with its own copy of Header, so that a caller changing its
// map after SetFault cannot race with requests being served.
func (f Fault) clone() Fault {
	f.Header = f.Header.Clone()
	return f
}
