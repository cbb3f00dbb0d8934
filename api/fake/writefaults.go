package fake

import "net/http"

// WithStatusFault installs f for PATCH /chat/sessions/{id}: a status change
// of that session. GET faults (WithFault) do not apply to writes, and this
// one does not apply to GET.
func WithStatusFault(id string, f Fault) Option {
	return func(s *Server) { s.SetStatusFault(id, f) }
}

// WithRedactSessionFault installs f for POST /redaction/session of the
// session id (its sessionId in the body).
func WithRedactSessionFault(id string, f Fault) Option {
	return func(s *Server) { s.SetRedactSessionFault(id, f) }
}

// WithRedactMessageFault installs f for POST /redaction/message of the
// message id (its messageId in the body: an event ID from the history).
func WithRedactMessageFault(messageID string, f Fault) Option {
	return func(s *Server) { s.SetRedactMessageFault(messageID, f) }
}

// WithWritesFault installs f for every write that has no fault of its own,
// e.g. a delay to watch "saving…" or a 500 for a whole batch.
func WithWritesFault(f Fault) Option {
	return func(s *Server) { s.SetWritesFault(&f) }
}

// WithReadOnlyKey makes the server's key one that may read but not write:
// every write is answered 403 (Forbidden), after authentication, as the API
// answers a key without write scope. Reads are unchanged.
func WithReadOnlyKey() Option {
	return func(s *Server) { s.SetReadOnly(true) }
}

// SetStatusFault installs f for PATCH /chat/sessions/{id}, for requests that
// arrive afterwards (a batch that starts failing halfway through).
func (s *Server) SetStatusFault(id string, f Fault) { s.setWriteFault(routeSession, id, f) }

// SetRedactSessionFault installs f for the redaction of session id.
func (s *Server) SetRedactSessionFault(id string, f Fault) {
	s.setWriteFault(routeRedactSession, id, f)
}

// SetRedactMessageFault installs f for the redaction of message messageID.
func (s *Server) SetRedactMessageFault(messageID string, f Fault) {
	s.setWriteFault(routeRedactMessage, messageID, f)
}

// SetWritesFault installs f for every write without a fault of its own;
// nil removes it.
func (s *Server) SetWritesFault(f *Fault) {
	var c *Fault
	if f != nil {
		v := f.clone()
		c = &v
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.allWrites = c
}

// ClearWriteFaults removes every write fault, per session, per message and
// for all writes, for requests that arrive afterwards.
func (s *Server) ClearWriteFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.writeFaults)
	s.allWrites = nil
}

// SetReadOnly makes the key read-only (every write 403) or lets it write
// again.
func (s *Server) SetReadOnly(readOnly bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readOnly = readOnly
}

func (s *Server) setWriteFault(rt route, id string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writeFaults[rt] == nil {
		s.writeFaults[rt] = make(map[string]Fault)
	}
	s.writeFaults[rt][id] = f.clone()
}

// writeFault returns the fault for a write of rt on id (matched by byID),
// else the fault for all writes.
func (s *Server) writeFault(rt route, id string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := byID(s.writeFaults[rt], id); ok {
		return f, true
	}
	if s.allWrites != nil {
		return *s.allWrites, true
	}
	return Fault{}, false
}

// isReadOnly reports whether the key may not write.
func (s *Server) isReadOnly() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readOnly
}

// ErrorFault is a fault answering status with the API's ErrorDto carrying
// message, e.g. ErrorFault(500, "Internal server error") or
// ErrorFault(403, "Forbidden resource"); for 429 use RateLimited, which
// sends Retry-After.
func ErrorFault(status int, message string) Fault {
	a := errorAnswer(status, message)
	return Fault{Status: status, ContentType: jsonContentType, Body: string(a.body)}
}

// forbiddenMessage is what a read-only key is told when it writes.
const forbiddenMessage = "This API key may not change data"

// forbidden is the answer to a write with a read-only key.
func forbidden() answer { return errorAnswer(http.StatusForbidden, forbiddenMessage) }
