package fake

import "strings"

// route names the endpoints the server answers.
type route int

const (
	routeNone    route = iota // anything else: 404 "Cannot GET …"
	routeList                 // /chat/sessions
	routeSession              // /chat/sessions/{id}
	routeHistory              // /chat/sessions/{id}/history
	routeSearch               // /chat/sessions/search
)

// parseRoute maps a URL path to its endpoint and session ID. A trailing
// slash or an empty ID matches nothing, as in the API's router.
func parseRoute(path string) (route, string) {
	if path == "/chat/sessions" {
		return routeList, ""
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
