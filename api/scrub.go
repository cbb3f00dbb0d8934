package api

import (
	"html"
	"strings"
)

// Scrubbing the API key out of text is not a redaction: a redaction is the
// API's write that blanks a session's messages (api/change). This keeps the
// key out of every error and excerpt cxi shows.

// scrubbedKey stands where the key stood.
const scrubbedKey = "[redacted]"

// ScrubKey removes key from s, in every form a proxy or gateway may echo it:
// as sent, HTML-escaped (&amp;, &#38;, &lt;, &quot;, &#39; …), percent-
// encoded (in an echoed URL or form) and JSON-escaped (\u0026, \", \/).
// Where only a decoded s holds the key, the decoded text takes s's place,
// scrubbed: no list of spellings would be complete, a decoder is. A blank
// key scrubs nothing. A key of a few characters would blank out ordinary
// words, which is why the commands refuse keys shorter than 8.
func ScrubKey(s, key string) string {
	if strings.TrimSpace(key) == "" {
		return s
	}
	s = strings.ReplaceAll(s, key, scrubbedKey)
	// A few rounds, for a key escaped twice over (a JSON body echoed in an
	// HTML page); each round that finds the key removes it, so this ends.
	for range 3 {
		found := false
		for _, decode := range []func(string) string{html.UnescapeString, percentDecode, jsonUnescape} {
			if d := decode(s); strings.Contains(d, key) {
				s, found = strings.ReplaceAll(d, key, scrubbedKey), true
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
