package fake

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// Edit changes session id as the platform does while cxi watches it (a
// sentiment judged, a handoff made): each member of set is written into
// its body as the JSON value given, updated_at moves to the server's clock,
// and GET, the list and the search see the change at once; its history is
// kept. It is for tests of what arrives between two reads of the list
// (cxi watch, auto-refresh); nothing the API does through a request.
func (s *Server) Edit(id string, set map[string]json.RawMessage) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	c := s.indexNow()
	old, ok := c.find(id)
	if !ok {
		return fmt.Errorf("edit %s: no such session", id)
	}
	fields := []field{{"updated_at", rawJSON(s.now().UTC().Format(wireTime))}}
	for _, k := range slices.Sorted(maps.Keys(set)) {
		if !json.Valid(set[k]) {
			return fmt.Errorf("edit %s: %s is not JSON: %q", id, k, set[k])
		}
		fields = append(fields, field{k, set[k]})
	}
	body, err := editObject(old.body, fields)
	if err != nil {
		return fmt.Errorf("edit %s: %w", id, err)
	}
	s.replace(c, old, body, old.events(s.content))
	return nil
}
