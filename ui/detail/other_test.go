package detail

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/render"
)

// withOthers is the demo's minimal session as the API might send it next
// year: fields cxi does not know at the top and inside known objects,
// hostile ones among them, and a ticket number past 2^53.
func withOthers(t *testing.T) *api.Session {
	t.Helper()
	body, _ := demo.Fixture(demo.IDMinimal)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	doc["tags"] = json.RawMessage(`["vip","refund"]`)
	doc["channel"] = json.RawMessage(`{"type":"web","id":"ch_\u001b[31m1"}`)
	doc["contact"] = json.RawMessage(`{"id":"c1","foo":"` + "bar\u202eevil" + `","nothing":null,"empty":""}`)
	doc["\u001b]0;title\u0007score"] = json.RawMessage(`0.93`)
	doc["blob"] = json.RawMessage(`{"text":"` + strings.Repeat("long ", 60) + `","n":9007199254740993}`)
	doc["ticket_number"] = json.RawMessage(`9007199254740993`)
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var s api.Session
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	s.Raw = raw
	return &s
}

// TestOtherFieldsAreShown: the fields the API sent that cxi does not know
// get a panel of their own, each on one line, sanitized, cut at the edge.
func TestOtherFieldsAreShown(t *testing.T) {
	s := withOthers(t)
	for _, width := range []int{60, 80, 120} {
		v := fullContent(s, width)
		for _, want := range []string{"Other fields", `["vip","refund"]`, "channel.id", "ch_1", "contact.foo", "barevil",
			"contact.empty", `""`, "contact.nothing", "score", "0.93", `{"text":"long long`, "…", "9007199254740993"} {
			if !strings.Contains(v, want) {
				t.Errorf("width %d: view lacks %q:\n%s", width, want, v)
			}
		}
		for _, r := range v {
			if r == 0x1b || r == 0x07 || r == '\u202e' {
				t.Fatalf("width %d: control %U in view:\n%s", width, r, v)
			}
		}
		for _, l := range strings.Split(v, "\n") {
			if render.Width(l) > width {
				t.Errorf("width %d: line of %d cells: %q", width, render.Width(l), l)
			}
		}
	}
	if v := fullContent(fixture(t, demo.IDAngryHandoff), 120); strings.Contains(v, "Other fields") {
		t.Errorf("a session with nothing unknown has an Other fields panel:\n%s", v)
	}
}

// TestTicketNumberNotANumberIsShownAndTagged: a ticket_number sent as a
// string is shown as its text and tagged, not dropped or failed.
func TestTicketNumberNotANumberIsShownAndTagged(t *testing.T) {
	s := fixture(t, demo.IDMinimal)
	n, err := api.ParseNumber(`"4471"`)
	if err != nil {
		t.Fatal(err)
	}
	s.TicketNumber = &n
	if v := fullContent(s, 80); !strings.Contains(v, "Ticket #     4471 not a number") {
		t.Errorf("string ticket number not shown as sent and tagged:\n%s", v)
	}
}
