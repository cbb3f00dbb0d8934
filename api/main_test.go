package api_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
)

// TestMain fails the package if any test leaves a goroutine behind: every
// server is closed and every client's idle connections are closed in
// cleanups, so nothing of net/http should outlive its test.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// testKey is distinctive so that a leak into an error string is unmistakable.
const testKey = "sk-live-TESTKEY-7f3a9c2e51d84b06"

// testID is a valid session ID the hand-made servers answer for.
const testID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

// newClient returns a client for base authenticating with testKey, with its
// own transport (closed when the test ends, so goleak sees no idle
// connection loops), no rate limiting and a timeout short enough to keep the
// package fast. opts come last and override these.
func newClient(t testing.TB, base string, opts ...api.Option) *api.Client {
	t.Helper()
	return newClientKey(t, base, testKey, opts...)
}

func newClientKey(t testing.TB, base, key string, opts ...api.Option) *api.Client {
	t.Helper()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	all := append([]api.Option{
		api.WithHTTPClient(&http.Client{Transport: tr}),
		api.WithLimiter(rate.NewLimiter(rate.Inf, 1)),
		api.WithTimeout(5 * time.Second),
	}, opts...)
	c, err := api.New(base, key, all...)
	if err != nil {
		t.Fatalf("api.New(%q): %v", base, err)
	}
	return c
}

// serve starts h on a loopback httptest server closed at the end of the test.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// respond answers every request with status, Content-Type ctype (none at
// all when empty) and body, plus header pairs ("Retry-After", "30", …).
func respond(status int, ctype, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ctype != "" {
			w.Header().Set("Content-Type", ctype)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing either
		}
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

// asError asserts that err is an *api.Error and checks what every error must
// carry: the operation, the base URL, and never the API key.
func asError(t testing.TB, err error, base string) *api.Error {
	t.Helper()
	if err == nil {
		t.Fatal("got no error")
	}
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T (%v) is not an *api.Error", err, err)
	}
	if base != "" && e.BaseURL != base {
		t.Errorf("BaseURL = %q, want %q", e.BaseURL, base)
	}
	if e.Op == "" {
		t.Errorf("Op is empty")
	}
	assertNoKey(t, e)
	return e
}

// assertNoKey checks every text an error exposes for the API key.
func assertNoKey(t testing.TB, e *api.Error) {
	t.Helper()
	for name, s := range map[string]string{"Error()": e.Error(), "Message": e.Message, "Excerpt": e.Excerpt, "BaseURL": e.BaseURL, "Op": e.Op} {
		if strings.Contains(s, testKey) {
			t.Errorf("%s carries the API key: %q", name, s)
		}
	}
}

// kindName names a Kind in failure messages (Kind has no String method).
func kindName(k api.Kind) string {
	names := [...]string{"KindUnknown", "KindUnauthorized", "KindForbidden", "KindNotFound", "KindRateLimited",
		"KindServer", "KindNotJSON", "KindDecode", "KindTooLarge", "KindTimeout", "KindUnreachable",
		"KindDropped", "KindCanceled", "KindHTTP"}
	if k >= 0 && int(k) < len(names) {
		return names[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}
