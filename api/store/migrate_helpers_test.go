package store

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// oldStore is a store at version, as a cxi of that version made it, in a
// new state directory; and a session with a ticket and a handoff, its body
// (Raw) as the API sent it, for the migration tests to keep in it.
func oldStore(t *testing.T, version int) (dir string, old *Store, withBody api.Session) {
	t.Helper()
	dir = stateDir(t)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old, _, err := openVersion(File(options(dir)), version)
	if err != nil {
		t.Fatal(err)
	}
	withBody = session(id(1), 0, withTicket("zendesk", "ZD-1", 0), withHandoff("refund requested"))
	body, err := json.Marshal(withBody)
	if err != nil {
		t.Fatal(err)
	}
	withBody.Raw = body
	return dir, old, withBody
}
