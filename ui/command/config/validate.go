package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// MinAutoRefresh is the shortest auto-refresh interval: the queue's list
// call shares the API's rate budget with everything else.
const MinAutoRefresh = 10 * time.Second

// The themes, and the date windows the queue's `w` key steps through: a
// window outside them would be one the key can never come back to.
var (
	themes   = []string{"auto", "dark", "light"}
	windows  = []string{"1h", "24h", "7d", "30d"}
	windowOf = map[string]time.Duration{
		"1h": time.Hour, "24h": 24 * time.Hour, "7d": 7 * 24 * time.Hour, "30d": 30 * 24 * time.Hour,
	}
	statuses = []api.Status{api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}
)

// set copies the decoded file into c, checking each value; p gets one
// problem per bad value, with its line.
func (c *Config) set(f file, p *problems) {
	at := c.lines.at
	if f.BaseURL != "" {
		if err := checkHTTPURL(f.BaseURL); err != nil {
			p.add(at("base_url"), "base_url %q %v, such as %q", f.BaseURL, err, api.DefaultBaseURL)
		}
		c.BaseURL = f.BaseURL
	}
	if f.SessionURL != "" {
		if !strings.Contains(f.SessionURL, "{id}") {
			p.add(at("session_url"), "session_url %q has no {id} placeholder for the session ID", f.SessionURL)
		} else if err := checkHTTPURL(strings.ReplaceAll(f.SessionURL, "{id}", "id")); err != nil {
			p.add(at("session_url"), "session_url %q %v, such as %q", f.SessionURL, err, "https://dashboard.example/sessions/{id}")
		}
		c.SessionURL = f.SessionURL
	}
	if f.Theme != "" && !slices.Contains(themes, f.Theme) {
		p.add(at("theme"), "theme %q is not one of %s", f.Theme, quoteAll(themes))
	}
	c.Theme = f.Theme
	c.AutoRefresh = autoRefresh(f.AutoRefresh, at("auto_refresh"), p)
	c.setStore(f, p)

	q := f.Queue
	c.Queue = queueFilters(q.Status, q.HandedOff, q.Channel, q.UpdatedWithin, func(k string) int { return at("queue." + k) }, p)
	c.NeedsAttention = q.NeedsAttention
	c.setPreview(f, p)

	c.ReadOnly = f.ReadOnly
	c.setPulse(f)
	switch f.Transcript.OpenAt {
	case "", "oldest":
	case "latest":
		c.TranscriptAtLatest = true
	default:
		p.add(at("transcript.open_at"), `open_at %q is not one of "oldest", "latest"`, f.Transcript.OpenAt)
	}
	c.Actions = StatusOptions{Helpdesk: f.Actions.Helpdesk, Summary: f.Actions.Summary}

	c.Keys = f.Keys
	checkKeys(f.Keys, c.lines, p)
	c.setProfiles(f, p)
	c.setLint(f.Lint, p)
	c.setWatch(f, p)
}

// autoRefresh parses auto_refresh: a Go duration of at least
// MinAutoRefresh, or "", "0" or "off" for off.
func autoRefresh(s string, line int, p *problems) time.Duration {
	if s == "" || s == "0" || s == "off" {
		return 0
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		p.add(line, `auto_refresh %q is not a duration such as "30s" or "2m" (or "off")`, s)
	case d == 0:
	case d < MinAutoRefresh:
		p.add(line, `auto_refresh %q is shorter than the minimum, %s (or "off")`, s, MinAutoRefresh)
	default:
		return d
	}
	return 0
}

// checkHTTPURL says what is wrong with s as an http(s) URL, or nil.
func checkHTTPURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return errors.New("is not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return errors.New("is not an http(s) URL")
	case u.Host == "":
		return errors.New("has no host")
	}
	return nil
}

// quoteAll lists values for a message: "open", "closed_resolved".
func quoteAll[T ~string](list []T) string {
	q := make([]string, len(list))
	for i, v := range list {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// StatusOptions are the options the status menu sends with a change, as
// [actions] remembers them.
type StatusOptions struct {
	Helpdesk bool // helpdesk: reflect_status_change_for_integration
	Summary  bool // summary: generate_summary_and_sentiment_on_resolve
}
