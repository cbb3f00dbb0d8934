package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestWritesSendWhatTheContractSays: the PATCH and the two redactions send
// the contract's bodies as JSON; a PATCH answered with no body is success.
func TestWritesSendWhatTheContractSays(t *testing.T) {
	var got []map[string]any
	var methods, paths []string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Authorization") != "Bearer "+testKey {
			t.Errorf("%s %s: headers %v", r.Method, r.URL.Path, r.Header)
		}
		b, _ := io.ReadAll(r.Body)
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Errorf("%s: body %q is not JSON", r.URL.Path, b)
		}
		got, methods, paths = append(got, doc), append(methods, r.Method), append(paths, r.URL.Path)
		if r.Method == http.MethodPatch {
			w.WriteHeader(http.StatusOK)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"success":true,"message":"ok","itemId":"x","redactionType":"session","affectedCount":3,"messagesRedacted":3}`)
	}))
	c := newClient(t, srv.URL)
	// A write is never background work, whatever the context says.
	ctx := api.Background(context.Background())
	if err := c.SetStatus(ctx, testID, api.StatusChange{Status: api.StatusClosedResolved, ReflectInHelpdesk: true}); err != nil {
		t.Fatal(err)
	}
	r, err := c.RedactSession(ctx, testID, "GDPR request")
	if err != nil || !r.Success || r.MessagesRedacted != 3 {
		t.Fatalf("redact session: %+v, %v", r, err)
	}
	if _, err := c.RedactMessage(ctx, "msg-1", ""); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"status": "closed_resolved", "reflect_status_change_for_integration": true},
		{"sessionId": testID, "reason": "GDPR request"},
		{"messageId": "msg-1"},
	}
	wantPaths := []string{"/chat/sessions/" + testID, "/redaction/session", "/redaction/message"}
	for i := range want {
		if methods[i] != []string{"PATCH", "POST", "POST"}[i] || paths[i] != wantPaths[i] {
			t.Errorf("request %d: %s %s", i, methods[i], paths[i])
		}
		if b1, _ := json.Marshal(got[i]); string(b1) != mustJSON(want[i]) {
			t.Errorf("request %d body %s, want %s", i, b1, mustJSON(want[i]))
		}
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestAWriteIsNeverSentOnElsewhere: a redirect of a write is not followed:
// it comes back as the unexpected answer it is.
func TestAWriteIsNeverSentOnElsewhere(t *testing.T) {
	hits := 0
	other := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	err := newClient(t, srv.URL).SetStatus(context.Background(), testID, api.StatusChange{Status: api.StatusOpen})
	if err == nil || hits != 0 {
		t.Fatalf("a redirected write: err %v, %d requests elsewhere", err, hits)
	}
	if api.KindOf(err) != api.KindHTTP {
		t.Errorf("kind %v, want an unexpected HTTP answer", api.KindOf(err))
	}
}

// TestARedactionThatDidNotSucceedIsAnError: an answer of "success": false
// is not a redaction: both calls return ErrNotRedacted with the API's own
// words (on one line, without the key), and no result a caller could count.
func TestARedactionThatDidNotSucceedIsAnError(t *testing.T) {
	for _, tt := range []struct{ body, words string }{
		{`{"success":false,"message":"Session already redacted","itemId":"x","redactionType":"session","affectedCount":0}`, "Session already redacted"},
		{`{"success":false,"message":"","itemId":"x","redactionType":"message","affectedCount":0}`, api.ErrNotRedacted.Error()},
		{`{"success":false,"message":"key ` + testKey + ` may not\nredact","itemId":"x","redactionType":"session","affectedCount":0}`, "may not redact"},
	} {
		srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, tt.body)
		}))
		c := newClient(t, srv.URL)
		for name, call := range map[string]func() (*api.Redaction, error){
			"session": func() (*api.Redaction, error) { return c.RedactSession(context.Background(), testID, "") },
			"message": func() (*api.Redaction, error) { return c.RedactMessage(context.Background(), "msg-1", "") },
		} {
			r, err := call()
			var e *api.Error
			if r != nil || !errors.Is(err, api.ErrNotRedacted) || !errors.As(err, &e) || !strings.Contains(err.Error(), tt.words) || strings.Contains(err.Error(), testKey) {
				t.Errorf("%s, %s: %+v, %v", name, tt.body, r, err)
				continue
			}
			if !strings.HasPrefix(e.Op, "redact "+name) || e.Status != 0 || !strings.Contains(e.Message+" "+api.ErrNotRedacted.Error(), tt.words) {
				t.Errorf("%s: op %q, status %d, message %q", name, e.Op, e.Status, e.Message)
			}
		}
	}
}

// TestAMessageWithoutIDIsNeverSent: the newer reference page shows history
// events without an id; redacting one of them alone cannot be asked, and
// the client sends nothing rather than `"messageId": ""`.
func TestAMessageWithoutIDIsNeverSent(t *testing.T) {
	var sent atomic.Int32
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent.Add(1) }))
	c := newClient(t, srv.URL)
	for _, id := range []string{"", "  "} {
		r, err := c.RedactMessage(context.Background(), id, "card number")
		if r != nil || err == nil || !strings.Contains(err.Error(), "no message id") {
			t.Errorf("%q: %+v, %v", id, r, err)
		}
	}
	if n := sent.Load(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}
