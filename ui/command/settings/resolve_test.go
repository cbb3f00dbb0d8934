package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

// fullFile sets every setting the resolver weighs.
const fullFile = `base_url = "https://file.example"
session_url = "https://file.example/s/{id}"
theme = "dark"
auto_refresh = "1m"
[queue]
status = "open"
needs_attention = true
`

// writePrivate writes body to a 0600 file name in dir and returns its path.
func writePrivate(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil { // whatever the umask
		t.Fatal(err)
	}
	return path
}

// envWith is an environment holding vars, with a config folder that holds
// nothing unless vars names CXI_CONFIG.
func envWith(t *testing.T, vars map[string]string) command.Env {
	empty := t.TempDir()
	return command.Env{
		Getenv:        func(k string) string { return vars[k] },
		UserConfigDir: func() (string, error) { return empty, nil },
		Version:       "1.2.3",
	}
}

// weighed is the part of Settings that Resolve weighs source by source.
type weighed struct {
	Demo           bool
	BaseURL        string
	SessionURL     string
	Refresh        time.Duration
	NeedsAttention bool
	Theme          string
}

func TestResolvePrecedence(t *testing.T) {
	file := writePrivate(t, t.TempDir(), "config.toml", fullFile)
	withFile := map[string]string{EnvConfig: file}
	withEnv := map[string]string{EnvConfig: file, EnvBaseURL: "https://env.example", EnvSessionURL: "https://env.example/s/{id}"}
	tests := []struct {
		name  string
		flags Flags
		vars  map[string]string
		want  weighed
	}{
		{"defaults", Flags{}, nil,
			weighed{BaseURL: api.DefaultBaseURL}},
		{"the file", Flags{}, withFile,
			weighed{BaseURL: "https://file.example", SessionURL: "https://file.example/s/{id}", Refresh: time.Minute, NeedsAttention: true, Theme: "dark"}},
		{"the environment beats the file", Flags{}, withEnv,
			weighed{BaseURL: "https://env.example", SessionURL: "https://env.example/s/{id}", Refresh: time.Minute, NeedsAttention: true, Theme: "dark"}},
		{"a flag beats the environment", Flags{BaseURL: "https://flag.example", SessionURL: "https://flag.example/s/{id}", Refresh: 30 * time.Second}, withEnv,
			weighed{BaseURL: "https://flag.example", SessionURL: "https://flag.example/s/{id}", Refresh: 30 * time.Second, NeedsAttention: true, Theme: "dark"}},
		{"a blank variable is none", Flags{}, map[string]string{EnvConfig: file, EnvBaseURL: "  ", EnvSessionURL: " "},
			weighed{BaseURL: "https://file.example", SessionURL: "https://file.example/s/{id}", Refresh: time.Minute, NeedsAttention: true, Theme: "dark"}},
		{"values are trimmed", Flags{BaseURL: " https://flag.example\n"}, nil,
			weighed{BaseURL: "https://flag.example"}},
		{"flags without a file", Flags{Demo: true, NeedsAttention: true, Refresh: time.Hour}, nil,
			weighed{Demo: true, BaseURL: api.DefaultBaseURL, Refresh: time.Hour, NeedsAttention: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(tt.flags, envWith(t, tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			got := weighed{Demo: s.Demo, BaseURL: s.BaseURL, SessionURL: s.SessionURL, Refresh: s.Refresh, NeedsAttention: s.NeedsAttention, Theme: s.Theme}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if s.UserAgent != "cxi/1.2.3" {
				t.Errorf("user agent %q", s.UserAgent)
			}
		})
	}
}

func TestResolveTakesTheFileAsRead(t *testing.T) {
	path := writePrivate(t, t.TempDir(), "config.toml", fullFile+"[keys]\nquit = [\"Q\"]\n")
	s, err := Resolve(Flags{}, envWith(t, map[string]string{EnvConfig: path}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Filters.Status != api.StatusOpen || s.File.Path != path || len(s.File.Keys["quit"]) != 1 {
		t.Errorf("filters %+v, file %q, keys %v", s.Filters, s.File.Path, s.File.Keys)
	}
}

func TestConfigLocation(t *testing.T) {
	userDir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(userDir, "cxi"), 0o700); err != nil {
		t.Fatal(err)
	}
	writePrivate(t, filepath.Join(userDir, "cxi"), "config.toml", `base_url = "https://user-dir.example"`+"\n")
	named := writePrivate(t, t.TempDir(), "other.toml", `base_url = "https://named.example"`+"\n")
	noDir := errors.New("no $HOME")
	tests := []struct {
		name          string
		cxiConfig     string
		userConfigDir func() (string, error)
		base, keyDir  string
	}{
		{"the user's config folder", "", func() (string, error) { return userDir, nil }, "https://user-dir.example", filepath.Join(userDir, "cxi")},
		{"CXI_CONFIG wins", named, func() (string, error) { return userDir, nil }, "https://named.example", filepath.Dir(named)},
		{"no config folder: no file, no key file", "", func() (string, error) { return "", noDir }, api.DefaultBaseURL, ""},
		{"no config folder given", "", nil, api.DefaultBaseURL, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := command.Env{Getenv: func(k string) string {
				if k == EnvConfig {
					return tt.cxiConfig
				}
				return ""
			}, UserConfigDir: tt.userConfigDir}
			s, err := Resolve(Flags{}, env)
			if err != nil {
				t.Fatal(err)
			}
			if s.BaseURL != tt.base || s.Keys.Dir != tt.keyDir {
				t.Errorf("base URL %q, key folder %q; want %q, %q", s.BaseURL, s.Keys.Dir, tt.base, tt.keyDir)
			}
		})
	}
}

func TestResolveRefusesABadFile(t *testing.T) {
	path := writePrivate(t, t.TempDir(), "config.toml", "[queue]\nrefersh = true\n")
	if _, err := Resolve(Flags{}, envWith(t, map[string]string{EnvConfig: path})); err == nil || !strings.Contains(err.Error(), "config.toml:2") {
		t.Errorf("err = %v", err)
	}
}

// TestANamedConfigMustExist: CXI_CONFIG naming a file that is not there is
// a usage error, not a config silently ignored; the default path missing
// is no config, as before.
func TestANamedConfigMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "confg.toml")
	_, err := Resolve(Flags{}, envWith(t, map[string]string{EnvConfig: missing}))
	want := "CXI_CONFIG names " + missing + ", which does not exist: create it, or unset CXI_CONFIG to use the config folder's cxi/config.toml"
	if err == nil || err.Error() != want || command.ExitCode(err) != command.ExitUsage {
		t.Errorf("err = %v (exit %d), want %q, exit 2", err, command.ExitCode(err), want)
	}
	if s, err := Resolve(Flags{}, envWith(t, nil)); err != nil || s.File.Path != "" || filepath.Base(s.ConfigPath) != "config.toml" {
		t.Errorf("no file at the default path: %v, %q; where one would go: %q", err, s.File.Path, s.ConfigPath)
	}
}

func TestKey(t *testing.T) {
	dir := t.TempDir()
	cfg := writePrivate(t, dir, "config.toml", "") // CXI_CONFIG must name a file
	writePrivate(t, dir, "key", "stored-key\n")
	tests := []struct {
		name    string
		flags   Flags
		vars    map[string]string
		want    string
		wantErr string
	}{
		{"the environment's", Flags{}, map[string]string{"OPENCX_API_KEY": "env-key-1", EnvConfig: cfg}, "env-key-1", ""},
		{"else the stored one", Flags{}, map[string]string{EnvConfig: cfg}, "stored-key", ""},
		{"none", Flags{}, nil, "", "no API key: export OPENCX_API_KEY"},
		{"a blank one is none", Flags{}, map[string]string{"OPENCX_API_KEY": " "}, "", "no API key"},
		{"a short one is refused", Flags{}, map[string]string{"OPENCX_API_KEY": "abc"}, "", "OPENCX_API_KEY: the key is shorter than 8 characters"},
		{"none for --demo", Flags{Demo: true}, nil, "", ""},
		{"a bad base URL", Flags{BaseURL: "ftp://x"}, map[string]string{"OPENCX_API_KEY": "a-test-key"}, "", "must start with https://"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(tt.flags, envWith(t, tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			key, err := s.Key()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || key != tt.want {
				t.Errorf("key %q, err %v; want %q", key, err, tt.want)
			}
		})
	}
}

func TestConnectToTheDemo(t *testing.T) {
	c, stop, err := Connect(Flags{Demo: true, BaseURL: "ftp://ignored"}, envWith(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(c.BaseURL(), "http://127.0.0.1:") {
		t.Errorf("demo client talks to %s", c.BaseURL())
	}
	if _, _, err := Connect(Flags{}, envWith(t, nil)); err == nil || !strings.Contains(err.Error(), "no API key") {
		t.Errorf("without a key: %v", err)
	}
}

func TestAuth(t *testing.T) {
	cfg := writePrivate(t, t.TempDir(), "config.toml", "")
	b, err := Auth(envWith(t, map[string]string{EnvConfig: cfg, EnvBaseURL: "http://127.0.0.1:1"}), "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Keys.Dir != filepath.Dir(cfg) || b.Check == nil {
		t.Fatalf("backend %+v", b)
	}
	if err := b.Check("k"); api.KindOf(err) != api.KindUnreachable {
		t.Errorf("check against a closed port: %v", err)
	}
}
