package kept

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/store"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var now = time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)

func ts(t time.Time) api.Timestamp { return api.Timestamp{Time: t, Raw: t.Format(time.RFC3339)} }

func ptr[T any](v T) *T { return &v }

// TestInputsFromTheStore keeps a transcript, a rating, a handoff time and an
// earlier session of the same contact, and sees each rule that needs kept
// data trip on them; without the store the same session trips none of them.
func TestInputsFromTheStore(t *testing.T) {
	ctx := context.Background()
	st, _, err := store.Open(store.Options{Dir: t.TempDir(), BaseURL: "https://api.example", Key: "k", Now: func() time.Time { return now }})
	if err != nil || st == nil {
		t.Fatal(err)
	}
	defer st.Close()
	handedOff := now.Add(-6 * time.Hour)
	s := api.Session{
		ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusClosedResolved,
		AIClosureType:   ptr(api.ClosureHandedOff),
		Handoff:         &api.Handoff{},
		TicketingSystem: &api.TicketingSystem{ExternalID: "ZD-1"},
		Contact:         &api.Contact{ID: "c1", Email: ptr("dana@example.com")},
		CreatedAt:       ts(handedOff.Add(-time.Minute)), UpdatedAt: ts(now),
	}
	before := api.Session{
		ID: "0d4e2a59-1a2b-4c3d-8e4f-5a6b7c8d9e0f", Status: api.StatusClosedResolved,
		Contact:   &api.Contact{ID: "c-other", Email: ptr("Dana@Example.com")},
		CreatedAt: ts(now.Add(-72 * time.Hour)), UpdatedAt: ts(now.Add(-70 * time.Hour)),
	}
	if err := st.SaveSessions(ctx, []api.Session{before}, now); err != nil {
		t.Fatal(err)
	}
	events := []api.Event{{Type: "handoff", SenderType: "ai", CreatedAt: ts(handedOff)}, {Type: "message", SenderType: "contact", CreatedAt: ts(handedOff.Add(time.Hour))}}
	if err := st.SaveHistory(ctx, s.ID, events, true, now); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCSAT(ctx, s.ID, &api.CSATScore{Score: ptr(1.0)}, now); err != nil {
		t.Fatal(err)
	}
	th := lint.Defaults()
	th.OfficeHours = false

	ins, err := Inputs(ctx, st, []api.Session{s}, nil, now)
	if err != nil || len(ins) != 1 {
		t.Fatalf("Inputs = %v, %v", ins, err)
	}
	flags := lint.Check(ins[0], th)
	for _, r := range []lint.Rule{lint.ResolvedUnhappy, lint.NoReply, lint.BackSoon} {
		if !lint.Has(flags, r) {
			t.Errorf("with the store: flags %+v lack %s", flags, r)
		}
	}

	ins, err = Inputs(ctx, nil, []api.Session{s}, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if flags := lint.Check(ins[0], th); len(flags) != 0 {
		t.Errorf("without a store: flags %+v, want none (nothing kept is nothing known)", flags)
	}
}

func TestSchedule(t *testing.T) {
	all := []api.OfficeHours{{Name: "empty"}, {Name: "support", Shifts: []api.Shift{{DayOfWeek: "monday"}}}}
	if got := Schedule(all); got == nil || got.Name != "support" {
		t.Fatalf("Schedule = %+v, want the one with shifts", got)
	}
	if Schedule(all[:1]) != nil || Schedule(nil) != nil {
		t.Fatal("a schedule without shifts was picked")
	}
}
