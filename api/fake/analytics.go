package fake

import (
	"net/http"
	"net/url"
	"strings"
)

// Analytics is what a Catalog may also provide for the analytics endpoints.
// What the server can tell from the sessions and their histories it works
// out itself, so that the endpoints agree with the sessions: which sessions
// were handed off and when (the history's handoff event), the customer's
// rating (the history's survey_response event), the SLA clocks (the agent's
// replies). What no session says comes from here. A catalog without it
// serves handoffs with no reasons, ratings only from histories, and no
// office hours.
type Analytics interface {
	// HandoffWhy returns why the AI handed off the session stored under id
	// (body as stored): the reasons (the contract's HandoffReason values)
	// and the AI's explanation ("" for none, served as null).
	HandoffWhy(id string, body []byte) (reasons []string, explanation string)
	// Rating returns a rating for a session whose history has none (a
	// survey answered by email after the chat), ok false for none.
	Rating(id string, body []byte) (score int, comment string, ok bool)
	// OfficeHours returns the organization's office hours schedules.
	OfficeHours() []OfficeHours
}

// OfficeHours is an office hours schedule as GET /office-hours/{id}
// serves it.
type OfficeHours struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Timezone string  `json:"iana_timezone"`
	Created  string  `json:"created_at"`
	Updated  string  `json:"updated_at"`
	Shifts   []Shift `json:"shifts"`
}

// Shift is one block of a schedule: "monday_to_friday", "09:00:00",
// "17:00:00".
type Shift struct {
	ID        string `json:"id"`
	DayOfWeek string `json:"day_of_week"`
	StartTime string `json:"start_time"`
	EndTime   string `json:"end_time"`
}

// Scopes the analytics endpoints need, as the real API names them.
const (
	ScopeHandoffAnalytics = "handoff-analytics:read"
	ScopeSLAAnalytics     = "sla-analytics:read"
)

// WithoutScope makes the key lack scope: the endpoints that need it answer
// 403 with an ErrorDto naming it, for the UI's "the key lacks the scope X"
// and `cxi doctor`.
func WithoutScope(scope string) Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.lacking == nil {
			s.lacking = map[string]bool{}
		}
		s.lacking[scope] = true
	}
}

// WithAnalyticsFault installs f for every request to the analytics
// endpoint at path ("/sla/analytics", "/csat/scores/session/{id}" for
// every session), e.g. a 502 HTML page or a delay; WithoutFaults removes it.
func WithAnalyticsFault(path string, f Fault) Option {
	return func(s *Server) {
		rt, _ := parseRoute(strings.ReplaceAll(path, "{id}", "x"))
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.analyticsFaults == nil {
			s.analyticsFaults = map[route]Fault{}
		}
		s.analyticsFaults[rt] = f.clone()
	}
}

// analyticsRoute maps the analytics paths to their routes.
func analyticsRoute(path string) (route, string, bool) {
	switch path {
	case "/handoff-analytics":
		return routeHandoffAnalytics, "", true
	case "/handoff-analytics/events":
		return routeHandoffEvents, "", true
	case "/sla/analytics":
		return routeSLA, "", true
	case "/sla/analytics/breakdown":
		return routeSLABreakdown, "", true
	case "/sla/analytics/trend":
		return routeSLATrend, "", true
	case "/office-hours":
		return routeOfficeHoursList, "", true
	}
	if id, ok := strings.CutPrefix(path, "/csat/scores/session/"); ok && id != "" && !strings.Contains(id, "/") {
		return routeCSAT, id, true
	}
	if id, ok := strings.CutPrefix(path, "/office-hours/"); ok && id != "" && !strings.Contains(id, "/") {
		return routeOfficeHours, id, true
	}
	return routeNone, "", false
}

func (rt route) analytics() bool { return rt >= routeHandoffAnalytics && rt <= routeOfficeHours }

// scope is the scope the route needs, "" for none.
func (rt route) scope() string {
	switch rt {
	case routeHandoffAnalytics, routeHandoffEvents:
		return ScopeHandoffAnalytics
	case routeSLA, routeSLABreakdown, routeSLATrend:
		return ScopeSLAAnalytics
	}
	return ""
}

// serveAnalytics answers a GET of an analytics endpoint: 403 for a scope
// the key lacks, then the endpoint's fault if any, else its answer.
func (s *Server) serveAnalytics(w http.ResponseWriter, r *http.Request, rt route, id string) {
	s.mu.Lock()
	lacks := s.lacking[rt.scope()]
	f, faulty := s.analyticsFaults[rt]
	s.mu.Unlock()
	if lacks {
		writeError(w, http.StatusForbidden, "Missing required scope: "+rt.scope())
		return
	}
	if faulty && f.replacesAnswer() {
		serveFault(w, r, f, answer{})
		return
	}
	a := s.analyticsAnswer(rt, id, r.URL.Query())
	if faulty {
		serveFault(w, r, f, a)
		return
	}
	writeJSON(w, a.status, a.body)
}

// analyticsAnswer computes the answer of an analytics route.
func (s *Server) analyticsAnswer(rt route, id string, q url.Values) answer {
	d := s.analyticsNow()
	now := s.now()
	switch rt {
	case routeHandoffAnalytics:
		return d.handoffAnalytics(q, now)
	case routeHandoffEvents:
		size := s.handoffPageSize
		if size < 1 {
			size = DefaultHandoffPageSize
		}
		return d.handoffEvents(q, now, size)
	case routeCSAT:
		return s.csatAnswer(id)
	case routeSLA, routeSLABreakdown, routeSLATrend:
		return d.sla(rt, q, now)
	case routeOfficeHoursList:
		return marshalAnswer(d.officeHours)
	default:
		for _, oh := range d.officeHours {
			if oh.ID == id {
				return marshalAnswer(oh)
			}
		}
		return errorAnswer(http.StatusNotFound, "Office hours not found")
	}
}

// DefaultHandoffPageSize is the number of events on a page of
// GET /handoff-analytics/events.
const DefaultHandoffPageSize = 25

// WithHandoffPageSize sets the page size of GET /handoff-analytics/events
// (DefaultHandoffPageSize unless set; n < 1 keeps the default).
func WithHandoffPageSize(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.handoffPageSize = n
		}
	}
}
