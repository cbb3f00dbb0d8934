package fake_test

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

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

func TestUpperCaseIDFound(t *testing.T) {
	w := probe.Get(demo.NewServer(), "/chat/sessions/"+strings.ToUpper(demo.IDMinimal), fake.DemoKey)
	if w.Code != http.StatusOK {
		t.Errorf("status %d, want 200", w.Code)
	}
}

func TestAuth(t *testing.T) {
	s := demo.NewServer(fake.WithKey("s3cret"))
	path := "/chat/sessions/" + demo.IDMinimal
	for name, header := range map[string]string{
		"missing":          "",
		"wrong key":        "Bearer " + fake.DemoKey,
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
			probe.WantResponse(t, w, http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
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
		w := probe.Get(demo.NewServer(), "/chat/sessions/"+demo.IDBadGateway, "nope")
		probe.WantResponse(t, w, http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
	})
}

func TestRouting(t *testing.T) {
	s := demo.NewServer()
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/00000000-0000-4000-8000-000000000000", fake.DemoKey),
		http.StatusNotFound, probe.JSONContentType, notFoundBody)
	for _, path := range []string{
		"/chat/sessions/",
		"/chat/sessions/" + demo.IDMinimal + "/",
		"/chat/sessions/" + demo.IDMinimal + "/history/",
		"/chat/sessions/" + demo.IDMinimal + "/messages",
		"/chat/sessions//history",
		"/chat/session",
	} {
		probe.WantResponse(t, probe.Get(s, path, fake.DemoKey),
			http.StatusNotFound, probe.JSONContentType, `{"statusCode":404,"message":"Cannot GET `+path+`","error":"Not Found"}`)
	}
	for _, path := range []string{"/chat/sessions", "/chat/sessions/" + demo.IDMinimal + "/history"} {
		if w := probe.Get(s, path, fake.DemoKey); w.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200", path, w.Code)
		}
	}

	for _, path := range []string{"/chat/sessions/" + demo.IDMinimal, "/chat/sessions", "/chat/sessions/" + demo.IDMinimal + "/history"} {
		r := httptest.NewRequest(http.MethodDelete, path, nil)
		r.Header.Set("Authorization", "Bearer "+fake.DemoKey)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		probe.WantResponse(t, w, http.StatusMethodNotAllowed, probe.JSONContentType,
			`{"statusCode":405,"message":"Method DELETE not allowed","error":"Method Not Allowed"}`)
		want := "GET"
		if path == "/chat/sessions/"+demo.IDMinimal {
			want = "GET, PATCH" // the status change
		}
		if got := w.Header().Get("Allow"); got != want {
			t.Errorf("%s: Allow %q, want %s", path, got, want)
		}
	}
}

func TestFaultResponses(t *testing.T) {
	const id = "4a1f0c3e-2b7d-4e59-8c16-d0e9a7b3f524"
	header := http.Header{"Retry-After": {"7"}, "x-request-id": {"req_42"}}
	s := fake.New(
		fake.WithSession(id, []byte(`{"odd":true}`)),
		fake.WithFault(id, fake.Fault{Status: 503, ContentType: "application/problem+json", Body: `{"title":"down"}`, Header: header}))
	header.Set("Retry-After", "changed after SetFault")

	w := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey)
	probe.WantResponse(t, w, http.StatusServiceUnavailable, "application/problem+json", `{"title":"down"}`)
	if w.Header().Get("Retry-After") != "7" || w.Header().Get("X-Request-Id") != "req_42" {
		t.Errorf("headers %v", w.Header())
	}

	s.SetFault(id, fake.Fault{Status: 500, Body: "upstream exploded"})
	w = probe.Get(s, "/chat/sessions/"+id, fake.DemoKey)
	if w.Code != 500 || w.Body.String() != "upstream exploded" {
		t.Errorf("got %d %q", w.Code, w.Body)
	}
	if ct, ok := w.Header()["Content-Type"]; ok && len(ct) > 0 {
		t.Errorf("Content-Type %q sent for a fault without one", ct)
	}

	s.SetFault(id, fake.Fault{Delay: time.Millisecond})
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/"+id, fake.DemoKey), http.StatusOK, probe.JSONContentType, `{"odd":true}`)

	s.SetFault("7e0b2d4c-1a3f-4b68-9c57-e2d1f0a6b839", fake.Fault{Delay: time.Millisecond})
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/7e0b2d4c-1a3f-4b68-9c57-e2d1f0a6b839", fake.DemoKey),
		http.StatusNotFound, probe.JSONContentType, notFoundBody)
}

// serveAsync runs the handler for one request in the background and
// returns the cancel for its context and a channel closed when it returns.
func serveAsync(s *fake.Server, id string) (context.CancelFunc, <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	r := httptest.NewRequest(http.MethodGet, "/chat/sessions/"+id, nil).WithContext(ctx)
	r.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.ServeHTTP(httptest.NewRecorder(), r)
	}()
	return cancel, done
}

func TestDelayAndHangStopOnCancel(t *testing.T) {
	for name, f := range map[string]fake.Fault{
		"delay": {Delay: time.Hour},
		"hang":  {Hang: true},
	} {
		t.Run(name, func(t *testing.T) {
			s := demo.NewServer(fake.WithFault(demo.IDMinimal, f))
			cancel, done := serveAsync(s, demo.IDMinimal)
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
	s := demo.NewServer(fake.WithFault(demo.IDMinimal, fake.Fault{Delay: delay}))
	start := time.Now()
	w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey)
	if elapsed := time.Since(start); elapsed < delay {
		t.Errorf("answered after %v, want at least %v", elapsed, delay)
	}
	if w.Code != http.StatusOK {
		t.Errorf("status %d", w.Code)
	}
}

func TestRequestsRecorded(t *testing.T) {
	at := time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)
	s := demo.NewServer(fake.WithClock(func() time.Time { return at }))
	if got := s.Requests(); len(got) != 0 {
		t.Fatalf("fresh server has %d requests", len(got))
	}
	probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey)
	probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"?x=1", "")
	got := s.Requests()
	want := []fake.RecordedRequest{
		{Method: "GET", Path: "/chat/sessions/" + demo.IDMinimal, Authorization: "Bearer " + fake.DemoKey, Time: at},
		{Method: "GET", Path: "/chat/sessions/" + demo.IDMinimal, RawQuery: "x=1", Time: at},
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
	s := demo.NewServer(fake.WithoutFaults())
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			id := demo.Sessions()[i%len(demo.Sessions())].ID
			s.SetFault(id, fake.Fault{Header: http.Header{"X-N": {"1"}}})
			probe.Get(s, "/chat/sessions/"+id, fake.DemoKey)
			s.SetFault(id, fake.Fault{}) // a fault that changes nothing
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
func startServer(t *testing.T, s *fake.Server) (baseURL string, client *http.Client, stop func()) {
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
	req.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	return client.Do(req)
}

func TestStartServesAndStops(t *testing.T) {
	base, client, stop := startServer(t, demo.NewServer())
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base URL %q", base)
	}
	resp, err := request(t, context.Background(), client, base+"/chat/sessions/"+demo.IDAngryHandoff)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	want, _ := demo.Fixture(demo.IDAngryHandoff)
	if err != nil || resp.StatusCode != 200 || string(body) != string(want) {
		t.Fatalf("status %d, err %v, body %.60q", resp.StatusCode, err, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != probe.JSONContentType {
		t.Errorf("Content-Type %q", ct)
	}

	stop()
	stop() // idempotent
	if _, err := request(t, context.Background(), client, base+"/chat/sessions/"+demo.IDAngryHandoff); err == nil {
		t.Error("server still answers after stop")
	}
}

func TestTruncateAtBreaksTheBody(t *testing.T) {
	const cut = 100
	s := demo.NewServer(fake.WithFault(demo.IDAngryHandoff, fake.Fault{TruncateAt: cut}))
	base, client, _ := startServer(t, s)
	resp, err := request(t, context.Background(), client, base+"/chat/sessions/"+demo.IDAngryHandoff)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read error %v, want unexpected EOF", err)
	}
	want, _ := demo.Fixture(demo.IDAngryHandoff)
	if resp.StatusCode != 200 || string(body) != string(want[:cut]) {
		t.Errorf("status %d, received %q, want the first %d bytes of the fixture", resp.StatusCode, body, cut)
	}
}

func TestClientCancelEndsDelay(t *testing.T) {
	s := demo.NewServer()
	base, client, _ := startServer(t, s)
	idle := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := request(t, ctx, client, base+"/chat/sessions/"+demo.IDSlow)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want deadline exceeded", err)
	}
	if elapsed := time.Since(start); elapsed > demo.SlowDelay/2 {
		t.Errorf("took %v", elapsed)
	}
	// Before stop, which would end the wait anyway: the handler must give
	// up as soon as the client has gone.
	waitGoroutines(t, idle)
}

func TestStopEndsHangingRequest(t *testing.T) {
	s := demo.NewServer(fake.WithFault(demo.IDMinimal, fake.Fault{Hang: true}))
	base, client, stop := startServer(t, s)
	req, err := http.NewRequest(http.MethodGet, base+"/chat/sessions/"+demo.IDMinimal, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+fake.DemoKey)
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
