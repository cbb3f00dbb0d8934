package settings

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
)

// EnvProfile chooses the profile (the organization) when --profile does not.
const EnvProfile = "CXI_PROFILE"

// orgEnv are the environment variables that describe one organization:
// they stand for the profile in use alone, never for the others cxi
// doctor, cxi auth status or the TUI's switch reach.
var orgEnv = []string{EnvProfile, EnvBaseURL, EnvSessionURL, "OPENCX_API_KEY"}

// chooseProfile weighs --profile over CXI_PROFILE; neither, or "default",
// is the top-level settings. It returns the profile's name and the file
// as that profile sees it: its base_url and session_url instead of the
// top-level ones, and its read_only and store where it sets them. A name
// the file does not have is an error naming those it has.
func chooseProfile(f Flags, file config.Config, env command.Env) (string, config.Config, error) {
	name, by := strings.TrimSpace(f.Profile), "--profile"
	if name == "" {
		name, by = strings.TrimSpace(env.Getenv(EnvProfile)), EnvProfile
	}
	if name == "" || name == config.DefaultProfile {
		return config.DefaultProfile, file, nil
	}
	p, ok := file.Profiles[name]
	if !ok {
		where := "the config file"
		if file.Path != "" {
			where = file.Path
		}
		if err := config.CheckProfileName(name); err != nil {
			return "", file, command.Usagef("%s: %v (known profiles: %s)", by, err, strings.Join(file.ProfileNames(), ", "))
		}
		return "", file, command.Usagef("%s: unknown profile %q (known: %s); add [profiles.%s] to %s",
			by, name, strings.Join(file.ProfileNames(), ", "), name, where)
	}
	file.BaseURL, file.SessionURL = p.BaseURL, p.SessionURL
	if p.ReadOnly != nil {
		file.ReadOnly = *p.ReadOnly
	}
	if p.StoreOff != nil {
		file.StoreOff = *p.StoreOff
	}
	return name, file, nil
}

// profileStoreDir is the folder of a profile's store: the default
// profile's is the store folder itself, as before profiles, so no one's
// store moves; another's is a folder of its own below it, so that two
// profiles never share a store, even with the same base URL and key.
func profileStoreDir(dir, profile string) string {
	if dir == "" || profile == config.DefaultProfile {
		return dir
	}
	return filepath.Join(dir, "profiles", profile)
}

// For is the settings of profile name, resolved as s was (the same flags,
// the same config file) but without what names one organization on the
// command line or in the environment (--base-url, --session-url,
// OPENCX_API_KEY, OPENCX_BASE_URL, CXI_SESSION_URL): those stand for the
// profile in use only. For of the profile in use is s.
func (s Settings) For(name string, env command.Env) (Settings, error) {
	if name == s.Profile {
		return s, nil
	}
	if s.Demo {
		return Settings{}, command.Usagef("the demo has no profiles")
	}
	f := s.flags
	f.Profile, f.BaseURL, f.SessionURL = name, "", ""
	getenv := env.Getenv
	env.Getenv = func(k string) string {
		if getenv == nil || slices.Contains(orgEnv, k) {
			return ""
		}
		return getenv(k)
	}
	return Resolve(f, env)
}

// Each is the settings of every profile, the one in use first, then the
// others as the config file lists them (ProfileNames).
func (s Settings) Each(env command.Env) ([]Settings, error) {
	out := []Settings{s}
	for _, name := range s.Profiles {
		if name == s.Profile {
			continue
		}
		o, err := s.For(name, env)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}
