package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestProfilesLoad(t *testing.T) {
	c, err := load(t, doc(
		`base_url = "https://api.open.cx"`,
		`read_only = true`,
		``,
		`[profiles.acme]`,
		`base_url = "https://api.acme.example"`,
		`session_url = "https://dash.acme.example/s/{id}"`,
		`read_only = false`,
		`store = "off"`,
		``,
		`[profiles.beta_2]`,
		`session_url = "https://dash.beta.example/{id}"`,
	))
	if err != nil {
		t.Fatal(err)
	}
	no, yes := false, true
	want := map[string]Profile{
		"acme":   {Name: "acme", BaseURL: "https://api.acme.example", SessionURL: "https://dash.acme.example/s/{id}", ReadOnly: &no, StoreOff: &yes},
		"beta_2": {Name: "beta_2", SessionURL: "https://dash.beta.example/{id}"},
	}
	if !reflect.DeepEqual(c.Profiles, want) {
		t.Errorf("profiles\n%+v\nwant\n%+v", c.Profiles, want)
	}
	if got := c.ProfileNames(); !reflect.DeepEqual(got, []string{"default", "acme", "beta_2"}) {
		t.Errorf("ProfileNames = %q", got)
	}
	if c.BaseURL != "https://api.open.cx" || !c.ReadOnly {
		t.Errorf("the top-level settings changed: %+v", c)
	}
}

func TestNoProfilesIsTheDefaultAlone(t *testing.T) {
	c, err := load(t, doc(`theme = "dark"`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Profiles != nil || !reflect.DeepEqual(c.ProfileNames(), []string{"default"}) {
		t.Errorf("profiles %v, names %q", c.Profiles, c.ProfileNames())
	}
}

func TestProfileErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"bad name", doc(`theme = "dark"`, `[profiles."acme corp"]`, `base_url = "https://a.example"`),
			[]string{`config.toml:2: [profiles.acme corp]: profile name "acme corp" is not a short word of letters, digits, - and _`}},
		{"long name", doc(`[profiles.` + strings.Repeat("a", 33) + `]`),
			[]string{`config.toml:1:`, `is longer than 32 characters`}},
		{"default", doc(`[profiles.default]`, `base_url = "https://a.example"`),
			[]string{`config.toml:1: [profiles.default]: the default profile is the top-level settings`}},
		{"bad base_url", doc(`[profiles.acme]`, `store = "on"`, `base_url = "ftp://acme.example"`),
			[]string{`config.toml:3: [profiles.acme] base_url "ftp://acme.example" is not an http(s) URL`}},
		{"session_url without id", doc(`[profiles.acme]`, `session_url = "https://dash.example/"`),
			[]string{`config.toml:2: [profiles.acme] session_url "https://dash.example/" has no {id} placeholder`}},
		{"bad store", doc(`[profiles.acme]`, ``, `store = "maybe"`),
			[]string{`config.toml:3: [profiles.acme] store "maybe" is not "on" or "off"`}},
		{"unknown key", doc(`[profiles.acme]`, `api_key = "sk_live_x"`),
			[]string{`config.toml:2: unknown key "api_key" in [profiles.acme] (known: base_url, session_url, read_only, store)`}},
		{"read_only not a bool", doc(`[profiles.acme]`, `read_only = "yes"`),
			[]string{`config.toml:2: profiles.acme.read_only must be true or false, not a TOML string`}},
		{"base_url not a string", doc(`[profiles.acme]`, `base_url = 3`),
			[]string{`config.toml:2: profiles.acme.base_url must be a string such as "https://api.open.cx", not a TOML integer`}},
		{"profile not a table", doc(`[profiles]`, `acme = "https://api.acme.example"`),
			[]string{`config.toml:2: profiles.acme must be a table: [profiles.acme] with base_url, session_url, read_only, store`}},
		{"two problems", doc(`[profiles.a]`, `store = "x"`, `[profiles.b]`, `base_url = "nope"`),
			[]string{`config.toml:2: [profiles.a] store "x"`, `config.toml:4: [profiles.b] base_url "nope" is not an http(s) URL`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.doc)
			wantErr(t, err, tt.want...)
		})
	}
}

func TestCheckProfileName(t *testing.T) {
	for _, ok := range []string{"acme", "Acme-EU", "org_2", "7eleven"} {
		if err := CheckProfileName(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "-acme", "acme corp", "acme/eu", "../x", "acme\n", "ácme", strings.Repeat("x", 33)} {
		if err := CheckProfileName(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
