package api_test

import (
	"context"
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestKeyIsScrubbedInEveryEchoedForm: a proxy that echoes the request can
// spell the key HTML-escaped, percent-encoded or JSON-escaped; none of
// those forms, nor the key itself once decoded, reaches an error. The key
// holds the characters each encoding changes.
func TestKeyIsScrubbedInEveryEchoedForm(t *testing.T) {
	const key = `sk-live&<"'>/TEST+KEY%41`
	jsonForm, err := json.Marshal("Bearer " + key) // \u0026, \u003c, \", as Go writes them
	if err != nil {
		t.Fatal(err)
	}
	upperJSON := strings.NewReplacer("&", `\u0026`, "<", `\u003C`, ">", `\u003E`, `"`, `\"`, "'", `\u0027`, "/", `\/`).Replace(key)
	lowerPercent := regexp.MustCompile(`%[0-9A-F]{2}`).ReplaceAllStringFunc(url.QueryEscape(key), strings.ToLower)
	namedEntities := strings.NewReplacer("&", "&#x26;", "<", "&#60;", ">", "&GT;", `"`, "&quot;", "'", "&apos;").Replace(key)
	forms := []string{key, html.EscapeString(key), namedEntities, url.QueryEscape(key), url.PathEscape(key), lowerPercent, string(jsonForm), upperJSON}
	tests := []struct {
		name, ctype, body string
		status            int
	}{
		{"an HTML page, escaped", "text/html", "<h1>Bad Gateway</h1><pre>Authorization: Bearer " + html.EscapeString(key) + "</pre>", 502},
		{"an HTML page, other entities", "text/html", "<p>key=" + namedEntities + "</p>", 502},
		{"plain text holding HTML entities", "text/plain", "echo: Bearer " + html.EscapeString(key), 502},
		{"an echoed URL", "text/plain", "GET /chat/sessions?api_key=" + url.QueryEscape(key) + " failed", 503},
		{"an echoed path, lower-case hex", "text/plain", "no route /auth/" + lowerPercent + "/x", 404},
		{"an echoed JSON request", "text/plain", `upstream said {"authorization":` + string(jsonForm) + `}`, 502},
		{"JSON escapes of another encoder", "text/plain", `{"key":"` + upperJSON + `"}`, 502},
		{"JSON escaped inside HTML", "text/html", "<pre>" + html.EscapeString(string(jsonForm)) + "</pre>", 502},
		{"an API message holding entities", "application/json", `{"statusCode":401,"message":"key ` + html.EscapeString(key) + ` is revoked"}`, 401},
		{"an API message holding percent escapes", "application/json", `{"statusCode":400,"message":"bad key ` + url.QueryEscape(key) + `"}`, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, respond(tt.status, tt.ctype, tt.body))
			_, err := newClientKey(t, srv.URL, key).GetSession(context.Background(), testID)
			e := asError(t, err, srv.URL)
			for name, text := range map[string]string{"Message": e.Message, "Excerpt": e.Excerpt, "Error()": e.Error()} {
				for _, form := range forms {
					if strings.Contains(text, form) {
						t.Errorf("%s holds the key as %q: %q", name, form, text)
					}
				}
			}
			if !strings.Contains(e.Message+e.Excerpt, "[redacted]") {
				t.Errorf("nothing was redacted: message %q, excerpt %q", e.Message, e.Excerpt)
			}
		})
	}
}

// TestScrubKeyLeavesOtherTextAlone: without the key, nothing is decoded or
// changed, "100% sure" and "a &amp; b" included; a blank key redacts
// nothing.
func TestScrubKeyLeavesOtherTextAlone(t *testing.T) {
	for _, s := range []string{"100% sure, 50%2 of it", `a &amp; b, \u0026, \"quoted\"`, "ordinary words"} {
		if got := api.ScrubKey(s, "sk-live-TESTKEY"); got != s {
			t.Errorf("ScrubKey(%q) = %q", s, got)
		}
	}
	if got := api.ScrubKey("a b", " "); got != "a b" {
		t.Errorf("a blank key redacted %q", got)
	}
	if got := api.ScrubKey("x sk%2Dlive y", "sk-live"); got != "x [redacted] y" {
		t.Errorf("Redact = %q", got)
	}
}
