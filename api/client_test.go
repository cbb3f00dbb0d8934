package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// nginx502 is nginx's own 502 page, CRLFs included.
const nginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
	"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"

// cdnPage is the shape of a CDN's error page: doctype, comments, inline
// style and script around a few words that matter.
const cdnPage = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html lang="en-US"><head><title>api.open.cx | 504: Gateway time-out</title>
<style>body{margin:0;padding:0;font-family:-apple-system,sans-serif} .cf-error{color:#404040}</style>
<script>(function(){window._cf_chl_opt={cvId:'3'};})();</script>
</head><body><h1>Gateway time-out</h1><p>The web server reported a gateway time-out error.</p></body></html>`

func TestRequestHeaders(t *testing.T) {
	var mu sync.Mutex
	var got http.Header
	var path string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got, path = r.Header.Clone(), r.URL.EscapedPath()
		mu.Unlock()
		respond(http.StatusOK, "application/json", `{"id":"`+testID+`"}`)(w, r)
	}))
	c := newClient(t, srv.URL+"/v1/", api.WithUserAgent("cxi-test/1"))
	if c.BaseURL() != srv.URL+"/v1" {
		t.Errorf("BaseURL() = %q, want the trailing slash trimmed", c.BaseURL())
	}
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for name, want := range map[string]string{
		"Authorization": "Bearer " + testKey,
		"Accept":        "application/json",
		"User-Agent":    "cxi-test/1",
	} {
		if got.Get(name) != want {
			t.Errorf("%s = %q, want %q", name, got.Get(name), want)
		}
	}
	if want := "/v1/chat/sessions/" + testID; path != want {
		t.Errorf("path %q, want %q", path, want)
	}
}

func TestFakeServerSeesBearerKey(t *testing.T) {
	// Two lookups: with the right key, then with a wrong one.
	srv := demo.NewServer(fake.Strict(t, fake.Expect(http.MethodGet, "/chat/sessions/"+demo.IDMinimal).Times(2)))
	_, base := startFake(t, srv)
	c := newClientKey(t, base, fake.DemoKey)
	if _, err := c.GetSession(context.Background(), demo.IDMinimal); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	if got, want := reqs[0].Authorization, "Bearer "+fake.DemoKey; got != want {
		t.Errorf("Authorization = %q, want %q", got, want)
	}
	if got, want := reqs[0].Path, "/chat/sessions/"+demo.IDMinimal; got != want {
		t.Errorf("path = %q, want %q", got, want)
	}

	// A wrong key gets the API's 401 with its message.
	bad := newClientKey(t, base, "wrong-key")
	_, err := bad.GetSession(context.Background(), demo.IDMinimal)
	e := asError(t, err, base)
	if e.Kind != api.KindUnauthorized || e.Status != 401 || e.Message != "Invalid API key" {
		t.Errorf("got kind %v status %d message %q", kindName(e.Kind), e.Status, e.Message)
	}
}

// TestStatusErrors covers every answer that is not a session: each must
// come back as an *api.Error of the right kind with the server's words in
// Message (JSON) or Excerpt (anything else), and never with the key.
func TestStatusErrors(t *testing.T) {
	type check func(t *testing.T, e *api.Error, sent time.Time)
	message := func(want string) check {
		return func(t *testing.T, e *api.Error, _ time.Time) {
			if e.Message != want {
				t.Errorf("Message = %q, want %q", e.Message, want)
			}
			if e.Excerpt != "" {
				t.Errorf("Excerpt = %q, want none next to a message", e.Excerpt)
			}
		}
	}
	excerpt := func(want string) check {
		return func(t *testing.T, e *api.Error, _ time.Time) {
			if e.Excerpt != want {
				t.Errorf("Excerpt = %q, want %q", e.Excerpt, want)
			}
			if e.Message != "" {
				t.Errorf("Message = %q, want none for a non-JSON body", e.Message)
			}
		}
	}
	errText := func(want string) check {
		return func(t *testing.T, e *api.Error, _ time.Time) {
			if e.Err == nil || !strings.Contains(e.Err.Error(), want) {
				t.Errorf("Err = %v, want it to say %q", e.Err, want)
			}
		}
	}
	// retryIn accepts RetryAt within a second of the send time plus d.
	retryIn := func(d time.Duration) check {
		return func(t *testing.T, e *api.Error, sent time.Time) {
			lo, hi := sent.Add(d-time.Second), time.Now().Add(d+time.Second)
			if e.RetryAt.Before(lo) || e.RetryAt.After(hi) {
				t.Errorf("RetryAt = %v, want about %v after %v", e.RetryAt, d, sent)
			}
		}
	}
	noRetryAt := func(t *testing.T, e *api.Error, _ time.Time) {
		if !e.RetryAt.IsZero() {
			t.Errorf("RetryAt = %v, want zero", e.RetryAt)
		}
	}
	retryDate := time.Now().Add(2 * time.Minute).UTC().Truncate(time.Second)
	errorDto := func(status int, msg, errText string) string {
		return fmt.Sprintf(`{"statusCode":%d,"message":%q,"error":%q}`, status, msg, errText)
	}

	tests := []struct {
		name   string
		h      http.HandlerFunc
		opts   []api.Option
		kind   api.Kind
		status int
		checks []check
	}{
		{"401 ErrorDto", respond(401, "application/json; charset=utf-8", errorDto(401, "Invalid API key", "Unauthorized")),
			nil, api.KindUnauthorized, 401, []check{message("Invalid API key")}},
		{"401 without a body", respond(401, "", ""),
			nil, api.KindUnauthorized, 401, []check{message("")}},
		{"403 ErrorDto", respond(403, "application/json", errorDto(403, "Forbidden resource", "Forbidden")),
			nil, api.KindForbidden, 403, []check{message("Forbidden resource")}},
		{"404 ErrorDto message surfaces", respond(404, "application/json", errorDto(404, "Chat session not found", "Not Found")),
			nil, api.KindNotFound, 404, []check{message("Chat session not found")}},
		{"404 HTML from the gateway keeps its kind", respond(404, "text/html", "<h1>Not Found</h1>"),
			nil, api.KindNotFound, 404, []check{excerpt("Not Found")}},
		{"429 Retry-After seconds", respond(429, "application/json", errorDto(429, "ThrottlerException: Too Many Requests", "Too Many Requests"), "Retry-After", "30"),
			nil, api.KindRateLimited, 429, []check{message("ThrottlerException: Too Many Requests"), retryIn(30 * time.Second)}},
		{"429 Retry-After HTTP date", respond(429, "", "", "Retry-After", retryDate.Format(http.TimeFormat)),
			nil, api.KindRateLimited, 429, []check{func(t *testing.T, e *api.Error, _ time.Time) {
				if !e.RetryAt.Equal(retryDate) {
					t.Errorf("RetryAt = %v, want %v", e.RetryAt, retryDate)
				}
			}}},
		{"429 Retry-After date in the past", respond(429, "", "", "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
			nil, api.KindRateLimited, 429, []check{retryIn(0)}},
		{"429 without Retry-After", respond(429, "application/json", errorDto(429, "Too Many Requests", "Too Many Requests")),
			nil, api.KindRateLimited, 429, []check{noRetryAt}},
		{"429 unreadable Retry-After", respond(429, "", "", "Retry-After", "soon"),
			nil, api.KindRateLimited, 429, []check{noRetryAt}},
		{"429 a day is capped at an hour", respond(429, "", "", "Retry-After", "86400"),
			nil, api.KindRateLimited, 429, []check{retryIn(time.Hour)}},
		{"429 a century is capped, not overflowed", respond(429, "", "", "Retry-After", "9999999999"),
			nil, api.KindRateLimited, 429, []check{retryIn(time.Hour)}},
		{"429 more digits than an int is capped", respond(429, "", "", "Retry-After", "99999999999999999999999"),
			nil, api.KindRateLimited, 429, []check{retryIn(time.Hour)}},
		{"500 JSON ErrorDto", respond(500, "application/json", errorDto(500, "Internal server error", "Internal Server Error")),
			nil, api.KindServer, 500, []check{message("Internal server error")}},
		{"500 JSON without a message falls back to error", respond(500, "application/json", `{"statusCode":500,"error":"Internal Server Error"}`),
			nil, api.KindServer, 500, []check{message("Internal Server Error")}},
		{"500 empty body", respond(500, "", ""),
			nil, api.KindServer, 500, []check{message(""), excerpt("")}},
		{"502 nginx HTML", respond(502, "text/html", nginx502, "Server", "nginx/1.25.3"),
			nil, api.KindNotJSON, 502, []check{excerpt("502 Bad Gateway nginx/1.25.3")}},
		{"504 CDN page reads as its words", respond(504, "text/html; charset=UTF-8", cdnPage),
			nil, api.KindNotJSON, 504, []check{excerpt("api.open.cx | 504: Gateway time-out The web server reported a gateway time-out error.")}},
		{"503 text/plain", respond(503, "text/plain", "upstream connect error or disconnect/reset before headers.\n reset reason: overflow"),
			nil, api.KindNotJSON, 503, []check{excerpt("upstream connect error or disconnect/reset before headers. reset reason: overflow")}},
		{"503 text/plain keeps angle brackets", respond(503, "text/plain", "maintenance: back in < 5 minutes, retry when load > 0.9 clears"),
			nil, api.KindNotJSON, 503, []check{excerpt("maintenance: back in < 5 minutes, retry when load > 0.9 clears")}},
		{"500 labelled JSON but HTML", respond(500, "application/json", "<html><body>Internal Server Error</body></html>"),
			nil, api.KindNotJSON, 500, []check{excerpt("Internal Server Error")}},
		{"problem+json detail", respond(503, "application/problem+json", `{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Maintenance until 14:00 UTC"}`),
			nil, api.KindServer, 503, []check{message("Maintenance until 14:00 UTC")}},
		{"problem+json title only", respond(400, "application/problem+json", `{"title":"Invalid session id","status":400}`),
			nil, api.KindHTTP, 400, []check{message("Invalid session id")}},
		{"NestJS message array", respond(400, "application/json", `{"statusCode":400,"message":["session_id must be a UUID","session_id should not be empty"],"error":"Bad Request"}`),
			nil, api.KindHTTP, 400, []check{message("session_id must be a UUID; session_id should not be empty")}},
		{"JSON message keeps angle brackets", respond(400, "application/json", `{"statusCode":400,"message":"limit must be <= 100 and > 0","error":"Bad Request"}`),
			nil, api.KindHTTP, 400, []check{message("limit must be <= 100 and > 0")}},
		{"long message is cut", respond(500, "application/json", `{"message":"`+strings.Repeat("word ", 100)+`"}`),
			nil, api.KindServer, 500, []check{func(t *testing.T, e *api.Error, _ time.Time) {
				if n := len([]rune(e.Message)); n > 161 || !strings.HasSuffix(e.Message, "…") {
					t.Errorf("Message has %d runes (%q), want at most 160 and an ellipsis", n, e.Message)
				}
			}}},
		{"418 is plain HTTP", respond(418, "application/json", `{"statusCode":418,"message":"I'm a teapot"}`),
			nil, api.KindHTTP, 418, []check{message("I'm a teapot")}},
		{"a proxy echoing the request keeps the key out", respond(502, "text/plain", "bad upstream; request was GET /chat/sessions/"+testID+" Authorization: Bearer "+testKey),
			nil, api.KindNotJSON, 502, nil},
		{"a JSON message echoing the key keeps it out", respond(401, "application/json", `{"statusCode":401,"message":"key `+testKey+` is revoked"}`),
			nil, api.KindUnauthorized, 401, nil},

		{"200 text/html", respond(200, "text/html", "<!doctype html><title>Sign in</title><h1>Please sign in to continue</h1>"),
			nil, api.KindNotJSON, 200, []check{excerpt("Sign in Please sign in to continue"), errText("text/html")}},
		{"200 empty JSON body", respond(200, "application/json", ""),
			nil, api.KindDecode, 0, []check{errText("empty")}},
		{"200 empty body without a Content-Type", respond(200, "", ""),
			nil, api.KindDecode, 0, []check{errText("empty")}},
		{"200 whitespace body", respond(200, "application/json", " \r\n\t"),
			nil, api.KindDecode, 0, []check{errText("empty")}},
		{"200 truncated JSON", respond(200, "application/json", `{"id":"`+testID+`","status":"op`),
			nil, api.KindDecode, 0, []check{errText("truncated")}},
		{"200 malformed JSON", respond(200, "application/json", `{"id":"`+testID+`",}`),
			nil, api.KindDecode, 0, []check{errText("malformed JSON at byte")}},
		{"200 trailing garbage", respond(200, "application/json", `{"id":"`+testID+`"} {"id":"x"}`),
			nil, api.KindDecode, 0, []check{errText("malformed JSON")}},
		{"200 JSON array", respond(200, "application/json", `[{"id":"`+testID+`"}]`),
			nil, api.KindDecode, 0, []check{errText("expected a session object, got a JSON array")}},
		{"200 JSON string", respond(200, "application/json", `"`+testID+`"`),
			nil, api.KindDecode, 0, []check{errText("expected a session object, got a JSON string")}},
		{"200 JSON null", respond(200, "application/json", `null`),
			nil, api.KindDecode, 0, []check{errText("no session id")}},
		{"200 empty object", respond(200, "application/json", `{}`),
			nil, api.KindDecode, 0, []check{errText("no session id")}},
		{"200 field of the wrong type", respond(200, "application/json", `{"id":"`+testID+`","channel":"web"}`),
			nil, api.KindDecode, 0, []check{errText("field channel")}},
		{"200 timestamp of the wrong type", respond(200, "application/json", `{"id":"`+testID+`","created_at":1741700000}`),
			nil, api.KindDecode, 0, []check{errText("created_at")}},
		{"200 over a small cap", respond(200, "application/json", `{"id":"`+testID+`","pad":"`+strings.Repeat("x", 2000)+`"}`),
			[]api.Option{api.WithMaxBody(1024)}, api.KindTooLarge, 200, []check{func(t *testing.T, e *api.Error, _ time.Time) {
				if e.Limit != 1024 {
					t.Errorf("Limit = %d, want 1024", e.Limit)
				}
			}}},
		{"200 exactly at the cap is read", respond(200, "application/json", `{"id":"`+testID+`"}`),
			[]api.Option{api.WithMaxBody(int64(len(`{"id":"` + testID + `"}`)))}, -1, 0, nil},
		{"502 page over a small cap", respond(502, "text/html", strings.Repeat(nginx502, 20)),
			[]api.Option{api.WithMaxBody(512)}, api.KindTooLarge, 502, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, tt.h)
			c := newClient(t, srv.URL, tt.opts...)
			sent := time.Now()
			s, err := c.GetSession(context.Background(), testID)
			if tt.kind < 0 { // a control case: must succeed
				if err != nil || s.ID != testID {
					t.Fatalf("got %v, %v; want the session", s, err)
				}
				return
			}
			if s != nil {
				t.Errorf("got a session %+v next to the error", s)
			}
			e := asError(t, err, srv.URL)
			if e.Kind != tt.kind {
				t.Errorf("Kind = %v, want %v (%v)", kindName(e.Kind), kindName(tt.kind), e)
			}
			if e.Status != tt.status {
				t.Errorf("Status = %d, want %d", e.Status, tt.status)
			}
			if want := "get session 3c90c3cc"; e.Op != want {
				t.Errorf("Op = %q, want %q", e.Op, want)
			}
			if strings.ContainsAny(e.Excerpt, "\r\n\t") || strings.Contains(e.Excerpt, "<center>") {
				t.Errorf("Excerpt is not one readable line: %q", e.Excerpt)
			}
			if api.KindOf(err) != tt.kind {
				t.Errorf("KindOf = %v, want %v", kindName(api.KindOf(err)), kindName(tt.kind))
			}
			for _, c := range tt.checks {
				c(t, e, sent)
			}
		})
	}
}

func TestTenMegabytesAgainstTheDefaultCap(t *testing.T) {
	big := strings.Repeat("x", 10<<20)
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + testID + `","pad":"`))
		_, _ = w.Write([]byte(big)) // the client hangs up after 4 MiB; the error is expected
		_, _ = w.Write([]byte(`"}`))
	}))
	c := newClient(t, srv.URL)
	_, err := c.GetSession(context.Background(), testID)
	e := asError(t, err, srv.URL)
	if e.Kind != api.KindTooLarge || e.Limit != api.DefaultMaxBody || e.Status != 200 {
		t.Errorf("got kind %v limit %d status %d, want KindTooLarge, %d, 200", kindName(e.Kind), e.Limit, e.Status, api.DefaultMaxBody)
	}
}

func TestKindOfOtherErrors(t *testing.T) {
	if k := api.KindOf(context.Canceled); k != api.KindUnknown {
		t.Errorf("KindOf(context.Canceled) = %v, want KindUnknown", k)
	}
	if k := api.KindOf(nil); k != api.KindUnknown {
		t.Errorf("KindOf(nil) = %v, want KindUnknown", k)
	}
	e := &api.Error{Op: "get session x"}
	if got := e.Error(); got != "get session x: request failed" {
		t.Errorf("Error() = %q", got)
	}
}

func TestNewRejects(t *testing.T) {
	for _, base := range []string{"", "api.open.cx", "ftp://api.open.cx", "https://", "https://user:hunter2@api.open.cx", "http://[::1"} {
		t.Run(base, func(t *testing.T) {
			_, err := api.New(base, testKey)
			if err == nil {
				t.Fatalf("New(%q) accepted it", base)
			}
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), testKey) {
				t.Errorf("error carries a secret: %v", err)
			}
		})
	}
	for _, base := range []string{"https://api.open.cx", " https://api.open.cx/ ", "http://127.0.0.1:8080/prefix"} {
		if _, err := api.New(base, testKey); err != nil {
			t.Errorf("New(%q): %v", base, err)
		}
	}
}
