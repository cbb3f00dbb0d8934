package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

func TestChanges(t *testing.T) {
	s := fresh(t)
	base := session(id(1), 0, withTicket("zendesk", "ZD-1", 0), func(x *api.Session) {
		x.AssigneeID = ptr("agent-1")
		x.Team = &api.Team{ID: "t1", Name: "Billing"}
	})
	if err := s.MarkSeen(ctx, base, t0); err != nil {
		t.Fatal(err)
	}
	seenNoHandoff := session(id(2), 0)
	seenEmptySummary := session(id(3), 0, withHandoff(""))
	for _, x := range []api.Session{seenNoHandoff, seenEmptySummary} {
		if err := s.MarkSeen(ctx, x, t0.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
	}

	changed := base
	changed.Status = api.StatusClosedUnresolved
	changed.Sentiment = ptr(api.SentimentAngry)
	changed.AssigneeID = nil
	changed.Team = &api.Team{ID: "t2"} // no name: its ID stands in
	changed.Handoff = &api.Handoff{Summary: "wants a refund"}
	changed.TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-2"}
	got, err := s.Changes(ctx, []api.Session{
		changed,
		session(id(2), 0, withHandoff("now handed off")),
		session(id(3), 0, func(x *api.Session) { x.Handoff = nil }),
		session(id(4), 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Change{
		id(1): {SeenAt: t0, Fields: []FieldChange{
			{FieldStatus, "open", "closed_unresolved"},
			{FieldSentiment, "neutral", "angry"},
			{FieldAssignee, "agent-1", ""},
			{FieldTeam, "Billing", "t2"},
			{FieldHandoff, "", "wants a refund"},
			{FieldTicket, "zendesk ZD-1", "zendesk ZD-2"},
		}},
		id(2): {SeenAt: t0.Add(-time.Hour), Fields: []FieldChange{{FieldHandoff, "", "now handed off"}}},
		id(3): {SeenAt: t0.Add(-time.Hour), Fields: []FieldChange{{FieldHandoff, HandedOffWithoutSummary, ""}}},
		id(4): {New: true},
	}
	for k, w := range want {
		g := got[k]
		if !g.SeenAt.Equal(w.SeenAt) || g.New != w.New || !reflect.DeepEqual(g.Fields, w.Fields) {
			t.Errorf("%s:\n got %+v\nwant %+v", k[:8], g, w)
		}
	}

	// Seen and unchanged: no fields, but not new either.
	got, _ = s.Changes(ctx, []api.Session{base})
	if c := got[base.ID]; c.New || c.Fields == nil || len(c.Fields) != 0 {
		t.Errorf("unchanged: %+v", c)
	}
	// Looking again takes the new version as the one to compare with.
	if err := s.MarkSeen(ctx, changed, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Changes(ctx, []api.Session{changed})
	if c := got[changed.ID]; len(c.Fields) != 0 || !c.SeenAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("after looking again: %+v", c)
	}
}

func TestMarks(t *testing.T) {
	s := fresh(t)
	save(t, s, t0, session(id(1), 0), session(id(2), 0))
	if err := s.SetReviewed(ctx, id(1), true, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id(2), "call back at 3pm\nshe is a VIP", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReviewed(ctx, id(9), true, t0); err != nil { // never kept
		t.Fatal(err)
	}
	marks, err := s.Marks(ctx, []string{id(1), id(2), id(3), id(9)})
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) != 3 || !marks[id(1)].ReviewedAt.Equal(t0) || marks[id(1)].ChangedSinceReview ||
		marks[id(2)].Note != "call back at 3pm\nshe is a VIP" || !marks[id(2)].NoteAt.Equal(t0.Add(time.Minute)) ||
		!marks[id(2)].ReviewedAt.IsZero() || marks[id(9)].ReviewedAt.IsZero() {
		t.Errorf("marks %+v", marks)
	}

	// A change after the review shows; one in a field not told does not.
	save(t, s, t0.Add(time.Hour), session(id(1), time.Minute))
	if marks, _ := s.Marks(ctx, []string{id(1)}); marks[id(1)].ChangedSinceReview {
		t.Error("a new updated_at counts as a change")
	}
	save(t, s, t0.Add(time.Hour), session(id(1), 0, withStatus(api.StatusClosedResolved)))
	save(t, s, t0.Add(time.Hour), session(id(9), 0, withStatus(api.StatusClosedResolved)))
	marks, _ = s.Marks(ctx, []string{id(1), id(9)})
	if !marks[id(1)].ChangedSinceReview || marks[id(9)].ChangedSinceReview {
		t.Errorf("after a change: %+v", marks)
	}
	// Marking again takes the session as it is now.
	if err := s.SetReviewed(ctx, id(1), true, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if marks, _ := s.Marks(ctx, []string{id(1)}); marks[id(1)].ChangedSinceReview {
		t.Error("changed since a review made after the change")
	}

	// Unmarking and deleting the note leave nothing.
	if err := s.SetReviewed(ctx, id(1), false, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id(2), "  \n", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id(9), "kept", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReviewed(ctx, id(9), false, t0); err != nil {
		t.Fatal(err)
	}
	marks, _ = s.Marks(ctx, []string{id(1), id(2), id(9)})
	if len(marks) != 1 || marks[id(9)].Note != "kept" || !marks[id(9)].ReviewedAt.IsZero() {
		t.Errorf("after unmarking: %+v", marks)
	}
	if st, _ := s.Stats(ctx); st.Reviewed != 0 || st.Notes != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestHistory(t *testing.T) {
	s := fresh(t)
	if _, _, _, ok, err := s.History(ctx, id(1)); ok || err != nil {
		t.Errorf("none kept: %v %v", ok, err)
	}
	events := []api.Event{
		{ID: "e1", CreatedAt: stamp(t0), Type: "message", SenderType: "contact", SenderName: "Dana", ContentType: "text", Text: "hello"},
		{ID: "e2", CreatedAt: api.Timestamp{Raw: "yesterday"}, Type: "handoff", SenderType: "system",
			Attachments: []api.Attachment{{ID: "a", Name: "receipt.pdf", Size: 1024, Type: "application/pdf", URL: "https://x/a"}}},
	}
	if err := s.SaveHistory(ctx, id(1), events, true, t0); err != nil {
		t.Fatal(err)
	}
	got, at, complete, ok, err := s.History(ctx, id(1))
	if err != nil || !ok || !complete || !at.Equal(t0) || !reflect.DeepEqual(got, events) {
		t.Fatalf("got %+v at %v complete %v ok %v err %v", got, at, complete, ok, err)
	}
	// The first page read again does not replace the whole transcript…
	if err := s.SaveHistory(ctx, id(1), events[:1], false, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, at, complete, _, _ := s.History(ctx, id(1)); len(got) != 2 || !complete || !at.Equal(t0) {
		t.Errorf("a partial read replaced the whole: %d events, complete %v", len(got), complete)
	}
	// …but a longer partial one does, and so does a complete one.
	more := append(append([]api.Event{}, events...), api.Event{ID: "e3", Text: "bye"})
	if err := s.SaveHistory(ctx, id(1), more, false, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _, complete, _, _ := s.History(ctx, id(1)); len(got) != 3 || complete {
		t.Errorf("longer partial: %d events, complete %v", len(got), complete)
	}
	if err := s.SaveHistory(ctx, id(1), nil, true, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _, complete, ok, _ := s.History(ctx, id(1)); len(got) != 0 || got == nil || !complete || !ok {
		t.Errorf("an empty complete transcript: %v, complete %v", got, complete)
	}
}
