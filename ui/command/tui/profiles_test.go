package tui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/ui/keys"
)

// TestOptionsOpenEveryProfile: with two profiles, the TUI's options name
// the profile in use (header, confirmations) and open the other on its
// own server with its own key; back to the first, OPENCX_API_KEY is used
// again, as it is that profile's.
func TestOptionsOpenEveryProfile(t *testing.T) {
	def, acme := faketest.Start(t, demo.NewServer()), faketest.Start(t, demo.NewServer())
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "config.toml")
	doc := "base_url = \"" + def + "\"\n\n[profiles.acme]\nbase_url = \"" + acme + "\"\n"
	for path, body := range map[string]string{cfgPath: doc, filepath.Join(dir, "key-acme"): fake.DemoKey + "\n"} {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e := env(map[string]string{"CXI_CONFIG": cfgPath, "CXI_STATE_DIR": t.TempDir(), "OPENCX_API_KEY": fake.DemoKey})
	cfg, err := parse(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	opts, stop, err := Options(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Label != "default" || opts.Acting.Org != "default" || opts.Profiles.Current != "default" || len(opts.Profiles.Names) != 2 || opts.Client.BaseURL() != def {
		t.Fatalf("options: label %q, org %q, profiles %+v, client %s", opts.Label, opts.Acting.Org, opts.Profiles, opts.Client.BaseURL())
	}
	o, err := opts.Profiles.Open("acme")
	if err != nil {
		t.Fatal(err)
	}
	if o.Label != "acme" || o.Acting.Org != "acme" || o.Profiles.Current != "acme" || o.Client.BaseURL() != acme || o.Memory == nil {
		t.Fatalf("acme: label %q, org %q, current %q, client %s, store %v", o.Label, o.Acting.Org, o.Profiles.Current, o.Client.BaseURL(), o.Memory)
	}
	back, err := o.Profiles.Open("default")
	if err != nil || back.Client.BaseURL() != def {
		t.Fatalf("back to default: %v", err)
	}
	// Without the key file, acme has no key: OPENCX_API_KEY is default's.
	if err := os.Remove(filepath.Join(dir, "key-acme")); err != nil {
		t.Fatal(err)
	}
	if _, err := opts.Profiles.Open("acme"); err == nil {
		t.Error("acme opened with the environment's key, which is the default profile's")
	}
}

// TestOneOrganizationNamesNone: without profiles, the header and the
// confirmations read as before, and there is nothing to switch to.
func TestOneOrganizationNamesNone(t *testing.T) {
	e := env(map[string]string{"CXI_STATE_DIR": t.TempDir(), "OPENCX_API_KEY": fake.DemoKey, "OPENCX_BASE_URL": faketest.Start(t, demo.NewServer())})
	cfg, err := parse(nil, e)
	if err != nil {
		t.Fatal(err)
	}
	opts, stop, err := Options(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	if opts.Label != "" || opts.Acting.Org != "" || opts.Profiles.Open != nil {
		t.Errorf("label %q, org %q, profiles %+v", opts.Label, opts.Acting.Org, opts.Profiles)
	}
}
