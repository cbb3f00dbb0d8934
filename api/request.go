package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// get performs one authenticated GET of path and decodes a JSON body into out.
// Every failure comes back as an *Error.
func (c *Client) get(ctx context.Context, op, path string, out any) error {
	return c.do(ctx, http.MethodGet, op, path, nil, out)
}

// do sends one authenticated request: a GET, or a write (PATCH, POST) with
// in as its JSON body. out receives a JSON answer; nil takes none, as a
// PATCH that answers no body. A write always waits its turn as a request
// the user asked for (never as background work) and is never retried.
// Cancelling ctx stops a write only while it waits its turn (it comes back
// KindCanceled and was never sent); once it has its turn it is seen
// through to its answer or the client's timeout, since a cancel could not
// call it back, only lose the answer that says what came of it.
func (c *Client) do(ctx context.Context, method, op, path string, in, out any) error {
	fail := func(kind Kind, status int, err error) *Error {
		return &Error{Kind: kind, Op: op, Status: status, BaseURL: c.BaseURL(), Err: err}
	}
	var payload io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fail(KindUnknown, 0, err)
		}
		payload = bytes.NewReader(b)
		ctx = context.WithValue(ctx, backgroundKey{}, false) // nobody's write is background work
	}
	if err := c.waitTurn(ctx); err != nil {
		if ctx.Err() != nil {
			return fail(KindCanceled, 0, ctx.Err())
		}
		return fail(KindRateLimited, 0, err)
	}
	if in != nil {
		ctx = context.WithoutCancel(ctx) // from here on the write may leave
	}

	reqCtx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, method, c.base.String()+path, payload)
	if err != nil {
		return fail(KindUnknown, 0, err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.agent)

	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return c.transportError(ctx, op, err, time.Since(start))
	}
	defer resp.Body.Close()
	c.budget.observe(resp.Header.Get("X-RateLimit-Remaining"))

	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		e := c.transportError(ctx, op, err, time.Since(start))
		e.Status = 0
		return e
	}
	if int64(len(body)) > c.maxBody {
		e := fail(KindTooLarge, resp.StatusCode, fmt.Errorf("the response is larger than %d bytes", c.maxBody))
		e.Limit = c.maxBody
		return e
	}

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.statusError(op, resp, body)
	}
	if out == nil {
		return nil // a write that answers no body (PATCH): the caller reads again
	}
	// Empty before not-JSON: an empty 200 usually comes without a
	// Content-Type, and "expected JSON, got a body without a Content-Type"
	// with an empty excerpt would send the user looking for a gateway page.
	if len(bytes.TrimSpace(body)) == 0 {
		return fail(KindDecode, 0, errEmptyBody)
	}
	if ctype := resp.Header.Get("Content-Type"); !isJSON(ctype, body) {
		e := fail(KindNotJSON, resp.StatusCode, fmt.Errorf("expected JSON, got %s", describeType(ctype)))
		e.Excerpt = excerpt(ctype, string(body), c.key)
		return e
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fail(KindDecode, 0, decodeError(err, body))
	}
	if r, ok := out.(interface{ keepRaw([]byte) }); ok {
		r.keepRaw(body)
	}
	return nil
}

// errEmptyBody is a 2xx answer with no body where one was expected: a
// write (a redaction) tells it apart from an answer it cannot read.
var errEmptyBody = errors.New("the response body is empty")

// waitTurn waits for the shared limiter like rate.Limiter.Wait, and tells
// the OnWait hook how long, so a command-line user learns why it pauses.
// A background request (see Background) reserves nothing while it waits.
// A request that has waited its turn is counted sent at once, in the budget,
// so that background work reads what is really left.
func (c *Client) waitTurn(ctx context.Context) error {
	if IsBackground(ctx) {
		if err := c.waitIdle(ctx); err != nil {
			return err
		}
		c.budget.record()
		return nil
	}
	res := c.limiter.Reserve()
	if !res.OK() {
		return errNoGrant
	}
	d := res.Delay()
	if d == 0 {
		c.budget.record()
		return nil
	}
	// Queued: background work stands back, and the budget it reads counts
	// this request as spent already.
	c.queued.Add(1)
	defer c.queued.Add(-1)
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		res.Cancel()
		return errors.New("the local rate limiter cannot grant a request before the deadline")
	}
	if c.onWait != nil {
		c.onWait(d)
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		c.budget.record()
		return nil
	case <-ctx.Done():
		res.Cancel()
		return ctx.Err()
	}
}

// transportError classifies an error that happened before or while reading
// a response: the user's own cancel, a timeout, an unreachable host or a
// dropped connection each call for a different next step.
func (c *Client) transportError(parent context.Context, op string, err error, elapsed time.Duration) *Error {
	e := &Error{Op: op, BaseURL: c.BaseURL(), Err: err}
	var dnsErr *net.DNSError
	var netErr net.Error
	switch {
	case parent.Err() != nil:
		e.Kind, e.Err = KindCanceled, parent.Err()
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		e.Kind, e.Elapsed = KindTimeout, elapsed
		e.Err = fmt.Errorf("no answer within %s", c.timeout)
	case errors.As(err, &dnsErr):
		e.Kind = KindUnreachable
		e.Err = fmt.Errorf("cannot resolve host %s", dnsErr.Name)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		e.Kind = KindUnreachable
		e.Err = fmt.Errorf("connection refused or host unreachable")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		e.Kind = KindDropped
		e.Err = fmt.Errorf("the connection was dropped before the answer was complete")
	default:
		e.Kind = KindDropped
		e.Err = unwrapURLError(err)
	}
	return e
}

// unwrapURLError drops net/http's `Get "url": ` (or Patch, Post) prefix;
// the UI names the URL itself.
func unwrapURLError(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}

// errorBody is ErrorDto, plus problem+json's title/detail, which gateways use.
type errorBody struct {
	StatusCode int    `json:"statusCode"`
	Message    any    `json:"message"` // NestJS sends a string or a list of strings
	Error      string `json:"error"`
	Title      string `json:"title"`
	Detail     string `json:"detail"`
}

// text is the message the body carries, not yet cut to an excerpt.
func (b errorBody) text() string {
	var parts []string
	switch m := b.Message.(type) {
	case string:
		parts = append(parts, m)
	case []any:
		for _, v := range m {
			if s, ok := v.(string); ok {
				parts = append(parts, s)
			}
		}
	}
	if len(parts) == 0 && b.Detail != "" {
		parts = append(parts, b.Detail)
	}
	if len(parts) == 0 && b.Title != "" {
		parts = append(parts, b.Title)
	}
	if len(parts) == 0 && b.Error != "" {
		parts = append(parts, b.Error)
	}
	return strings.Join(parts, "; ")
}

// statusError turns a non-2xx response into an *Error, reading the body as
// an error DTO only when it says it is JSON and parses as one.
func (c *Client) statusError(op string, resp *http.Response, body []byte) *Error {
	e := &Error{Op: op, Status: resp.StatusCode, BaseURL: c.BaseURL()}
	switch code := resp.StatusCode; {
	case code == http.StatusUnauthorized:
		e.Kind = KindUnauthorized
	case code == http.StatusForbidden:
		e.Kind = KindForbidden
	case code == http.StatusNotFound:
		e.Kind = KindNotFound
	case code == http.StatusTooManyRequests:
		e.Kind = KindRateLimited
		e.RetryAt = retryAt(resp.Header.Get("Retry-After"), time.Now())
		c.budget.exhaustedUntil(e.RetryAt)
	case code >= 500:
		e.Kind = KindServer
	default:
		e.Kind = KindHTTP
	}
	var dto errorBody
	ctype := resp.Header.Get("Content-Type")
	if isJSON(ctype, body) && json.Unmarshal(body, &dto) == nil {
		// A JSON message is text, not markup: "limit must be <= 100" keeps its "<".
		e.Message = oneLine(ScrubKey(dto.text(), c.key)) // a proxy may echo the key back
		return e
	}
	if len(bytes.TrimSpace(body)) > 0 {
		e.Excerpt = excerpt(ctype, string(body), c.key)
		if e.Kind == KindServer || e.Kind == KindHTTP {
			e.Kind = KindNotJSON
		}
	}
	return e
}

// maxRetryWait caps Retry-After: a misconfigured proxy should not freeze
// the UI for a day.
const maxRetryWait = time.Hour

// retryAt reads Retry-After as seconds or as an HTTP date; zero when absent
// or unreadable. A wait longer than maxRetryWait is capped.
func retryAt(header string, now time.Time) time.Time {
	header = strings.TrimSpace(header)
	if header == "" {
		return time.Time{}
	}
	var at time.Time
	if isDigits(header) {
		// delay-seconds is 1*DIGIT (RFC 9110): any number of digits. Compare
		// before multiplying, or a huge value overflows time.Duration into
		// the past ("retry now"), and more digits than an int fail to parse.
		secs, err := strconv.ParseInt(header, 10, 64)
		if err != nil || secs > int64(maxRetryWait/time.Second) {
			return now.Add(maxRetryWait)
		}
		at = now.Add(time.Duration(secs) * time.Second)
	} else if t, err := http.ParseTime(header); err == nil {
		at = t
	} else {
		return time.Time{}
	}
	if at.Before(now) {
		return now
	}
	if limit := now.Add(maxRetryWait); at.After(limit) {
		return limit
	}
	return at
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isJSON trusts the Content-Type when there is one; without one it accepts a
// body that starts like a JSON object.
func isJSON(contentType string, body []byte) bool {
	if contentType == "" {
		t := bytes.TrimSpace(body)
		return len(t) > 0 && (t[0] == '{' || t[0] == '[')
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

func describeType(contentType string) string {
	if contentType == "" {
		return "a body without a Content-Type"
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		return mt
	}
	return "an unreadable Content-Type"
}

// decodeError rewords encoding/json's errors into what went wrong with the data.
func decodeError(err error, body []byte) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &syntax) && truncated(body):
		return errors.New("the JSON ends early (truncated)")
	case errors.As(err, &syntax):
		return fmt.Errorf("malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return fmt.Errorf("expected a session object, got a JSON %s", typeErr.Value)
		}
		return fmt.Errorf("field %s: expected %s, got a JSON %s", typeErr.Field, typeErr.Type, typeErr.Value)
	}
	return err
}

// truncated reports whether body is a JSON value cut short. json.Unmarshal
// reports a cut body as a plain syntax error (and a cut literal such as
// `tru` as an invalid character); a Decoder tells it apart as
// io.ErrUnexpectedEOF.
func truncated(body []byte) bool {
	var v json.RawMessage
	return errors.Is(json.NewDecoder(bytes.NewReader(body)).Decode(&v), io.ErrUnexpectedEOF)
}
