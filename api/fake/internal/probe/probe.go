// Package probe holds what the tests of the fake server and of the demo
// content both need to ask a server: a GET in memory, a walk through cursor
// pages, a history decoded. It is internal so that only those tests use it.
package probe

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
)

// JSONContentType is what the API, and so the fake, sends with every JSON
// body.
const JSONContentType = "application/json; charset=utf-8"

// Clock is the clock of the list and history tests: the catalog's data is
// dated from it, so every run sees the same sessions.
func Clock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// Get sends GET path to the handler in memory, with key as bearer token when
// it is not empty.
func Get(h http.Handler, path, key string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// WantResponse fails t unless w has status, Content-Type ctype and body.
func WantResponse(t testing.TB, w *httptest.ResponseRecorder, status int, ctype, body string) {
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

// Server serves c with the fixed Clock, then opts.
func Server(c fake.Catalog, opts ...fake.Option) *fake.Server {
	return fake.New(append([]fake.Option{fake.WithClock(Clock), fake.WithCatalog(c)}, opts...)...)
}
