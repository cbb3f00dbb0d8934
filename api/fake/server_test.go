package fake

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	unauthorizedBody = `{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}`
	notFoundBody     = `{"statusCode":404,"message":"Chat session not found","error":"Not Found"}`
)

// get sends GET path to the handler in memory, with key as bearer token when
// it is not empty.
func get(h http.Handler, path, key string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func wantResponse(t *testing.T, w *httptest.ResponseRecorder, status int, ctype, body string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("status %d, want %d", w.Code, status)
	}
	if got := w.Header().Get("Content-Type"); got != ctype {
		t.Errorf("Content-Type %q, want %q", got, ctype)
	}
	if got := w.Body.String(); got != body {
		t.Errorf("body %q, want %q", got, body)
	}
}

func TestServeEveryDemoSession(t *testing.T) {
	s := New(WithoutFaults())
	for _, d := range Demo() {
		want, _ := Fixture(d.ID)
		wantResponse(t, get(s, "/chat/sessions/"+d.ID, DemoKey), http.StatusOK, jsonContentType, string(want))
	}
}

func TestUpperCaseIDFound(t *testing.T) {
	w := get(New(), "/chat/sessions/"+strings.ToUpper(IDMinimal), DemoKey)
	if w.Code != http.StatusOK {
		t.Errorf("status %d, want 200", w.Code)
	}
}

func TestAuth(t *testing.T) {
	s := New(WithKey("s3cret"))
	path := "/chat/sessions/" + IDMinimal
	for name, header := range map[string]string{
		"missing":          "",
		"wrong key":        "Bearer " + DemoKey,
		"wrong scheme":     "Basic s3cret",
		"no token":         "Bearer ",
		"no space":         "Bearers3cret",
		"key as prefix":    "Bearer s3cret2",
		"key without auth": "s3cret",
	} {
		t.Run(name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, path, nil)
			if header != "" {
				r.Header.Set("Authorization", header)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			wantResponse(t, w, http.StatusUnauthorized, jsonContentType, unauthorizedBody)
		})
	}
	t.Run("lower-case scheme", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		r.Header.Set("Authorization", "bearer s3cret")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Errorf("status %d, want 200", w.Code)
		}
	})
	t.Run("fault after auth", func(t *testing.T) {
		w := get(New(), "/chat/sessions/"+IDBadGateway, "nope")
		wantResponse(t, w, http.StatusUnauthorized, jsonContentType, unauthorizedBody)
	})
}

func TestRouting(t *testing.T) {
	s := New()
	wantResponse(t, get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000", DemoKey),
		http.StatusNotFound, jsonContentType, notFoundBody)
	for _, path := range []string{
		"/chat/sessions/",
		"/chat/sessions/" + IDMinimal + "/",
		"/chat/sessions/" + IDMinimal + "/history/",
		"/chat/sessions/" + IDMinimal + "/messages",
		"/chat/sessions//history",
		"/chat/session",
	} {
		wantResponse(t, get(s, path, DemoKey),
			http.StatusNotFound, jsonContentType, `{"statusCode":404,"message":"Cannot GET `+path+`","error":"Not Found"}`)
	}
	for _, path := range []string{"/chat/sessions", "/chat/sessions/" + IDMinimal + "/history"} {
		if w := get(s, path, DemoKey); w.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200", path, w.Code)
		}
	}

	for _, path := range []string{"/chat/sessions/" + IDMinimal, "/chat/sessions", "/chat/sessions/" + IDMinimal + "/history"} {
		r := httptest.NewRequest(http.MethodDelete, path, nil)
		r.Header.Set("Authorization", "Bearer "+DemoKey)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		wantResponse(t, w, http.StatusMethodNotAllowed, jsonContentType,
			`{"statusCode":405,"message":"Method DELETE not allowed","error":"Method Not Allowed"}`)
		if got := w.Header().Get("Allow"); got != "GET" {
			t.Errorf("%s: Allow %q, want GET", path, got)
		}
	}
}

func TestDemoFaults(t *testing.T) {
	s := New()
	w := get(s, "/chat/sessions/"+IDBadGateway, DemoKey)
	wantResponse(t, w, http.StatusBadGateway, "text/html", badGatewayHTML)
	if !strings.Contains(w.Body.String(), "<title>502 Bad Gateway</title>") {
		t.Error("not nginx's 502 page")
	}

	w = get(s, "/chat/sessions/"+IDRateLimited, DemoKey)
	wantResponse(t, w, http.StatusTooManyRequests, jsonContentType, rateLimitedJSON)
	if got := w.Header().Get("Retry-After"); got != "30" {
		t.Errorf("Retry-After %q, want 30", got)
	}

	s.mu.Lock()
	slow := s.faults[IDSlow]
	s.mu.Unlock()
	if slow.Delay != SlowDelay || slow.Status != 0 || slow.Body != "" {
		t.Errorf("slow fault %+v, want only a %v delay", slow, SlowDelay)
	}
	s.ClearFault(IDBadGateway)
	if w := get(s, "/chat/sessions/"+IDBadGateway, DemoKey); w.Code != http.StatusOK {
		t.Errorf("after ClearFault: status %d, want 200", w.Code)
	}
}

func TestFaultResponses(t *testing.T) {
	const id = "4a1f0c3e-2b7d-4e59-8c16-d0e9a7b3f524"
	header := http.Header{"Retry-After": {"7"}, "x-request-id": {"req_42"}}
	s := New(WithoutDemo(),
		WithSession(id, []byte(`{"odd":true}`)),
		WithFault(id, Fault{Status: 503, ContentType: "application/problem+json", Body: `{"title":"down"}`, Header: header}))
	header.Set("Retry-After", "changed after SetFault")

	w := get(s, "/chat/sessions/"+id, DemoKey)
	wantResponse(t, w, http.StatusServiceUnavailable, "application/problem+json", `{"title":"down"}`)
	if w.Header().Get("Retry-After") != "7" || w.Header().Get("X-Request-Id") != "req_42" {
		t.Errorf("headers %v", w.Header())
	}

	s.SetFault(id, Fault{Status: 500, Body: "upstream exploded"})
	w = get(s, "/chat/sessions/"+id, DemoKey)
	if w.Code != 500 || w.Body.String() != "upstream exploded" {
		t.Errorf("got %d %q", w.Code, w.Body)
	}
	if ct, ok := w.Header()["Content-Type"]; ok && len(ct) > 0 {
		t.Errorf("Content-Type %q sent for a fault without one", ct)
	}

	s.SetFault(id, Fault{Delay: time.Millisecond})
	wantResponse(t, get(s, "/chat/sessions/"+id, DemoKey), http.StatusOK, jsonContentType, `{"odd":true}`)

	s.SetFault("7e0b2d4c-1a3f-4b68-9c57-e2d1f0a6b839", Fault{Delay: time.Millisecond})
	wantResponse(t, get(s, "/chat/sessions/7e0b2d4c-1a3f-4b68-9c57-e2d1f0a6b839", DemoKey),
		http.StatusNotFound, jsonContentType, notFoundBody)
}

// serveAsync runs the handler for one request in the background and
// returns the cancel for its context and a channel closed when it returns.
func serveAsync(s *Server, id string) (context.CancelFunc, <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	r := httptest.NewRequest(http.MethodGet, "/chat/sessions/"+id, nil).WithContext(ctx)
	r.Header.Set("Authorization", "Bearer "+DemoKey)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.ServeHTTP(httptest.NewRecorder(), r)
	}()
	return cancel, done
}

func TestDelayAndHangStopOnCancel(t *testing.T) {
	for name, f := range map[string]Fault{
		"delay": {Delay: time.Hour},
		"hang":  {Hang: true},
	} {
		t.Run(name, func(t *testing.T) {
			s := New(WithFault(IDMinimal, f))
			cancel, done := serveAsync(s, IDMinimal)
			select {
			case <-done:
				t.Fatal("answered before the context was cancelled")
			case <-time.After(50 * time.Millisecond):
			}
			cancel()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				t.Fatal("still waiting after the context was cancelled")
			}
		})
	}
}

func TestDelayDelays(t *testing.T) {
	const delay = 30 * time.Millisecond
	s := New(WithFault(IDMinimal, Fault{Delay: delay}))
	start := time.Now()
	w := get(s, "/chat/sessions/"+IDMinimal, DemoKey)
	if elapsed := time.Since(start); elapsed < delay {
		t.Errorf("answered after %v, want at least %v", elapsed, delay)
	}
	if w.Code != http.StatusOK {
		t.Errorf("status %d", w.Code)
	}
}

func TestRequestsRecorded(t *testing.T) {
	at := time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)
	s := New(WithClock(func() time.Time { return at }))
	if got := s.Requests(); len(got) != 0 {
		t.Fatalf("fresh server has %d requests", len(got))
	}
	get(s, "/chat/sessions/"+IDMinimal, DemoKey)
	get(s, "/chat/sessions/"+IDMinimal+"?x=1", "")
	got := s.Requests()
	want := []RecordedRequest{
		{Method: "GET", Path: "/chat/sessions/" + IDMinimal, Authorization: "Bearer " + DemoKey, Time: at},
		{Method: "GET", Path: "/chat/sessions/" + IDMinimal, RawQuery: "x=1", Time: at},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d requests, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	got[0].Method = "changed"
	if s.Requests()[0].Method != "GET" {
		t.Error("Requests exposes the server's log")
	}
}

func TestConcurrentUse(t *testing.T) {
	s := New(WithoutFaults())
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			id := Demo()[i%len(Demo())].ID
			s.SetFault(id, Fault{Header: http.Header{"X-N": {"1"}}})
			get(s, "/chat/sessions/"+id, DemoKey)
			s.ClearFault(id)
			_ = s.Requests()
		})
	}
	wg.Wait()
	if n := len(s.Requests()); n != 20 {
		t.Errorf("recorded %d requests, want 20", n)
	}
}

// startServer starts s on loopback and stops it when the test ends, failing
// the test if that leaves goroutines behind.
func startServer(t *testing.T, s *Server) (baseURL string, client *http.Client, stop func()) {
	t.Helper()
	before := runtime.NumGoroutine()
	baseURL, stop, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	transport := &http.Transport{}
	t.Cleanup(func() {
		stop()
		transport.CloseIdleConnections()
		waitGoroutines(t, before)
	})
	return baseURL, &http.Client{Transport: transport}, stop
}

// waitGoroutines is a poor man's goleak: it waits for the goroutine count to
// fall back to what it was.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Errorf("%d goroutines, want %d:\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func request(t *testing.T, ctx context.Context, client *http.Client, url string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DemoKey)
	return client.Do(req)
}

func TestStartServesAndStops(t *testing.T) {
	base, client, stop := startServer(t, New())
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base URL %q", base)
	}
	resp, err := request(t, context.Background(), client, base+"/chat/sessions/"+IDAngryHandoff)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	want, _ := Fixture(IDAngryHandoff)
	if err != nil || resp.StatusCode != 200 || string(body) != string(want) {
		t.Fatalf("status %d, err %v, body %.60q", resp.StatusCode, err, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != jsonContentType {
		t.Errorf("Content-Type %q", ct)
	}

	stop()
	stop() // idempotent
	if _, err := request(t, context.Background(), client, base+"/chat/sessions/"+IDAngryHandoff); err == nil {
		t.Error("server still answers after stop")
	}
}

func TestTruncateAtBreaksTheBody(t *testing.T) {
	const cut = 100
	s := New(WithFault(IDAngryHandoff, Fault{TruncateAt: cut}))
	base, client, _ := startServer(t, s)
	resp, err := request(t, context.Background(), client, base+"/chat/sessions/"+IDAngryHandoff)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read error %v, want unexpected EOF", err)
	}
	want, _ := Fixture(IDAngryHandoff)
	if resp.StatusCode != 200 || string(body) != string(want[:cut]) {
		t.Errorf("status %d, received %q, want the first %d bytes of the fixture", resp.StatusCode, body, cut)
	}
}

func TestClientCancelEndsDelay(t *testing.T) {
	s := New()
	base, client, _ := startServer(t, s)
	idle := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := request(t, ctx, client, base+"/chat/sessions/"+IDSlow)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want deadline exceeded", err)
	}
	if elapsed := time.Since(start); elapsed > SlowDelay/2 {
		t.Errorf("took %v", elapsed)
	}
	// Before stop, which would end the wait anyway: the handler must give
	// up as soon as the client has gone.
	waitGoroutines(t, idle)
}

func TestStopEndsHangingRequest(t *testing.T) {
	s := New(WithFault(IDMinimal, Fault{Hang: true}))
	base, client, stop := startServer(t, s)
	req, err := http.NewRequest(http.MethodGet, base+"/chat/sessions/"+IDMinimal, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DemoKey)
	errc := make(chan error, 1)
	go func() {
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	for len(s.Requests()) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(2 * time.Second):
		t.Fatal("stop blocked on a hanging request")
	}
	if err := <-errc; err == nil {
		t.Error("hanging request got an answer; want a broken connection")
	}
}
