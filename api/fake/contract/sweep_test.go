package contract_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// sweep sends requests to a fake server in memory and checks every answer
// against the contract, allowing only the demo's listed oddities. It
// remembers which oddities it met, so that a test can insist each still
// shows (an oddity that quietly became valid tests nothing).
type sweep struct {
	t      *testing.T
	doc    *contract.Document
	h      http.Handler
	key    string
	met    map[string]bool // oddity names
	checks int
}

func newSweep(t *testing.T, h http.Handler) *sweep {
	t.Helper()
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &sweep{t: t, doc: doc, h: h, key: fake.DemoKey, met: make(map[string]bool)}
}

// do sends one request and checks its answer; it returns the answer.
func (s *sweep) do(method, target, body string) *httptest.ResponseRecorder {
	s.t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if s.key != "" {
		r.Header.Set("Authorization", "Bearer "+s.key)
	}
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, r)
	s.check(method, r.URL.Path, w)
	return w
}

// check validates an answer and fails the test on every failure that no
// oddity explains.
func (s *sweep) check(method, path string, w *httptest.ResponseRecorder) {
	s.t.Helper()
	s.checks++
	err := s.doc.CheckResponse(method, path, w.Code, w.Header().Get("Content-Type"), w.Body.Bytes())
	if err == nil {
		return
	}
	v, ok := err.(*contract.Violation)
	if !ok {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	var unexpected []string
	for _, f := range v.Failures {
		if o, ok := demo.OddityIn(path, w.Body.Bytes(), f.Location); ok {
			s.met[o.Name] = true
			continue
		}
		unexpected = append(unexpected, f.String())
	}
	if len(unexpected) > 0 {
		s.t.Errorf("%s %s answered %d, which the contract refuses:\n  %s\nbody: %.300s",
			method, path, w.Code, strings.Join(unexpected, "\n  "), w.Body)
	}
}

// walk pages through a paged endpoint from the first page to the last,
// checking every page, and returns the items.
func (s *sweep) walk(path string, q url.Values) []json.RawMessage {
	s.t.Helper()
	var items []json.RawMessage
	cursor := ""
	for range 1000 {
		q2 := url.Values{}
		for k, v := range q {
			q2[k] = v
		}
		if cursor != "" {
			q2.Set("cursor", cursor)
		}
		target := path
		if len(q2) > 0 {
			target += "?" + q2.Encode()
		}
		w := s.do(http.MethodGet, target, "")
		if w.Code != http.StatusOK {
			s.t.Fatalf("GET %s: %d %s", target, w.Code, w.Body)
		}
		var p struct {
			Items []json.RawMessage
			Next  *string
		}
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
			s.t.Fatalf("GET %s: %v", target, err)
		}
		items = append(items, p.Items...)
		if p.Next == nil {
			return items
		}
		cursor = *p.Next
	}
	s.t.Fatalf("GET %s: no last page after 1000", path)
	return nil
}

// wantMet fails unless every named oddity was met.
func (s *sweep) wantMet(names ...string) {
	s.t.Helper()
	for _, n := range names {
		if !s.met[n] {
			s.t.Errorf("oddity %q was not refused by the contract: it no longer tests what it says", n)
		}
	}
}

// oddityNames returns the names of demo.Oddities.
func oddityNames() []string {
	var out []string
	for _, o := range demo.Oddities() {
		out = append(out, o.Name)
	}
	return out
}
