package summary

import (
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
)

func TestChangeText(t *testing.T) {
	for _, tt := range []struct {
		c    store.FieldChange
		want string
	}{
		{store.FieldChange{Name: store.FieldStatus, Before: "open", After: "closed_resolved"}, "status open → resolved"},
		{store.FieldChange{Name: store.FieldAssignee, Before: "", After: "agent-7"}, "assignee — → agent-7"},
		{store.FieldChange{Name: store.FieldTeam, Before: "Billing\x1b[31m", After: "\u202eTier 2"}, "team Billing → Tier 2"},
		{store.FieldChange{Name: store.FieldHandoff, Before: "", After: "a summary"}, "handed off"},
		{store.FieldChange{Name: store.FieldHandoff, Before: "", After: store.HandedOffWithoutSummary}, "handed off"},
		{store.FieldChange{Name: store.FieldHandoff, Before: "old", After: "new"}, "handoff summary changed"},
		{store.FieldChange{Name: store.FieldHandoff, Before: "old", After: ""}, "handoff removed"},
	} {
		if got := ChangeText(tt.c); got != tt.want {
			t.Errorf("ChangeText(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestGroupHandover(t *testing.T) {
	item := func(id string, st api.Status) store.HandoverItem {
		return store.HandoverItem{Session: api.Session{ID: id, Status: st}}
	}
	groups := GroupHandover([]store.HandoverItem{
		item("a", ""), item("b", api.StatusClosedResolved), item("c", "zz_new"), item("d", api.StatusOpen),
		item("e", "aa_new"), item("f", api.StatusClosedUnresolved), item("g", api.StatusOpen),
	})
	var got []string
	for _, g := range groups {
		for _, it := range g.Items {
			got = append(got, string(g.Status)+":"+it.Session.ID)
		}
	}
	want := []string{"open:d", "open:g", "closed_unresolved:f", "closed_resolved:b", "aa_new:e", "zz_new:c", ":a"}
	if len(got) != len(want) {
		t.Fatalf("groups %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("groups %v, want %v", got, want)
			break
		}
	}
}
