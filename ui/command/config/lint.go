package config

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api/lint"
)

// fileLint is the [lint] table: the integrity flags' thresholds. Pointers
// tell a key left out (the default) from one written as zero or false.
type fileLint struct {
	LowRating    *float64 `toml:"low_rating"`
	NoReplyAfter string   `toml:"no_reply_after"`
	BackWithin   string   `toml:"back_within"`
	OfficeHours  *bool    `toml:"office_hours"`
	Off          []string `toml:"off"`
}

// lintKeys are the keys [lint] accepts, for "unknown key" messages.
var lintKeys = []string{"low_rating", "no_reply_after", "back_within", "office_hours", "off"}

// lintWants are what each [lint] key must be, for type errors.
var lintWants = map[string]string{
	"lint":                "a table: [lint]",
	"lint.low_rating":     "a number such as 2 (a rating at or below it is low)",
	"lint.no_reply_after": `a string such as "4h" or "1d"`,
	"lint.back_within":    `a string such as "7d" or "48h"`,
	"lint.office_hours":   "true or false",
	"lint.off":            `a list of rule names such as ["back_soon"]`,
}

// setLint checks [lint] into c.Lint, starting from lint.Defaults.
func (c *Config) setLint(f fileLint, p *problems) {
	at := c.lines.at
	t := lint.Defaults()
	c.Lint = &t
	if r := f.LowRating; r != nil {
		if *r < 0 || math.IsNaN(*r) || math.IsInf(*r, 0) {
			p.add(at("lint.low_rating"), "[lint] low_rating %v is not a rating: it must be 0 or more", *r)
		} else {
			c.Lint.LowRating = *r
		}
	}
	span := func(key, value string, into *time.Duration, example string) {
		if value == "" {
			return
		}
		d, err := ParseSpan(value)
		if err != nil {
			p.add(at("lint."+key), "[lint] %s %q is not a positive duration such as %q (put %q in off to turn the rule off)", key, value, example, ruleOf[key])
			return
		}
		*into = d
	}
	span("no_reply_after", f.NoReplyAfter, &c.Lint.NoReplyAfter, "4h")
	span("back_within", f.BackWithin, &c.Lint.BackWithin, "7d")
	if f.OfficeHours != nil {
		c.Lint.OfficeHours = *f.OfficeHours
	}
	seen := map[lint.Rule]bool{}
	for i, name := range f.Off {
		r, err := lint.ParseRule(name)
		if err != nil {
			p.add(c.lines.elem("lint.off", i), "[lint] off: %v", err)
			continue
		}
		if !seen[r] {
			seen[r] = true
			c.Lint.Off = append(c.Lint.Off, r)
		}
	}
}

// LintThresholds are the [lint] thresholds, lint.Defaults where the file
// (or the table, or a key) leaves them out.
func (c Config) LintThresholds() lint.Thresholds {
	if c.Lint == nil {
		return lint.Defaults()
	}
	return *c.Lint
}

// ruleOf names the rule each duration key sets, for its error message.
var ruleOf = map[string]lint.Rule{"no_reply_after": lint.NoReply, "back_within": lint.BackSoon}

// lintUnknownKey is the message of an unknown key in [lint].
func lintUnknownKey(key string) string {
	return fmt.Sprintf("unknown key %q in [lint] (known: %s)", key, strings.Join(lintKeys, ", "))
}
