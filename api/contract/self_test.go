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

// TestHarnessFlagsWrongRequests is the harness's own test: requests the
// contract refuses — the old client's search by query= instead of q, a
// status the PATCH does not take, a redaction without its ID — are
// flagged, and none of them is mistaken for an expected oddity.
func TestHarnessFlagsWrongRequests(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct{ method, path, body, want string }{
		{http.MethodGet, "/chat/sessions/search?query=x", "", "'q'"},
		{http.MethodGet, "/chat/sessions/search?q=", "", "q"},
		{http.MethodPatch, "/chat/sessions/" + demo.IDInstagram, `{"status":"closed"}`, "status"},
		{http.MethodPatch, "/chat/sessions/" + demo.IDInstagram, `{"status":"open","extra":true}`, "additional"},
		{http.MethodGet, "/chat/sessions?status=pending", "", "status"},
		{http.MethodGet, "/chat/sessions?handed_off=maybe", "", "handed_off"},
		{http.MethodPost, "/redaction/session", `{"sessionId":"not-a-uuid"}`, "uuid"},
		{http.MethodPost, "/redaction/message", `{"reason":"no id"}`, "messageId"},
	} {
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
	// None of those reached the fake: Prism refuses them itself.
	for _, r := range h.srv.Requests() {
		if strings.Contains(r.RawQuery, "query=") || strings.Contains(r.Body, `"closed"`) {
			t.Errorf("forwarded to the fake: %s %s %s", r.Method, r.Path, r.Body)
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
