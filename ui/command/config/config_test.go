package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/render"
)

func TestExampleLoads(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("testdata", "example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeConfig(t, string(example))
	c, err := Load(path)
	if err != nil {
		t.Fatalf("the README's example does not load: %v", err)
	}
	want := Config{
		BaseURL:    "https://api.open.cx",
		SessionURL: "https://dashboard.example.com/sessions/{id}",
		Theme:      "auto",
		Queue: filter.Filters{
			Status: api.StatusOpen, HandedOff: true, Channel: api.ChannelEmail, Window: 24 * time.Hour,
		},
		NeedsAttention: true,
		AutoRefresh:    time.Minute,
		StoreKeep:      30 * 24 * time.Hour,
		ReadOnly:       true,
		Actions:        StatusOptions{Helpdesk: true},
		// [transcript] open_at = "latest"
		TranscriptAtLatest: true,
		Profiles: map[string]Profile{"acme": {Name: "acme", BaseURL: "https://api.acme.example",
			SessionURL: "https://acme.example/dashboard/sessions/{id}", ReadOnly: new(false), StoreOff: new(false)}},
		Mouse: true,
		Views: []View{
			{Name: "Needs attention", Key: "1", View: filter.View{Filters: filter.Filters{HandedOff: true}, Attention: true}},
			{Name: "Billing email this week", Key: "2", View: filter.View{
				Filters: filter.Filters{Channel: api.ChannelEmail, Window: 7 * 24 * time.Hour}, Team: "Billing", Text: "refund", Changed: true}},
		},
		Keys: map[string][]string{
			"refresh":          {"r", "f5"},
			"copy_external_id": {"y", "ctrl+y"},
			"half_page_up":     {"ctrl+u"},
			"half_page_down":   {"ctrl+d"},
		},
		Watch: Watch{Rules: []string{"handed_off_angry", "flagged"}, Notify: notify.OSC9},
		Lint:  new(lint.Defaults()),
		Path:  path,
	}
	c.lines, c.viewSpots = nil, nil
	c.Commands = nil // TestExampleCommands checks them
	if !reflect.DeepEqual(c, want) {
		t.Errorf("example loads as\n%+v\nwant\n%+v", c, want)
	}

	c, _ = Load(path)
	km := keys.Default()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatalf("the example's keys do not apply to the default bindings: %v", err)
	}
	if got := km.Refresh.Help().Key; got != "r/f5" {
		t.Errorf("refresh help key = %q, want r/f5", got)
	}
}

// TestExampleDocumentsEverything keeps the README's example complete: every
// setting is set in it, and every action is listed in its comment.
func TestExampleDocumentsEverything(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("testdata", "example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(example)
	settings := []string{"base_url", "session_url", "theme", "auto_refresh", "store", "store_keep", "read_only", "mouse", "[queue]", "[actions]", "[keys]", "[[views]]"}
	settings = append(settings, queueKeys...)
	settings = append(settings, actionsKeys...)
	settings = append(settings, viewKeys...)
	for _, s := range settings {
		if !strings.Contains(text, "\n"+s) {
			t.Errorf("the example does not set %s", s)
		}
	}
	for _, a := range Actions() {
		if !strings.Contains(text, "#   "+a+" ") {
			t.Errorf("the example's list of actions lacks %s", a)
		}
	}
}

func TestMissingFileIsNoConfig(t *testing.T) {
	for _, path := range []string{"", filepath.Join(t.TempDir(), "nope", "config.toml")} {
		c, err := Load(path)
		if err != nil {
			t.Errorf("Load(%q): %v", path, err)
		}
		if !reflect.DeepEqual(c, Config{}) {
			t.Errorf("Load(%q) = %+v, want the zero Config", path, c)
		}
	}
}

func TestEmptyFile(t *testing.T) {
	path := writeConfig(t, "# nothing yet\n")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != path || c.AutoRefresh != 0 || c.Theme != "" || c.Queue != (filter.Filters{}) || len(c.Keys) != 0 {
		t.Errorf("empty file loads as %+v", c)
	}
}

func TestPath(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CONFIG_HOME is read on Linux")
	}
	t.Setenv("XDG_CONFIG_HOME", "/home/me/.config")
	dir, err := os.UserConfigDir() // what main hands down
	if err != nil {
		t.Fatal(err)
	}
	if got := Path(dir); got != "/home/me/.config/cxi/config.toml" {
		t.Errorf("Path(%q) = %q", dir, got)
	}
}

func TestUnknownKeys(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"top level", doc(`theme = "dark"`, `colour = "red"`),
			[]string{`config.toml:2: unknown key "colour" (known: base_url, session_url, theme, auto_refresh, store, store_keep, read_only, mouse, pulse, [queue], [actions], [transcript], [keys], [[commands]], [profiles.NAME], [[views]], [watch], [lint])`}},
		{"in [transcript]", doc("[transcript]", `open_at = "latest"`, `opens_at = "oldest"`),
			[]string{`config.toml:3: unknown key "opens_at" in [transcript] (known: open_at)`}},
		{"in [queue]", doc(`base_url = "https://api.open.cx"`, "", "[queue]", `status = "open"`, "", "# how often", "refersh = 10"),
			[]string{`config.toml:7: unknown key "refersh" in [queue] (known: status, handed_off, channel, updated_within, needs_attention, preview)`}},
		{"dotted", doc(`queue.refersh = 10`), []string{`config.toml:1: unknown key "refersh" in [queue]`}},
		{"table", doc(`theme = "dark"`, "[qeue]", `status = "open"`), []string{`config.toml:2: unknown table [qeue]`}},
		{"all of them", doc(`colour = 1`, "[queue]", "refersh = 10", "oder = 1"),
			[]string{"config.toml:1: unknown key \"colour\"", "\nconfig.toml:3: unknown key \"refersh\"", "\nconfig.toml:4: unknown key \"oder\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.doc)
			wantErr(t, err, tt.want...)
			var ce *Error
			if !errors.As(err, &ce) || ce.Line == 0 {
				t.Errorf("error %v is not a *Error with a line", err)
			}
		})
	}
}

func TestBadValues(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"theme", doc(`# colours`, `theme = "solarized"`), `config.toml:2: theme "solarized" is not one of "auto", "dark", "light"`},
		{"status", doc("[queue]", `status = "opened"`), `config.toml:2: status "opened" is not one of "open", "closed_unresolved", "closed_resolved"`},
		{"channel", doc("[queue]", `handed_off = true`, `channel = "fax"`), `config.toml:3: channel "fax" is not one of "web", "email",`},
		{"window", doc("[queue]", `updated_within = "2d"`), `config.toml:2: updated_within "2d" is not one of "1h", "24h", "7d", "30d"`},
		{"window inline", doc(`queue = { status = "open", updated_within = "1w" }`), `config.toml:1: updated_within "1w" is not one of`},
		{"auto_refresh short", doc(``, `auto_refresh = "5s"`), `config.toml:2: auto_refresh "5s" is shorter than the minimum, 10s`},
		{"auto_refresh negative", doc(`auto_refresh = "-30s"`), `config.toml:1: auto_refresh "-30s" is shorter than the minimum`},
		{"auto_refresh unit", doc(`auto_refresh = "30"`), `config.toml:1: auto_refresh "30" is not a duration such as "30s"`},
		{"auto_refresh type", doc(`theme = "dark"`, `auto_refresh = 30`), `config.toml:2: auto_refresh must be a string such as "30s" or "2m", not a TOML integer`},
		{"handed_off type", doc("[queue]", `handed_off = "yes"`), `config.toml:2: queue.handed_off must be true or false, not a TOML string`},
		{"base_url scheme", doc(`base_url = "ftp://api.open.cx"`), `config.toml:1: base_url "ftp://api.open.cx" is not an http(s) URL, such as "https://api.open.cx"`},
		{"base_url host", doc(`base_url = "https://"`), `config.toml:1: base_url "https://" has no host`},
		{"base_url junk", doc(`base_url = "api.open.cx"`), `config.toml:1: base_url "api.open.cx" is not an http(s) URL`},
		{"session_url placeholder", doc(`session_url = "https://dash.example/s/"`), `config.toml:1: session_url "https://dash.example/s/" has no {id} placeholder`},
		{"session_url scheme", doc(`session_url = "javascript:alert('{id}')"`), `config.toml:1: session_url "javascript:alert('{id}')" is not an http(s) URL`},
		{"syntax", doc(`theme = "dark"`, `base_url = `), `config.toml:2: `},
		{"twice", doc(`theme = "dark"`, `theme = "light"`), `config.toml:2: key theme is already defined`},
		{"keys type", doc("[keys]", `refresh = "r"`), `config.toml:2: keys.refresh must be a list of keys such as ["ctrl+r"]`},
		{"keys table", doc("[keys.refresh]", `key = "r"`), `config.toml:1: keys.refresh must be a list of keys`},
		{"theme table", doc("[theme]"), `config.toml:1: theme must be a string: "auto", "dark" or "light"`},
		{"queue array", doc("[[queue]]"), `config.toml:1: `},
		{"store", doc(`store = "no"`), `config.toml:1: store "no" is not "on" or "off"`},
		{"store type", doc(`store = false`), `config.toml:1: store must be a string: "on" or "off", not a TOML boolean`},
		{"store_keep unit", doc(`store_keep = "30"`), `config.toml:1: store_keep "30" is not a duration such as "30d", "2w" or "12h"`},
		{"store_keep days", doc(`store_keep = "1.5d"`), `config.toml:1: store_keep "1.5d" is not a duration`},
		{"store_keep short", doc(`store_keep = "10m"`), `config.toml:1: store_keep "10m" is shorter than the minimum, 1h0m0s`},
		{"store_keep zero", doc(`store_keep = "0d"`), `config.toml:1: store_keep "0d" is not a duration`},
		{"store_keep type", doc(`store_keep = 30`), `config.toml:1: store_keep must be a string such as "30d" or "12h", not a TOML integer`},
		{"open_at", doc("[transcript]", `open_at = "newest"`), `config.toml:2: open_at "newest" is not one of "oldest", "latest"`},
		{"open_at type", doc("[transcript]", `open_at = true`), `config.toml:2: transcript.open_at must be a string: "oldest" or "latest", not a TOML boolean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.doc)
			wantErr(t, err, tt.want)
		})
	}
}

func TestEveryBadValueIsReported(t *testing.T) {
	_, err := load(t, doc(`theme = "pink"`, `auto_refresh = "1s"`, "[queue]", `status = "x"`, `channel = "y"`))
	wantErr(t, err, "config.toml:1: theme", "\nconfig.toml:2: auto_refresh", "\nconfig.toml:4: status", "\nconfig.toml:5: channel")
}

func TestGoodValues(t *testing.T) {
	tests := []struct {
		doc  string
		want func(Config) bool
	}{
		{`auto_refresh = "10s"`, func(c Config) bool { return c.AutoRefresh == 10*time.Second }},
		{`auto_refresh = "0"`, func(c Config) bool { return c.AutoRefresh == 0 }},
		{`auto_refresh = "off"`, func(c Config) bool { return c.AutoRefresh == 0 }},
		{`auto_refresh = ""`, func(c Config) bool { return c.AutoRefresh == 0 }},
		{`theme = "light"`, func(c Config) bool { return c.Theme == "light" }},
		{`base_url = "http://127.0.0.1:8080"`, func(c Config) bool { return c.BaseURL == "http://127.0.0.1:8080" }},
		{"[queue]\nupdated_within = \"30d\"", func(c Config) bool { return c.Queue.Window == 30*24*time.Hour }},
		{"[queue]\nchannel = \"web_voice\"", func(c Config) bool { return c.Queue.Channel == api.ChannelWebVoice }},
		{"[queue]\nstatus = \"closed_resolved\"", func(c Config) bool { return c.Queue.Status == api.StatusClosedResolved }},
		{`store = "off"`, func(c Config) bool { return c.StoreOff && c.StoreKeep == 0 }},
		{`store = "on"`, func(c Config) bool { return !c.StoreOff }},
		{`store_keep = "2w"`, func(c Config) bool { return c.StoreKeep == 14*24*time.Hour }},
		{`store_keep = "12h"`, func(c Config) bool { return c.StoreKeep == 12*time.Hour }},
		{"[transcript]\nopen_at = \"latest\"", func(c Config) bool { return c.TranscriptAtLatest }},
		{"[transcript]\nopen_at = \"oldest\"", func(c Config) bool { return !c.TranscriptAtLatest }},
	}
	for _, tt := range tests {
		c, err := load(t, tt.doc+"\n")
		if err != nil {
			t.Errorf("%s: %v", tt.doc, err)
			continue
		}
		if !tt.want(c) {
			t.Errorf("%s: loaded as %+v", tt.doc, c)
		}
	}
}

func TestParseSpan(t *testing.T) {
	for s, want := range map[string]time.Duration{
		"8h": 8 * time.Hour, "90m": 90 * time.Minute, "30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, " 1d ": 24 * time.Hour,
	} {
		if got, err := ParseSpan(s); err != nil || got != want {
			t.Errorf("ParseSpan(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "0", "0s", "-1h", "-2d", "+2d", "1.5d", "d", "2x", "99999999999999999d"} {
		if got, err := ParseSpan(s); err == nil {
			t.Errorf("ParseSpan(%q) = %v, want an error", s, got)
		}
	}
}

// TestSpansReadBack: a span as cxi writes it (render.Duration, the one
// formatter) is what ParseSpan reads.
func TestSpansReadBack(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * 24 * time.Hour: "30d", 14 * 24 * time.Hour: "14d", 12 * time.Hour: "12h", 90 * time.Minute: "1h30m",
		36 * time.Hour: "36h", 45 * time.Second: "45s", 10 * time.Minute: "10m", 24 * time.Hour: "24h",
	} {
		if got := render.Duration(d); got != want {
			t.Errorf("render.Duration(%v) = %q, want %q", d, got, want)
		} else if back, err := ParseSpan(got); err != nil || back != d {
			t.Errorf("ParseSpan(%q) = %v, %v", got, back, err)
		}
	}
}

func TestReadableByOthersIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no mode bits on Windows")
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o602} {
		path := writeConfig(t, `theme = "dark"`+"\n")
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		wantErr(t, err, path, "chmod 600 "+path)
		var ie *InsecureError
		if !errors.As(err, &ie) || ie.Mode.Perm() != mode {
			t.Errorf("mode %04o: error %v is not an *InsecureError of that mode", mode, err)
		}
	}
}

func TestFixQuotesAPathWithSpaces(t *testing.T) {
	e := &InsecureError{Path: "/Users/me/Library/Application Support/cxi/config.toml", Mode: 0o644}
	wantErr(t, e, `chmod 600 '/Users/me/Library/Application Support/cxi/config.toml'`, "mode 0644")
}

func TestDirectoryIsAnError(t *testing.T) {
	_, err := Load(t.TempDir())
	if err == nil {
		t.Fatal("a directory loads as a config")
	}
}
