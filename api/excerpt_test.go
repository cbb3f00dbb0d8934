package api_test

import (
	"context"
	"errors"
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
