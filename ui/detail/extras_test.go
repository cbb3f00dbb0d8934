package detail_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

// ratedStub answers a rating of 4 with a comment that carries an escape
// sequence, and counts the ratings asked.
type ratedStub struct {
	*stubClient
	asked *int
}

func (c ratedStub) CSAT(context.Context, string) (*api.CSATScore, error) {
	*c.asked++
	score, comment := 4.0, "Fine \x1b[31mred\x1b[0m in the end"
	return &api.CSATScore{Score: &score, Comment: &comment}, nil
}

func ratedModel(t *testing.T, budget int) (detail.Model, *int) {
	t.Helper()
	c := newStub()
	c.setBudget(budget)
	asked := 0
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow }}
	m := detail.New(ctx, ratedStub{stubClient: c, asked: &asked}).SetSize(100, 60)
	t.Cleanup(func() { m.Stop() })
	return m, &asked
}

// enrich opens s and runs what the pane asks of it, as the root does.
func enrich(m detail.Model, s *api.Session) detail.Model {
	m, _ = m.Open(s)
	m, cmd := m.Enrich(nil)
	for _, msg := range keytest.Run(cmd) {
		m, _, _ = m.Update(msg)
	}
	return m
}

// TestRatingAskedWhenTheBudgetAllows: with the budget at its full, the
// rating is asked once, shown as stars and a number, its comment without
// the escape sequence; a second Enrich of the same session asks nothing.
func TestRatingAskedWhenTheBudgetAllows(t *testing.T) {
	m, asked := ratedModel(t, api.RequestsPerMinute)
	m = enrich(m, session(idA, "A"))
	v := m.View()
	if !strings.Contains(v, "★★★★☆ 4/5") || !strings.Contains(v, "Fine red in the end") || strings.Contains(v, "\x1b") {
		t.Errorf("the rating:\n%q", v)
	}
	if _, cmd := m.Enrich(nil); cmd != nil || *asked != 1 {
		t.Errorf("the rating was asked %d times; a second Enrich gave %v", *asked, cmd)
	}
}

// TestRatingWaitsForTheBudget: below the prefetches' share of the budget,
// the rating is not asked, and the panel says why.
func TestRatingWaitsForTheBudget(t *testing.T) {
	m, asked := ratedModel(t, 10)
	m = enrich(m, session(idA, "A"))
	if *asked != 0 || !strings.Contains(m.View(), "not asked: the request") {
		t.Errorf("asked %d times on a low budget:\n%s", *asked, m.View())
	}
}

// TestOthersKeyOnlyWithOthers: O does nothing while no other session is
// known (the session's contact has no email or phone, which the panel says).
func TestOthersKeyOnlyWithOthers(t *testing.T) {
	m, _ := ratedModel(t, api.RequestsPerMinute)
	m = enrich(m, session(idA, "A"))
	if m.HasOthers() {
		t.Fatal("others without an email or phone")
	}
	if _, ev, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("O")}); ev.Pick != nil {
		t.Error("O opened a picker of nothing")
	}
	if !strings.Contains(m.View(), "no email or phone on the contact to look for") {
		t.Errorf("the panel does not say why nothing was looked for:\n%s", m.View())
	}
}
