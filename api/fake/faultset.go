package fake

// SetFault installs f for GET /chat/sessions/{id}, replacing any fault
// already there. It takes effect for requests that arrive afterwards, so a
// test can make a session misbehave halfway through.
func (s *Server) SetFault(id string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[id] = f.clone()
}

// setListFault installs f for every GET /chat/sessions request.
func (s *Server) setListFault(f Fault) {
	f = f.clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listFault = &f
}

// setHistoryFault installs f for GET /chat/sessions/{id}/history.
func (s *Server) setHistoryFault(id string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.historyFaults[id] = f.clone()
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

// sessionFault returns the fault of GET /chat/sessions/{id}, matched by
// byID.
func (s *Server) sessionFault(id string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return byID(s.faults, id)
}

// historyFault returns the history fault for id, matched by byID.
func (s *Server) historyFault(id string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return byID(s.historyFaults, id)
}
