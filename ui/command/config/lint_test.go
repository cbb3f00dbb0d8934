package config

import (
	"slices"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/lint"
)

func TestLintTable(t *testing.T) {
	c, err := load(t, doc(
		`[lint]`,
		`low_rating = 3`,
		`no_reply_after = "2h"`,
		`back_within = "2w"`,
		`office_hours = false`,
		`off = ["BACK_SOON", "no_ticket", "back_soon"]`,
	))
	if err != nil {
		t.Fatal(err)
	}
	got := c.LintThresholds()
	want := lint.Thresholds{LowRating: 3, NoReplyAfter: 2 * time.Hour, BackWithin: 14 * 24 * time.Hour, Off: []lint.Rule{lint.BackSoon, lint.NoTicket}}
	if got.LowRating != want.LowRating || got.NoReplyAfter != want.NoReplyAfter || got.BackWithin != want.BackWithin || got.OfficeHours || !slices.Equal(got.Off, want.Off) {
		t.Fatalf("[lint] = %+v, want %+v", got, want)
	}
}

func TestLintDefaults(t *testing.T) {
	for name, text := range map[string]string{"no file": "", "no table": doc(`theme = "dark"`), "empty table": doc(`[lint]`), "half": doc(`[lint]`, `low_rating = 2.5`)} {
		var c Config
		if text != "" {
			var err error
			if c, err = load(t, text); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		got, def := c.LintThresholds(), lint.Defaults()
		if name == "half" {
			def.LowRating = 2.5
		}
		if got.LowRating != def.LowRating || got.NoReplyAfter != def.NoReplyAfter || got.BackWithin != def.BackWithin || got.OfficeHours != def.OfficeHours || len(got.Off) != 0 {
			t.Errorf("%s: %+v, want %+v", name, got, def)
		}
	}
}

func TestLintErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		lines []string
		want  []string
	}{
		{[]string{`[lint]`, `low_rating = -1`}, []string{"config.toml:2:", "low_rating -1", "0 or more"}},
		{[]string{`[lint]`, `low_rating = "2"`}, []string{"config.toml:2:", "lint.low_rating must be a number"}},
		{[]string{`[lint]`, `no_reply_after = "soon"`}, []string{"config.toml:2:", `no_reply_after "soon" is not a positive duration`, `"no_reply"`}},
		{[]string{`[lint]`, `back_within = "0d"`}, []string{"config.toml:2:", `back_within "0d"`, `"back_soon"`}},
		{[]string{`[lint]`, `office_hours = "yes"`}, []string{"config.toml:2:", "lint.office_hours must be true or false"}},
		{[]string{`[lint]`, `off = [`, `  "no_ticket",`, `  "angry",`, `]`}, []string{"config.toml:4:", `"angry" is not a lint rule (known: no_ticket`}},
		{[]string{`[lint]`, `off = "no_ticket"`}, []string{"config.toml:2:", "lint.off must be a list of rule names"}},
		{[]string{`[lint]`, `low_ratting = 2`}, []string{"config.toml:2:", `unknown key "low_ratting" in [lint] (known: low_rating, no_reply_after`}},
	}
	for _, c := range cases {
		_, err := load(t, doc(c.lines...))
		wantErr(t, err, c.want...)
	}
}
