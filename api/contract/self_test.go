//go:build prism

package contract_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// wrongRequest is a request the contract refuses, and a word the
// violation must name.
type wrongRequest struct{ method, path, body, want string }

// wrongRequests are the old client's search by query= instead of q, an
// empty q, a status the PATCH does not take, a key it does not have, list
// filters outside their enums, redactions without a proper ID.
func wrongRequests() []wrongRequest {
	return []wrongRequest{
		{http.MethodGet, "/chat/sessions/search?query=x", "", "'q'"},
		{http.MethodGet, "/chat/sessions/search?q=", "", "q"},
		{http.MethodPatch, "/chat/sessions/" + demo.IDInstagram, `{"status":"closed"}`, "status"},
		{http.MethodPatch, "/chat/sessions/" + demo.IDInstagram, `{"status":"open","extra":true}`, "additional"},
		{http.MethodGet, "/chat/sessions?status=pending", "", "status"},
		{http.MethodGet, "/chat/sessions?handed_off=maybe", "", "handed_off"},
		{http.MethodPost, "/redaction/session", `{"sessionId":"not-a-uuid"}`, "uuid"},
		{http.MethodPost, "/redaction/message", `{"reason":"no id"}`, "messageId"},
	}
}

// TestHarnessFlagsWrongRequests is the harness's own test: every request
// of wrongRequests is flagged, for what is wrong with it, and none is
// mistaken for an expected oddity or forwarded to the fake. Sent to the
// fake directly, each is refused there too: a fake that takes what the API
// refuses teaches the client a wrong API, as query= did.
func TestHarnessFlagsWrongRequests(t *testing.T) {
	h := newHarness(t)
	for _, c := range wrongRequests() {
		before := len(h.check.Unexpected())
		resp := h.send(t, c.method, c.path, c.body)
		got := h.check.Unexpected()[before:]
		if len(got) == 0 {
			t.Errorf("%s %s %s: not flagged (answered %d)", c.method, c.path, c.body, resp.StatusCode)
			continue
		}
		if s := strings.Join(got, "\n"); !strings.Contains(s, c.want) {
			t.Errorf("%s %s %s: flagged, but not for %q:\n%s", c.method, c.path, c.body, c.want, s)
		}
	}
	if n := len(h.srv.Requests()); n > 0 {
		for _, r := range h.srv.Requests() {
			t.Logf("reached the fake: %s %s?%s %s", r.Method, r.Path, r.RawQuery, r.Body)
		}
		t.Errorf("%d requests reached the fake; Prism should have refused them itself", n)
	}
	for _, c := range wrongRequests() {
		req, _ := http.NewRequest(c.method, h.check.upstream+c.path, strings.NewReader(c.body))
		req.Header.Set("Authorization", "Bearer "+fake.DemoKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("the fake answered %s %s %s with %d, want 400", c.method, c.path, c.body, resp.StatusCode)
		}
	}
}

// TestHarnessFailsAnOldClient: a client that searches by query= (the
// drift this issue began with), emulated by renaming q on the way out,
// gets an error, and the harness records the violation.
func TestHarnessFailsAnOldClient(t *testing.T) {
	h := newHarness(t)
	old := &http.Client{Transport: renameQ{h.check}}
	c, err := api.New(h.check.prismBase, fake.DemoKey, api.WithHTTPClient(old), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Search(context.Background(), "dana"); err == nil {
		t.Error("the old client's search succeeded")
	}
	if got := h.check.Unexpected(); len(got) == 0 || !strings.Contains(got[0], "'q'") {
		t.Errorf("harness recorded %q, want the missing q", got)
	}
}

// TestHarnessFlagsWrongAnswers: an answer of the fake the contract refuses
// and no oddity explains — a session with a field the contract does not
// have — is flagged and reaches the client as an error.
func TestHarnessFlagsWrongAnswers(t *testing.T) {
	body, _ := demo.Fixture(demo.IDInstagram)
	odd := strings.Replace(string(body), `"status"`, `"tags":["vip"],"status"`, 1)
	h := newHarness(t, fake.WithSession(demo.IDInstagram, []byte(odd)))
	if _, err := h.client.GetSession(context.Background(), demo.IDInstagram); err == nil {
		t.Error("no error for an answer Prism refused")
	}
	got := h.check.Unexpected()
	if len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "additional properties") {
		t.Errorf("harness recorded %q, want the extra property", got)
	}
}

// renameQ sends ?query= where the client wrote ?q=, as cxi did before.
type renameQ struct{ next http.RoundTripper }

func (r renameQ) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	q := req.URL.Query()
	if v, ok := q["q"]; ok {
		q.Del("q")
		q["query"] = v
		req.URL.RawQuery = q.Encode()
	}
	return r.next.RoundTrip(req)
}
