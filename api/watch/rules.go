// Package watch says which sessions newly match a watch rule: the rules
// (a predicate each, by name, so that other checks such as integrity
// flags plug in beside the built-in ones) and a Tracker that remembers
// what matched at the previous look. The TUI's nudge and `cxi watch` both
// decide "new" with it, so the two cannot disagree.
package watch

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
)

// Rule is one condition a session may match.
type Rule interface {
	Name() string  // as written in config.toml: "handed_off_angry"
	Label() string // as a person reads it: "handed off and angry"
	Match(s *api.Session) bool
}

// Func makes a Rule of a predicate, for rules defined elsewhere (an
// integrity flag of a lint package, a test's).
func Func(name, label string, match func(*api.Session) bool) Rule {
	return funcRule{name: name, label: label, match: match}
}

type funcRule struct {
	name, label string
	match       func(*api.Session) bool
}

func (r funcRule) Name() string              { return r.name }
func (r funcRule) Label() string             { return r.label }
func (r funcRule) Match(s *api.Session) bool { return s != nil && r.match(s) }

// Names of the built-in rules.
const (
	HandedOffAngry = "handed_off_angry"
	Angry          = "angry"
	HandedOff      = "handed_off"
	Flagged        = "flagged"
)

// Default is the rule set when config.toml names none: a customer who
// asked for a human and is angry is the one a lead must not miss.
// "flagged" is not in it: on a busy shift every handoff still waiting for
// its ticket would ring, and a nudge that rings all day is turned off.
var Default = []string{HandedOffAngry}

// Available are the built-in rules and "flagged": any integrity rule
// (api/lint) the session trips on what it holds itself, with the
// config's thresholds. What a rule needs kept (a transcript, a rating)
// says nothing here: a page of the list is all a watch has.
func Available(t lint.Thresholds, now func() time.Time) []Rule {
	return append(Builtin(), Func(Flagged, "an integrity flag", func(s *api.Session) bool {
		return len(lint.Check(lint.Input{Session: s, Now: now()}, t)) > 0
	}))
}

// Builtin returns the rules cxi knows without any other package.
func Builtin() []Rule {
	return []Rule{
		Func(HandedOffAngry, "handed off and angry", func(s *api.Session) bool { return s.HandedOff() && angry(s) }),
		Func(Angry, "angry", angry),
		Func(HandedOff, "handed off", func(s *api.Session) bool { return s.HandedOff() }),
	}
}

func angry(s *api.Session) bool { return s.Sentiment != nil && *s.Sentiment == api.SentimentAngry }

// Names returns the names of rules, in order.
func Names(rules []Rule) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.Name()
	}
	return out
}

// Pick returns the rules of available that names name, in the order
// named, each once. An unknown name is an error that lists the known ones;
// no names at all picks Default.
func Pick(available []Rule, names []string) ([]Rule, error) {
	if len(names) == 0 {
		names = Default
	}
	var out []Rule
	for _, n := range names {
		i := slices.IndexFunc(available, func(r Rule) bool { return r.Name() == n })
		if i < 0 {
			return nil, fmt.Errorf("unknown watch rule %q (known: %s)", n, strings.Join(Names(available), ", "))
		}
		if !slices.ContainsFunc(out, func(r Rule) bool { return r.Name() == n }) {
			out = append(out, available[i])
		}
	}
	return out, nil
}
