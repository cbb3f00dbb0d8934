package config

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// TestSaveViewInPlace: saving a view back sets its values where they are
// written, adds those it lacks under its header, and changes no other
// line, comment or view.
func TestSaveViewInPlace(t *testing.T) {
	before := doc(
		"# my views",
		`theme = "dark"`,
		"",
		"[[views]]",
		`name = "Mine" # the one I use`,
		`key = "1"`,
		`status = "open" # open only`,
		"",
		"[[views]]",
		`name = "Other"`,
		`channel = "email"`,
		"",
		"[keys]",
		`refresh = ["f5"]`,
	)
	path := writeConfig(t, before)
	v := ViewOf("Mine", filter.View{Filters: filter.Filters{Status: api.StatusClosedUnresolved, Window: 7 * 24 * time.Hour}, Team: "Billing", Changed: true})
	if err := SaveView(path, nil, v, "Mine"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want := doc(
		"# my views",
		`theme = "dark"`,
		"",
		"[[views]]",
		`name = "Mine" # the one I use`,
		`key = "1"`,
		`status = 'closed_unresolved' # open only`,
		`updated_within = '7d'`,
		`team = 'Billing'`,
		`changed_only = true`,
		"",
		"[[views]]",
		`name = "Other"`,
		`channel = "email"`,
		"",
		"[keys]",
		`refresh = ["f5"]`,
	)
	if string(got) != want {
		t.Errorf("saved as\n%s\nwant\n%s", got, want)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if mine, _ := c.ViewNamed("mine"); mine.Key != "1" || !mine.View.Same(v.View) {
		t.Errorf("loads back as %+v", mine)
	}
	// Saved again with the status back to any: the value says so in place.
	v.Filters.Status = ""
	if err := SaveView(path, nil, v, "Mine"); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(path)
	if !strings.Contains(string(got), "status = '' # open only\n") {
		t.Errorf("status not emptied in place:\n%s", got)
	}
}

// TestSaveViewNew: a new view goes at the end; in a file without views,
// the default views go first, so that the tabs stay as they were.
func TestSaveViewNew(t *testing.T) {
	path := writeConfig(t, doc("# just a theme", `theme = "dark"`))
	v := ViewOf("Email", filter.View{Filters: filter.Filters{Channel: api.ChannelEmail}, Text: `it's "quoted"`})
	if err := SaveView(path, DefaultViews(), v, ""); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, w := range c.Views {
		names = append(names, w.Name)
	}
	if strings.Join(names, ",") != "Needs attention,Open,Changed since I looked,All,Email" || c.Views[0].Key != "1" {
		t.Errorf("views %q, first key %q", names, c.Views[0].Key)
	}
	if got := c.Views[4]; got.Text != `it's "quoted"` || got.Filters.Channel != api.ChannelEmail {
		t.Errorf("the new view loads as %+v", got)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), "# just a theme\ntheme = \"dark\"\n\n[[views]]\n") {
		t.Errorf("file:\n%s", got)
	}
	// Saving a default view back in a file without views keeps its key.
	path = writeConfig(t, "")
	open := ViewOf("Open", filter.View{Filters: filter.Filters{Status: api.StatusOpen, HandedOff: true}})
	if err := SaveView(path, DefaultViews(), open, "Open"); err != nil {
		t.Fatal(err)
	}
	if c, err = Load(path); err != nil || len(c.Views) != 4 || c.Views[1].Key != "2" || !c.Views[1].Filters.HandedOff {
		t.Errorf("views %+v, %v", c.Views, err)
	}
}

// TestSaveViewRefusesABadFile: a file Load refuses is left alone.
func TestSaveViewRefusesABadFile(t *testing.T) {
	bad := doc("[[views]]", `name = "A"`, `status = "closed"`)
	path := writeConfig(t, bad)
	err := SaveView(path, nil, ViewOf("A", filter.View{}), "A")
	wantErr(t, err, `config.toml:3: status "closed" is not one of`)
	if got, _ := os.ReadFile(path); string(got) != bad {
		t.Errorf("the file changed:\n%s", got)
	}
	err = SaveView("", nil, ViewOf("A", filter.View{}), "")
	wantErr(t, err, "no config file to remember the view in")
}
