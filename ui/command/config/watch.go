package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/notify"
)

// Watch is the [watch] table: which sessions nudge the user when they
// newly match, and how.
type Watch struct {
	Rules    []string    // rules: the watch rules' names; nil for watch.Default
	Notify   notify.Mode // notify: "bell" (the default), "osc9", "osc777" or "off"
	OverTmux bool        // over_tmux: inside tmux, send OSC notifications through its passthrough
}

type fileWatch struct {
	Rules    []string `toml:"rules"`
	Notify   string   `toml:"notify"`
	OverTmux bool     `toml:"over_tmux"`
}

var watchKeys = []string{"rules", "notify", "over_tmux"}

// watchRules are the rules [watch] rules may name (their thresholds do
// not matter to a name).
func watchRules() []watch.Rule { return watch.Available(lint.Defaults(), time.Now) }

// setWatch reads [watch] into c.Watch, one problem a bad value, each with
// its line.
func (c *Config) setWatch(f file, p *problems) {
	w := f.Watch
	known := watch.Names(watchRules())
	if c.lines.at("watch.rules") > 0 && len(w.Rules) == 0 {
		p.add(c.lines.at("watch.rules"), `rules is empty: name at least one of %s, or set notify = "off"`, quoteAll(known))
	}
	for i, name := range w.Rules {
		if _, err := watch.Pick(watchRules(), []string{name}); err != nil {
			p.add(c.lines.elem("watch.rules", i), "rules: %q is not a watch rule (known: %s)", name, quoteAll(known))
		}
	}
	c.Watch.Rules = w.Rules
	mode, err := notify.ParseMode(w.Notify)
	if err != nil {
		p.add(c.lines.at("watch.notify"), "%v", err)
	}
	c.Watch.Notify = mode
	c.Watch.OverTmux = w.OverTmux
}

// watchUnknownKey is the message for an unknown key in [watch].
func watchUnknownKey(k []string) (string, bool) {
	if len(k) == 2 && k[0] == "watch" {
		return fmt.Sprintf("unknown key %q in [watch] (known: %s)", k[1], strings.Join(watchKeys, ", ")), true
	}
	return "", false
}

// watchWants is what each [watch] key must be, for type errors.
var watchWants = map[string]string{
	"watch":           "a table: [watch]",
	"watch.rules":     `a list of rule names such as ["handed_off_angry"]`,
	"watch.notify":    `a string: "bell", "osc9", "osc777" or "off"`,
	"watch.over_tmux": "true or false",
}
