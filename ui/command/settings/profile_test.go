package settings

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
)

// twoProfiles is a config of the default organization (the top level) and
// two others.
const twoProfiles = `base_url = "https://api.default.example"
session_url = "https://dash.default.example/{id}"
read_only = true

[profiles.acme]
base_url = "https://api.acme.example"
session_url = "https://dash.acme.example/{id}"
read_only = false

[profiles.beta]
store = "off"
`

// profileEnv is an environment with twoProfiles as its config file, a
// store folder, and vars.
func profileEnv(t *testing.T, vars map[string]string) command.Env {
	all := map[string]string{
		EnvConfig:    writePrivate(t, t.TempDir(), "config.toml", twoProfiles),
		store.EnvDir: t.TempDir(),
	}
	for k, v := range vars {
		all[k] = v
	}
	return envWith(t, all)
}

func TestProfilePrecedence(t *testing.T) {
	tests := []struct {
		name    string
		flag    string
		env     string
		profile string
	}{
		{"neither: the default", "", "", "default"},
		{"the environment", "", "acme", "acme"},
		{"the flag over the environment", "beta", "acme", "beta"},
		{"the flag naming the default over the environment", "default", "acme", "default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(Flags{Profile: tt.flag}, profileEnv(t, map[string]string{EnvProfile: tt.env}))
			if err != nil {
				t.Fatal(err)
			}
			if s.Profile != tt.profile || s.Keys.Profile != tt.profile {
				t.Errorf("profile %q, keys' %q; want %q", s.Profile, s.Keys.Profile, tt.profile)
			}
			if !reflect.DeepEqual(s.Profiles, []string{"default", "acme", "beta"}) {
				t.Errorf("profiles %q", s.Profiles)
			}
		})
	}
}

func TestProfileSettings(t *testing.T) {
	env := profileEnv(t, nil)
	def, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	acme, err := Resolve(Flags{Profile: "acme"}, env)
	if err != nil {
		t.Fatal(err)
	}
	beta, err := Resolve(Flags{Profile: "beta"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if def.BaseURL != "https://api.default.example" || def.SessionURL != "https://dash.default.example/{id}" || !def.ReadOnly {
		t.Errorf("default: %s %s read-only %v", def.BaseURL, def.SessionURL, def.ReadOnly)
	}
	if acme.BaseURL != "https://api.acme.example" || acme.SessionURL != "https://dash.acme.example/{id}" || acme.ReadOnly {
		t.Errorf("acme: %s %s read-only %v", acme.BaseURL, acme.SessionURL, acme.ReadOnly)
	}
	// beta sets no base_url (the API's own, not the default profile's),
	// no session_url, and keeps the top-level read_only.
	if beta.BaseURL != api.DefaultBaseURL || beta.SessionURL != "" || !beta.ReadOnly || !beta.Store.Off || acme.Store.Off || def.Store.Off {
		t.Errorf("beta: %s %q read-only %v, store off %v (acme %v, default %v)", beta.BaseURL, beta.SessionURL, beta.ReadOnly, beta.Store.Off, acme.Store.Off, def.Store.Off)
	}
	// The flag still wins over a profile's base URL, as over the top level's.
	if s, _ := Resolve(Flags{Profile: "acme", BaseURL: "https://flag.example"}, env); s.BaseURL != "https://flag.example" {
		t.Errorf("--base-url with --profile: %s", s.BaseURL)
	}
}

// TestEachProfileHasItsOwnStore: the default profile's store is where it
// was before profiles; another's is a file of its own, even with the
// same base URL and key.
func TestEachProfileHasItsOwnStore(t *testing.T) {
	env := profileEnv(t, nil)
	dir := env.Getenv(store.EnvDir)
	files := map[string]string{}
	for _, name := range []string{"default", "acme", "beta"} {
		s, err := Resolve(Flags{Profile: name}, env)
		if err != nil {
			t.Fatal(err)
		}
		o := s.StoreOptions("sk_same_key_everywhere", env)
		o.BaseURL = "https://api.same.example"
		files[name] = store.File(o)
	}
	if filepath.Dir(files["default"]) != dir {
		t.Errorf("the default profile's store moved: %s (store folder %s)", files["default"], dir)
	}
	if files["acme"] == files["default"] || files["beta"] == files["acme"] || files["beta"] == files["default"] {
		t.Errorf("two profiles share a store: %v", files)
	}
	if want := filepath.Join(dir, "profiles", "acme"); filepath.Dir(files["acme"]) != want {
		t.Errorf("acme's store %s, want it in %s", files["acme"], want)
	}
}

func TestUnknownProfile(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  string
		want string
	}{
		{"flag", "acmee", "", `--profile: unknown profile "acmee" (known: default, acme, beta); add [profiles.acmee] to `},
		{"environment", "", "zeta", `CXI_PROFILE: unknown profile "zeta" (known: default, acme, beta)`},
		{"not a name", "../acme", "", `--profile: profile name "../acme" is not a short word of letters, digits, - and _`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(Flags{Profile: tt.flag}, profileEnv(t, map[string]string{EnvProfile: tt.env}))
			if err == nil || !strings.Contains(err.Error(), tt.want) || command.ExitCode(err) != command.ExitUsage {
				t.Errorf("error %v (exit %d), want %q, exit 2", err, command.ExitCode(err), tt.want)
			}
		})
	}
	// Without profiles, a profile named is still an error that says so.
	_, err := Resolve(Flags{Profile: "acme"}, envWith(t, nil))
	if err == nil || !strings.Contains(err.Error(), `unknown profile "acme" (known: default)`) {
		t.Errorf("no profiles: %v", err)
	}
}

// TestForHidesTheEnvironmentsKey: OPENCX_API_KEY, OPENCX_BASE_URL and
// --base-url stand for the profile in use, not for the others.
func TestForHidesTheEnvironmentsKey(t *testing.T) {
	env := profileEnv(t, map[string]string{"OPENCX_API_KEY": "sk_env_key_for_acme", EnvBaseURL: "https://env.example", EnvProfile: "acme"})
	acme, err := Resolve(Flags{BaseURL: "https://flag.example"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if key, _, _ := acme.Keys.Key(); key != "sk_env_key_for_acme" || acme.BaseURL != "https://flag.example" {
		t.Fatalf("acme in use: key %q, base URL %s", key, acme.BaseURL)
	}
	def, err := acme.For(config.DefaultProfile, env)
	if err != nil {
		t.Fatal(err)
	}
	if key, src, _ := def.Keys.Key(); key != "" || def.BaseURL != "https://api.default.example" || def.Profile != "default" {
		t.Errorf("the default profile, acme in use: key %q from %v, base URL %s, profile %s", key, src, def.BaseURL, def.Profile)
	}
	each, err := acme.Each(env)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range each {
		names = append(names, s.Profile)
	}
	if !reflect.DeepEqual(names, []string{"acme", "default", "beta"}) {
		t.Errorf("Each: %q, want the one in use first", names)
	}
}

func TestAuthListsEveryProfile(t *testing.T) {
	b, err := Auth(profileEnv(t, nil), "beta")
	if err != nil {
		t.Fatal(err)
	}
	if b.Keys.Profile != "beta" || len(b.Profiles) != 3 {
		t.Fatalf("backend for %q with %d profiles", b.Keys.Profile, len(b.Profiles))
	}
	for i, want := range []string{"beta", "default", "acme"} {
		p := b.Profiles[i]
		if p.Name != want || p.InUse != (i == 0) || p.Keys.Profile != want || p.Check == nil {
			t.Errorf("profile %d: %+v, want %s", i, p, want)
		}
	}
	if b.Profiles[2].BaseURL != "https://api.acme.example" {
		t.Errorf("acme's base URL %s", b.Profiles[2].BaseURL)
	}
	if _, err := Auth(profileEnv(t, nil), "nope"); err == nil || !strings.Contains(err.Error(), "unknown profile") {
		t.Errorf("an unknown profile: %v", err)
	}
}
