package fake

import "strings"

// SetFault installs f for GET /chat/sessions/{id}, replacing any fault
// already there. It takes effect for requests that arrive afterwards.
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

// SetListFault installs f for every GET /chat/sessions request that arrives
// afterwards, replacing any list fault already there.
func (s *Server) SetListFault(f Fault) {
	f = f.clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listFault = &f
}

// ClearListFault removes the list fault.
func (s *Server) ClearListFault() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listFault = nil
}

// SetHistoryFault installs f for GET /chat/sessions/{id}/history.
func (s *Server) SetHistoryFault(id string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.historyFaults[id] = f.clone()
}

// ClearHistoryFault removes the history fault for session id.
func (s *Server) ClearHistoryFault(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.historyFaults, id)
}

// listFaultNow returns the list fault, if any.
func (s *Server) listFaultNow() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listFault == nil {
		return Fault{}, false
	}
	return *s.listFault, true
}

// historyFault returns the history fault for id, matched like lookup.
func (s *Server) historyFault(id string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{id, strings.ToLower(id)} {
		if f, ok := s.historyFaults[key]; ok {
			return f, true
		}
	}
	return Fault{}, false
}
