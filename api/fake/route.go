package fake

import "strings"

// route names the endpoints the server answers.
type route int

const (
	routeNone          route = iota // anything else: 404 "Cannot GET …"
	routeList                       // /chat/sessions
	routeSession                    // /chat/sessions/{id}
	routeHistory                    // /chat/sessions/{id}/history
	routeSearch                     // /chat/sessions/search
	routeRedactSession              // /redaction/session
	routeRedactMessage              // /redaction/message

	// The read-only analytics endpoints (analytics.go).
	routeHandoffAnalytics // /handoff-analytics
	routeHandoffEvents    // /handoff-analytics/events
	routeCSAT             // /csat/scores/session/{id}
	routeSLA              // /sla/analytics
	routeSLABreakdown     // /sla/analytics/breakdown
	routeSLATrend         // /sla/analytics/trend
	routeOfficeHoursList  // /office-hours
	routeOfficeHours      // /office-hours/{id}
)

// methods returns the methods a route answers, for the 405 and its Allow
// header: the session route reads (GET) and writes (PATCH), the redactions
// only POST.
func (rt route) methods() []string {
	switch rt {
	case routeSession:
		return []string{"GET", "PATCH"}
	case routeRedactSession, routeRedactMessage:
		return []string{"POST"}
	default:
		return []string{"GET"}
	}
}

// parseRoute maps a URL path to its endpoint and session ID. A trailing
// slash or an empty ID matches nothing, as in the API's router.
func parseRoute(path string) (route, string) {
	if path == "/chat/sessions" {
		return routeList, ""
	}
	if rt, id, ok := analyticsRoute(path); ok {
		return rt, id
	}
	switch path {
	case "/redaction/session":
		return routeRedactSession, ""
	case "/redaction/message":
		return routeRedactMessage, ""
	}
	if path == "/chat/sessions/search" { // a fixed segment before {id}, as in the API's router
		return routeSearch, ""
	}
	rest, ok := strings.CutPrefix(path, "/chat/sessions/")
	if !ok || rest == "" {
		return routeNone, ""
	}
	id, tail, nested := strings.Cut(rest, "/")
	switch {
	case id == "":
		return routeNone, ""
	case !nested:
		return routeSession, id
	case tail == "history":
		return routeHistory, id
	default:
		return routeNone, ""
	}
}
