package fake

import (
	"net/http"
	"slices"
	"time"
)

// RecordedRequest is what the server saw of one request, so tests can check
// what the client sent (and that it sent its key only where it should).
type RecordedRequest struct {
	Method        string
	Path          string    // URL path, decoded
	RawQuery      string    // query string without "?"
	Authorization string    // Authorization header value, "" when absent
	Time          time.Time // arrival time, from the server's clock
}

// record appends r to the request log.
func (s *Server) record(r *http.Request) {
	rec := RecordedRequest{
		Method:        r.Method,
		Path:          r.URL.Path,
		RawQuery:      r.URL.RawQuery,
		Authorization: r.Header.Get("Authorization"),
		Time:          s.now(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, rec)
}

// Requests returns the requests received so far, oldest first. The slice is
// a copy: it does not change as more requests arrive.
func (s *Server) Requests() []RecordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}
