package common

import (
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestTargetsCountByStatusAndDecodeOnlyWhatIsRead: the counts by status
// are those of the sessions, in any order of statuses; First reads only
// as many as it is asked for; no session is none.
func TestTargetsCountByStatusAndDecodeOnlyWhatIsRead(t *testing.T) {
	statuses := []api.Status{api.StatusOpen, api.StatusOpen, api.StatusClosedResolved, api.StatusOpen, "escalated", api.StatusClosedResolved}
	src := &countingSource{statuses: statuses}
	ts := NewTargets(src)
	for st, want := range map[api.Status]int{api.StatusOpen: 3, api.StatusClosedResolved: 2, "escalated": 1, api.StatusClosedUnresolved: 0} {
		if got := ts.In(st); got != want {
			t.Errorf("In(%q) = %d, want %d", st, got, want)
		}
	}
	if src.decoded != 0 {
		t.Errorf("counting decoded %d sessions", src.decoded)
	}
	if first := ts.First(2); len(first) != 2 || first[1].ID != "s1" || src.decoded != 2 {
		t.Errorf("First(2) = %+v after %d decodes", first, src.decoded)
	}
	if all := ts.First(100); len(all) != len(statuses) {
		t.Errorf("First(100) gave %d of %d", len(all), len(statuses))
	}
	var zero Targets
	if zero.Len() != 0 || zero.First(3) != nil || zero.In(api.StatusOpen) != 0 {
		t.Errorf("the zero Targets is not empty")
	}
	one := SessionTargets(api.Session{ID: "x", Status: api.StatusClosedUnresolved})
	if one.Len() != 1 || one.ID(0) != "x" || one.In(api.StatusClosedUnresolved) != 1 || one.Session(0).ID != "x" {
		t.Errorf("SessionTargets of one: %+v", one)
	}
}

// countingSource counts the sessions decoded.
type countingSource struct {
	statuses []api.Status
	decoded  int
}

func (c *countingSource) Len() int                { return len(c.statuses) }
func (c *countingSource) ID(i int) string         { return "s" + string(rune('0'+i)) }
func (c *countingSource) Status(i int) api.Status { return c.statuses[i] }
func (c *countingSource) Session(i int) api.Session {
	c.decoded++
	return api.Session{ID: c.ID(i), Status: c.statuses[i]}
}
