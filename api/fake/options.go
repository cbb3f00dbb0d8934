package fake

import "time"

// Option configures a Server in New. Options apply in order, so a later one
// can undo an earlier one (WithCatalog, then WithoutFaults).
type Option func(*Server)

// WithKey makes the server accept key instead of DemoKey. An empty key
// accepts nothing: a bearer token is never empty.
func WithKey(key string) Option {
	return func(s *Server) { s.key = key }
}

// WithFault installs f for GET /chat/sessions/{id}, replacing any fault
// already there. It does not touch the session's history (WithHistoryFault).
func WithFault(id string, f Fault) Option {
	return func(s *Server) { s.SetFault(id, f) }
}

// WithListFault installs f for every GET /chat/sessions request, e.g. a
// delay to watch the queue's spinner or a 503 to test its error line.
func WithListFault(f Fault) Option {
	return func(s *Server) { s.setListFault(f) }
}

// WithHistoryFault installs f for GET /chat/sessions/{id}/history.
func WithHistoryFault(id string, f Fault) Option {
	return func(s *Server) { s.setHistoryFault(id, f) }
}

// WithSession adds or replaces the body for id; tests use it for odd
// bodies. The body is served as is, valid JSON or not; it is listed by
// GET /chat/sessions only if it is a JSON object. It wins over a catalog's
// session of the same ID, whichever option comes first; its history is what
// the catalog writes for it, and empty without one.
func WithSession(id string, body []byte) Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sessions[id] = append([]byte(nil), body...)
	}
}

// WithoutFaults removes the faults installed so far, for sessions, the list,
// histories and writes (a catalog's too, unless it comes later), for tests that
// want every session answered at once.
func WithoutFaults() Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		clear(s.faults)
		clear(s.historyFaults)
		clear(s.writeFaults)
		clear(s.analyticsFaults)
		s.listFault = nil
		s.allWrites = nil
	}
}

// WithPageSize sets the page size of GET /chat/sessions (DefaultPageSize
// unless set; n < 1 keeps the default).
func WithPageSize(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.pageSize = n
		}
	}
}

// WithHistoryPageSize sets the page size of GET /chat/sessions/{id}/history
// (DefaultHistoryPageSize unless set; n < 1 keeps the default).
func WithHistoryPageSize(n int) Option {
	return func(s *Server) {
		if n > 0 {
			s.historyPageSize = n
		}
	}
}

// WithRateLimit makes the server answer 429 with Retry-After once perMinute
// requests have been let through within the last minute of its clock, as the
// real API does at 100 a minute. Off by default (and for perMinute < 1).
func WithRateLimit(perMinute int) Option {
	return func(s *Server) { s.rateLimit = max(perMinute, 0) }
}

// WithClock sets the server's clock: it stamps RecordedRequest.Time, drives
// the rate limiter, and is read once in New to date the catalog's sessions,
// so tests get the same data for the same clock.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}
