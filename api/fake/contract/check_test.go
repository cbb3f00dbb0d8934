package contract_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake/contract"
)

const validSession = `{"id":"3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04","status":"open","ai_closure_type":null,` +
	`"sentiment":null,"channel":{"type":"web"},"ticket_number":1.5,"assist_mode":false,` +
	`"created_at":"2026-03-11T13:47:19Z","updated_at":"2026-03-11T13:47:19Z"}`

// TestCheckResponseRefuses guards every sweep against passing vacuously:
// the check refuses what the contract forbids, at the place it is wrong,
// and accepts the controls.
func TestCheckResponseRefuses(t *testing.T) {
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	const json = "application/json; charset=utf-8"
	for _, c := range []struct {
		name, method, path string
		status             int
		ctype, body        string
		want               string // a location or message part of the failure; "" = valid
	}{
		{"session", "GET", "/chat/sessions/x", 200, json, validSession, ""},
		{"list page", "GET", "/chat/sessions", 200, json, `{"items":[` + validSession + `],"next":null}`, ""},
		{"history without ids", "GET", "/chat/sessions/x/history", 200, json,
			`{"items":[{"created_at":"2026-03-11T13:47:19.000Z","event":{"type":"message"}}],"next":"c"}`, ""},
		{"patch", "PATCH", "/chat/sessions/x", 200, "", "", ""},
		{"error", "GET", "/chat/sessions/x", 404, json, `{"statusCode":404,"message":"m","error":"Not Found"}`, ""},

		{"ticket_number string", "GET", "/chat/sessions/x", 200, json,
			strings.Replace(validSession, `1.5`, `"15"`, 1), "/ticket_number"},
		{"extra key", "GET", "/chat/sessions/x", 200, json,
			strings.Replace(validSession, `"status"`, `"tags":[],"status"`, 1), "tags"},
		{"uuid version 0", "GET", "/chat/sessions/x", 200, json,
			strings.Replace(validSession, `4b6a`, `0b6a`, 1), "/id"},
		{"list item", "GET", "/chat/sessions", 200, json, `{"items":["corrupted"],"next":null}`, "/items/0"},
		{"list without next", "GET", "/chat/sessions", 200, json, `{"items":[]}`, "next"},
		{"history time", "GET", "/chat/sessions/x/history", 200, json,
			`{"items":[{"created_at":"yesterday"}],"next":null}`, "/items/0/created_at"},
		{"search without messages", "GET", "/chat/sessions/search", 200, json, `{"contacts":[]}`, "messages"},
		{"patch with a body", "PATCH", "/chat/sessions/x", 200, json, `{"ok":true}`, "declares no body"},
		{"redaction without messagesRedacted", "POST", "/redaction/session", 201, json,
			`{"success":true,"message":"m","itemId":"i","redactionType":"session","affectedCount":1}`, "messagesRedacted"},
		{"redaction type", "POST", "/redaction/message", 200, json,
			`{"success":true,"message":"m","itemId":"i","redactionType":"thread","affectedCount":1}`, "/redactionType"},
		{"error code a string", "GET", "/chat/sessions", 400, json, `{"statusCode":"400"}`, "/statusCode"},
		{"html error", "GET", "/chat/sessions/x", 502, "text/html", "<html></html>", "text/html"},
		{"undeclared path", "GET", "/chat/threads", 200, json, `{}`, "no path"},
		{"undeclared method", "DELETE", "/chat/sessions/x", 200, json, `{}`, "no DELETE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := doc.CheckResponse(c.method, c.path, c.status, c.ctype, []byte(c.body))
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var v *contract.Violation
			if !errors.As(err, &v) {
				t.Fatalf("got %v, want a violation at %q", err, c.want)
			}
			if !strings.Contains(v.Error(), c.want) {
				t.Errorf("violation does not mention %q:\n%v", c.want, v)
			}
		})
	}
}

// TestTemplate: a literal segment beats a parameter, as in the API's
// router.
func TestTemplate(t *testing.T) {
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/chat/sessions/search":      "/chat/sessions/search",
		"/chat/sessions/filter":      "/chat/sessions/filter",
		"/chat/sessions/abc":         "/chat/sessions/{session_id}",
		"/chat/sessions/abc/history": "/chat/sessions/{session_id}/history",
		"/chat/sessions":             "/chat/sessions",
	} {
		if got, ok := doc.Template(path); !ok || got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	if got, ok := doc.Template("/chat/sessions//history"); ok {
		t.Errorf("an empty ID matched %q", got)
	}
}
