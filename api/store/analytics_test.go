package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

const (
	idA = "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04"
	idB = "a7e41d09-2b6c-4f38-8e5a-0d91c3b7f2a6"
)

func TestHandoffReasonsKeptAndFound(t *testing.T) {
	s := fresh(t)
	at := api.Timestamp{Raw: "2026-03-11T10:00:00Z", Time: t0.Add(-4 * time.Hour)}
	walk := map[string]api.HandoffWhy{
		idA:                                    {Reasons: []api.HandoffReason{api.ReasonInsufficientKnowledge, "refund_policy_v2"}, Explanation: "No article on " + secretWord, At: at},
		"A7E41D09-2B6C-4F38-8E5A-0D91C3B7F2A6": {Reasons: nil},
	}
	if err := s.SaveHandoffReasons(ctx, walk, t0); err != nil {
		t.Fatal(err)
	}
	got, err := s.HandoffReasons(ctx, []string{strings.ToUpper(idA), idB, "0b7a9e12-f4c3-4d81-9a65-2e8c7b30d4f9"})
	if err != nil {
		t.Fatal(err)
	}
	a := got[idA]
	if len(got) != 2 || !slices.Equal(a.Reasons, walk[idA].Reasons) || a.Explanation != "No article on "+secretWord || !a.At.Equal(at.Time) || !a.Fetched.Equal(t0) {
		t.Errorf("got %+v", got)
	}
	if b := got[idB]; b.Reasons == nil || len(b.Reasons) != 0 || b.Explanation != "" {
		t.Errorf("b = %+v", b)
	}
	ids, err := s.HandedOffBecause(ctx, api.ReasonInsufficientKnowledge)
	if err != nil || !slices.Equal(ids, []string{idA}) {
		t.Errorf("because: %v %v", ids, err)
	}
	if ids, _ := s.HandedOffBecause(ctx, "refund_policy_v2"); !slices.Equal(ids, []string{idA}) {
		t.Errorf("an unknown reason is found as kept: %v", ids)
	}
	// A later walk replaces a session's row.
	if err := s.SaveHandoffReasons(ctx, map[string]api.HandoffWhy{idA: {Reasons: []api.HandoffReason{api.ReasonProhibitedTopic}}}, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.HandoffReasons(ctx, []string{idA}); got[idA].Explanation != "" || got[idA].Reasons[0] != api.ReasonProhibitedTopic {
		t.Errorf("replaced: %+v", got[idA])
	}
}

func TestCSATKept(t *testing.T) {
	s := fresh(t)
	if _, ok, err := s.CSAT(ctx, idA); ok || err != nil {
		t.Fatalf("nothing kept: %v %v", ok, err)
	}
	score, comment := 2.0, "Slow "+secretWord
	if err := s.SaveCSAT(ctx, idA, &api.CSATScore{Score: &score, Comment: &comment, CreatedAt: api.Timestamp{Time: t0}}, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCSAT(ctx, idB, nil, t0); err != nil {
		t.Fatal(err)
	}
	r, ok, err := s.CSAT(ctx, strings.ToUpper(idA))
	if err != nil || !ok || !r.Rated || *r.Score != 2 || r.Comment != comment || !r.At.Equal(t0) {
		t.Errorf("a = %+v %v %v", r, ok, err)
	}
	if r, ok, _ := s.CSAT(ctx, idB); !ok || r.Rated || r.Score != nil {
		t.Errorf("null = %+v %v", r, ok)
	}
	var none *Store
	if err := none.SaveCSAT(ctx, idA, nil, t0); err != nil {
		t.Error(err)
	}
	if _, ok, err := none.CSAT(ctx, idA); ok || err != nil {
		t.Errorf("nil store: %v %v", ok, err)
	}
}

// A redaction of the session, or of one of its messages, erases the
// explanation and the comment, from the files too; reasons and score stay.
func TestRedactionErasesExplanationAndComment(t *testing.T) {
	for _, messageID := range []string{"", "m2"} {
		s := fresh(t)
		if err := s.SaveHandoffReasons(ctx, map[string]api.HandoffWhy{idA: {Reasons: []api.HandoffReason{api.ReasonInsufficientTools}, Explanation: "asked about " + secretWord}}, t0); err != nil {
			t.Fatal(err)
		}
		score, comment := 1.0, "my card "+cardNumber
		if err := s.SaveCSAT(ctx, idA, &api.CSATScore{Score: &score, Comment: &comment}, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.EraseRedacted(ctx, idA, messageID); err != nil {
			t.Fatal(err)
		}
		why, _ := s.HandoffReasons(ctx, []string{idA})
		r, _, _ := s.CSAT(ctx, idA)
		if why[idA].Explanation != "" || len(why[idA].Reasons) != 1 || r.Comment != "" || *r.Score != 1 {
			t.Errorf("message %q: why %+v rating %+v", messageID, why[idA], r)
		}
		for _, word := range []string{secretWord, cardNumber} {
			if n := onDisk(t, s.Path(), word); len(n) > 0 {
				t.Errorf("message %q: %s still on disk: %v", messageID, word, n)
			}
		}
	}
}

func TestClearAndPruneTakeTheAnalytics(t *testing.T) {
	s := fresh(t)
	if err := s.SaveHandoffReasons(ctx, map[string]api.HandoffWhy{idA: {Explanation: "x"}}, t0.Add(-100*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCSAT(ctx, idA, nil, t0.Add(-100*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCSAT(ctx, idB, nil, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.prune(ctx, t0.Add(-30*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if why, _ := s.HandoffReasons(ctx, []string{idA}); len(why) != 0 {
		t.Errorf("old reasons kept: %v", why)
	}
	if _, ok, _ := s.CSAT(ctx, idA); ok {
		t.Error("old rating kept")
	}
	if _, ok, _ := s.CSAT(ctx, idB); !ok {
		t.Error("recent rating pruned")
	}
	if err := s.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.CSAT(ctx, idB); ok {
		t.Error("Clear kept a rating")
	}
}
