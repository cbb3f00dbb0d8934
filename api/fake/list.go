package fake

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// listStatuses are the values the status filter accepts: today's schema.
// The API answers 400 for anything else, and so does the fake, so the
// client's error path for a filter the server does not know is testable.
func listStatuses() []string { return []string{"open", "closed_resolved", "closed_unresolved"} }

// listChannels are the values the channel_type filter accepts: the schema's
// SessionChannel.
func listChannels() []string {
	return []string{"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice"}
}

// listFilter is the parsed query of GET /chat/sessions. Zero fields match
// everything.
type listFilter struct {
	status, channel string
	handedOff       *bool
	createdAfter    time.Time // created_at >= createdAfter
	createdBefore   time.Time // created_at < createdBefore
	updatedAfter    time.Time // updated_at >= updatedAfter
	updatedBefore   time.Time // updated_at < updatedBefore
}

// serveList answers GET /chat/sessions: the list fault if there is one,
// else a page of the filtered list or 400 for a query it cannot read.
func (s *Server) serveList(w http.ResponseWriter, r *http.Request) {
	f, faulty := s.listFaultNow()
	switch {
	case faulty && f.replacesAnswer():
		serveFault(w, r, f, answer{})
	case faulty:
		serveFault(w, r, f, s.listAnswer(r.URL.Query()))
	default:
		a := s.listAnswer(r.URL.Query())
		writeJSON(w, a.status, a.body)
	}
}

// listAnswer computes one page of the list for query q.
func (s *Server) listAnswer(q url.Values) answer {
	f, err := parseListFilter(q)
	if err != nil {
		return errorAnswer(http.StatusBadRequest, err.Error())
	}
	c := s.indexNow()
	items := c.all
	if !f.isZero() {
		items = nil
		for _, e := range c.listed {
			if f.match(e) {
				items = append(items, e.item)
			}
		}
	}
	scope := f.scope()
	offset, err := decodeCursor(q.Get("cursor"), scope, len(items))
	if err != nil {
		return errorAnswer(http.StatusBadRequest, "cursor "+err.Error())
	}
	pg, next := page(items, offset, s.pageSize, scope)
	return answer{http.StatusOK, pageBody(pg, next)}
}

// parseListFilter reads the filters from q. An empty parameter counts as
// absent; a repeated one counts once (the first). Errors name the parameter,
// as the API's validation messages do.
func parseListFilter(q url.Values) (listFilter, error) {
	var f listFilter
	if v := q.Get("status"); v != "" {
		if !slices.Contains(listStatuses(), v) {
			return f, fmt.Errorf("status must be one of %s; got %s", strings.Join(listStatuses(), ", "), quoteParam(v))
		}
		f.status = v
	}
	if v := q.Get("channel_type"); v != "" {
		if !slices.Contains(listChannels(), v) {
			return f, fmt.Errorf("channel_type must be one of %s; got %s", strings.Join(listChannels(), ", "), quoteParam(v))
		}
		f.channel = v
	}
	switch v := q.Get("handed_off"); v {
	case "":
	case "true", "false":
		b := v == "true"
		f.handedOff = &b
	default:
		return f, fmt.Errorf("handed_off must be true or false; got %s", quoteParam(v))
	}
	for _, p := range []struct {
		name string
		into *time.Time
	}{
		{"created_after", &f.createdAfter},
		{"created_before", &f.createdBefore},
		{"updated_after", &f.updatedAfter},
		{"updated_before", &f.updatedBefore},
	} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		t, err := parseISOTime(v)
		if err != nil {
			return f, fmt.Errorf("%s must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z; got %s", p.name, quoteParam(v))
		}
		*p.into = t
	}
	return f, nil
}

// parseISOTime accepts an RFC 3339 date-time (with a zone, fraction
// optional) or a plain date, which means midnight UTC.
func parseISOTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// quoteParam quotes a client's value for an error message, cut short: the
// message echoes input, and input can be anything.
func quoteParam(v string) string {
	if r := []rune(v); len(r) > 40 {
		v = string(r[:40]) + "…"
	}
	return fmt.Sprintf("%q", v)
}

// isZero reports whether f filters nothing; only then are the catalog's
// inserts in the list.
func (f listFilter) isZero() bool {
	return f.status == "" && f.channel == "" && f.handedOff == nil &&
		f.createdAfter.IsZero() && f.createdBefore.IsZero() &&
		f.updatedAfter.IsZero() && f.updatedBefore.IsZero()
}

// match reports whether e passes every filter. A session without a usable
// time fails every filter on that time.
func (f listFilter) match(e *entry) bool {
	v := e.view
	switch {
	case f.status != "" && v.Status != f.status,
		f.channel != "" && v.Channel.Type != f.channel,
		f.handedOff != nil && (v.Handoff != nil) != *f.handedOff:
		return false
	}
	return within(e.created, f.createdAfter, f.createdBefore) &&
		within(e.updated, f.updatedAfter, f.updatedBefore)
}

// within reports whether t lies in [after, before), either bound optional.
func within(t, after, before time.Time) bool {
	if after.IsZero() && before.IsZero() {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (after.IsZero() || !t.Before(after)) && (before.IsZero() || t.Before(before))
}

// scope is the canonical form of the filters, which list cursors are bound
// to: the same filters spelled differently (a date with another zone) give
// the same scope.
func (f listFilter) scope() string {
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	handed := ""
	if f.handedOff != nil {
		handed = fmt.Sprint(*f.handedOff)
	}
	return strings.Join([]string{"list", f.status, f.channel, handed,
		ts(f.createdAfter), ts(f.createdBefore), ts(f.updatedAfter), ts(f.updatedBefore)}, "|")
}
