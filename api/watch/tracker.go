package watch

import "github.com/opencx-tools/cxi/api"

// Match is a session that newly matches, with the rules it matches.
type Match struct {
	Session api.Session
	Rules   []Rule
}

// Labels returns the labels of m's rules: "handed off and angry".
func (m Match) Labels() []string {
	out := make([]string, len(m.Rules))
	for i, r := range m.Rules {
		out[i] = r.Label()
	}
	return out
}

// Tracker remembers, for every session it has been shown, whether it
// matched any rule at the last look. It is not safe for concurrent use;
// its owner (the TUI's model, the watch loop) is one goroutine.
type Tracker struct {
	rules   []Rule
	matched map[string]bool // by session ID: matched at the last look
}

// NewTracker tracks sessions against rules.
func NewTracker(rules []Rule) *Tracker {
	return &Tracker{rules: rules, matched: map[string]bool{}}
}

// Rules returns the rules tracked.
func (t *Tracker) Rules() []Rule { return t.rules }

// Observe records what sessions match now and returns those that match
// and did not at the previous look, in the order given. With announce
// false it only records: the first load and older pages are what was
// already there, not news. A session never shown before counts as not
// matching before: on a refresh it is one that just arrived or just moved
// to the top.
func (t *Tracker) Observe(sessions []api.Session, announce bool) []Match {
	var out []Match
	for i := range sessions {
		s := &sessions[i]
		var hit []Rule
		for _, r := range t.rules {
			if r.Match(s) {
				hit = append(hit, r)
			}
		}
		was := t.matched[s.ID]
		t.matched[s.ID] = len(hit) > 0
		if announce && len(hit) > 0 && !was {
			out = append(out, Match{Session: *s, Rules: hit})
		}
	}
	return out
}
