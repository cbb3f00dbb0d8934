package api

import (
	"html"
	"mime"
	"net/http"
	"slices"
	"strings"
)

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
	body = ScrubKey(body, key)
	if isHTML(contentType, body) {
		title, rest := cutTitle(body)
		return oneLine(ScrubKey(joinOverlap(htmlText(title), htmlText(rest)), key))
	}
	return oneLine(body)
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
