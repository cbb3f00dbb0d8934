package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// t0 is the tests' clock: every time is an offset from it.
var t0 = time.Date(2026, 3, 11, 14, 0, 0, 0, time.UTC)

func clock() time.Time { return t0 }

var ctx = context.Background()

// options is a store of the organization "k1" at api.example in dir.
func options(dir string) Options {
	return Options{Dir: dir, BaseURL: "https://api.example", Key: "k1", Now: clock}
}

// mustOpen opens o, failing the test on any notice: a test that expects
// one calls Open itself.
func mustOpen(t testing.TB, o Options) *Store {
	t.Helper()
	s, notices, err := Open(o)
	if err != nil || len(notices) > 0 || s == nil {
		t.Fatalf("Open: store %v, notices %q, err %v", s, notices, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// stateDir is a directory for stores that does not exist yet, as on a
// first run (t.TempDir itself is 0755, which Open would tighten).
func stateDir(t testing.TB) string { return filepath.Join(t.TempDir(), "cxi") }

// fresh is a new store in a new directory.
func fresh(t testing.TB) *Store { return mustOpen(t, options(stateDir(t))) }

func ptr[T any](v T) *T { return &v }

// session is a plain open session updated at t0 minus ago, changed by mods.
func session(id string, ago time.Duration, mods ...func(*api.Session)) api.Session {
	s := api.Session{
		ID: id, Status: api.StatusOpen, Channel: api.Channel{Type: api.ChannelWeb},
		Sentiment: ptr(api.SentimentNeutral),
		CreatedAt: stamp(t0.Add(-ago - time.Hour)), UpdatedAt: stamp(t0.Add(-ago)),
	}
	for _, m := range mods {
		m(&s)
	}
	return s
}

func stamp(t time.Time) api.Timestamp {
	return api.Timestamp{Raw: t.Format(time.RFC3339Nano), Time: t}
}

// id is the n-th test session's ID: a valid UUID whose first eight digits
// differ for every n.
func id(n int) string { return fmt.Sprintf("%08x-0d44-4b50-8888-8dd25736052a", n) }

func withContact(name, email, phone string) func(*api.Session) {
	return func(s *api.Session) {
		s.Contact = &api.Contact{ID: "c-" + s.ID[:8]}
		if name != "" {
			s.Contact.Name = &name
		}
		if email != "" {
			s.Contact.Email = &email
		}
		if phone != "" {
			s.Contact.PhoneNumber = &phone
		}
	}
}

func withTicket(system, external string, number float64) func(*api.Session) {
	return func(s *api.Session) {
		if external != "" {
			s.TicketingSystem = &api.TicketingSystem{Name: api.SystemName(system), ExternalID: external, IDType: "ticket_id"}
		}
		if number != 0 {
			n := api.NumberOf(number)
			s.TicketNumber = &n
		}
	}
}

func withHandoff(summary string) func(*api.Session) {
	return func(s *api.Session) { s.Handoff = &api.Handoff{Summary: summary} }
}

func withStatus(st api.Status) func(*api.Session) {
	return func(s *api.Session) { s.Status = st }
}

// fixture is a showcase session of the demo, decoded as the client does.
func fixture(t testing.TB, id string) api.Session {
	t.Helper()
	s, err := demo.Decoded(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func save(t testing.TB, s *Store, at time.Time, sessions ...api.Session) {
	t.Helper()
	if err := s.SaveSessions(ctx, sessions, at); err != nil {
		t.Fatal(err)
	}
}

// ids lists the IDs of found sessions, in order.
func ids(found []Found) string {
	var out []string
	for _, f := range found {
		out = append(out, f.Session.ID[:8])
	}
	return strings.Join(out, " ")
}

// storeFiles lists the names in dir.
func storeFiles(t testing.TB, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}
