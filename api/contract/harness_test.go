//go:build prism

package contract_test

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/api/fake/prism"
)

// checker is the harness's transport: every request goes through Prism in
// proxy mode, and whatever Prism flags is sorted into the demo's expected
// oddities (demo.Oddities) and everything else. For a GET whose only
// failures are expected, the client is handed the fake's own answer
// (asked again, directly), so that it can go on paging past a list page
// that carries an odd item, as it would against the real API; anything
// unexpected reaches the client as Prism's problem, and is recorded.
type checker struct {
	prismBase, upstream string

	mu         sync.Mutex
	unexpected []string        // "GET /path: location: message"
	met        map[string]bool // oddity names Prism flagged
	exchanges  int
}

func (c *checker) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))

	c.mu.Lock()
	c.exchanges++
	c.mu.Unlock()
	vs, flagged := prism.Flagged(resp.Header, body)
	if !flagged {
		return resp, nil
	}
	what := r.Method + " " + r.URL.RequestURI()
	var direct []byte // the fake's own answer, for a GET only: a write must not run twice
	var directResp *http.Response
	// Only an answer can be an expected oddity; a request Prism refused was
	// never forwarded, and must not reach the fake through the harness either.
	if r.Method == http.MethodGet && !slices.ContainsFunc(vs, func(v prism.Violation) bool { return !v.InResponse() }) {
		directResp, direct, err = c.direct(r)
		if err != nil {
			return nil, err
		}
	}
	var bad []string
	var met []string
	for _, v := range vs {
		if o, ok := explain(r, v, direct); ok {
			met = append(met, o.Name)
			continue
		}
		bad = append(bad, what+": "+v.String())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range met {
		c.met[n] = true
	}
	if len(bad) > 0 || directResp == nil {
		if len(bad) == 0 {
			bad = []string{what + ": flagged without a failure to read"}
		}
		c.unexpected = append(c.unexpected, bad...)
		return resp, nil
	}
	return directResp, nil
}

// direct asks the fake itself what Prism was asked.
func (c *checker) direct(r *http.Request) (*http.Response, []byte, error) {
	d := r.Clone(r.Context())
	d.URL.Scheme, d.URL.Host, d.Host = "http", strings.TrimPrefix(c.upstream, "http://"), ""
	d.RequestURI = ""
	resp, err := http.DefaultTransport.RoundTrip(d)
	if err != nil {
		return nil, nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, body, err
}

// explain finds the oddity behind a violation of an answer. A violation of
// a request is never expected.
func explain(r *http.Request, v prism.Violation, direct []byte) (demo.Oddity, bool) {
	if !v.InResponse() {
		return demo.Oddity{}, false
	}
	return demo.OddityIn(r.URL.Path, direct, v.BodyPointer())
}

// Unexpected returns what Prism flagged that no oddity explains.
func (c *checker) Unexpected() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.unexpected...)
}

// Met reports whether Prism flagged the oddity named.
func (c *checker) Met(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.met[name]
}

// harness is the demo's fake server behind Prism in proxy mode, and a
// client of the real kind that talks to it through a checker.
type harness struct {
	srv    *fake.Server
	check  *checker
	client *api.Client
	http   *http.Client // the checker, for requests the client would not send
}

// newHarness starts the fake with the demo's catalog (the slow session
// answering at once: the harness checks shapes, not patience) and Prism in
// front of it; opts change the fake. Without CXI_PRISM the test is skipped.
func newHarness(t *testing.T, opts ...fake.Option) *harness {
	t.Helper()
	srv := demo.NewServer(opts...)
	srv.SetFault(demo.IDSlow, fake.Fault{})
	upstream := faketest.Start(t, srv)
	base := prism.StartProxy(t, contract.Path(), upstream, "/chat/sessions/"+demo.IDMinimal)
	c := &checker{prismBase: base, upstream: upstream, met: make(map[string]bool)}
	hc := &http.Client{Transport: c}
	t.Cleanup(hc.CloseIdleConnections)
	client, err := api.New(base, fake.DemoKey, api.WithHTTPClient(hc), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return &harness{srv: srv, check: c, client: client, http: hc}
}

// send sends a request the client would not, through the checker.
func (h *harness) send(t *testing.T, method, path, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, h.check.prismBase+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := h.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// wantClean fails the test on everything Prism flagged that no oddity
// explains.
func (h *harness) wantClean(t *testing.T) {
	t.Helper()
	for _, u := range h.check.Unexpected() {
		t.Errorf("Prism flagged: %s", u)
	}
	h.check.mu.Lock()
	defer h.check.mu.Unlock()
	t.Logf("%d exchanges through Prism", h.check.exchanges)
}
