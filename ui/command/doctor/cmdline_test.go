package doctor

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

func TestMainCommandLine(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, nil, 0o600); err != nil { // CXI_CONFIG must name a file
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string // in stdout or stderr
	}{
		{"help", []string{"--help"}, command.ExitOK, "Usage:\n  doctor [--demo] [--base-url URL] [flags]\n"},
		{"an argument", []string{"extra"}, command.ExitUsage, "cxi: unknown command \"extra\" for \"doctor\"\nUsage:\n  doctor"},
		{"an unknown flag", []string{"--frobnicate"}, command.ExitUsage, "cxi: unknown flag: --frobnicate\nUsage:\n  doctor"},
		{"a bad base URL", []string{"--base-url", "ftp://x"}, command.ExitUsage, "must start with https://"},
		{"the checks", []string{"--base-url", "http://127.0.0.1:1"}, command.ExitError, "✘ Cannot reach http://127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			env := command.Env{Stdout: &out, Stderr: &out, Now: time.Now, Width: 80,
				Getenv: vars("CXI_CONFIG", cfg)}
			if code := command.Execute(context.Background(), NewCommand(env), tt.args, env); code != tt.code || !strings.Contains(out.String(), tt.out) {
				t.Errorf("exit %d, want %d and %q in:\n%s", code, tt.code, tt.out, out.String())
			}
		})
	}
}

// TestDemoChecksTheDemoServer: `cxi doctor --demo` checks against the
// built-in demo server that `cxi --demo` uses, needing no key; the
// terminal and copy checks are this machine's, and none of them fails
// here (a missing clipboard tool is a warning). --base-url is left aside,
// as by every command with --demo.
func TestDemoChecksTheDemoServer(t *testing.T) {
	var out bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &out, Now: time.Now, Width: 80, Getenv: vars("TERM", "xterm-256color")}
	code := Main(settings.Flags{Demo: true, BaseURL: "http://127.0.0.1:1"}, env)
	if code != command.ExitOK {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
	for _, want := range []string{
		"✔ API key: none needed with --demo (the built-in demo server has its own)\n",
		"✔ http://127.0.0.1:",
		"✔ API key accepted by the API\n",
		"✔ Rate budget: ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "127.0.0.1:1 ") || strings.Contains(out.String(), "No API key") {
		t.Errorf("checked the real settings:\n%s", out.String())
	}
}
