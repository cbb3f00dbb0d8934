package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// redactions are the two redaction calls, by name, against one client.
func redactions(c *api.Client) map[string]func() (*api.Redaction, error) {
	return map[string]func() (*api.Redaction, error){
		"session": func() (*api.Redaction, error) { return c.RedactSession(context.Background(), testID, "") },
		"message": func() (*api.Redaction, error) { return c.RedactMessage(context.Background(), "msg-1", "") },
	}
}

// TestARedactionAnswered200Or201IsDone: the pages disagree on the
// redactions' status (the newer page source says 200, the rendered pages
// and actions.openapi.yaml 201); the contract declares both, and either
// is a redaction done, with its counts.
func TestARedactionAnswered200Or201IsDone(t *testing.T) {
	body := `{"success":true,"message":"Redacted","itemId":"x","redactionType":"session","affectedCount":4,"messagesRedacted":4}`
	for _, status := range []int{http.StatusOK, http.StatusCreated} {
		srv := serve(t, respond(status, "application/json", body))
		for name, call := range redactions(newClient(t, srv.URL)) {
			r, err := call()
			if err != nil || r == nil || !r.Success || r.Affected != 4 || r.MessagesRedacted != 4 || r.Message != "Redacted" {
				t.Errorf("HTTP %d, redact %s: %+v, %v", status, name, r, err)
			}
		}
	}
}

// TestARedactionThatDoesNotSayIsNotKnown: a redaction accepted without an
// answer that says whether it redacted (an empty 200 or 201, a 204, an
// answer without "success") was sent, but is neither done nor "the API
// redacted nothing": it is ErrRedactionUnknown, said as such.
func TestARedactionThatDoesNotSayIsNotKnown(t *testing.T) {
	for _, tt := range []struct {
		name        string
		status      int
		ctype, body string
		words       string
	}{
		{"empty 200", http.StatusOK, "", "", "empty body"},
		{"empty 201 labelled JSON", http.StatusCreated, "application/json", "", "empty body"},
		{"blank 200", http.StatusOK, "application/json", " \n", "empty body"},
		{"204", http.StatusNoContent, "", "", "empty body"},
		{"an empty object", http.StatusOK, "application/json", `{}`, `no "success"`},
		{"success null", http.StatusCreated, "application/json", `{"success":null,"message":"queued"}`, `no "success"`},
	} {
		srv := serve(t, respond(tt.status, tt.ctype, tt.body))
		for name, call := range redactions(newClient(t, srv.URL)) {
			r, err := call()
			e := asError(t, err, srv.URL)
			if r != nil || !errors.Is(err, api.ErrRedactionUnknown) || errors.Is(err, api.ErrNotRedacted) || e.Kind != api.KindDecode {
				t.Errorf("%s, redact %s: %+v, %v (kind %v)", tt.name, name, r, err, e.Kind)
				continue
			}
			if want := "the API accepted it with"; !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), tt.words) ||
				!strings.HasSuffix(err.Error(), "whether anything was redacted is not known") || !strings.HasPrefix(err.Error(), "redact "+name) {
				t.Errorf("%s, redact %s: %q", tt.name, name, err)
			}
		}
	}
}

// TestAStatusChangeAnsweredWithoutABodyIsDone: the PATCH's page shows no
// response body; a 200 or a 204, empty or not, is success.
func TestAStatusChangeAnsweredWithoutABodyIsDone(t *testing.T) {
	for _, tt := range []struct {
		status      int
		ctype, body string
	}{
		{http.StatusOK, "", ""},
		{http.StatusNoContent, "", ""},
		{http.StatusOK, "application/json", `{}`},
		{http.StatusOK, "text/plain", "OK"},
	} {
		srv := serve(t, respond(tt.status, tt.ctype, tt.body))
		if err := newClient(t, srv.URL).SetStatus(context.Background(), testID, api.StatusChange{Status: api.StatusOpen}); err != nil {
			t.Errorf("HTTP %d %q: %v", tt.status, tt.body, err)
		}
	}
}

// TestWriteNotFoundAndRateLimited: the published document declares
// neither 404 nor 429 for the redactions (only 200, 201 and 500), nor 429
// for the PATCH; each is still the Kind the commands and the TUI act on,
// with the Retry-After of a 429 read, and never a success.
func TestWriteNotFoundAndRateLimited(t *testing.T) {
	for _, tt := range []struct {
		status int
		ctype  string
		body   string
		want   api.Kind
	}{
		{http.StatusNotFound, "application/json", `{"statusCode":404,"message":"Chat session not found","error":"Not Found"}`, api.KindNotFound},
		{http.StatusNotFound, "text/html", "<h1>Not Found</h1>", api.KindNotFound},
		{http.StatusTooManyRequests, "application/json", `{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}`, api.KindRateLimited},
		{http.StatusTooManyRequests, "text/plain", "slow down", api.KindRateLimited},
	} {
		srv := serve(t, respond(tt.status, tt.ctype, tt.body, "Retry-After", "30"))
		c := newClient(t, srv.URL)
		calls := redactions(c)
		calls["status"] = func() (*api.Redaction, error) {
			return nil, c.SetStatus(context.Background(), testID, api.StatusChange{Status: api.StatusClosedResolved})
		}
		for name, call := range calls {
			r, err := call()
			e := asError(t, err, srv.URL)
			if r != nil || e.Kind != tt.want || e.Status != tt.status {
				t.Errorf("HTTP %d %s, %s: %+v, kind %v, status %d", tt.status, tt.ctype, name, r, e.Kind, e.Status)
			}
			if tt.want == api.KindRateLimited && e.RetryAt.IsZero() {
				t.Errorf("HTTP 429, %s: Retry-After not read", name)
			}
		}
	}
}
