package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
)

func TestStatus(t *testing.T) {
	unauthorized := &api.Error{Kind: api.KindUnauthorized, Status: http.StatusUnauthorized, Message: "Invalid API key"}
	tests := []struct {
		name  string
		env   map[string]string
		kr    string
		check error
		code  int
		want  []string
	}{
		{"env accepted", map[string]string{EnvVar: secret}, "", nil, command.ExitOK,
			[]string{"Key:   from OPENCX_API_KEY\n", "Check: ✔ the API accepted the key\n"}},
		{"keyring accepted", nil, secret, nil, command.ExitOK,
			[]string{"Key:   from the OS keyring\n", "✔ the API accepted the key"}},
		{"404 is accepted", nil, secret, &api.Error{Kind: api.KindNotFound, Status: 404}, command.ExitOK,
			[]string{"✔ the API accepted the key"}},
		{"env rejected", map[string]string{EnvVar: secret}, "", unauthorized, command.ExitAuth,
			[]string{"Check: ✘ the API rejected the key (HTTP 401 Unauthorized). Check the value of OPENCX_API_KEY, or unset it to use a stored key.\n"}},
		{"keyring rejected", nil, secret, unauthorized, command.ExitAuth,
			[]string{"✘ the API rejected the key (HTTP 401 Unauthorized). Run cxi auth login to store a new one.\n"}},
		{"server down", nil, secret, &api.Error{Kind: api.KindServer, Status: 503}, command.ExitUnavailable,
			[]string{"✘ The OpenCX API failed with HTTP 503.\n"}},
		{"rate limited", nil, secret, &api.Error{Kind: api.KindRateLimited, Status: 429}, command.ExitRateLimited,
			[]string{"✘ The API is rate limiting this key (HTTP 429). Wait a minute.\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kr := newMemKeyring()
			if tt.kr != "" {
				kr.secrets[KeyringService+"/"+KeyringUser] = tt.kr
			}
			store := KeySources{Dir: t.TempDir(), Getenv: env(tt.env), Keyring: kr}
			var o output
			var checked string
			code := Status(store, func(key string) error { checked = key; return tt.check }, o.env())
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, o.all())
			}
			if checked != secret {
				t.Errorf("checked %q", checked)
			}
			for _, w := range tt.want {
				if !strings.Contains(o.out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, o.out.String())
				}
			}
			if strings.Contains(o.all(), "Press r") {
				t.Errorf("TUI advice on the command line: %s", o.all())
			}
			assertNoKey(t, &o)
		})
	}
}

func TestStatusFileSource(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	path := writeKeyFile(t, dir, secret+"\n", 0o600)
	var o output
	if code := Status(KeySources{Dir: dir}, nil, o.env()); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, o.all())
	}
	if o.out.String() != "Key:   from "+path+"\n" {
		t.Fatalf("stdout %q", o.out.String())
	}
	assertNoKey(t, &o)
}

func TestStatusNotLoggedIn(t *testing.T) {
	var o output
	code := Status(KeySources{Dir: t.TempDir(), Getenv: env(nil), Keyring: newMemKeyring()}, func(string) error {
		t.Error("checked without a key")
		return nil
	}, o.env())
	if code != command.ExitUsage || !strings.Contains(o.out.String(), "Not logged in") || !strings.Contains(o.out.String(), "cxi auth login") {
		t.Fatalf("exit %d: %s", code, o.all())
	}
}

func TestStatusRefusesOpenKeyFile(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	path := writeKeyFile(t, dir, secret, 0o644)
	var o output
	code := Status(KeySources{Dir: dir}, accept, o.env())
	if code != command.ExitUsage || !strings.Contains(o.err.String(), "chmod 600 "+path) {
		t.Fatalf("exit %d: %s", code, o.all())
	}
	assertNoKey(t, &o)
}

// TestStatusRefusesAShortEnvironmentKey: a key of a few characters in
// OPENCX_API_KEY is the user's to fix (exit 2), before anything is sent.
func TestStatusRefusesAShortEnvironmentKey(t *testing.T) {
	var o output
	code := Status(KeySources{Dir: t.TempDir(), Getenv: env(map[string]string{EnvVar: "abc"})}, func(string) error {
		t.Error("a short key was checked")
		return nil
	}, o.env())
	const want = "cxi: OPENCX_API_KEY: the key is shorter than 8 characters, too short to be an OpenCX API key\n"
	if code != command.ExitUsage || o.err.String() != want {
		t.Fatalf("exit %d, stderr %q; want 2, %q", code, o.err.String(), want)
	}
}

func TestLogout(t *testing.T) {
	dir := t.TempDir()
	kr := newMemKeyring()
	kr.secrets[KeyringService+"/"+KeyringUser] = secret
	path := writeKeyFile(t, dir, secret, 0o600)
	store := KeySources{Dir: dir, Getenv: env(map[string]string{EnvVar: "env-key-value"}), Keyring: kr}
	var o output
	if code := Logout(store, o.env()); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, o.all())
	}
	for _, want := range []string{
		"Removed the API key from the OS keyring.\n",
		"Removed the API key from " + path + ".\n",
		"OPENCX_API_KEY is still set in your environment",
	} {
		if !strings.Contains(o.err.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, o.err.String())
		}
	}
	assertNoKey(t, &o, "env-key-value")
	if key, src, err := (KeySources{Dir: dir, Keyring: kr}).Key(); key != "" || src != SourceNone || err != nil {
		t.Fatalf("after logout: %v, %v", src, err)
	}

	o = output{}
	if code := Logout(KeySources{Dir: dir, Keyring: kr}, o.env()); code != command.ExitOK || o.err.String() != "No stored API key to remove.\n" {
		t.Fatalf("second logout: exit %d: %q", code, o.all())
	}

	kr.err = errors.New("keyring locked")
	o = output{}
	if code := Logout(KeySources{Dir: dir, Keyring: kr}, o.env()); code != command.ExitError || !strings.Contains(o.err.String(), "keyring locked") {
		t.Fatalf("logout with a failing keyring: exit %d: %q", code, o.all())
	}
}

func TestVerifyAgainstFakeServer(t *testing.T) {
	srv := httptest.NewServer(demo.NewServer())
	defer srv.Close()
	good, err := api.New(srv.URL, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(context.Background(), good); err != nil {
		t.Fatalf("Verify with the demo key = %v", err)
	}
	bad, _ := api.New(srv.URL, "wrong-key")
	if err := Verify(context.Background(), bad); api.KindOf(err) != api.KindUnauthorized {
		t.Fatalf("Verify with a wrong key = %v", err)
	}
}

func TestSentenceDropsTUIAdvice(t *testing.T) {
	for _, err := range []error{
		&api.Error{Kind: api.KindServer, Status: 500},
		&api.Error{Kind: api.KindRateLimited, Status: 429},
		&api.Error{Kind: api.KindTimeout, BaseURL: "https://api.open.cx", Err: errors.New("15s")},
		&api.Error{Kind: api.KindNotJSON, Status: 502, BaseURL: "https://api.open.cx"},
		&api.Error{Kind: api.KindHTTP, Status: 418, BaseURL: "https://api.open.cx"},
	} {
		s := Sentence(err)
		if strings.Contains(strings.ToLower(s), "press r") || !strings.HasSuffix(s, ".") {
			t.Errorf("Sentence(%v) = %q", err, s)
		}
	}
}
