package doctor

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// TestDoctorChecksEveryProfile: two organizations, each on a fake server
// of its own; the default profile's key is accepted, acme's is refused
// (401). Doctor checks both, each under its name, and names the one that
// failed.
func TestDoctorChecksEveryProfile(t *testing.T) {
	good := httptest.NewServer(demo.NewServer())
	defer good.Close()
	other := httptest.NewServer(demo.NewServer())
	defer other.Close()

	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cfg := write("config.toml", "base_url = \""+good.URL+"\"\n\n[profiles.acme]\nbase_url = \""+other.URL+"\"\n")
	write("key", fake.DemoKey+"\n")
	acmeKey := write("key-acme", "sk_wrong_key_for_acme\n")

	var out bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &out, Now: time.Now, Width: 80,
		Getenv: vars("CXI_CONFIG", cfg, "CXI_STATE_DIR", t.TempDir(), "TERM", "xterm-256color")}
	code := Main(settings.Flags{}, env)
	if code != command.ExitError {
		t.Errorf("exit %d, want 1", code)
	}
	got := out.String()
	for _, want := range []string{
		"Profile default (in use): " + good.URL + "\n" +
			"  ✔ API key found in " + filepath.Join(dir, "key") + "\n" +
			"  ✔ " + good.URL + " answers\n" +
			"  ✔ API key accepted by the API\n",
		"Profile acme: " + other.URL + "\n" +
			"  ✔ API key found in " + acmeKey + "\n" +
			"  ✔ " + other.URL + " answers\n" +
			"  ✘ API key rejected (HTTP 401",
		"      fix: run cxi auth login --profile acme to store a new key\n",
		"Failed: profile acme.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "sk_wrong_key") || strings.Contains(got, fake.DemoKey) {
		t.Errorf("a key is printed:\n%s", got)
	}

	// With acme in use, it comes first, and the default profile is
	// checked with its stored key, not with OPENCX_API_KEY, which is
	// acme's now.
	out.Reset()
	env.Getenv = vars("CXI_CONFIG", cfg, "CXI_STATE_DIR", t.TempDir(), "CXI_PROFILE", "acme", "OPENCX_API_KEY", fake.DemoKey, "TERM", "xterm-256color")
	if code := Main(settings.Flags{}, env); code != command.ExitOK {
		t.Errorf("acme in use with the right key: exit %d:\n%s", code, out.String())
	}
	got = out.String()
	if !strings.HasPrefix(got, "Profile acme (in use): "+other.URL+"\n  ✔ API key found in OPENCX_API_KEY\n") ||
		!strings.Contains(got, "Profile default: "+good.URL+"\n  ✔ API key found in "+filepath.Join(dir, "key")+"\n") {
		t.Errorf("acme in use:\n%s", got)
	}
}

func TestProfileWithoutKey(t *testing.T) {
	in := healthy()
	in.Profile, in.InUse = "default", true
	in.Others = []Inputs{{Profile: "beta", BaseURL: "https://api.beta.example", Reach: ok, Check: ok}}
	out, code := run(t, in)
	for _, want := range []string{
		"Profile beta: https://api.beta.example\n  ✘ No API key stored for profile beta\n      fix: run cxi auth login --profile beta\n  ✔ https://api.beta.example answers\n",
		"Failed: profile beta.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if code != command.ExitError {
		t.Errorf("exit %d", code)
	}
}
