package settings

import (
	"errors"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
)

// deadKeyring is a keyring that never answers in time.
type deadKeyring struct{}

func (deadKeyring) Get(string, string) (string, error) { return "", auth.ErrKeyringTimeout }
func (deadKeyring) Set(string, string, string) error   { return auth.ErrKeyringTimeout }
func (deadKeyring) Delete(string, string) error        { return auth.ErrKeyringTimeout }

// TestSettingsErrorsCarryTheirExitCodes: what the user must fix (the config
// file, no key, a key of the wrong shape, the base URL) exits 2 by its own
// error, so that no command has to force the code; a keyring that does not
// answer is no mistake of the user's and exits 1, in every command alike
// (it was 2 in get, close, handover and the TUI, and 1 in cxi auth status).
func TestSettingsErrorsCarryTheirExitCodes(t *testing.T) {
	bad := writePrivate(t, t.TempDir(), "config.toml", "[queue]\nrefersh = true\n")
	if _, err := Resolve(Flags{}, envWith(t, map[string]string{EnvConfig: bad})); command.ExitCode(err) != command.ExitUsage {
		t.Errorf("a bad config file: %v, exit %d", err, command.ExitCode(err))
	}
	for _, tt := range []struct {
		name  string
		flags Flags
		vars  map[string]string
	}{
		{"no key", Flags{}, nil},
		{"a short key", Flags{}, map[string]string{"OPENCX_API_KEY": "abc"}},
		{"a bad base URL", Flags{BaseURL: "ftp://x"}, map[string]string{"OPENCX_API_KEY": "a-test-key"}},
	} {
		s, err := Resolve(tt.flags, envWith(t, tt.vars))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Key(); err == nil || command.ExitCode(err) != command.ExitUsage {
			t.Errorf("%s: %v, exit %d; want 2", tt.name, err, command.ExitCode(err))
		}
	}
	s := Settings{BaseURL: api.DefaultBaseURL, Keys: auth.KeySources{Getenv: func(string) string { return "" }, Keyring: deadKeyring{}}}
	if _, err := s.Key(); !errors.Is(err, auth.ErrKeyringTimeout) || command.ExitCode(err) != command.ExitError {
		t.Errorf("a dead keyring: %v, exit %d; want 1", err, command.ExitCode(err))
	}
}
