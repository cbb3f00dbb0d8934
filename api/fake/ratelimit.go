package fake

import (
	"net/http"
	"time"
)

// rateWindow is the span the rate limit counts over: the API's limits are
// per minute.
const rateWindow = time.Minute

// limit applies WithRateLimit: a sliding window over the server clock of the
// requests let through. It reports whether this request is refused and, if
// so, how long until the oldest admitted request leaves the window, which is
// exactly when a retry will be let through. Refused requests do not count,
// so a client that honours Retry-After is never punished for asking.
func (s *Server) limit() (wait time.Duration, limited bool) {
	if s.rateLimit <= 0 {
		return 0, false
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	cutoff := now.Add(-rateWindow)
	kept := s.admitted[:0]
	for _, t := range s.admitted {
		if t.After(cutoff) {
			kept = append(kept, t)
		}
	}
	s.admitted = kept
	if len(s.admitted) >= s.rateLimit {
		return s.admitted[0].Add(rateWindow).Sub(now), true
	}
	s.admitted = append(s.admitted, now)
	return 0, false
}

// writeRateLimited answers 429 the way the API's throttler does, with
// Retry-After in whole seconds, rounded up and at least 1, so that a client
// waiting that long is let through.
func writeRateLimited(w http.ResponseWriter, perMinute int, wait time.Duration) {
	f := RateLimited(perMinute, max(int((wait+time.Second-1)/time.Second), 1))
	for name, values := range f.Header {
		w.Header()[name] = values
	}
	writeJSON(w, f.Status, []byte(f.Body))
}
