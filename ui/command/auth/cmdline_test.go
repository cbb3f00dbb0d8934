package auth

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
)

// backendOf hands over b, counting the calls.
func backendOf(b Backend, calls *int) func(command.Env, string) (Backend, error) {
	return func(command.Env, string) (Backend, error) { *calls++; return b, nil }
}

func TestRun(t *testing.T) {
	kr := newMemKeyring()
	b := Backend{Keys: KeySources{Dir: t.TempDir(), Keyring: kr}, Check: accept}
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		resolved bool   // the backend was asked for
		out      string // in stdout or stderr
	}{
		{"login", []string{"login", "--with-token"}, secret, command.ExitOK, true, "Saved the API key in the OS keyring."},
		{"status", []string{"status"}, "", command.ExitOK, true, "Key:   from the OS keyring"},
		{"logout", []string{"logout"}, "", command.ExitOK, true, "Removed the API key from the OS keyring."},
		{"no subcommand", nil, "", command.ExitUsage, false, "cxi: usage: cxi auth login [--with-token] | status | logout"},
		{"unknown subcommand", []string{"frobnicate"}, "", command.ExitUsage, false, "cxi: usage: cxi auth"},
		{"help", []string{"--help"}, "", command.ExitOK, false, "Usage:\n  auth [flags]\n  auth [command]"},
		{"status help", []string{"status", "-h"}, "", command.ExitOK, false, "Usage:\n  auth status"},
		{"status with an argument", []string{"status", secret}, "", command.ExitUsage, false, "auth status takes no arguments but --profile"},
		{"logout with a flag", []string{"logout", "--" + secret}, "", command.ExitUsage, false, "auth logout takes no arguments but --profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o output
			calls := 0
			env := o.stdin(strings.NewReader(tt.stdin))
			code := command.Execute(context.Background(), NewCommand(env, backendOf(b, &calls)), tt.args, env)
			if code != tt.code || (calls == 1) != tt.resolved || !strings.Contains(o.all(), tt.out) {
				t.Errorf("exit %d, backend asked %d times; want %d, %v, and %q in:\n%s", code, calls, tt.code, tt.resolved, tt.out, o.all())
			}
			assertNoKey(t, &o)
		})
	}
}

func TestRunReportsTheSettings(t *testing.T) {
	var o output
	failing := func(command.Env, string) (Backend, error) {
		return Backend{}, &command.SetupError{Err: errors.New("config.toml:2: unknown key")} // as settings.Resolve says it
	}
	if code := command.Execute(context.Background(), NewCommand(o.env(), failing), []string{"status"}, o.env()); code != command.ExitUsage || o.err.String() != "cxi: config.toml:2: unknown key\n" {
		t.Errorf("exit %d, stderr %q", code, o.err.String())
	}
}
