package auth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

func notTerminal(int) bool { return false }
func terminal(int) bool    { return true }

// noPrompt fails a test that reaches the terminal prompt.
func noPrompt(t *testing.T) func(int, io.Writer) ([]byte, error) {
	return func(int, io.Writer) ([]byte, error) {
		t.Error("the terminal was read")
		return nil, errors.New("no terminal")
	}
}

func accept(string) error { return nil }

func TestLoginWithToken(t *testing.T) {
	for name, input := range map[string]string{
		"line":       secret + "\n",
		"crlf":       secret + "\r\n",
		"no newline": secret,
		"padded":     "  " + secret + "  \n\n",
	} {
		t.Run(name, func(t *testing.T) {
			kr := newMemKeyring()
			store := KeySources{Dir: t.TempDir(), Getenv: env(nil), Keyring: kr}
			var o output
			var checked string
			check := func(key string) error { checked = key; return nil }
			code := login(true, strings.NewReader(input), 0, notTerminal, noPrompt(t), store, check, o.env())
			if code != command.ExitOK {
				t.Fatalf("exit %d: %s", code, o.all())
			}
			if checked != secret || kr.stored() != secret {
				t.Fatalf("checked %q, stored %q", checked, kr.stored())
			}
			if !strings.Contains(o.err.String(), "Saved the API key in the OS keyring.") {
				t.Errorf("no confirmation: %q", o.all())
			}
			assertNoKey(t, &o)
		})
	}
}

func TestLoginWithTokenToFile(t *testing.T) {
	skipOnWindows(t)
	store := KeySources{Dir: t.TempDir(), Getenv: env(map[string]string{EnvVar: "other-key-from-env"})}
	var o output
	code := Login(true, store, nil, o.stdin(strings.NewReader(secret+"\n")))
	if code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, o.all())
	}
	info, err := os.Stat(store.KeyFile())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v", info, err)
	}
	for _, want := range []string{"Saved the API key in " + store.KeyFile(), "OPENCX_API_KEY is set and is used instead"} {
		if !strings.Contains(o.err.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, o.err.String())
		}
	}
	assertNoKey(t, &o, "other-key-from-env")
}

func TestLoginRefusesNonTerminalStdin(t *testing.T) {
	store := KeySources{Dir: t.TempDir()}
	var o output
	code := login(false, strings.NewReader(secret+"\n"), 0, notTerminal, noPrompt(t), store, accept, o.env())
	if code != command.ExitUsage {
		t.Fatalf("exit %d, want %d", code, command.ExitUsage)
	}
	if !strings.Contains(o.err.String(), "--with-token") {
		t.Errorf("no hint at --with-token: %q", o.err.String())
	}
	if _, err := os.Stat(store.KeyFile()); !os.IsNotExist(err) {
		t.Fatal("a key was saved")
	}
	assertNoKey(t, &o)
}

func TestLoginRejectsBadKeys(t *testing.T) {
	for name, input := range map[string]string{
		"empty":      "",
		"blank":      " \n\n",
		"multi-line": secret + "\nsecond line\n",
		"bearer":     "Bearer " + secret,
		"escape":     secret + "\x1b]52;c;aGk=\a",
		"short":      "abc1234", // would blank out words wherever errors redact it
	} {
		t.Run(name, func(t *testing.T) {
			kr := newMemKeyring()
			store := KeySources{Dir: t.TempDir(), Keyring: kr}
			var o output
			checked := false
			check := func(string) error { checked = true; return nil }
			code := login(true, strings.NewReader(input), 0, notTerminal, noPrompt(t), store, check, o.env())
			if code != command.ExitUsage {
				t.Fatalf("exit %d, want %d: %s", code, command.ExitUsage, o.all())
			}
			if checked || kr.stored() != "" {
				t.Fatal("a bad key was checked or saved")
			}
			if !strings.Contains(o.err.String(), "nothing was saved") {
				t.Errorf("stderr: %q", o.err.String())
			}
			assertNoKey(t, &o)
		})
	}
}

func TestLoginNeverEchoesArguments(t *testing.T) {
	never := func(command.Env, string) (Backend, error) {
		t.Error("the settings were asked for a mistaken command line")
		return Backend{}, nil
	}
	for _, args := range [][]string{
		{"login", secret},
		{"login", "--token=" + secret},
		{"login", "--" + secret},
		{"login", "-" + secret},
		{secret},
	} {
		var o output
		code := command.Execute(context.Background(), NewCommand(o.env(), never), args, o.env())
		if code != command.ExitUsage {
			t.Fatalf("%d args: exit %d", len(args), code)
		}
		assertNoKey(t, &o)
	}
}

func TestLoginHelp(t *testing.T) {
	var o output
	if code := command.Execute(context.Background(), NewCommand(o.env(), nil), []string{"login", "--help"}, o.env()); code != command.ExitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(o.out.String(), "Usage:\n  auth login [--with-token]") || !strings.Contains(o.out.String(), "--with-token   read the key from stdin") {
		t.Fatalf("stdout: %q", o.out.String())
	}
}

func TestLoginFromTerminal(t *testing.T) {
	kr := newMemKeyring()
	store := KeySources{Dir: t.TempDir(), Keyring: kr}
	var o output
	read := func(fd int, _ io.Writer) ([]byte, error) {
		if fd != 7 {
			t.Errorf("read fd %d, want 7", fd)
		}
		return []byte(secret), nil
	}
	code := login(false, strings.NewReader("not this"), 7, func(fd int) bool { return fd == 7 }, read, store, accept, o.env())
	if code != command.ExitOK || kr.stored() != secret {
		t.Fatalf("exit %d, stored %q: %s", code, kr.stored(), o.all())
	}
	if !strings.Contains(o.err.String(), "(input hidden)") {
		t.Errorf("no prompt: %q", o.err.String())
	}
	assertNoKey(t, &o)

	// ctrl-c at the prompt saves nothing.
	kr = newMemKeyring()
	store.Keyring = kr
	o = output{}
	interrupted := func(int, io.Writer) ([]byte, error) { return nil, errInterrupted }
	if code := login(false, nil, 7, terminal, interrupted, store, accept, o.env()); code != command.ExitError || kr.stored() != "" {
		t.Fatalf("interrupted login: exit %d, stored %q", code, kr.stored())
	}
}

func TestLoginCheck(t *testing.T) {
	rejected := &api.Error{Kind: api.KindUnauthorized, Op: "get session 00000000", Status: http.StatusUnauthorized, Message: "Invalid API key"}
	offline := &api.Error{Kind: api.KindUnreachable, Op: "get session 00000000", BaseURL: "https://api.open.cx", Err: errors.New("dial tcp: lookup api.open.cx: no such host")}
	notFound := &api.Error{Kind: api.KindNotFound, Status: http.StatusNotFound}

	tests := []struct {
		name   string
		err    error
		code   int
		saved  bool
		stderr string
	}{
		{"rejected", rejected, command.ExitAuth, false, "the API rejected this key (HTTP 401 Unauthorized); nothing was saved"},
		{"forbidden", &api.Error{Kind: api.KindForbidden, Status: 403}, command.ExitAuth, false, "HTTP 403 Forbidden"},
		{"offline", offline, command.ExitOK, true, "could not check the key: Cannot reach https://api.open.cx"},
		{"404 is accepted", notFound, command.ExitOK, true, "Saved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kr := newMemKeyring()
			var o output
			code := Login(true, KeySources{Keyring: kr}, func(string) error { return tt.err }, o.stdin(strings.NewReader(secret)))
			if code != tt.code || (kr.stored() != "") != tt.saved {
				t.Fatalf("exit %d, stored %q; want %d, saved %v: %s", code, kr.stored(), tt.code, tt.saved, o.all())
			}
			if !strings.Contains(o.err.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, o.err.String())
			}
			if strings.Contains(o.all(), "Press r") {
				t.Errorf("TUI advice on the command line: %s", o.all())
			}
			assertNoKey(t, &o)
		})
	}
}

func TestLoginCheckErrorNeverShowsKey(t *testing.T) {
	// Should an error ever quote the key, it is redacted.
	leaky := errors.New("bad header: Bearer " + secret)
	var o output
	Login(true, KeySources{Keyring: newMemKeyring()}, func(string) error { return leaky }, o.stdin(strings.NewReader(secret)))
	assertNoKey(t, &o)
}
