package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// DefaultBaseURL is the production API.
const DefaultBaseURL = "https://api.open.cx"

// Defaults chosen for a support lead's terminal: long enough for a slow
// gateway, short enough that a dead one is reported while they still care.
const (
	DefaultTimeout = 15 * time.Second
	DefaultMaxBody = 4 << 20
)

// RequestsPerMinute is the documented limit of the standard endpoints.
const RequestsPerMinute = 100

// Client talks to one OpenCX base URL with one key. It is safe for
// concurrent use; every request waits on the same rate limiter.
type Client struct {
	base    *url.URL
	key     string
	http    *http.Client
	limiter *rate.Limiter
	queued  atomic.Int32 // foreground requests waiting for the limiter
	timeout time.Duration
	maxBody int64
	agent   string
	budget  *budget
	onWait  func(time.Duration)
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient replaces the underlying HTTP client (its CheckRedirect is
// replaced by the client's own, which keeps the key on the configured host).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// WithTimeout bounds each request, from the first byte sent to the last read.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithLimiter shares a rate limiter, e.g. between clients or with tests.
func WithLimiter(l *rate.Limiter) Option { return func(c *Client) { c.limiter = l } }

// WithMaxBody caps how many bytes of a response body are read.
func WithMaxBody(n int64) Option { return func(c *Client) { c.maxBody = n } }

// WithWaitNotice calls f whenever a request has to wait d for the shared
// rate limiter; f must not block.
func WithWaitNotice(f func(d time.Duration)) Option { return func(c *Client) { c.onWait = f } }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.agent = ua } }

// limiterBurst lets a few requests go at once (a lookup plus prefetches)
// after a pause.
const limiterBurst = 10

// NewLimiter returns a limiter that keeps a program under the documented
// 100 requests per minute in any sliding minute, even with keys held down:
// a token bucket allows its burst plus rate×60 s in one minute, so the
// rate leaves room for the burst.
func NewLimiter() *rate.Limiter {
	return rate.NewLimiter(rate.Every(time.Minute/(RequestsPerMinute-limiterBurst)), limiterBurst)
}

// New returns a client for baseURL (scheme and host, optionally a path
// prefix) authenticating with key. A missing key is the caller's to report
// (with the variable's name); New rejects only what cannot work at all.
func New(baseURL, key string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(baseURL), "/"))
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("base URL %q: must start with https:// (or http://)", baseURL)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("base URL %q: has no host", baseURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("base URL %s: must not carry credentials; set OPENCX_API_KEY", u.Redacted())
	}
	c := &Client{
		base:    u,
		key:     key,
		timeout: DefaultTimeout,
		maxBody: DefaultMaxBody,
		agent:   "cxi",
	}
	for _, opt := range opts {
		opt(c)
	}
	if c.limiter == nil {
		c.limiter = NewLimiter()
	}
	c.budget = newBudget(time.Now)
	h := http.Client{}
	if c.http != nil {
		h = *c.http
	}
	h.CheckRedirect = c.checkRedirect
	c.http = &h
	return c, nil
}

// BaseURL is the base URL requests go to, for error messages and the UI.
func (c *Client) BaseURL() string { return c.base.String() }

// checkRedirect keeps the Authorization header on the configured host only:
// a redirect elsewhere must never carry the key (as gh does).
//
// Every redirect is a request of its own to the API's budget: it waits its
// turn in the limiter and is counted like the first.
//
// A write is never sent on to another address: its redirect is answered
// as it came (an unexpected 3xx), not followed.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if via[0].Method != http.MethodGet {
		return http.ErrUseLastResponse
	}
	if len(via) >= 5 {
		return errors.New("stopped after 5 redirects")
	}
	if err := c.waitTurn(req.Context()); err != nil {
		return err
	}
	if req.URL.Host != c.base.Host || req.URL.Scheme != c.base.Scheme {
		req.Header.Del("Authorization")
	}
	return nil
}

// GetSession fetches one chat session by its ID.
func (c *Client) GetSession(ctx context.Context, id string) (*Session, error) {
	op := "get session " + ShortID(id)
	var s Session
	if err := c.get(ctx, op, "/chat/sessions/"+url.PathEscape(id), &s); err != nil {
		return nil, err
	}
	if s.ID == "" {
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: errors.New("the response has no session id")}
	}
	if _, err := ParseSessionID(s.ID); err != nil || len(s.ID) != 36 {
		// Every view shows IDs as they are: only a real UUID may pass.
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: errors.New("the response's id is not a session ID")}
	}
	if !SameSession(s.ID, id) {
		// Shown, it would pass for the session asked for, and a key pressed
		// on it would act on a session nobody named.
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: &OtherSessionError{Asked: id, Answered: s.ID}}
	}
	return &s, nil
}
