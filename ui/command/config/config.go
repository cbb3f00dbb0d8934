// Package config reads the user's config file, cxi/config.toml in the
// user's config directory: the API's base URL, the dashboard's session URL
// template, the theme, the queue's filters and ordering at start, the
// auto-refresh interval, where a transcript opens, and key bindings. Every problem is reported with the
// file and line it comes from, so that a typo is a clear startup error rather
// than a setting silently ignored. It also says whether the local store
// keeps anything, and for how long.
package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/lint"
)

// Config is the user's config file, decoded and validated. The zero Config
// (no file) changes nothing.
type Config struct {
	BaseURL        string              // base_url: the API's base URL; "" = the default
	SessionURL     string              // session_url: dashboard URL template with {id}
	Theme          string              // theme: "auto", "dark" or "light"; "" means auto
	Queue          filter.Filters      // [queue] status, handed_off, channel, updated_within
	NeedsAttention bool                // [queue] needs_attention: start with that ordering
	AutoRefresh    time.Duration       // auto_refresh: "30s" (at least 10s); "", "0" or "off" = off
	Keys           map[string][]string // [keys] action = ["key", ...], as written, validated
	StoreOff       bool                // store = "off": nothing is kept on disk
	StoreKeep      time.Duration       // store_keep: how long the store keeps a session; 0 = its default
	ReadOnly       bool                // read_only: no write is ever sent (close, reopen, redact)
	Actions        StatusOptions       // [actions] helpdesk, summary: the status menu's options, as last chosen
	Preview        *bool               // [queue] preview: "on", "off"; nil for "auto" (shown on a wide terminal)
	HidePulse      bool                // pulse = false: the header's pulse line hidden at start (pulse.go)
	// TranscriptAtLatest is [transcript] open_at = "latest": a transcript
	// opens at its latest event rather than its first ("oldest").
	TranscriptAtLatest bool
	Commands           []Command // [[commands]]: user-defined actions, in the order written
	Views              []View    // [[views]]: the queue's saved views, as tabs; nil when the file has none (ViewsOrDefault)
	Mouse              bool      // mouse = true: the wheel scrolls, a click picks a row or a tab
	Path               string    // the file it came from ("" when none)

	// Profiles are the [profiles.NAME] tables: other organizations
	// (profiles.go); nil when none.
	Profiles map[string]Profile

	Lint  *lint.Thresholds // [lint]: the integrity flags' thresholds (lint.go); nil without a file: see LintThresholds
	Watch Watch            // [watch]: the nudge (watch.go)

	lines     lines      // where each setting is written, for ApplyKeys' errors
	viewSpots []viewSpot // where each [[views]] is written, for CheckViewKeys' errors
}

// file is the document's shape. Durations and enums are strings here and
// checked afterwards, so that a bad value is reported with its line in
// cxi's words rather than as a Go type.
type file struct {
	BaseURL     string              `toml:"base_url"`
	SessionURL  string              `toml:"session_url"`
	Theme       string              `toml:"theme"`
	AutoRefresh string              `toml:"auto_refresh"`
	Store       string              `toml:"store"`
	StoreKeep   string              `toml:"store_keep"`
	Queue       fileQueue           `toml:"queue"`
	Keys        map[string][]string `toml:"keys"`
	ReadOnly    bool                `toml:"read_only"`
	Pulse       *bool               `toml:"pulse"`
	Actions     fileActions         `toml:"actions"`
	Transcript  fileTranscript      `toml:"transcript"`
	Commands    []fileCommand       `toml:"commands"`
	Lint        fileLint            `toml:"lint"` // lint.go

	Profiles map[string]fileProfile `toml:"profiles"` // profiles.go
	Views    []fileView             `toml:"views"`
	Mouse    bool                   `toml:"mouse"`
	Watch    fileWatch              `toml:"watch"` // watch.go
}

type fileTranscript struct {
	OpenAt string `toml:"open_at"`
}

type fileActions struct {
	Helpdesk bool `toml:"helpdesk"`
	Summary  bool `toml:"summary"`
}

type fileQueue struct {
	Status         string `toml:"status"`
	HandedOff      bool   `toml:"handed_off"`
	Channel        string `toml:"channel"`
	UpdatedWithin  string `toml:"updated_within"`
	NeedsAttention bool   `toml:"needs_attention"`
	Preview        string `toml:"preview"`
}

// The keys each table accepts, for "unknown key" messages, and what each
// value must look like, for type errors.
var (
	topKeys        = []string{"base_url", "session_url", "theme", "auto_refresh", "store", "store_keep", "read_only", "mouse", "pulse", "[queue]", "[actions]", "[transcript]", "[keys]", "[[commands]]", "[profiles.NAME]", "[[views]]", "[watch]", "[lint]"}
	queueKeys      = []string{"status", "handed_off", "channel", "updated_within", "needs_attention", "preview"}
	actionsKeys    = []string{"helpdesk", "summary"}
	transcriptKeys = []string{"open_at"}
	wants          = map[string]string{
		"base_url":              `a string such as "https://api.open.cx"`,
		"session_url":           `a string such as "https://dashboard.example/sessions/{id}"`,
		"theme":                 `a string: "auto", "dark" or "light"`,
		"auto_refresh":          `a string such as "30s" or "2m"`,
		"store":                 `a string: "on" or "off"`,
		"store_keep":            `a string such as "30d" or "12h"`,
		"queue":                 "a table: [queue]",
		"queue.status":          `a string such as "open"`,
		"queue.handed_off":      "true or false",
		"queue.channel":         `a string such as "email"`,
		"queue.updated_within":  `a string such as "24h"`,
		"queue.needs_attention": "true or false",
		"queue.preview":         `a string: "auto", "on" or "off"`,
		"keys":                  "a table: [keys]",
		"read_only":             "true or false",
		"pulse":                 "true or false",
		"actions":               "a table: [actions]",
		"actions.helpdesk":      "true or false",
		"actions.summary":       "true or false",
		"transcript":            "a table: [transcript]",
		"transcript.open_at":    `a string: "oldest" or "latest"`,
		"mouse":                 "true or false",
		"views":                 `tables: [[views]] with name = "…"`,
		"views.name":            `a string such as "Open"`,
		"views.key":             `a string such as "1"`,
		"views.status":          `a string such as "open"`,
		"views.handed_off":      "true or false",
		"views.channel":         `a string such as "email"`,
		"views.updated_within":  `a string such as "24h"`,
		"views.needs_attention": "true or false",
		"views.team":            `a string: a team's name`,
		"views.text":            `a string: the text filter`,
		"views.changed_only":    "true or false",
	}
)

// Path returns the config file's path in the user's config folder
// (os.UserConfigDir, which main hands down): cxi/config.toml.
func Path(userConfigDir string) string {
	return filepath.Join(userConfigDir, "cxi", "config.toml")
}

// Load reads the file at path. A missing file is not an error: it returns
// the zero Config, whose Path is "". A file that others can read or write
// is refused. Errors name the file and the line, one problem a line:
//
//	config.toml:7: unknown key "refersh" in [queue] (known: status, …)
func Load(path string) (Config, error) {
	if path == "" {
		return Config{}, nil
	}
	doc, err := readPrivate(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, err
	}
	return parse(path, doc)
}

// parse is Load of doc, read from path.
func parse(path string, doc []byte) (Config, error) {
	var f file
	dec := toml.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Config{}, decodeProblems(path, err)
	}
	c := Config{Path: path, lines: findLines(doc)}
	p := &problems{path: path}
	c.set(f, p)
	c.Commands = checkCommands(f.Commands, commandLines(doc), p)
	c.setViews(f, doc, p)
	c.Mouse = f.Mouse
	if err := p.err(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// decodeProblems turns go-toml's errors into "config.toml:LINE: message".
func decodeProblems(path string, err error) error {
	p := &problems{path: path}
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for i := range strict.Errors {
			e := &strict.Errors[i]
			line, _ := e.Position()
			p.add(line, "%s", unknownKey(e.Key(), strings.Contains(e.Error(), "missing table")))
		}
	case errors.As(err, &de):
		line, _ := de.Position()
		p.add(line, "%s", decodeMessage(de))
	default:
		p.add(0, "%v", err)
	}
	return p.err()
}

// unknownKey says which key or table is not one cxi reads, and which are.
func unknownKey(k toml.Key, table bool) string {
	if msg, ok := profileUnknownKey(k); ok && !table {
		return msg
	}
	if msg, ok := watchUnknownKey(k); ok && !table {
		return msg
	}
	switch {
	case table:
		return fmt.Sprintf("unknown table [%s] (known: [queue], [actions], [transcript], [keys], [[commands]], [profiles.NAME], [[views]], [watch], [lint])", strings.Join(k, "."))
	case len(k) == 1:
		return fmt.Sprintf("unknown key %q (known: %s)", k[0], strings.Join(topKeys, ", "))
	case len(k) == 2 && k[0] == "queue":
		return fmt.Sprintf("unknown key %q in [queue] (known: %s)", k[1], strings.Join(queueKeys, ", "))
	case len(k) == 2 && k[0] == "actions":
		return fmt.Sprintf("unknown key %q in [actions] (known: %s)", k[1], strings.Join(actionsKeys, ", "))
	case len(k) == 2 && k[0] == "commands":
		return commandUnknown(k[1])
	case len(k) == 2 && k[0] == "lint":
		return lintUnknownKey(k[1])
	case len(k) == 2 && k[0] == "views":
		return fmt.Sprintf("unknown key %q in [[views]] (known: %s)", k[1], strings.Join(viewKeys, ", "))
	case len(k) == 2 && k[0] == "transcript":
		return fmt.Sprintf("unknown key %q in [transcript] (known: %s)", k[1], strings.Join(transcriptKeys, ", "))
	default:
		return fmt.Sprintf("unknown key %q in [%s]", k[len(k)-1], strings.Join(k[:len(k)-1], "."))
	}
}

// decodeMessage rewords a type mismatch ("cannot decode TOML integer into
// struct field config.file.AutoRefresh of type string", "cannot store a
// table in a string") as what the key wants; a syntax error keeps go-toml's
// words.
func decodeMessage(de *toml.DecodeError) string {
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	k := de.Key()
	rest, mismatch := strings.CutPrefix(msg, "cannot decode TOML ")
	if len(k) == 0 || !mismatch && !strings.HasPrefix(msg, "cannot store ") {
		return msg
	}
	name := strings.Join(k, ".")
	want := cmp.Or(wants[name], commandWants[name], watchWants[name], lintWants[name])
	if want == "" && len(k) >= 2 && k[0] == "keys" {
		name = "keys." + k[1]
		want = `a list of keys such as ["ctrl+r"] or ["r", "f5"]`
	}
	if want == "" {
		want = profileWant(k)
	}
	if want == "" {
		return msg
	}
	if !mismatch {
		return fmt.Sprintf("%s must be %s", name, want)
	}
	got, _, _ := strings.Cut(rest, " ")
	return fmt.Sprintf("%s must be %s, not a TOML %s", name, want, got)
}
