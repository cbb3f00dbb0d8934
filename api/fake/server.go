package fake

import (
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Server is an http.Handler speaking the OpenCX contract over the sessions
// of its catalog (WithCatalog) and of WithSession.
//
// It is safe for concurrent use: faults, the request log, the plan of a
// strict server, the rate limiter and the current index sit behind one
// mutex, because tests change faults while requests are in flight. The
// index the list, the history and the search are served from is built on
// first use and never changed in place: a write (PATCH, redaction) builds a
// new one from it and swaps it in, so a handler that took the index reads a
// consistent snapshot without holding the lock.
type Server struct {
	key     string
	now     func() time.Time
	content Catalog // nil: only what WithSession stores

	pageSize        int
	historyPageSize int
	rateLimit       int

	epoch     time.Time // the clock when New ran: the catalog's data is dated from it
	indexOnce sync.Once
	searchMu  sync.Mutex   // held while the search index is built, so it is built once per index
	search    *searchIndex // built on first search after a change; see searchIndexNow
	searchOf  *index       // the index search was built from

	writeMu  sync.Mutex        // serialises writes: each reads the index, edits it and swaps it in
	msgOwner map[string]string // message ID → session key, built on the first message redaction
	writeSeq int               // writes applied so far, for the IDs of the events they add

	mu            sync.Mutex
	index         *index            // built on first use, replaced by writes; see indexNow
	sessions      map[string][]byte // WithSession's bodies, then the catalog's, until the index is built of them
	faults        map[string]Fault
	writeFaults   map[route]map[string]Fault // by write route, then session or message ID
	allWrites     *Fault                     // for every write; see WithWritesFault
	readOnly      bool                       // the key reads but may not write (403)
	listFault     *Fault
	searchFault   *Fault
	historyFaults map[string]Fault
	requests      []RecordedRequest
	plan          *plan // set by Strict

	// The analytics endpoints (analytics.go).
	handoffPageSize int             // 0: DefaultHandoffPageSize
	lacking         map[string]bool // scopes the key lacks (WithoutScope)
	analyticsFaults map[route]Fault // by route (WithAnalyticsFault)
	analyticsMu     sync.Mutex      // held while the analytics are worked out, once per index
	analytics       *analyticsData  // worked out on first use after a change
	analyticsOf     *index          // the index analytics was worked out from
	admitted        []time.Time     // arrival times the rate limiter let through
}

// DemoKey is the API key a Server accepts unless WithKey says otherwise:
// a key that is obviously no real one, for the demo and the tests alike.
const DemoKey = "demo-key"

// Default page sizes of what New serves.
const (
	// DefaultPageSize is the number of items on a page of GET /chat/sessions.
	DefaultPageSize = 25
	// DefaultHistoryPageSize is the number of events on a page of
	// GET /chat/sessions/{id}/history.
	DefaultHistoryPageSize = 50
)

// New returns a server with key DemoKey and no sessions, changed by opts in
// order: WithCatalog gives it content (the demo's is in package demo),
// WithSession single bodies. The clock (WithClock) is read once, after the
// options, to date the catalog's sessions.
//
// The catalog's sessions are asked for on the first request that needs them
// (or SessionIDs), so that the many tests that only ever GET one session do
// not pay for hundreds they never read; the data is the same either way.
func New(opts ...Option) *Server {
	s := &Server{
		key:             DemoKey,
		now:             time.Now,
		pageSize:        DefaultPageSize,
		historyPageSize: DefaultHistoryPageSize,
		sessions:        make(map[string][]byte),
		faults:          make(map[string]Fault),
		historyFaults:   make(map[string]Fault),
		writeFaults:     make(map[route]map[string]Fault),
	}
	for _, opt := range opts {
		opt(s)
	}
	s.epoch = s.now()
	return s
}

// indexNow returns the current index, building it on first use. The
// caller must not hold s.mu.
func (s *Server) indexNow() *index {
	s.indexOnce.Do(func() {
		c := s.buildIndex(s.epoch)
		s.mu.Lock()
		s.index = c
		s.mu.Unlock()
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.index
}

// ServeHTTP answers the way the OpenCX API does: rate limit (429, only with
// WithRateLimit), route (404, 405), authentication (401), then an injected
// fault, then the answer. Every request is recorded first, and checked
// against the plan of a strict server.
//
// Routes: GET /chat/sessions (list), GET /chat/sessions/{id} (one session),
// GET /chat/sessions/{id}/history (its events), GET /chat/sessions/search
// (contacts and messages matching ?q=); and the writes (write.go):
// PATCH /chat/sessions/{id}, POST /redaction/session, POST
// /redaction/message; and the read-only analytics (analytics.go): handoff
// analytics and events, CSAT, SLA analytics, office hours.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, tooLarge := s.record(r)
	s.checkPlan(r)
	if wait, limited := s.limit(); limited {
		writeRateLimited(w, s.rateLimit, wait)
		return
	}
	rt, id := parseRoute(r.URL.Path)
	if rt == routeNone {
		writeError(w, http.StatusNotFound, "Cannot "+r.Method+" "+r.URL.Path)
		return
	}
	if allowed := rt.methods(); !slices.Contains(allowed, r.Method) {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, http.StatusMethodNotAllowed, "Method "+r.Method+" not allowed")
		return
	}
	if !s.authorized(r.Header.Get("Authorization")) {
		writeError(w, http.StatusUnauthorized, "Invalid API key")
		return
	}
	if r.Method != http.MethodGet {
		s.serveWrite(w, r, rt, id, body, tooLarge)
		return
	}
	if rt.analytics() {
		s.serveAnalytics(w, r, rt, id)
		return
	}
	switch rt {
	case routeList:
		s.serveList(w, r)
	case routeHistory:
		s.serveHistory(w, r, id)
	case routeSearch:
		s.serveSearch(w, r)
	default:
		s.serveSession(w, r, id)
	}
}

// serveSession answers GET /chat/sessions/{id}: its fault if it has one,
// else the stored body or 404. The body comes from the index, as the list
// and the history do, so the three never disagree after a write.
func (s *Server) serveSession(w http.ResponseWriter, r *http.Request, id string) {
	e, _ := s.indexNow().find(id)
	a := sessionAnswer(e)
	if f, faulty := s.sessionFault(id); faulty {
		serveFault(w, r, f, a)
		return
	}
	writeJSON(w, a.status, a.body)
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

// byID returns what m holds for a session or message ID. An exact match
// wins; failing that the lower-case form is tried, because UUIDs are
// case-insensitive and people paste them in capitals.
func byID[V any](m map[string]V, id string) (V, bool) {
	if v, ok := m[id]; ok {
		return v, true
	}
	v, ok := m[strings.ToLower(id)]
	return v, ok
}
