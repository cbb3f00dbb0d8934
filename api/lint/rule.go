// Package lint holds cxi's integrity flags ("lint" for triage): the checks
// a lead makes by eye on a session, each a named rule whose inputs are
// explicit (the session; what the store keeps of it: transcript, rating,
// handoff reasons; the office hours; the contact's other sessions). It is
// pure: no I/O, no clock but the one it is given, so that the TUI, cxi lint
// and the tests all get the same answer from the same data. A rule whose
// data is missing says nothing: a flag is something seen, never a guess.
package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Rule names one integrity check. The names are what the config's
// [lint] off list, :filter flag=NAME and cxi lint --json use.
type Rule string

// The rules, in the order they are listed and checked.
const (
	// NoTicket: handed off, with no ticket in the helpdesk.
	NoTicket Rule = "no_ticket"
	// AssumedAngry: the AI assumed the session resolved while the
	// customer was angry.
	AssumedAngry Rule = "assumed_angry"
	// ResolvedUnhappy: closed as resolved with an angry sentiment or a
	// low rating.
	ResolvedUnhappy Rule = "resolved_unhappy"
	// NoReply: handed off and no human reply for too long (from the kept
	// transcript).
	NoReply Rule = "no_reply"
	// BackSoon: the same contact had another session shortly before.
	BackSoon Rule = "back_soon"
)

var allRules = []Rule{NoTicket, AssumedAngry, ResolvedUnhappy, NoReply, BackSoon}

// Rules returns every rule, in the order they are checked and listed.
func Rules() []Rule { return slices.Clone(allRules) }

// Label is the rule as a person reads it in a menu or a help text.
func (r Rule) Label() string {
	switch r {
	case NoTicket:
		return "handed off, no ticket"
	case AssumedAngry:
		return "assumed resolved, customer angry"
	case ResolvedUnhappy:
		return "resolved, customer unhappy"
	case NoReply:
		return "handed off, no human reply"
	case BackSoon:
		return "contact back soon"
	}
	return string(r)
}

// Glyph is the rule's one-letter marker for a narrow column.
func (r Rule) Glyph() string {
	switch r {
	case NoTicket:
		return "T"
	case AssumedAngry:
		return "A"
	case ResolvedUnhappy:
		return "U"
	case NoReply:
		return "R"
	case BackSoon:
		return "B"
	}
	return "?"
}

// NeedsKept says what of the store the rule reads, "" when the session
// alone is enough: cxi lint's help and a flag's absence are explained by it.
func (r Rule) NeedsKept() string {
	switch r {
	case ResolvedUnhappy:
		return "the kept rating (for a low rating)"
	case NoReply:
		return "the kept transcript"
	case BackSoon:
		return "earlier sessions of the contact: listed or kept"
	}
	return ""
}

// ParseRule reads a rule's name, in any case; an unknown name is an error
// listing the known ones.
func ParseRule(s string) (Rule, error) {
	r := Rule(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(allRules, r) {
		return r, nil
	}
	names := make([]string, len(allRules))
	for i, k := range allRules {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%q is not a lint rule (known: %s)", s, strings.Join(names, ", "))
}
