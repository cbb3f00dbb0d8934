package queue

import (
	"maps"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/overlay"
)

// reasonFilter is the local "handed off because" filter: the list endpoint
// takes no reason, so it narrows the loaded rows by the reasons the
// handoff events gave (SetWhy), as the team filter does by team.
type reasonFilter struct {
	on     bool
	reason api.HandoffReason
}

func (f reasonFilter) keeps(why map[string]api.HandoffWhy, id string) bool {
	if !f.on {
		return true
	}
	for _, r := range why[strings.ToLower(id)].Reasons {
		if r == f.reason {
			return true
		}
	}
	return false
}

func (f reasonFilter) label() string {
	if !f.on {
		return "any"
	}
	return f.reason.Label()
}

// reasonCodes are the two letters the handoff column shows after ⇄ for
// each reason: the row has three cells, and the detail pane and the
// preview say the reason in words.
var reasonCodes = map[api.HandoffReason]string{
	api.ReasonUserRequestedHuman:    "RQ",
	api.ReasonInsufficientKnowledge: "KN",
	api.ReasonInsufficientTools:     "TL",
	api.ReasonInstructionsNotClear:  "UC",
	api.ReasonBasedOnInstructions:   "BI",
	api.ReasonProhibitedTopic:       "PT",
}

// ReasonCode is the short code of a reason in the queue's handoff column
// ("KN" for insufficient knowledge); "?" for a reason the contract does
// not list yet.
func ReasonCode(r api.HandoffReason) string {
	if c, ok := reasonCodes[r]; ok {
		return c
	}
	return "?"
}

// handoffCell is the handoff column of a row: ⇄ for handed off, followed
// by the first reason's code when the handoff events gave one, and "+"
// when they gave more.
func (m *Model) handoffCell(r *row) string {
	reasons := m.why[strings.ToLower(r.id)].Reasons
	if !r.handedOff && len(reasons) == 0 {
		return ""
	}
	out := "⇄"
	switch {
	case len(reasons) == 1:
		out += ReasonCode(reasons[0])
	case len(reasons) > 1:
		out += ReasonCode(reasons[0])[:1] + "+"
	}
	return out
}

// SetWhy gives the queue why each session was handed off (by lower-case
// session ID), for the handoff column and the reason filter. The map is
// read, never written.
func (m Model) SetWhy(why map[string]api.HandoffWhy) Model {
	if maps.EqualFunc(m.why, why, func(a, b api.HandoffWhy) bool { return sameReasons(a.Reasons, b.Reasons) }) {
		return m
	}
	m.why = why
	m.drawn = nil // the handoff cells change
	if m.reason.on {
		m.rebuild()
	}
	m.warm()
	return m
}

func sameReasons(a, b []api.HandoffReason) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// SetReason sets the reason filter ("" turns it off): :filter reason=….
func (m Model) SetReason(r api.HandoffReason) (Model, tea.Cmd) {
	m.reason = reasonFilter{on: r != "", reason: r}
	m.rebuild()
	m.warm()
	return m.maybeLoadMore()
}

// Reason is the reason filter's reason, "" when it is off.
func (m Model) Reason() api.HandoffReason { return m.reason.reason }

// FirstPage reports whether msg brings the queue's first page (a load, a
// refresh or an auto-refresh): the moment to read the handoff events
// that happened since the last look.
func FirstPage(msg Msg) bool {
	p, ok := msg.(PageLoadedMsg)
	return ok && p.q.cursor == ""
}

// reasonChoices lists the reasons the contract names, each with the loaded
// sessions handed off for it, then "any".
func (m Model) reasonChoices() (overlay.Filter, []filterValue) {
	counts := map[api.HandoffReason]int{}
	known := 0
	for i := range m.rows {
		reasons := m.why[strings.ToLower(m.rows[i].id)].Reasons
		if len(reasons) > 0 {
			known++
		}
		for _, r := range reasons {
			counts[r]++
		}
	}
	note := "From the handoff events: " + plural.CountAs(known, "loaded session", "loaded sessions") +
		" with a reason known, of " + plural.CountAs(len(m.rows), "loaded session", "loaded sessions") + "."
	f := overlay.Filter{Name: "Handed off because", Note: note, Options: []overlay.Option{{Label: "any", Count: len(m.rows)}}}
	out := []filterValue{{}}
	for _, r := range api.HandoffReasons() {
		if m.reason.on && m.reason.reason == r {
			f.Current = len(out)
		}
		f.Options = append(f.Options, overlay.Option{Label: r.Label(), Count: counts[r]})
		out = append(out, filterValue{reason: reasonFilter{on: true, reason: r}})
	}
	return f, out
}
