package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/notify"
)

func TestWatchTable(t *testing.T) {
	c, err := load(t, doc("[watch]", `rules = ["handed_off_angry", "angry"]`, `notify = "osc777"`, "over_tmux = true"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Watch.Rules, []string{"handed_off_angry", "angry"}) || c.Watch.Notify != notify.OSC777 || !c.Watch.OverTmux {
		t.Errorf("[watch] read as %+v", c.Watch)
	}
	c, err = load(t, doc(`theme = "dark"`))
	if err != nil || c.Watch.Rules != nil || c.Watch.Notify != notify.Bell || c.Watch.OverTmux {
		t.Errorf("no [watch]: %+v, %v; want the default rules and the bell", c.Watch, err)
	}
}

func TestWatchTableErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
	}{
		{"unknown rule", doc("[watch]", "rules = [", `  "angry",`, `  "handed_off_angy",`, "]"),
			[]string{`config.toml:4: rules: "handed_off_angy" is not a watch rule (known: "handed_off_angry", "angry", "handed_off", "flagged")`}},
		{"empty rules", doc("[watch]", "rules = []"),
			[]string{`config.toml:2: rules is empty: name at least one of "handed_off_angry", "angry", "handed_off", "flagged", or set notify = "off"`}},
		{"notify", doc("[watch]", "", `notify = "desktop"`),
			[]string{`config.toml:3: notify "desktop" is not one of "bell", "osc9", "osc777", "off"`}},
		{"unknown key", doc("[watch]", "over_tmx = true"),
			[]string{`config.toml:2: unknown key "over_tmx" in [watch] (known: rules, notify, over_tmux)`}},
		{"rules not a list", doc("[watch]", `rules = "angry"`),
			[]string{`config.toml:2`, `watch.rules must be a list of rule names such as ["handed_off_angry"]`}},
		{"over_tmux not a bool", doc("[watch]", `over_tmux = "yes"`),
			[]string{`config.toml:2`, "watch.over_tmux must be true or false"}},
		{"two at once", doc("[watch]", `rules = ["sad"]`, `notify = "loud"`),
			[]string{`config.toml:2: rules: "sad"`, "\nconfig.toml:3: notify \"loud\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(t, c.doc)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}
