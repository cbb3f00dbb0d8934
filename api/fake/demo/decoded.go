package demo

import (
	"encoding/json"
	"fmt"

	"github.com/opencx-tools/cxi/api"
)

// Decoded is the showcase session id as the client decodes it (Fixture's
// body through api.Session), for tests that need the session itself
// rather than a server that serves it, such as the local store's.
func Decoded(id string) (api.Session, error) {
	body, ok := Fixture(id)
	if !ok {
		return api.Session{}, fmt.Errorf("no showcase session %s", id)
	}
	var s api.Session
	if err := json.Unmarshal(body, &s); err != nil {
		return api.Session{}, fmt.Errorf("showcase session %s: %w", id, err)
	}
	return s, nil
}
