package fake

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Server is an http.Handler speaking the OpenCX contract from the fixtures.
//
// It is safe for concurrent use: sessions, faults and the request log sit
// behind one mutex, because tests change faults while requests are in flight.
type Server struct {
	key string
	now func() time.Time

	mu       sync.Mutex
	sessions map[string][]byte
	faults   map[string]Fault
	requests []RecordedRequest
}

// Option configures a Server in New.
type Option func(*Server)

// New returns a server with key DemoKey, the demo fixtures and the demo
// faults (IDSlow delayed, IDBadGateway 502 HTML, IDRateLimited 429),
// changed by opts in order.
func New(opts ...Option) *Server {
	s := &Server{
		key:      DemoKey,
		now:      time.Now,
		sessions: make(map[string][]byte),
		faults:   demoFaults(),
	}
	for _, d := range Demo() {
		if body, ok := Fixture(d.ID); ok {
			s.sessions[d.ID] = body
		}
	}
	for _, opt := range opts {
		opt(s)
	}
	return s
}

// WithKey makes the server accept key instead of DemoKey. An empty key
// accepts nothing: a bearer token is never empty.
func WithKey(key string) Option {
	return func(s *Server) { s.key = key }
}

// WithFault installs f for session id, replacing any fault already there.
func WithFault(id string, f Fault) Option {
	return func(s *Server) { s.SetFault(id, f) }
}

// WithSession adds or replaces the fixture body for id; tests use it for odd
// bodies. The body is served as is, valid JSON or not.
func WithSession(id string, body []byte) Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sessions[id] = append([]byte(nil), body...)
	}
}

// WithoutFaults removes the faults installed so far (the demo ones, unless
// it comes later), for tests that want every demo session answered at once.
func WithoutFaults() Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		clear(s.faults)
	}
}

// WithoutDemo removes the demo fixtures and faults installed so far, for
// tests that build their server from WithSession and WithFault alone.
func WithoutDemo() Option {
	return func(s *Server) {
		s.mu.Lock()
		defer s.mu.Unlock()
		clear(s.sessions)
		clear(s.faults)
	}
}

// WithClock sets the clock used to stamp RecordedRequest.Time, so tests can
// assert on it.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}

// SetFault installs f for session id, replacing any fault already there. It
// takes effect for requests that arrive afterwards.
func (s *Server) SetFault(id string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[id] = f.clone()
}

// ClearFault removes the fault for session id, so it is served normally.
func (s *Server) ClearFault(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, id)
}

// ServeHTTP answers GET /chat/sessions/{id} the way the OpenCX API does:
// route (404, 405), then authentication (401), then an injected fault, then
// the fixture (200) or 404. Every request is recorded first.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	id, ok := sessionID(r.URL.Path)
	if !ok {
		writeError(w, http.StatusNotFound, "Cannot "+r.Method+" "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, "Method "+r.Method+" not allowed")
		return
	}
	if !s.authorized(r.Header.Get("Authorization")) {
		writeError(w, http.StatusUnauthorized, "Invalid API key")
		return
	}
	body, found, fault, faulty := s.lookup(id)
	if faulty {
		serveFault(w, r, fault, body, found)
		return
	}
	if !found {
		writeError(w, http.StatusNotFound, "Chat session not found")
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// sessionID extracts {id} from /chat/sessions/{id}; neighbouring endpoints
// such as /chat/sessions/{id}/history are not served and do not match.
func sessionID(path string) (string, bool) {
	id, ok := strings.CutPrefix(path, "/chat/sessions/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", false
	}
	return id, true
}

// authorized reports whether header carries "Bearer <key>". The scheme is
// case-insensitive (RFC 9110); the token is compared in constant time out of
// habit, even in a fake.
func (s *Server) authorized(header string) bool {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(s.key)) == 1
}

// lookup returns the fixture and fault for id. An exact match wins; failing
// that the lower-case form is tried, because UUIDs are case-insensitive and
// people paste them in capitals.
func (s *Server) lookup(id string) (body []byte, found bool, fault Fault, faulty bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{id, strings.ToLower(id)} {
		if !found {
			body, found = s.sessions[key]
		}
		if !faulty {
			fault, faulty = s.faults[key]
		}
	}
	return body, found, fault, faulty
}
