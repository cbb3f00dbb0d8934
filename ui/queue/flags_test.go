package queue

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/lint"
)

// TestFlagFilterIsLocal: the flags given show as "!N" in their column, the
// picker counts each rule among the loaded sessions, a rule narrows the
// rows without a request, :filter's SetFlagFilter does the same by name,
// and reset lets every row back.
func TestFlagFilterIsLocal(t *testing.T) {
	p := newPager(100, 25)
	m := loadedQueue(t, p)
	flags := map[string][]lint.Rule{}
	for i := range 25 {
		id := p.all[i].ID
		switch i % 5 {
		case 0:
			flags[id] = []lint.Rule{lint.NoTicket, lint.BackSoon}
		case 1:
			flags[id] = []lint.Rule{lint.BackSoon}
		}
	}
	m = m.SetFlags(flags)
	if v := m.View(); !strings.Contains(v, "!2") || !strings.Contains(v, "!1") {
		t.Fatalf("no flag marker:\n%s", v)
	}
	f := options(t, m, "L")
	if labels(f) != "any,flagged,handed off, no ticket,assumed resolved, customer angry,resolved, customer unhappy,handed off, no human reply,contact back soon" {
		t.Fatalf("options %q", labels(f))
	}
	if c := counts(f); c[0] != 25 || c[1] != 10 || c[2] != 5 || c[3] != 0 || c[6] != 10 {
		t.Errorf("counts %v", c)
	}
	calls := len(p.calls)
	m, cmd := pick(t, m, "L", "2")
	if cmd != nil || len(p.calls) != calls {
		t.Error("the flag filter sent a request")
	}
	if m.Len() != 5 {
		t.Fatalf("no_ticket: %d rows shown, want 5", m.Len())
	}
	v := m.View()
	for _, want := range []string{"L:handed off, no ticket", "5 of 25 loaded sessions match flag handed off, no ticket"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// Flags worked out again (a refresh) narrow the rows again.
	delete(flags, p.all[0].ID)
	if m = m.SetFlags(flags); m.Len() != 4 {
		t.Errorf("after new flags: %d rows, want 4", m.Len())
	}
	var err error
	if m, err = m.SetFlagFilter("flagged"); err != nil || m.Len() != 9 {
		t.Errorf("flagged: %d rows, %v", m.Len(), err)
	}
	if _, err = m.SetFlagFilter("angry"); err == nil || !strings.Contains(err.Error(), "not a lint rule") {
		t.Errorf("an unknown rule: %v", err)
	}
	m, _ = m.ResetFilters()
	if m.Len() != 25 || strings.Contains(m.View(), "L:") {
		t.Errorf("reset: %d rows shown", m.Len())
	}
}
