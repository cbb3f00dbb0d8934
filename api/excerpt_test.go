package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opencx-tools/cxi/api"
)

// TestExcerpt: a gateway's page must read as its words on one short line,
// whatever the markup, and a body that is not HTML must read as it is.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("ü", 200)
	tests := []struct {
		name, ctype, body, want string
	}{
		{"unclosed tag", "text/html", "<html><body>Upstream error<br", "Upstream error"},
		{"unclosed comment", "text/html", "<p>Oops</p><!-- never closed <p>hidden", "Oops"},
		{"unclosed script", "text/html", "<p>Before</p><script>var hidden = 1;", "Before"},
		{"upper-case script and style", "text/html", "<STYLE>p{}</STYLE><Script type=x>a<b</sCrIpT><P>Words</P>", "Words"},
		{"entities", "text/html", "<p>&lt;b&gt; &amp; &quot;x&quot;&nbsp;y &#8212; z</p>", `<b> & "x" y — z`},
		{"a < that opens no tag", "text/html", "<p>I <3 proxies, a < b, 2<5</p>", "I <3 proxies, a < b, 2<5"},
		{"a lone < at the end", "text/html", "<p>cut <", "cut <"},
		{"HTML labelled text/plain", "text/plain", "  <html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "503 Service Temporarily Unavailable"},
		{"HTML without a Content-Type", "", "<!DOCTYPE html><title>Error</title><p>Try later</p>", "Error Try later"},
		// A gateway's page says its title again as its heading: once is enough.
		{"nginx 502: the title is not repeated", "text/html", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", "502 Bad Gateway nginx"},
		{"a heading that repeats the end of the title", "text/html", "<TITLE>api.open.cx | 504: Gateway time-out</TITLE><h1>Gateway time-out</h1><p>Try again.</p>", "api.open.cx | 504: Gateway time-out Try again."},
		{"a title the page does not repeat", "text/html", "<title>Maintenance</title><p>Back at 14:00 UTC</p>", "Maintenance Back at 14:00 UTC"},
		{"an unclosed title is text", "text/html", "<title>Oops<p>more", "Oops more"},
		{"XHTML", "application/xhtml+xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>Maintenance</p></html>`, "Maintenance"},
		{"plain text is left alone", "text/plain", "<<< rate limit hit >>> slow down", "<<< rate limit hit >>> slow down"},
		{"invalid UTF-8", "text/plain", "bad \xff\xfe bytes", "bad \ufffd\ufffd bytes"},
		{"control characters are kept for the UI to sanitize", "text/plain", "a\x00b", "a\x00b"},
		{"long text is cut at 160 runes", "text/plain", long, strings.Repeat("ü", 160) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, respond(502, tt.ctype, tt.body))
			_, err := newClient(t, srv.URL).GetSession(context.Background(), testID)
			e := asError(t, err, srv.URL)
			if e.Kind != api.KindNotJSON {
				t.Errorf("Kind = %v, want KindNotJSON", e.Kind)
			}
			if e.Excerpt != tt.want {
				t.Errorf("Excerpt = %q, want %q", e.Excerpt, tt.want)
			}
			if !utf8.ValidString(e.Excerpt) {
				t.Errorf("Excerpt is not valid UTF-8: %q", e.Excerpt)
			}
		})
	}
}

// TestKeyIsRedactedInEveryEchoedForm: a proxy that echoes the request can
// spell the key HTML-escaped, percent-encoded or JSON-escaped; none of
// those forms, nor the key itself once decoded, reaches an error. The key
// holds the characters each encoding changes.
func TestKeyIsRedactedInEveryEchoedForm(t *testing.T) {
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

// TestRedactLeavesOtherTextAlone: without the key, nothing is decoded or
// changed, "100% sure" and "a &amp; b" included; a blank key redacts
// nothing.
func TestRedactLeavesOtherTextAlone(t *testing.T) {
	for _, s := range []string{"100% sure, 50%2 of it", `a &amp; b, \u0026, \"quoted\"`, "ordinary words"} {
		if got := api.Redact(s, "sk-live-TESTKEY"); got != s {
			t.Errorf("Redact(%q) = %q", s, got)
		}
	}
	if got := api.Redact("a b", " "); got != "a b" {
		t.Errorf("a blank key redacted %q", got)
	}
	if got := api.Redact("x sk%2Dlive y", "sk-live"); got != "x [redacted] y" {
		t.Errorf("Redact = %q", got)
	}
}

func TestUnreachableIsWhereTheStoreMayStandIn(t *testing.T) {
	for kind, want := range map[api.Kind]bool{
		api.KindUnreachable: true, api.KindTimeout: true, api.KindDropped: true,
		api.KindHTTP: false, api.KindNotFound: false, api.KindUnauthorized: false, api.KindCanceled: false,
	} {
		if got := api.Unreachable(&api.Error{Kind: kind}); got != want {
			t.Errorf("Unreachable(%s) = %v, want %v", kindName(kind), got, want)
		}
	}
	if api.Unreachable(errors.New("not an API error")) {
		t.Error("a plain error counts as unreachable")
	}
}
