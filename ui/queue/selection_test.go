package queue

import (
	"testing"
)

// Selecting with space moves the cursor down as j does, so it must page as
// j does: the command that loads the next page used to be dropped, leaving
// the queue "loading" for ever after the first page.
func TestSelectingPastThePageEndLoadsTheNextPages(t *testing.T) {
	p := newPager(100, 25)
	m := loadedQueue(t, p)
	for range 55 {
		m2, c := press(m, " ")
		m = run(m2, c)
	}
	if got := len(m.Targets()); got != 55 {
		t.Errorf("after 55 spaces %d sessions selected, want 55 (the cursor stuck at the end of what was loaded)", got)
	}
	if len(p.calls) < 3 {
		t.Fatalf("after 55 spaces %d page requests (cursors %v), want at least 3: the third page was never asked for", len(p.calls), cursors(p))
	}
	if m.Loaded() < 75 {
		t.Errorf("%d rows loaded after selecting 55, want at least 75", m.Loaded())
	}
	if m.Loading() {
		t.Error("the queue is still loading after every page command ran")
	}
}

func cursors(p *pager) []string {
	var out []string
	for _, c := range p.calls {
		out = append(out, c.Cursor)
	}
	return out
}
