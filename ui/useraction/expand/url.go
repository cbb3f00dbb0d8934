package expand

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// URL is a checked `url` template: an http(s) URL whose scheme and host
// are the template's own, with placeholders only after the host.
type URL struct {
	pieces []piece
	origin string // scheme://host, as the template writes it
}

// ParseURL checks s.
func ParseURL(s string) (URL, error) {
	ps, err := parse(s)
	if err != nil {
		return URL{}, fmt.Errorf("url %q %w", s, err)
	}
	// The origin ends where the path, query or fragment starts; a
	// placeholder before that would let a value choose the host.
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return URL{}, fmt.Errorf("url %q is not an http(s) URL", s)
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	origin := scheme + "://" + rest[:end]
	if strings.ContainsAny(origin, "{}") {
		return URL{}, fmt.Errorf("url %q has a placeholder before its path: the scheme and host must be the template's own", s)
	}
	u, err := url.Parse(origin)
	switch {
	case err != nil:
		return URL{}, fmt.Errorf("url %q is not a URL", s)
	case u.Scheme != "http" && u.Scheme != "https":
		return URL{}, fmt.Errorf("url %q is not an http(s) URL", s)
	case u.Host == "" || u.User != nil:
		return URL{}, fmt.Errorf("url %q has no plain host", s)
	}
	return URL{pieces: ps, origin: origin}, nil
}

// Expand is the URL for s: each value percent-encoded for where its
// placeholder sits (url.PathEscape in the path and the fragment,
// url.QueryEscape in the query), so that "/", "?", "#", "@" and "%" in a
// value stay inside it. The result is checked to keep the template's
// scheme and host.
func (u URL) Expand(s *api.Session) (string, error) {
	var b strings.Builder
	inQuery := false
	for _, p := range u.pieces {
		if p.field == "" {
			b.WriteString(p.text)
			if i := strings.LastIndexAny(p.text, "?#"); i >= 0 {
				inQuery = p.text[i] == '?'
			}
			continue
		}
		v, err := Value(s, p.field)
		if err != nil {
			return "", err
		}
		if inQuery {
			b.WriteString(url.QueryEscape(v))
			continue
		}
		if v == "." || v == ".." {
			return "", fmt.Errorf("this session's %s is %q, which would move along the URL's path: cxi will not open it", p.field, v)
		}
		b.WriteString(url.PathEscape(v))
	}
	out := b.String()
	if err := sameOrigin(out, u.origin); err != nil {
		return "", err
	}
	return out, nil
}

// sameOrigin is the last check: what opens is on the template's host.
func sameOrigin(s, origin string) error {
	got, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("the URL made for this session does not parse: %w", err)
	}
	want, _ := url.Parse(origin)
	if got.Scheme != want.Scheme || got.Host != want.Host || got.User != nil {
		return errors.New("the URL made for this session would leave the template's host: cxi will not open it")
	}
	return nil
}
