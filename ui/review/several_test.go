package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/review"
)

// shelf is a store of many sessions' marks; its writes fail from the
// failAt-th on (0: never).
type shelf struct {
	marks  map[string]store.Mark
	writes int
	failAt int
}

func (s *shelf) SetReviewed(_ context.Context, id string, on bool, at time.Time) error {
	s.writes++
	if s.failAt > 0 && s.writes >= s.failAt {
		return fullDisk
	}
	mk := s.marks[id]
	mk.ReviewedAt = time.Time{}
	if on {
		mk.ReviewedAt = at
	}
	s.marks[id] = mk
	return nil
}

func (s *shelf) SetNote(context.Context, string, string, time.Time) error { return nil }

func (s *shelf) Marks(_ context.Context, ids []string) (map[string]store.Mark, error) {
	out := map[string]store.Mark{}
	for _, id := range ids {
		if mk, ok := s.marks[id]; ok {
			out[id] = mk
		}
	}
	return out, nil
}

func (s *shelf) Stopped() error { return nil }

func (s *shelf) reviewed(id string) bool { return !s.marks[id].ReviewedAt.IsZero() }

var three = []api.Session{
	{ID: "10000000-0000-4000-8000-000000000001"},
	{ID: "20000000-0000-4000-8000-000000000002"},
	{ID: "30000000-0000-4000-8000-000000000003"},
}

func toggleAll(t *testing.T, st *shelf) []tea.Msg {
	t.Helper()
	c := &clock{now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	return keytest.Run(review.ToggleAll(testCtx(c), st, common.SessionTargets(three...), st.reviewed))
}

// TestMarkingSeveralMarksEveryOne: m on three selected sessions, one of
// them reviewed already, marks the other two and says so; m again, with
// all three reviewed, unmarks all three. One key never marks some and
// unmarks others.
func TestMarkingSeveralMarksEveryOne(t *testing.T) {
	st := &shelf{marks: map[string]store.Mark{three[1].ID: {ReviewedAt: time.Unix(1, 0)}}}
	msgs := toggleAll(t, st)
	m, ok := msgs[0].(review.MarkedMsg)
	if len(msgs) != 1 || !ok {
		t.Fatalf("messages %#v", msgs)
	}
	if m.Said != "Marked 2 sessions reviewed · 1 already was." || st.writes != 2 {
		t.Errorf("said %q after %d writes", m.Said, st.writes)
	}
	for _, s := range three {
		if !st.reviewed(s.ID) {
			t.Errorf("%s is not reviewed", s.ID)
		}
	}
	if all := m.All(); len(all) != 2 || all[three[0].ID].ReviewedAt.IsZero() {
		t.Errorf("the views are told %+v", all)
	}

	m = toggleAll(t, st)[0].(review.MarkedMsg)
	if m.Said != "Unmarked 3 sessions." || st.reviewed(three[0].ID) || st.reviewed(three[1].ID) || len(m.All()) != 3 {
		t.Errorf("m again: said %q, marks %+v", m.Said, st.marks)
	}
}

// TestMarkingSeveralSaysWhereItStopped: the store fails at the second
// write: the first mark is shown as kept, and the failure says how far it
// got, at which session, and why.
func TestMarkingSeveralSaysWhereItStopped(t *testing.T) {
	st := &shelf{marks: map[string]store.Mark{}, failAt: 2}
	var kept *review.MarkedMsg
	var failed *review.FailedMsg
	for _, msg := range toggleAll(t, st) {
		switch msg := msg.(type) {
		case review.MarkedMsg:
			kept = &msg
		case review.FailedMsg:
			failed = &msg
		}
	}
	if kept == nil || len(kept.All()) != 1 || kept.Notice() != nil {
		t.Errorf("the mark kept: %+v", kept)
	}
	want := "Marked 1 of 3 sessions, then could not keep the mark on 20000000: the local store stopped remembering (database or disk is full)."
	if failed == nil || failed.Said != want || !errors.Is(failed.Err, fullDisk) {
		t.Fatalf("failure %+v\nwant %q", failed, want)
	}
}

// TestMarkingOneIsAsBefore: one session (no selection) toggles as m
// always did.
func TestMarkingOneIsAsBefore(t *testing.T) {
	st := &shelf{marks: map[string]store.Mark{}}
	c := &clock{now: time.Unix(0, 0)}
	m := keytest.Run(review.ToggleAll(testCtx(c), st, common.SessionTargets(three[:1]...), st.reviewed))[0].(review.MarkedMsg)
	if m.Said != "Marked 10000000 reviewed." || m.ID != three[0].ID {
		t.Errorf("%+v", m)
	}
	if review.ToggleAll(common.Context{}, st, common.Targets{}, st.reviewed) != nil {
		t.Error("nothing to mark, yet a command")
	}
}
