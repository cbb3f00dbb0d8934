package watch

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
)

func session(id string, sentiment api.Sentiment, handedOff bool) api.Session {
	s := api.Session{ID: id, Status: api.StatusOpen}
	if sentiment != "" {
		s.Sentiment = &sentiment
	}
	if handedOff {
		c := api.ClosureHandedOff
		s.AIClosureType = &c
	}
	return s
}

func ids(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Session.ID)
	}
	return out
}

func TestBuiltinRules(t *testing.T) {
	rules, err := Pick(Builtin(), []string{HandedOffAngry, Angry, HandedOff})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		s    api.Session
		want []string
	}{
		{session("a", api.SentimentAngry, true), []string{HandedOffAngry, Angry, HandedOff}},
		{session("b", api.SentimentAngry, false), []string{Angry}},
		{session("c", api.SentimentNeutral, true), []string{HandedOff}},
		{session("d", "", false), nil},                                       // null sentiment: not angry
		{session("e", api.Sentiment("furious"), true), []string{HandedOff}},  // a new enum value is not "angry"
		{api.Session{ID: "f", Handoff: &api.Handoff{}}, []string{HandedOff}}, // a handoff object without the closure type
	}
	for _, c := range cases {
		var got []string
		for _, r := range rules {
			if r.Match(&c.s) {
				got = append(got, r.Name())
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("session %s matches %v, want %v", c.s.ID, got, c.want)
		}
	}
	if Func("x", "x", func(*api.Session) bool { return true }).Match(nil) {
		t.Error("a nil session matched")
	}
}

func TestPick(t *testing.T) {
	got, err := Pick(Builtin(), nil)
	if err != nil || !slices.Equal(Names(got), Default) {
		t.Errorf("no names: %v, %v; want the default %v", Names(got), err, Default)
	}
	got, err = Pick(Builtin(), []string{Angry, Angry})
	if err != nil || !slices.Equal(Names(got), []string{Angry}) {
		t.Errorf("a name twice: %v, %v", Names(got), err)
	}
	_, err = Pick(Builtin(), []string{"angy"})
	if err == nil || !strings.Contains(err.Error(), `unknown watch rule "angy"`) || !strings.Contains(err.Error(), "handed_off_angry, angry, handed_off") {
		t.Errorf("unknown name: %v", err)
	}
	// A rule from elsewhere plugs in beside the built-in ones.
	flag := Func("flagged", "flagged", func(s *api.Session) bool { return s.ID == "z" })
	got, err = Pick(append(Builtin(), flag), []string{"flagged"})
	if err != nil || len(got) != 1 || !got[0].Match(&api.Session{ID: "z"}) {
		t.Errorf("a plugged-in rule: %v, %v", Names(got), err)
	}
}

func TestTrackerAnnouncesOnlyWhatNewlyMatches(t *testing.T) {
	tr := NewTracker(must(Pick(Builtin(), nil)))
	calm := session("s1", api.SentimentNeutral, true)
	already := session("s2", api.SentimentAngry, true)
	if got := tr.Observe([]api.Session{calm, already}, false); len(got) != 0 {
		t.Fatalf("the first load announced %v", ids(got))
	}
	if got := tr.Observe([]api.Session{calm, already}, true); len(got) != 0 {
		t.Fatalf("nothing changed, yet %v announced", ids(got))
	}
	turned := session("s1", api.SentimentAngry, true)
	got := tr.Observe([]api.Session{turned, already}, true)
	if !slices.Equal(ids(got), []string{"s1"}) || !slices.Equal(got[0].Labels(), []string{"handed off and angry"}) {
		t.Fatalf("s1 turned angry: announced %v", ids(got))
	}
	if got := tr.Observe([]api.Session{turned, already}, true); len(got) != 0 {
		t.Fatalf("s1 announced again: %v", ids(got))
	}
	// A session that arrives on a refresh, already matching, is news.
	arrived := session("s3", api.SentimentAngry, true)
	if got := tr.Observe([]api.Session{arrived}, true); !slices.Equal(ids(got), []string{"s3"}) {
		t.Fatalf("an arrival: %v", ids(got))
	}
	// Calm again, then angry again: news again.
	tr.Observe([]api.Session{session("s1", api.SentimentHappy, true)}, true)
	if got := tr.Observe([]api.Session{turned}, true); !slices.Equal(ids(got), []string{"s1"}) {
		t.Fatalf("s1 angry a second time: %v", ids(got))
	}
	// A session on an older page, loaded without announcing, is recorded.
	old := session("s4", api.SentimentAngry, true)
	tr.Observe([]api.Session{old}, false)
	if got := tr.Observe([]api.Session{old}, true); len(got) != 0 {
		t.Fatalf("a session loaded quietly was announced later: %v", ids(got))
	}
}

func must(r []Rule, err error) []Rule {
	if err != nil {
		panic(err)
	}
	return r
}

// TestFlaggedIsAnyIntegrityRule: "flagged" matches a session that trips
// an integrity rule on what it holds itself (handed off with no ticket),
// and not one that trips none; the thresholds are the config's.
func TestFlaggedIsAnyIntegrityRule(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC) }
	rules, err := Pick(Available(lint.Defaults(), now), []string{Flagged})
	if err != nil {
		t.Fatal(err)
	}
	angry, happy := api.SentimentAngry, api.SentimentHappy
	noTicket := &api.Session{ID: "a", Status: api.StatusOpen, Sentiment: &happy, Handoff: &api.Handoff{Summary: "x"}}
	fine := &api.Session{ID: "b", Status: api.StatusOpen, Sentiment: &angry}
	if !rules[0].Match(noTicket) {
		t.Error("a handoff without a ticket is not flagged")
	}
	if rules[0].Match(fine) {
		t.Error("an open session with no handoff is flagged")
	}
	off := lint.Defaults()
	off.Off = lint.Rules()
	if r, _ := Pick(Available(off, now), []string{Flagged}); r[0].Match(noTicket) {
		t.Error("flagged with every rule off")
	}
}
