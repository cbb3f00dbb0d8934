package demo

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// historyItemSchema compiles the contract's HistoryItem.
func historyItemSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := doc.Schema("/components/schemas/HistoryItem")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestHistoriesWithoutEventIDs: the showcase's IDWithoutEventIDs and the
// generated sessions chosen for it serve their history as the newer
// reference page shows it: no "id" key at all (not null, not ""), every
// item still a valid HistoryItem of the contract. The other showcase
// histories keep their IDs and are valid too.
func TestHistoriesWithoutEventIDs(t *testing.T) {
	sch := historyItemSchema(t)
	s := probe.Server(Catalog(), fake.WithoutFaults())
	check := func(id string, wantIDs bool) {
		items, _ := probe.Walk(t, s, "/chat/sessions/"+id+"/history", nil)
		if len(items) == 0 {
			t.Fatalf("%s: no history", id)
		}
		for i, item := range items {
			var keys map[string]json.RawMessage
			if err := json.Unmarshal(item, &keys); err != nil {
				t.Fatalf("%s: item %d: %v", id, i, err)
			}
			if _, has := keys["id"]; has != wantIDs {
				t.Errorf("%s: item %d has an id key: %v, want %v: %.120s", id, i, has, wantIDs, item)
			}
			if err := sch.Validate(decodeInstance(t, item)); err != nil {
				t.Errorf("%s: item %d is not a valid HistoryItem: %.200s\n%v", id, i, item, err)
			}
		}
	}
	for _, d := range Sessions() {
		check(d.ID, d.ID != IDWithoutEventIDs)
	}
	if !strings.Contains(titleOf(IDWithoutEventIDs), "no event IDs") {
		t.Errorf("the showcase title of %s does not say its history has no event IDs: %q", IDWithoutEventIDs, titleOf(IDWithoutEventIDs))
	}
	n := 0
	for _, id := range s.SessionIDs() {
		if withoutEventIDs(id) && id != IDWithoutEventIDs {
			check(id, false)
			n++
		}
	}
	if n == 0 {
		t.Error("no generated session has a history without event IDs")
	}
}

func titleOf(id string) string {
	for _, d := range Sessions() {
		if d.ID == id {
			return d.Title
		}
	}
	return ""
}
