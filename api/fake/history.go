package fake

import "net/http"

// serveHistory answers GET /chat/sessions/{id}/history: the history fault
// if there is one, else a page of the session's events, oldest first, or
// 404 for a session the server does not have.
func (s *Server) serveHistory(w http.ResponseWriter, r *http.Request, id string) {
	f, faulty := s.historyFault(id)
	switch {
	case faulty && f.replacesAnswer():
		serveFault(w, r, f, answer{})
	case faulty:
		serveFault(w, r, f, s.historyAnswer(id, r.URL.Query().Get("cursor")))
	default:
		a := s.historyAnswer(id, r.URL.Query().Get("cursor"))
		writeJSON(w, a.status, a.body)
	}
}

// historyAnswer computes one page of a session's history. The catalog is
// asked for it once, so pages always fit together.
func (s *Server) historyAnswer(id, cursor string) answer {
	e, ok := s.indexNow().find(id)
	if !ok {
		return errorAnswer(http.StatusNotFound, "Chat session not found")
	}
	events := e.events(s.content)
	scope := "history|" + e.key
	offset, err := decodeCursor(cursor, scope, len(events))
	if err != nil {
		return errorAnswer(http.StatusBadRequest, "cursor "+err.Error())
	}
	pg, next := page(events, offset, s.historyPageSize, scope)
	return answer{http.StatusOK, pageBody(pg, next)}
}
