package config

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/keys"
)

func TestViewsLoad(t *testing.T) {
	c, err := load(t, doc(
		"mouse = true",
		"[[views]]",
		`name = "Mine"`,
		`key = "space"`,
		`status = "closed_unresolved"`,
		`team = " Billing "`,
		`text = "refund"`,
		"changed_only = true",
		"",
		"[[views]]",
		`name = "Week"`,
		`updated_within = "7d"`,
		"needs_attention = true",
	))
	if err != nil {
		t.Fatal(err)
	}
	want := []View{
		{Name: "Mine", Key: " ", View: filter.View{Filters: filter.Filters{Status: api.StatusClosedUnresolved}, Team: "Billing", Text: "refund", Changed: true}},
		{Name: "Week", View: filter.View{Filters: filter.Filters{Window: 7 * 24 * time.Hour}, Attention: true}},
	}
	if len(c.Views) != len(want) || c.Views[0] != want[0] || c.Views[1] != want[1] || !c.Mouse {
		t.Errorf("views %+v mouse %t\nwant %+v", c.Views, c.Mouse, want)
	}
	if got := c.ViewsOrDefault(); len(got) != 2 {
		t.Errorf("ViewsOrDefault with two views in the file = %d views", len(got))
	}
	if v, err := c.ViewNamed("week"); err != nil || v.Name != "Week" {
		t.Errorf(`ViewNamed("week") = %+v, %v`, v, err)
	}
	_, err = c.ViewNamed("Nope")
	wantErr(t, err, `no view named "Nope" (the views: "Mine", "Week")`)
}

func TestDefaultViews(t *testing.T) {
	c, err := load(t, "# nothing\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Views != nil || c.Mouse {
		t.Errorf("a file without views: %+v, mouse %t", c.Views, c.Mouse)
	}
	got := c.ViewsOrDefault()
	names := []string{"Needs attention", "Open", "Changed since I looked", "All"}
	if len(got) != len(names) {
		t.Fatalf("%d default views", len(got))
	}
	for i, v := range got {
		if v.Name != names[i] || v.Key == "" {
			t.Errorf("default view %d = %+v, want %q with a key", i, v, names[i])
		}
	}
	if v := got[0]; !v.Attention || !v.Filters.HandedOff {
		t.Errorf("Needs attention = %+v: want handed off, in the needs-attention order", v)
	}
	if v := got[3]; v.View != (filter.View{}) {
		t.Errorf("All = %+v: want no filter", v)
	}
	// The defaults' keys are free in the default key map.
	if err := c.CheckViewKeys(keys.Default()); err != nil {
		t.Error(err)
	}
}

func TestViewErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"no name", doc("[[views]]", `status = "open"`), []string{`config.toml:1: [[views]] number 1 has no name: add name = "…"`}},
		{"same name", doc("[[views]]", `name = "Open"`, "[[views]]", `name = "open"`),
			[]string{`config.toml:4: a second view named "open" (the first is on line 2): view names must differ`}},
		{"bad status", doc("[[views]]", `name = "A"`, `status = "closed"`),
			[]string{`config.toml:3: status "closed" is not one of "open", "closed_unresolved", "closed_resolved" (leave it out for any status)`}},
		{"bad channel and window", doc("[[views]]", `name = "A"`, `channel = "fax"`, `updated_within = "2d"`),
			[]string{`config.toml:3: channel "fax" is not one of`, `config.toml:4: updated_within "2d" is not one of "1h", "24h", "7d", "30d"`}},
		{"bad key", doc("[[views]]", `name = "A"`, `key = "escape"`), []string{`config.toml:3: view "A": invalid key name "escape": did you mean "esc"?`}},
		{"same key", doc("[[views]]", `name = "A"`, `key = "1"`, "[[views]]", `name = "B"`, `key = "1"`),
			[]string{`config.toml:6: view "B": key "1" is also the key of the view on line 3`}},
		{"unknown key", doc("[[views]]", `name = "A"`, `filter = "x"`), []string{`config.toml:3: unknown key "filter" in [[views]] (known: name, key, status,`}},
		{"wrong type", doc("[[views]]", `name = "A"`, `changed_only = "yes"`), []string{`config.toml:3: views.changed_only must be true or false, not a TOML string`}},
		{"control character", doc("[[views]]", `name = "A\u001b[2J"`), []string{`config.toml:2: view name "A\x1b[2J" has a control character`}},
		{"one table", doc("[views]", `name = "A"`), []string{`config.toml:1: [views] is one table: write [[views]], two brackets, above each view`}},
		{"mouse", doc(`mouse = "on"`), []string{`config.toml:1: mouse must be true or false, not a TOML string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.doc)
			wantErr(t, err, tt.want...)
		})
	}
}

func TestViewKeyTaken(t *testing.T) {
	c, err := load(t, doc("[keys]", `refresh = ["f5"]`, "", "[[views]]", `name = "A"`, `key = "s"`, "[[views]]", `name = "B"`, `key = "r"`))
	if err != nil {
		t.Fatal(err)
	}
	km := keys.Default()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	// s is the status filter's; r is free once refresh is on f5.
	err = c.CheckViewKeys(km)
	wantErr(t, err, `config.toml:6: view "A": key "s" is bound to status; pick another key, or rebind status in [keys]`)
	if err != nil && strings.Contains(err.Error(), "config.toml:9") {
		t.Errorf("r is free after the remap, yet: %v", err)
	}
}
