package fake

import (
	"fmt"
	"net/http"
	"strings"
)

// TB is the part of testing.TB a strict server reports to; a *testing.T
// is one. It is not testing.TB itself so that cxi's binary, which serves
// --demo from this package, does not link the testing package.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Cleanup(func())
}

// Stub is a request a strict server expects: a method and a URL path
// (the query is not compared), once unless Times says otherwise.
type Stub struct {
	method, path string
	times        int
}

// Expect plans one request of method to path, e.g.
// Expect(http.MethodGet, "/chat/sessions/"+id).
func Expect(method, path string) Stub {
	return Stub{method: method, path: path, times: 1}
}

// Times plans n requests instead of one (n < 1 counts as 1).
func (st Stub) Times(n int) Stub {
	st.times = max(n, 1)
	return st
}

// String names the stub as the reports do: "GET /chat/sessions".
func (st Stub) String() string { return st.method + " " + st.path }

// plan is what a strict server expects and what it has seen so far.
type plan struct {
	tb    TB
	stubs []Stub
	used  []int // requests each stub has answered, by index into stubs
}

// Strict makes the server fail tb on every request that no stub plans (or
// that comes after its stub is used up), and, when the test ends, on every
// stub used fewer times than planned, as cli/cli's httpmock does: a fake
// that answers anything hides a request nobody meant to send, and a stub
// nobody used hides one that was never sent. The unplanned request still
// gets its normal answer, so the rest of the test runs as it would and the
// report names the one request that should not have been made.
//
// Without Strict a server answers anything, as --demo needs.
func Strict(tb TB, stubs ...Stub) Option {
	return func(s *Server) {
		tb.Helper()
		p := &plan{tb: tb, stubs: stubs, used: make([]int, len(stubs))}
		s.mu.Lock()
		s.plan = p
		s.mu.Unlock()
		tb.Cleanup(func() { s.verifyPlan(p) })
	}
}

// checkPlan counts r against the first stub of its method and path with
// uses left, and reports it when there is none.
func (s *Server) checkPlan(r *http.Request) {
	s.mu.Lock()
	p := s.plan
	planned := p == nil || p.use(r.Method, r.URL.Path)
	s.mu.Unlock()
	if planned {
		return
	}
	target := r.URL.Path
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	p.tb.Errorf("fake: unplanned request %s %s", r.Method, target)
}

// use counts a request against the first stub for it with uses left, and
// reports whether there was one. The caller holds the server's lock.
func (p *plan) use(method, path string) bool {
	for i, st := range p.stubs {
		if st.method == method && st.path == path && p.used[i] < st.times {
			p.used[i]++
			return true
		}
	}
	return false
}

// verifyPlan reports the stubs used fewer times than planned.
func (s *Server) verifyPlan(p *plan) {
	p.tb.Helper()
	s.mu.Lock()
	var unused []string
	for i, st := range p.stubs {
		if p.used[i] < st.times {
			unused = append(unused, fmt.Sprintf("%s (%d of %d requests)", st, p.used[i], st.times))
		}
	}
	s.mu.Unlock()
	if len(unused) > 0 {
		p.tb.Errorf("fake: planned requests not made: %s", strings.Join(unused, ", "))
	}
}
