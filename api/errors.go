package api

import (
	"errors"
	"fmt"
	"html"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Kind classifies a failed request so the UI can say what to do next
// without knowing HTTP.
type Kind int

// Error kinds, one per thing a user can act on differently.
const (
	KindUnknown      Kind = iota
	KindUnauthorized      // 401: the key was rejected
	KindForbidden         // 403: the key lacks access
	KindNotFound          // 404: no session with that ID
	KindRateLimited       // 429: wait until RetryAt
	KindServer            // 5xx with a JSON error body
	KindNotJSON           // a gateway or proxy answered with HTML or text
	KindDecode            // JSON that is malformed or of the wrong shape
	KindTooLarge          // the body exceeded the client's cap
	KindTimeout           // no complete answer within the timeout
	KindUnreachable       // DNS failure or connection refused
	KindDropped           // the connection broke mid-request or mid-body
	KindCanceled          // the user cancelled
	KindHTTP              // any other unexpected status
)

// Error is every failure the client returns. It never holds the API key.
type Error struct {
	Kind    Kind
	Op      string        // what was attempted, e.g. "get session 3c90c3cc"
	Status  int           // HTTP status, 0 when no response arrived
	Message string        // the server's own message from an ErrorDto or problem+json
	Excerpt string        // a short, whitespace-collapsed start of a non-JSON body
	BaseURL string        // the base URL that was tried
	RetryAt time.Time     // for KindRateLimited, when Retry-After allows a retry (zero if not given)
	Err     error         // the underlying cause, if any
	Limit   int64         // for KindTooLarge, the cap in bytes
	Elapsed time.Duration // for KindTimeout, how long was waited
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Status != 0 {
		fmt.Fprintf(&b, "HTTP %d %s", e.Status, http.StatusText(e.Status))
		if e.Message != "" {
			b.WriteString(": " + e.Message)
		} else if e.Excerpt != "" {
			b.WriteString(": " + e.Excerpt)
		}
		if e.Err != nil {
			b.WriteString(": " + e.Err.Error())
		}
		return b.String()
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("request failed")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of err, or KindUnknown when it is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

// Unreachable reports an error that means the API cannot be reached now
// (down, too slow, the connection dropped), as opposed to one it answered
// with: where the store's copy may stand in for the answer.
func Unreachable(err error) bool {
	switch KindOf(err) {
	case KindUnreachable, KindTimeout, KindDropped:
		return true
	}
	return false
}

// excerptLen bounds how much of a non-JSON body an error carries: enough to
// recognise a gateway page, too little to flood an error panel.
const excerptLen = 160

// excerpt turns a body that is not JSON into a short, one-line start. An
// HTML page (by its Content-Type or its first bytes) reads as its words
// ("502 Bad Gateway nginx"), not as markup, styles or scripts; any other
// body is kept as it is, so "retry in < 5 minutes" keeps its "<". key is
// redacted before the page becomes text and again after: decoding its
// entities can spell out a key that the raw page hid as "a&amp;b".
func excerpt(contentType, body, key string) string {
	body = Redact(body, key)
	if isHTML(contentType, body) {
		title, rest := cutTitle(body)
		return oneLine(Redact(joinOverlap(htmlText(title), htmlText(rest)), key))
	}
	return oneLine(body)
}

// redactedKey stands where the key stood.
const redactedKey = "[redacted]"

// Redact removes key from s, in every form a proxy or gateway may echo it:
// as sent, HTML-escaped (&amp;, &#38;, &lt;, &quot;, &#39; …), percent-
// encoded (in an echoed URL or form) and JSON-escaped (\u0026, \", \/).
// Where only a decoded s holds the key, the decoded text takes s's place,
// redacted: no list of spellings would be complete, a decoder is. A blank
// key redacts nothing. A key of a few characters would blank out ordinary
// words, which is why the commands refuse keys shorter than 8.
func Redact(s, key string) string {
	if strings.TrimSpace(key) == "" {
		return s
	}
	s = strings.ReplaceAll(s, key, redactedKey)
	// A few rounds, for a key escaped twice over (a JSON body echoed in an
	// HTML page); each round that finds the key removes it, so this ends.
	for range 3 {
		found := false
		for _, decode := range []func(string) string{html.UnescapeString, percentDecode, jsonUnescape} {
			if d := decode(s); strings.Contains(d, key) {
				s, found = strings.ReplaceAll(d, key, redactedKey), true
			}
		}
		if !found {
			break
		}
	}
	return s
}

// percentDecode decodes every valid %XX in s and leaves the rest as it is
// ("100% sure" stays), where url.QueryUnescape would refuse the whole.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// jsonUnescape decodes the escapes a JSON string may spell a key with:
// \uXXXX (either case), \", \\ and \/. Others stay as they are.
func jsonUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch c := s[i+1]; {
		case c == '"' || c == '\\' || c == '/':
			b.WriteByte(c)
			i++
		case c == 'u' && i+5 < len(s) && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]):
			r := rune(unhex(s[i+2]))<<12 | rune(unhex(s[i+3]))<<8 | rune(unhex(s[i+4]))<<4 | rune(unhex(s[i+5]))
			b.WriteRune(r)
			i += 5
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// cutTitle splits an HTML page into its <title>'s text and the page
// without it ("" and the page when it has none).
func cutTitle(page string) (title, rest string) {
	open := indexFold(page, "<title")
	if open < 0 {
		return "", page
	}
	inner := after(page[open:], ">")
	end := indexFold(inner, "</title")
	if end < 0 {
		return "", page
	}
	return inner[:end], page[:open] + " " + after(inner[end:], ">")
}

// joinOverlap joins a page's title and its text, dropping the words the
// text repeats from the end of the title: a gateway's page says its title
// again as its heading (nginx: "502 Bad Gateway" twice; a CDN:
// "api.open.cx | 504: Gateway time-out", then "Gateway time-out"), and an
// excerpt that says it twice reads like a stutter.
func joinOverlap(title, text string) string {
	tw, bw := strings.Fields(title), strings.Fields(text)
	for k := min(len(tw), len(bw)); k > 0; k-- {
		if slices.Equal(tw[len(tw)-k:], bw[:k]) {
			bw = bw[k:]
			break
		}
	}
	return strings.Join(append(tw, bw...), " ")
}

// oneLine collapses whitespace and cuts s to excerptLen runes; bytes that
// are not UTF-8 become U+FFFD, so the excerpt is always valid text.
func oneLine(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > excerptLen {
		return string(r[:excerptLen]) + "…"
	}
	return string(r)
}

// isHTML trusts an HTML Content-Type, and otherwise sniffs the body: a
// gateway may label its page text/plain or even application/json.
func isHTML(contentType, body string) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
		return true
	}
	return strings.HasPrefix(http.DetectContentType([]byte(body)), "text/html")
}

// htmlText keeps the words of an HTML page: tags become spaces; comments
// and the contents of script and style elements are dropped; entities are
// decoded. A "<" that cannot open a tag ("a < b") stays text, as in HTML.
func htmlText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if len(s) < 2 || !opensTag(s[1]) {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		b.WriteByte(' ')
		if strings.HasPrefix(s, "<!--") {
			s = after(s[4:], "-->")
			continue
		}
		name := tagName(s[1:])
		s = after(s, ">")
		if name == "script" || name == "style" {
			s = afterFold(s, "</"+name)
			s = after(s, ">")
		}
	}
	return html.UnescapeString(b.String())
}

func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// tagName is the lower-case name of the tag s starts (after "<").
func tagName(s string) string {
	end := 0
	for end < len(s) && (('a' <= s[end] && s[end] <= 'z') || ('A' <= s[end] && s[end] <= 'Z') || ('0' <= s[end] && s[end] <= '9')) {
		end++
	}
	return strings.ToLower(s[:end])
}

// after returns what follows the first sep in s, or "" if there is none.
func after(s, sep string) string {
	if _, rest, ok := strings.Cut(s, sep); ok {
		return rest
	}
	return ""
}

// afterFold is after with sep matched case-insensitively (ASCII).
func afterFold(s, sep string) string {
	if i := indexFold(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

// indexFold is the index of the first sep in s, matched
// case-insensitively (ASCII), or -1.
func indexFold(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
