package api_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
)

// shortTimeout keeps the timeout cases fast; prompt is how long an ended
// request may take to come back, with room for a loaded -race machine.
const (
	shortTimeout = 150 * time.Millisecond
	prompt       = 2 * time.Second
)

// hang answers nothing until the client goes away.
func hang(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// stall sends headers and the start of a body, then nothing more.
func stall(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", "4096")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(`{"id":"` + testID + `","status":`))
	_ = http.NewResponseController(w).Flush()
	<-r.Context().Done()
}

// resetMidBody returns a handler that sends the headers and part of the
// body, waits until the client has read the headers (headersRead, from
// headersSeen), then resets the TCP connection (SO_LINGER 0), as a
// crashing proxy does: a reset before that would be another case.
func resetMidBody(headersRead <-chan struct{}) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"id\":\"" + testID + "\",")
		_ = buf.Flush()
		select {
		case <-headersRead:
		case <-r.Context().Done():
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
		_ = conn.Close()
	}
}

// headersSeen is a transport that closes read once a response's headers
// have arrived, which is when the client starts on the body.
type headersSeen struct {
	once sync.Once
	read chan struct{}
}

func (h *headersSeen) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	h.once.Do(func() { close(h.read) })
	return resp, err
}

// startFake starts srv on loopback, stopped with the test.
func startFake(t testing.TB, srv *fake.Server) (*fake.Server, string) {
	t.Helper()
	return srv, faketest.Start(t, srv)
}

func TestTransportErrors(t *testing.T) {
	closedPort := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close()
		return "http://" + addr
	}
	httptestBase := func(h http.HandlerFunc) func(*testing.T) string {
		return func(t *testing.T) string { return serve(t, h).URL }
	}
	fakeBase := func(f fake.Fault) func(*testing.T) string {
		return func(t *testing.T) string {
			_, base := startFake(t, demo.NewServer(fake.WithKey(testKey), fake.WithFault(demo.IDMinimal, f)))
			return base
		}
	}
	reset := &headersSeen{read: make(chan struct{})}
	tests := []struct {
		name    string
		base    func(t *testing.T) string
		opts    []api.Option
		kind    api.Kind
		errText string
	}{
		{"server never answers", httptestBase(hang), []api.Option{api.WithTimeout(shortTimeout)}, api.KindTimeout, "no answer within 150ms"},
		{"fake server hangs", fakeBase(fake.Fault{Hang: true}), []api.Option{api.WithTimeout(shortTimeout)}, api.KindTimeout, "no answer within"},
		{"fake server slower than the timeout", fakeBase(fake.Fault{Delay: 10 * time.Second}), []api.Option{api.WithTimeout(shortTimeout)}, api.KindTimeout, "no answer within"},
		{"body stalls after the headers", httptestBase(stall), []api.Option{api.WithTimeout(shortTimeout)}, api.KindTimeout, "no answer within"},
		{"fake server cuts the body", fakeBase(fake.Fault{TruncateAt: 100}), nil, api.KindDropped, "dropped"},
		{"fake server announces more than it sends", fakeBase(fake.Fault{Status: 200, ContentType: "application/json", Body: `{"id":"x"}`, Header: http.Header{"Content-Length": {"5000"}}}), nil, api.KindDropped, "dropped"},
		{"connection reset mid-body", httptestBase(resetMidBody(reset.read)), []api.Option{api.WithHTTPClient(&http.Client{Transport: reset})}, api.KindDropped, ""},
		{"closed port", closedPort, nil, api.KindUnreachable, "refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			base := tt.base(t)
			id := testID
			if strings.HasPrefix(tt.name, "fake") {
				id = demo.IDMinimal
			}
			c := newClient(t, base, tt.opts...)
			start := time.Now()
			s, err := c.GetSession(context.Background(), id)
			elapsed := time.Since(start)
			if s != nil {
				t.Errorf("got a session next to the error")
			}
			e := asError(t, err, base)
			if e.Kind != tt.kind {
				t.Errorf("Kind = %v, want %v (%v)", kindName(e.Kind), kindName(tt.kind), e)
			}
			if e.Status != 0 {
				t.Errorf("Status = %d, want 0: no complete answer arrived", e.Status)
			}
			if tt.errText != "" && !strings.Contains(e.Error(), tt.errText) {
				t.Errorf("Error() = %q, want it to say %q", e.Error(), tt.errText)
			}
			if e.Kind == api.KindTimeout {
				if e.Elapsed < shortTimeout*9/10 || e.Elapsed > prompt { // the clock starts a hair before Elapsed does
					t.Errorf("Elapsed = %v, want between %v and %v", e.Elapsed, shortTimeout, prompt)
				}
			}
			if elapsed > prompt {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

// TestUnresolvableHost uses a .invalid name (RFC 6761: never resolves). If
// the sandbox's resolver hangs rather than failing, the test says so and
// leaves the case to TestDNSErrorFromDialer.
func TestUnresolvableHost(t *testing.T) {
	base := "http://cxi-test-host.invalid"
	c := newClient(t, base, api.WithTimeout(2*time.Second))
	_, err := c.GetSession(context.Background(), testID)
	e := asError(t, err, base)
	if e.Kind == api.KindTimeout {
		t.Skip("the local resolver hangs on .invalid names; TestDNSErrorFromDialer covers the kind")
	}
	if e.Kind != api.KindUnreachable || !strings.Contains(e.Error(), "cxi-test-host.invalid") {
		t.Errorf("got kind %v: %v; want KindUnreachable naming the host", kindName(e.Kind), e)
	}
}

func TestDNSErrorFromDialer(t *testing.T) {
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}}
	t.Cleanup(tr.CloseIdleConnections)
	c := newClient(t, api.DefaultBaseURL, api.WithHTTPClient(&http.Client{Transport: tr}))
	_, err := c.GetSession(context.Background(), testID)
	e := asError(t, err, api.DefaultBaseURL)
	if e.Kind != api.KindUnreachable || e.Error() != "get session 3c90c3cc: cannot resolve host api.open.cx" {
		t.Errorf("got kind %v: %q", kindName(e.Kind), e.Error())
	}
}

// TestCancel: the user's cancel (esc) must end a request at once, whatever
// it was waiting for, and be told apart from a timeout.
func TestCancel(t *testing.T) {
	tests := []struct {
		name    string
		h       http.HandlerFunc
		ctx     func() (context.Context, context.CancelFunc)
		wantErr error
	}{
		{"while waiting for headers", hang, cancelAfter(50 * time.Millisecond), context.Canceled},
		{"while reading the body", stall, cancelAfter(50 * time.Millisecond), context.Canceled},
		{"before sending", hang, func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, context.Canceled},
		// The caller's own deadline is the caller's decision, not a slow
		// API: it comes back as KindCanceled carrying DeadlineExceeded.
		{"caller's deadline", hang, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, tt.h)
			c := newClient(t, srv.URL) // 5 s timeout: only the context can end these quickly
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			_, err := c.GetSession(ctx, testID)
			if elapsed := time.Since(start); elapsed > prompt {
				t.Errorf("took %v to notice the cancel", elapsed)
			}
			e := asError(t, err, srv.URL)
			if e.Kind != api.KindCanceled {
				t.Errorf("Kind = %v, want KindCanceled (%v)", kindName(e.Kind), e)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("errors.Is(err, %v) is false for %v", tt.wantErr, err)
			}
		})
	}
}

func cancelAfter(d time.Duration) func() (context.Context, context.CancelFunc) {
	return func() (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(d, cancel)
		return ctx, cancel
	}
}

// TestLocalRateLimiter: the shared limiter waits, but a caller whose
// deadline comes first learns at once that the limiter is the reason.
func TestLocalRateLimiter(t *testing.T) {
	srv := serve(t, respond(http.StatusOK, "application/json", `{"id":"`+testID+`"}`))
	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	c := newClient(t, srv.URL, api.WithLimiter(lim))
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatalf("first request: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.GetSession(ctx, testID)
	e := asError(t, err, srv.URL)
	if e.Kind != api.KindRateLimited || e.Status != 0 || !e.RetryAt.IsZero() {
		t.Errorf("got kind %v status %d RetryAt %v, want a local KindRateLimited", kindName(e.Kind), e.Status, e.RetryAt)
	}
	if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
		t.Errorf("waited %v for a token that could not come in time", elapsed)
	}
}

// recorder is a handler that remembers the Authorization header of each request.
type recorder struct {
	mu    sync.Mutex
	auths []string
	next  http.Handler
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	r.auths = append(r.auths, req.Header.Get("Authorization"))
	r.mu.Unlock()
	r.next.ServeHTTP(w, req)
}

func (r *recorder) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.auths...)
}

func TestRedirects(t *testing.T) {
	session := respond(http.StatusOK, "application/json", `{"id":"`+testID+`"}`)
	bearer := "Bearer " + testKey

	t.Run("to another host drops the key", func(t *testing.T) {
		other := &recorder{next: session}
		otherSrv := serve(t, other)
		origin := &recorder{next: http.RedirectHandler(otherSrv.URL+"/chat/sessions/"+testID, http.StatusFound)}
		originSrv := serve(t, origin)
		s, err := newClient(t, originSrv.URL).GetSession(context.Background(), testID)
		if err != nil || s.ID != testID {
			t.Fatalf("got %v, %v", s, err)
		}
		if got := origin.seen(); len(got) != 1 || got[0] != bearer {
			t.Errorf("origin saw %q, want the key once", got)
		}
		if got := other.seen(); len(got) != 1 || got[0] != "" {
			t.Errorf("the other host saw Authorization %q, want none", got)
		}
	})

	// net/http itself forwards the key to a subdomain; only the client's
	// own policy (the configured host, nothing else) stops it. Both names
	// are dialled to the same loopback server and told apart by Host.
	t.Run("to a subdomain drops the key", func(t *testing.T) {
		var mu sync.Mutex
		seen := map[string]string{}
		srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			seen[r.Host] = r.Header.Get("Authorization")
			mu.Unlock()
			if strings.HasPrefix(r.Host, "api.") {
				_, port, _ := net.SplitHostPort(r.Host)
				http.Redirect(w, r, "http://files.api.opencx.test:"+port+r.URL.Path, http.StatusTemporaryRedirect)
				return
			}
			session(w, r)
		}))
		addr := srv.Listener.Addr().String()
		_, port, _ := net.SplitHostPort(addr)
		tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		}}
		t.Cleanup(tr.CloseIdleConnections)
		base := "http://api.opencx.test:" + port
		// A caller's CheckRedirect that allows anything is replaced by the
		// client's own, and the caller's http.Client is left as it was.
		mine := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
		c := newClient(t, base, api.WithHTTPClient(mine))
		if _, err := c.GetSession(context.Background(), testID); err != nil {
			t.Fatal(err)
		}
		if mine.CheckRedirect(nil, nil) != nil {
			t.Error("New changed the caller's http.Client")
		}
		mu.Lock()
		defer mu.Unlock()
		if got := seen["api.opencx.test:"+port]; got != bearer {
			t.Errorf("the API host saw %q, want the key", got)
		}
		if got, ok := seen["files.api.opencx.test:"+port]; !ok || got != "" {
			t.Errorf("the subdomain saw Authorization %q (reached: %v), want none", got, ok)
		}
	})

	t.Run("on the same host keeps the key", func(t *testing.T) {
		rec := &recorder{}
		srv := serve(t, rec)
		rec.next = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// The same session under its ID in capitals: moved, and still
			// the session asked for.
			if strings.HasSuffix(r.URL.Path, strings.ToUpper(testID)) {
				http.Redirect(w, r, srv.URL+"/chat/sessions/"+testID, http.StatusMovedPermanently)
				return
			}
			session(w, r)
		})
		s, err := newClient(t, srv.URL).GetSession(context.Background(), strings.ToUpper(testID))
		if err != nil || s.ID != testID {
			t.Fatalf("got %v, %v; want the redirect followed", s, err)
		}
		if got := rec.seen(); len(got) != 2 || got[0] != bearer || got[1] != bearer {
			t.Errorf("saw Authorization %q, want the key on both requests", got)
		}
	})

	t.Run("loop stops without leaking the key", func(t *testing.T) {
		rec := &recorder{}
		srv := serve(t, rec)
		rec.next = http.RedirectHandler(srv.URL+"/chat/sessions/"+testID, http.StatusFound)
		_, err := newClient(t, srv.URL).GetSession(context.Background(), testID)
		e := asError(t, err, srv.URL)
		if !strings.Contains(e.Error(), "redirects") {
			t.Errorf("Error() = %q, want it to name the redirects", e.Error())
		}
		if got := rec.seen(); len(got) != 5 {
			t.Errorf("%d requests, want 5 (the first and 4 redirects)", len(got))
		}
	})
}

// TestATransportFailureReadsTheSameForAWrite: net/http prefixes a failure
// with the method and the URL ("Patch \"https://…\": …"); the error names
// the URL itself, for a write as for a read.
func TestATransportFailureReadsTheSameForAWrite(t *testing.T) {
	tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("boom")
	}}
	t.Cleanup(tr.CloseIdleConnections)
	c := newClient(t, api.DefaultBaseURL, api.WithHTTPClient(&http.Client{Transport: tr}))
	_, rerr := c.GetSession(context.Background(), testID)
	werr := c.SetStatus(context.Background(), testID, api.StatusChange{Status: api.StatusOpen})
	for name, err := range map[string]error{"GET": rerr, "PATCH": werr} {
		e := asError(t, err, api.DefaultBaseURL)
		if msg := e.Error(); strings.Contains(msg, "Get ") || strings.Contains(msg, "Patch ") || !strings.HasSuffix(msg, ": boom") {
			t.Errorf("%s: %q, want the cause without net/http's method and URL", name, msg)
		}
	}
}
