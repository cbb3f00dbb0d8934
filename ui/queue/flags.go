package queue

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/opencx-tools/cxi/api"

	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/overlay"
)

// flagFilter is the local integrity-flag filter: the loaded sessions that
// trip a rule (any, when rule is ""). The flags are the root's to work
// out (ui/integrity) from what the store keeps; the queue only shows and
// filters by them.
type flagFilter struct {
	on   bool
	rule lint.Rule // "" for any rule
}

func (f flagFilter) keeps(rules []lint.Rule) bool {
	if !f.on {
		return true
	}
	if f.rule == "" {
		return len(rules) > 0
	}
	for _, r := range rules {
		if r == f.rule {
			return true
		}
	}
	return false
}

func (f flagFilter) label() string {
	switch {
	case !f.on:
		return "any"
	case f.rule == "":
		return "flagged"
	}
	return f.rule.Label()
}

// SetFlags gives the queue the rules each session trips, by session ID,
// for the flag column and the flag filter. Sessions absent trip none.
func (m Model) SetFlags(byID map[string][]lint.Rule) Model {
	m.flagged = byID
	if m.flag.on {
		m.rebuild()
	}
	return m
}

// MaxFlagged is how many of the loaded sessions, from the top, the
// integrity flags are worked out for: each is decoded from its packed body
// for it, which at 100k rows would cost seconds a page.
const MaxFlagged = 2000

// ToFlag is the loaded sessions the flags are worked out for (the first
// MaxFlagged), decoded when the returned function is called: in the
// caller's command, not in Update. The rows are copied now (pointers;
// a row never changes once made).
func (m Model) ToFlag() func() []api.Session {
	rows := slices.Clone(m.rows[:min(len(m.rows), MaxFlagged)])
	return func() []api.Session {
		out := make([]api.Session, 0, len(rows))
		for _, r := range rows {
			if s, err := r.decode(); err == nil {
				out = append(out, *s)
			}
		}
		return out
	}
}

// FlagFilterValues are what SetFlagFilter takes: "any" (off), "flagged"
// (any rule), and each rule's name.
func FlagFilterValues() []string {
	out := []string{"any", "flagged"}
	for _, r := range lint.Rules() {
		out = append(out, string(r))
	}
	return out
}

// SetFlagFilter sets the flag filter from one of FlagFilterValues (the
// command line's :filter flag=…).
func (m Model) SetFlagFilter(value string) (Model, error) {
	f := flagFilter{on: true}
	switch value {
	case "any":
		f = flagFilter{}
	case "flagged":
	default:
		r, err := lint.ParseRule(value)
		if err != nil {
			return m, err
		}
		f.rule = r
	}
	m.flag = f
	m.rebuild()
	return m, nil
}

// flagCell is a row's flags in two cells: "!" and how many rules it
// trips (the detail pane says which, and why).
func (m Model) flagCell(id string) string {
	switch n := len(m.flagged[id]); {
	case n == 0:
		return ""
	case n > 9:
		return "!+"
	default:
		return "!" + strconv.Itoa(n)
	}
}

// flagChoices lists "any", "flagged" and each rule, with how many loaded
// sessions trip it.
func (m Model) flagChoices() (overlay.Filter, []filterValue) {
	counts := map[lint.Rule]int{}
	flagged := 0
	for i := range m.rows {
		rules := m.flagged[m.rows[i].id]
		if len(rules) > 0 {
			flagged++
		}
		for _, r := range rules {
			counts[r]++
		}
	}
	note := fmt.Sprintf("Of the %s loaded", sessions(len(m.rows)))
	if len(m.rows) > MaxFlagged {
		note = fmt.Sprintf("Of the first %d of the %s loaded", MaxFlagged, sessions(len(m.rows)))
	}
	f := overlay.Filter{Name: "Integrity flags", Note: note + ", from what the store keeps: a rule that needs a transcript or a rating says nothing without one."}
	out := []filterValue{{flag: flagFilter{}}, {flag: flagFilter{on: true}}}
	f.Options = append(f.Options, overlay.Option{Label: "any", Count: len(m.rows)}, overlay.Option{Label: "flagged", Count: flagged})
	if m.flag.on && m.flag.rule == "" {
		f.Current = 1
	}
	for _, r := range lint.Rules() {
		if m.flag.on && m.flag.rule == r {
			f.Current = len(out)
		}
		out = append(out, filterValue{flag: flagFilter{on: true, rule: r}})
		f.Options = append(f.Options, overlay.Option{Label: r.Label(), Count: counts[r]})
	}
	return f, out
}
