package fake

import "time"

// Option configures a Server in New. Options apply in order, so a later one
// can undo an earlier one (WithoutDemo, then WithGenerated).
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
	return func(s *Server) { s.SetListFault(f) }
}

// WithHistoryFault installs f for GET /chat/sessions/{id}/history.
func WithHistoryFault(id string, f Fault) Option {
	return func(s *Server) { s.SetHistoryFault(id, f) }
}

// WithSession adds or replaces the body for id; tests use it for odd
// bodies. The body is served as is, valid JSON or not; it is listed by
// GET /chat/sessions only if it is a JSON object.
func WithSession(id string, body []byte) Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sessions[id] = append([]byte(nil), body...)
	}
}

// WithoutFaults removes the faults installed so far, for sessions, the list
// and histories (the demo ones, unless it comes later), for tests that want
// every demo session answered at once.
func WithoutFaults() Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		clear(s.faults)
		clear(s.historyFaults)
		s.listFault = nil
	}
}

// WithoutDemo removes the demo fixtures and faults installed so far, the
// generated sessions and the odd list items, for tests that build their
// server from WithSession and WithFault alone. A WithGenerated after it
// brings generated sessions back.
func WithoutDemo() Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		clear(s.sessions)
		clear(s.faults)
		clear(s.historyFaults)
		s.listFault = nil
		s.generated = 0
		s.oddItems = false
	}
}

// WithGenerated sets how many sessions New generates besides the demo
// fixtures (DefaultGenerated unless set; n < 0 counts as 0). The sessions
// are the same for the same n and clock: the first n of a longer run.
func WithGenerated(n int) Option {
	return func(s *Server) { s.generated = max(n, 0) }
}

// WithoutOddItems leaves out the two deliberately malformed list items
// (OddTicketIndex, CorruptedIndex), for tests that want a clean list.
func WithoutOddItems() Option {
	return func(s *Server) { s.oddItems = false }
}

// WithRecentDemo moves the demo fixtures' timestamps so that they fall within
// the last six hours, the star (IDAngryHandoff) the most recently updated, so
// the demo's queue starts with them. GET then serves the moved bodies, which
// no longer equal Fixture; without this option the fixtures keep their fixed
// dates in March 2026, which golden tests rely on.
func WithRecentDemo() Option {
	return func(s *Server) { s.recentDemo = true }
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
// the rate limiter, and is read once in New to date the generated sessions
// (and the demo ones, with WithRecentDemo), so tests get the same data for
// the same clock.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}
