package auth

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

// acmeKey is a second organization's key; like secret, it must never be
// printed.
const acmeKey = "sk_live_acmeORGkey_zz-W"

// TestLoginLogoutPerProfile: a profile's key goes under its own name, in
// the keyring and in the key file, beside the default profile's, which
// stays where it was before profiles.
func TestLoginLogoutPerProfile(t *testing.T) {
	dir, kr := t.TempDir(), newMemKeyring()
	def := KeySources{Dir: dir, Keyring: kr}
	acme := KeySources{Dir: dir, Keyring: kr, Profile: "acme"}

	var o output
	if code := Login(true, def, accept, o.stdin(strings.NewReader(secret))); code != command.ExitOK {
		t.Fatalf("login: exit %d: %s", code, o.all())
	}
	o = output{}
	if code := Login(true, acme, accept, o.stdin(strings.NewReader(acmeKey))); code != command.ExitOK {
		t.Fatalf("login --profile acme: exit %d: %s", code, o.all())
	}
	if o.err.String() != "Saved the API key of profile acme in the OS keyring.\n" {
		t.Errorf("login --profile acme said %q", o.err.String())
	}
	assertNoKey(t, &o, acmeKey)
	if kr.secrets[KeyringService+"/"+KeyringUser] != secret || kr.secrets[KeyringService+"/"+KeyringUser+":acme"] != acmeKey {
		t.Fatalf("keyring holds %v", kr.secrets)
	}
	for _, c := range []struct {
		src  KeySources
		want string
	}{{def, secret}, {acme, acmeKey}} {
		if key, from, err := c.src.Key(); key != c.want || from != SourceKeyring || err != nil {
			t.Errorf("profile %q: key %q from %v, %v", c.src.Profile, key, from, err)
		}
	}

	o = output{}
	if code := Logout(acme, o.env()); code != command.ExitOK || o.err.String() != "Removed the API key of profile acme from the OS keyring.\n" {
		t.Fatalf("logout --profile acme: exit %d: %q", code, o.err.String())
	}
	if key, _, _ := def.Key(); key != secret {
		t.Errorf("logging acme out removed the default profile's key")
	}
	if key, src, _ := acme.Key(); key != "" || src != SourceNone {
		t.Errorf("acme still has a key from %v", src)
	}
}

func TestProfileKeyFile(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	acme := KeySources{Dir: dir, Profile: "acme"}
	if acme.KeyFile() != filepath.Join(dir, "key-acme") || (KeySources{Dir: dir, Profile: "default"}).KeyFile() != filepath.Join(dir, "key") {
		t.Fatalf("key files %s, default's %s", acme.KeyFile(), KeySources{Dir: dir}.KeyFile())
	}
	var o output
	if code := Login(true, acme, accept, o.stdin(strings.NewReader(acmeKey))); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, o.all())
	}
	if !strings.Contains(o.err.String(), "Saved the API key of profile acme in "+acme.KeyFile()) {
		t.Errorf("login said %q", o.err.String())
	}
	if key, _, _ := (KeySources{Dir: dir}).Key(); key != "" {
		t.Errorf("the default profile reads acme's key file")
	}
}

func TestStatusAll(t *testing.T) {
	dir, kr := t.TempDir(), newMemKeyring()
	kr.secrets[KeyringService+"/"+KeyringUser+":acme"] = acmeKey
	unauthorized := &api.Error{Kind: api.KindUnauthorized, Status: http.StatusUnauthorized}
	var checked []string
	check := func(err error) func(string) error {
		return func(key string) error { checked = append(checked, key); return err }
	}
	profiles := []Profile{
		{Name: "acme", BaseURL: "https://api.acme.example", InUse: true, Keys: KeySources{Dir: dir, Keyring: kr, Profile: "acme", Getenv: env(nil)}, Check: check(nil)},
		{Name: "default", BaseURL: "https://api.open.cx", Keys: KeySources{Dir: dir, Keyring: kr}, Check: check(nil)},
		{Name: "beta", BaseURL: "https://api.beta.example", Keys: KeySources{Dir: dir, Keyring: kr, Profile: "beta", Getenv: env(map[string]string{EnvVar: secret})}, Check: check(unauthorized)},
	}
	var o output
	code := StatusAll(profiles, o.env())
	const want = `Profile acme (in use): https://api.acme.example
  Key:   from the OS keyring
  Check: ✔ the API accepted the key

Profile default: https://api.open.cx
  Key:   none stored: run cxi auth login

Profile beta: https://api.beta.example
  Key:   from OPENCX_API_KEY
  Check: ✘ the API rejected the key (HTTP 401 Unauthorized). Check the value of OPENCX_API_KEY, or unset it to use a stored key.
`
	if o.out.String() != want || code != command.ExitUsage {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 2 and:\n%s", code, o.out.String(), want)
	}
	if len(checked) != 2 || checked[0] != acmeKey || checked[1] != secret {
		t.Errorf("checked %d keys", len(checked))
	}
	assertNoKey(t, &o, acmeKey)
}

func TestStatusAllSaysWhichLoginToRun(t *testing.T) {
	kr := newMemKeyring()
	kr.secrets[KeyringService+"/"+KeyringUser+":acme"] = acmeKey
	var o output
	code := StatusAll([]Profile{
		{Name: "default", BaseURL: "https://api.open.cx", InUse: true, Keys: KeySources{Dir: t.TempDir(), Keyring: kr, Getenv: env(nil)}},
		{Name: "acme", BaseURL: "https://api.acme.example", Keys: KeySources{Keyring: kr, Profile: "acme"},
			Check: func(string) error { return &api.Error{Kind: api.KindForbidden, Status: http.StatusForbidden} }},
		{Name: "beta", BaseURL: "https://api.beta.example", Keys: KeySources{Keyring: kr, Profile: "beta"}},
	}, o.env())
	for _, w := range []string{
		"Profile default (in use): https://api.open.cx\n  Key:   none stored: run cxi auth login, or export OPENCX_API_KEY\n",
		"  Check: ✘ the API rejected the key (HTTP 403 Forbidden). Run cxi auth login --profile acme to store a new one.\n",
		"Profile beta: https://api.beta.example\n  Key:   none stored: run cxi auth login --profile beta\n",
	} {
		if !strings.Contains(o.out.String(), w) {
			t.Errorf("stdout lacks %q:\n%s", w, o.out.String())
		}
	}
	if code != command.ExitUsage {
		t.Errorf("exit %d", code)
	}
	assertNoKey(t, &o, acmeKey)
}

// TestRunPassesTheProfile: --profile reaches the settings, before or
// after the subcommand, and status lists every profile when there are.
func TestRunPassesTheProfile(t *testing.T) {
	kr := newMemKeyring()
	for _, args := range [][]string{{"login", "--with-token", "--profile", "acme"}, {"--profile", "acme", "login", "--with-token"}} {
		var asked string
		backend := func(_ command.Env, profile string) (Backend, error) {
			asked = profile
			return Backend{Keys: KeySources{Dir: t.TempDir(), Keyring: kr, Profile: profile}, Check: accept}, nil
		}
		var o output
		env := o.stdin(strings.NewReader(acmeKey))
		if code := command.Execute(context.Background(), NewCommand(env, backend), args, env); code != command.ExitOK || asked != "acme" {
			t.Errorf("%q: exit %d, profile %q: %s", args, code, asked, o.all())
		}
	}
	profiles := []Profile{
		{Name: "default", InUse: true, Keys: KeySources{Keyring: kr}},
		{Name: "acme", Keys: KeySources{Keyring: kr, Profile: "acme"}},
	}
	var o output
	backend := func(command.Env, string) (Backend, error) {
		return Backend{Keys: profiles[0].Keys, Profiles: profiles}, nil
	}
	command.Execute(context.Background(), NewCommand(o.env(), backend), []string{"status"}, o.env())
	if !strings.Contains(o.out.String(), "Profile default (in use)") || !strings.Contains(o.out.String(), "Profile acme:") {
		t.Errorf("status lists:\n%s", o.all())
	}
}
