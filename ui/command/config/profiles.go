package config

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// DefaultProfile is the name of the organization the top-level settings
// describe: the one cxi uses when no profile is chosen, as it did before
// there were profiles.
const DefaultProfile = "default"

// MaxProfileName bounds a profile's name: it is shown in the header and
// in every write's confirmation, and names a folder.
const MaxProfileName = 32

// profileName is what a profile may be called: a short word that reads
// the same in a header, a flag, an environment variable and a file name.
var profileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// Profile is one [profiles.NAME] table: another organization, with its
// own API, dashboard, key (stored under its name) and store.
type Profile struct {
	Name       string
	BaseURL    string // base_url; "" is api.DefaultBaseURL, not the top-level one, which is the default profile's
	SessionURL string // session_url; "" when none
	// ReadOnly and StoreOff are the profile's read_only and store = "off";
	// nil where the table leaves them out, which keeps the top-level ones:
	// a lead who made cxi read-only at the top stays safe in every profile.
	ReadOnly *bool
	StoreOff *bool
}

// fileProfile is a [profiles.NAME] table's shape.
type fileProfile struct {
	BaseURL    string `toml:"base_url"`
	SessionURL string `toml:"session_url"`
	ReadOnly   *bool  `toml:"read_only"`
	Store      string `toml:"store"`
}

// profileKeys are the keys a [profiles.NAME] table accepts.
var profileKeys = []string{"base_url", "session_url", "read_only", "store"}

// ProfileNames are the profiles the file names, the default first, then
// the others in alphabetical order.
func (c Config) ProfileNames() []string {
	return append([]string{DefaultProfile}, slices.Sorted(maps.Keys(c.Profiles))...)
}

// CheckProfileName says what is wrong with name as a profile's name, or nil.
func CheckProfileName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("a profile's name is empty")
	case len(name) > MaxProfileName:
		return fmt.Errorf("profile name %q is longer than %d characters", name, MaxProfileName)
	case !profileName.MatchString(name):
		return fmt.Errorf("profile name %q is not a short word of letters, digits, - and _ (starting with a letter or digit)", name)
	}
	return nil
}

// setProfiles checks the [profiles.NAME] tables.
func (c *Config) setProfiles(f file, p *problems) {
	if len(f.Profiles) == 0 {
		return
	}
	at := c.lines.at
	c.Profiles = make(map[string]Profile, len(f.Profiles))
	for _, name := range slices.Sorted(maps.Keys(f.Profiles)) {
		fp := f.Profiles[name]
		table := "profiles." + name
		line := func(key string) int {
			if n := at(table + "." + key); n > 0 {
				return n
			}
			return at(table)
		}
		if err := CheckProfileName(name); err != nil {
			p.add(at(table), "[profiles.%s]: %v", name, err)
			continue
		}
		if name == DefaultProfile {
			p.add(at(table), "[profiles.%s]: the default profile is the top-level settings: write them at the top of the file, or give this profile another name", name)
			continue
		}
		pr := Profile{Name: name, BaseURL: fp.BaseURL, SessionURL: fp.SessionURL, ReadOnly: fp.ReadOnly}
		if fp.BaseURL != "" {
			if err := checkHTTPURL(fp.BaseURL); err != nil {
				p.add(line("base_url"), "[profiles.%s] base_url %q %v, such as %q", name, fp.BaseURL, err, api.DefaultBaseURL)
			}
		}
		if fp.SessionURL != "" {
			if !strings.Contains(fp.SessionURL, "{id}") {
				p.add(line("session_url"), "[profiles.%s] session_url %q has no {id} placeholder for the session ID", name, fp.SessionURL)
			} else if err := checkHTTPURL(strings.ReplaceAll(fp.SessionURL, "{id}", "id")); err != nil {
				p.add(line("session_url"), "[profiles.%s] session_url %q %v, such as %q", name, fp.SessionURL, err, "https://dashboard.example/sessions/{id}")
			}
		}
		switch fp.Store {
		case "":
		case "on", "off":
			off := fp.Store == "off"
			pr.StoreOff = &off
		default:
			p.add(line("store"), `[profiles.%s] store %q is not "on" or "off"`, name, fp.Store)
		}
		c.Profiles[name] = pr
	}
}

// profileUnknownKey is the message of an unknown key in a [profiles.NAME]
// table (k is its path), and false for any other key.
func profileUnknownKey(k []string) (string, bool) {
	switch {
	case len(k) == 3 && k[0] == "profiles":
		return fmt.Sprintf("unknown key %q in [profiles.%s] (known: %s)", k[2], k[1], strings.Join(profileKeys, ", ")), true
	case len(k) == 2 && k[0] == "profiles":
		return fmt.Sprintf("%q in [profiles] is not a table: write each profile as [profiles.NAME] with %s", k[1], strings.Join(profileKeys, ", ")), true
	}
	return "", false
}

// profileWant is what a key of a [profiles.NAME] table must be, for a type
// error, or "" for any other key.
func profileWant(k []string) string {
	switch {
	case len(k) == 3 && k[0] == "profiles":
		if k[2] == "read_only" {
			return "true or false"
		}
		return wants[k[2]]
	case len(k) == 2 && k[0] == "profiles":
		return "a table: [profiles." + k[1] + "] with " + strings.Join(profileKeys, ", ")
	case len(k) == 1 && k[0] == "profiles":
		return "tables: [profiles.NAME]"
	}
	return ""
}
