//go:build prism

package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/prism"
)

// TestWritesAgainstPrism sends the client's three writes to Stoplight Prism
// mocking the contract (opencx.openapi.yaml), which validates request
// bodies against the document: the client's bodies must pass, and a body the contract refuses,
// sent raw, must be refused, or the first half proves nothing. It needs the
// prism binary: `.ci/run` installs it and sets CXI_PRISM.
//
//	go test -tags prism ./api/ -run Prism   (with CXI_PRISM=path/to/prism)
func TestWritesAgainstPrism(t *testing.T) {
	// Static mode: the answers are the schema's, what is checked is what
	// goes in.
	base := prism.Start(t, contract.Path(), false, "/redaction/session")

	c := newClient(t, base)
	for _, ch := range []api.StatusChange{
		{Status: api.StatusClosedResolved, GenerateSummary: true, ReflectInHelpdesk: true},
		{Status: api.StatusClosedUnresolved},
		{Status: api.StatusOpen, ReflectInHelpdesk: true},
	} {
		if err := c.SetStatus(context.Background(), testID, ch); err != nil {
			t.Errorf("SetStatus %+v: %v", ch, err)
		}
	}
	if _, err := c.RedactSession(context.Background(), testID, "GDPR request"); err != nil {
		t.Errorf("RedactSession: %v", err)
	}
	if _, err := c.RedactSession(context.Background(), testID, ""); err != nil {
		t.Errorf("RedactSession without a reason: %v", err)
	}
	if _, err := c.RedactMessage(context.Background(), "msg_01HZX", "card number"); err != nil {
		t.Errorf("RedactMessage: %v", err)
	}

	// An empty PATCH body is not among them: the pages do not mark status
	// required, so the contract takes {}.
	for _, bad := range []struct{ method, path, body string }{
		{http.MethodPatch, "/chat/sessions/" + testID, `{"status":"closed"}`},
		{http.MethodPatch, "/chat/sessions/" + testID, `{"status":"open","extra":true}`},
		{http.MethodPost, "/redaction/session", `{"sessionId":"not-a-uuid"}`},
		{http.MethodPost, "/redaction/message", `{"reason":"no id"}`},
	} {
		req, _ := http.NewRequest(bad.method, base+bad.path, strings.NewReader(bad.body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s %s %s: prism answered %d, want 422 or 400", bad.method, bad.path, bad.body, resp.StatusCode)
		}
	}
	http.DefaultClient.CloseIdleConnections()
}
