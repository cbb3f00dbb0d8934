package settings

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/command/config"
)

// The environment variables cxi reads its settings from (the API key's is
// auth.EnvVar).
const (
	EnvBaseURL     = "OPENCX_BASE_URL"
	EnvDemoDay     = "CXI_DEMO_DAY"
	EnvDemoOffline = "CXI_DEMO_OFFLINE"
	EnvSessionURL  = "CXI_SESSION_URL"
	EnvConfig      = "CXI_CONFIG" // the config file, instead of the user's config folder's
	EnvReadOnly    = "CXI_READ_ONLY"
)

// Settings is what cxi runs with, each value taken from the first source
// that gives one.
type Settings struct {
	Demo           bool
	DemoOffline    bool           // CXI_DEMO_OFFLINE=1: the demo with no server at all, to browse what its store kept
	DemoDay        int            // CXI_DEMO_DAY: the demo as it looks that many days on (something changed since the last run)
	BaseURL        string         // --base-url, OPENCX_BASE_URL, base_url, else api.DefaultBaseURL
	SessionURL     string         // --session-url, CXI_SESSION_URL, session_url; "" when none
	Refresh        time.Duration  // --refresh, else auto_refresh; 0 is off
	NeedsAttention bool           // --needs-attention or [queue] needs_attention
	Theme          string         // theme: "auto", "dark" or "light" ("" is auto)
	Filters        filter.Filters // the queue's filters at start ([queue])
	Store          StoreSettings  // the local store: on or off, where, how long it keeps
	// ReadOnly is set by --read-only, CXI_READ_ONLY=1 or read_only = true:
	// no write is sent. ReadOnlyBy says which, for messages.
	ReadOnly   bool
	ReadOnlyBy string
	File       config.Config // the config file as read, whose key remaps the key map applies
	// ConfigPath is where config.toml is, or is made when the status
	// menu's options are first remembered; "" without a config folder.
	ConfigPath string
	Keys       auth.KeySources // the API key's sources: OPENCX_API_KEY, the OS keyring, the key file
	UserAgent  string          // what the client calls itself: cxi/VERSION

	// Profile is the organization in use (--profile, CXI_PROFILE, else
	// config.DefaultProfile); Profiles are all the config file names
	// (profile.go). flags are what Resolve was given, for For.
	Profile  string
	Profiles []string
	flags    Flags
}

// Resolve weighs f, the environment and the config file (CXI_CONFIG, else
// cxi/config.toml in the user's config folder, where a missing file is
// none). A flag's zero value is no say: --refresh 0 leaves the file's
// interval. Its errors are the user's to fix and exit ExitUsage.
func Resolve(f Flags, env command.Env) (Settings, error) {
	path, named := configPath(env)
	file, err := config.Load(path)
	if err != nil {
		return Settings{}, &command.SetupError{Err: err}
	}
	// Load reads a missing file as none, which is right for the default
	// path; a file the user named and mistyped would be ignored in silence.
	if named && file.Path == "" {
		return Settings{}, command.Usagef("%s names %s, which does not exist: create it, or unset %s to use the config folder's cxi/config.toml",
			EnvConfig, path, EnvConfig)
	}
	profile, file, err := chooseProfile(f, file, env)
	if err != nil {
		return Settings{}, err
	}
	dir := ""
	if path != "" {
		dir = filepath.Dir(path) // the key file lives beside the config file
	}
	s := Settings{
		Demo:           f.Demo,
		BaseURL:        first(f.BaseURL, env.Getenv(EnvBaseURL), file.BaseURL, api.DefaultBaseURL),
		DemoOffline:    env.Getenv(EnvDemoOffline) == "1",
		DemoDay:        atoi(env.Getenv(EnvDemoDay)),
		SessionURL:     first(f.SessionURL, env.Getenv(EnvSessionURL), file.SessionURL),
		Refresh:        f.Refresh,
		NeedsAttention: f.NeedsAttention || file.NeedsAttention,
		Theme:          file.Theme,
		Filters:        file.Queue,
		File:           file,
		ConfigPath:     path,
		Keys:           auth.KeySources{Dir: dir, Getenv: env.Getenv, Keyring: auth.SystemKeyring(runtime.GOOS, env.Getenv), Profile: profile},
		UserAgent:      "cxi/" + env.Version,
		Profile:        profile,
		Profiles:       file.ProfileNames(),
		flags:          f,
	}
	if s.Refresh == 0 {
		s.Refresh = file.AutoRefresh
	}
	s.Store = resolveStore(f, file, env)
	s.Store.Dir = profileStoreDir(s.Store.Dir, profile)
	s.ReadOnly, s.ReadOnlyBy = readOnly(f, file, env)
	return s, nil
}

// readOnly weighs --read-only, CXI_READ_ONLY and read_only: any of them
// turns writes off (none turns them on over another: writes allowed is
// the default), and the first says so in messages.
func readOnly(f Flags, file config.Config, env command.Env) (bool, string) {
	switch {
	case f.ReadOnly:
		return true, "--read-only"
	case isOn(env.Getenv(EnvReadOnly)):
		return true, EnvReadOnly + "=" + strings.TrimSpace(env.Getenv(EnvReadOnly))
	case file.ReadOnly:
		return true, "read_only = true in " + file.Path
	}
	return false, ""
}

// isOn reads a switch from the environment: 1, true, yes or on.
func isOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// ReadOnlyError is a write refused because the settings say read-only.
// Nothing was sent. It exits as a usage mistake does (2): the user's to
// change, not the API's.
type ReadOnlyError struct{ By string }

func (e *ReadOnlyError) Error() string {
	return "read-only (" + e.By + "): refused, nothing was sent"
}

// ExitCode is command.ExitUsage.
func (e *ReadOnlyError) ExitCode() int { return command.ExitUsage }

// CheckWrite is a *ReadOnlyError when s is read-only, else nil.
func (s Settings) CheckWrite() error {
	if s.ReadOnly {
		return &ReadOnlyError{By: s.ReadOnlyBy}
	}
	return nil
}

// configPath is CXI_CONFIG (named: the user asked for that file), else the
// user's config folder's cxi/config.toml; "" when there is no such folder
// (no $HOME), which means no file.
func configPath(env command.Env) (path string, named bool) {
	if p := env.Getenv(EnvConfig); p != "" {
		return p, true
	}
	if env.UserConfigDir == nil {
		return "", false
	}
	dir, err := env.UserConfigDir()
	if err != nil {
		return "", false
	}
	return config.Path(dir), false
}

// first is the first value that is not blank, trimmed.
func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// atoi is a whole number from the environment; anything else is 0.
func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}
