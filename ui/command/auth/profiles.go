package auth

import (
	"fmt"
	"io"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
)

// DefaultProfile is the profile of the top-level settings (config's
// DefaultProfile, which this package cannot import: config's privatefile
// is imported here, and settings imports both).
const DefaultProfile = "default"

// isDefault reports whether name is the top-level organization's.
func isDefault(name string) bool { return name == "" || name == DefaultProfile }

// keyringUser is the keyring entry of the profile's key: the default
// profile's is KeyringUser, as before profiles, so that no user has to log
// in again; another's adds its name ("api-key:acme"), which the config
// keeps to letters, digits, - and _.
func (s KeySources) keyringUser() string {
	if isDefault(s.Profile) {
		return KeyringUser
	}
	return KeyringUser + ":" + s.Profile
}

// keyFileName is the key file's name: KeyFileName for the default
// profile, "key-acme" for acme's.
func (s KeySources) keyFileName() string {
	if isDefault(s.Profile) {
		return KeyFileName
	}
	return KeyFileName + "-" + s.Profile
}

// loginCommand is the command that stores the profile's key.
func (s KeySources) loginCommand() string {
	if isDefault(s.Profile) {
		return "cxi auth login"
	}
	return "cxi auth login --profile " + s.Profile
}

// ofProfile is " of profile acme" for a sentence about the key, and ""
// for the default profile's, whose sentences read as before profiles.
func (s KeySources) ofProfile() string {
	if isDefault(s.Profile) {
		return ""
	}
	return " of profile " + s.Profile
}

// Profile is one organization as `cxi auth status` lists it: its name,
// its API, where its key is, and the check of that key against its API.
type Profile struct {
	Name    string
	BaseURL string
	InUse   bool // the profile --profile, CXI_PROFILE or the default chose: OPENCX_API_KEY is its alone
	Keys    KeySources
	Check   func(key string) error // nil skips the check
}

// StatusAll runs `cxi auth status` when the config names profiles: for
// each, the profile in use first, where its key comes from and whether
// its API accepts it. Nothing of any key is printed. The exit code is the
// first profile's that failed, 0 when none did.
func StatusAll(profiles []Profile, env command.Env) int {
	code := command.ExitOK
	for i, p := range profiles {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		head := "Profile " + p.Name
		if p.InUse {
			head += " (in use)"
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", head, render.Line(p.BaseURL))
		if c := profileStatus(p, env.Stdout); code == command.ExitOK {
			code = c
		}
	}
	return code
}

// profileStatus is one profile's lines of StatusAll, indented under its
// name, and its exit code. A key file or keyring that failed is said on
// its line rather than on stderr, where it would lose its profile.
func profileStatus(p Profile, out io.Writer) int {
	key, src, err := p.Keys.Key()
	switch {
	case err != nil:
		fmt.Fprintln(out, "  Key:   ✘ "+redact(err.Error(), key))
		return command.ExitCode(err)
	case src == SourceNone:
		fix := "run " + p.Keys.loginCommand()
		if p.InUse {
			fix += ", or export " + EnvVar
		}
		fmt.Fprintf(out, "  Key:   none stored: %s\n", fix)
		return command.ExitUsage
	}
	fmt.Fprintf(out, "  Key:   from %s\n", p.Keys.Where(src))
	if p.Check == nil {
		return command.ExitOK
	}
	err = p.Check(key)
	if err == nil || api.KindOf(err) == api.KindNotFound {
		fmt.Fprintln(out, "  Check: ✔ the API accepted the key")
		return command.ExitOK
	}
	msg := Rejected(err, src)
	if api.KindOf(err) == api.KindUnauthorized || api.KindOf(err) == api.KindForbidden {
		msg = strings.Replace(msg, "Run cxi auth login", "Run "+p.Keys.loginCommand(), 1)
	}
	fmt.Fprintln(out, "  Check: ✘ "+redact(msg, key))
	return command.ExitCode(err)
}
