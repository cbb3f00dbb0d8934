package doctor

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/auth"
)

func ok(context.Context) error { return nil }

// tools is a LookPath that finds only the names given.
func tools(names ...string) func(string) (string, error) {
	return func(name string) (string, error) {
		for _, n := range names {
			if n == name {
				return "/usr/bin/" + name, nil
			}
		}
		return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
	}
}

func vars(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(name string) string { return m[name] }
}

// healthy is a local Linux desktop where everything works.
func healthy() Inputs {
	return Inputs{
		KeySource:    auth.SourceKeyring,
		HasKey:       true,
		BaseURL:      "https://api.open.cx",
		Check:        ok,
		Reach:        ok,
		Budget:       func() int { return 99 },
		ColorProfile: "TrueColor",
		LookPath:     tools("xclip"),
		GOOS:         "linux",
		Getenv:       vars("DISPLAY", ":0", "TERM", "xterm-256color"),
		TmuxOption: func(string) (string, error) {
			return "", errors.New("tmux asked outside tmux")
		},
	}
}

func run(t *testing.T, in Inputs) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), in, command.Env{Stdout: &out, Stderr: &errb, Now: time.Now, Width: 80})
	if errb.Len() != 0 {
		t.Errorf("stderr: %q", errb.String())
	}
	return out.String(), code
}

func TestAllPass(t *testing.T) {
	out, code := run(t, healthy())
	want := `✔ API key found in the OS keyring
✔ https://api.open.cx answers
✔ API key accepted by the API
· Writes: cannot tell whether this key may close, reopen or redact (the API has no way to ask without writing)
✔ Rate budget: 99 of 100 requests left this minute
✔ Terminal colours: TrueColor (24-bit)
✔ Native clipboard: xclip
✔ Not over SSH: the native clipboard is this computer's
✔ Not in tmux: OSC 52 goes straight to the terminal
All 8 checks passed.
`
	if code != command.ExitOK || out != want {
		t.Fatalf("exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}
}

func TestWritesReadOnly(t *testing.T) {
	in := healthy()
	in.ReadOnlyBy = "CXI_READ_ONLY=1"
	out, code := run(t, in)
	if code != command.ExitOK || !strings.Contains(out, "\n· Writes: off, read-only (CXI_READ_ONLY=1)\n") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestKeyWhere(t *testing.T) {
	in := healthy()
	in.KeySource, in.KeyWhere = auth.SourceFile, "/home/u/.config/cxi/key"
	if out, _ := run(t, in); !strings.Contains(out, "✔ API key found in /home/u/.config/cxi/key\n") {
		t.Fatalf("output:\n%s", out)
	}
	in.KeySource, in.KeyWhere = auth.SourceEnv, ""
	if out, _ := run(t, in); !strings.Contains(out, "✔ API key found in OPENCX_API_KEY\n") {
		t.Fatalf("output:\n%s", out)
	}
}

// failing is a check expected to fail: its line and its fix.
type failing struct {
	name   string
	modify func(*Inputs)
	line   string
	fix    string
	absent string // a line that must not be printed
}

func unauthorized() error {
	return &api.Error{Kind: api.KindUnauthorized, Op: "get session 00000000", Status: 401, Message: "Invalid API key", BaseURL: "https://api.open.cx"}
}

func TestFailures(t *testing.T) {
	tests := []failing{
		{name: "no key",
			modify: func(in *Inputs) {
				in.HasKey, in.KeySource = false, auth.SourceNone
				in.Check = func(context.Context) error { return errors.New("checked without a key") }
			},
			line: "✘ No API key: OPENCX_API_KEY is not set and none is stored", fix: "run cxi auth login, or export OPENCX_API_KEY",
			absent: "API key accepted"},
		{name: "key file open to others",
			modify: func(in *Inputs) {
				in.HasKey, in.KeySource = false, auth.SourceFile
				in.KeyErr = &auth.PermissionError{Path: "/home/u/.config/cxi/key", Mode: 0o644}
			},
			line: "✘ API key file /home/u/.config/cxi/key is open to other users (mode 0644), so it is not used", fix: "chmod 600 /home/u/.config/cxi/key"},
		{name: "keyring hangs",
			modify: func(in *Inputs) {
				in.HasKey, in.KeySource = false, auth.SourceNone
				in.KeyErr = fmt.Errorf("no key file, and %w", auth.ErrKeyringTimeout)
			},
			line: "✘ API key: the OS keyring did not answer within 3s", fix: "unlock the OS keyring, or export OPENCX_API_KEY"},
		{name: "no such host",
			modify: func(in *Inputs) {
				in.BaseURL = "https://api.opencx.invalid"
				in.Reach = func(context.Context) error {
					return &url.Error{Op: "Get", URL: in.BaseURL, Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "api.opencx.invalid", IsNotFound: true}}}
				}
				in.Check = func(context.Context) error { return errors.New("checked an unreachable API") }
			},
			line: "✘ Cannot reach https://api.opencx.invalid: no such host", fix: "check the host name in OPENCX_BASE_URL or --base-url, and your DNS",
			absent: "API key accepted"},
		{name: "connection refused",
			modify: func(in *Inputs) {
				in.Reach = func(context.Context) error {
					return &url.Error{Op: "Get", URL: in.BaseURL, Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}
				}
			},
			line: "✘ Cannot reach https://api.open.cx: dial tcp 127.0.0.1:1: connect: connection refused", fix: fixNetwork},
		{name: "reach times out",
			modify: func(in *Inputs) {
				in.Reach = func(context.Context) error {
					return &url.Error{Op: "Get", URL: in.BaseURL, Err: context.DeadlineExceeded}
				}
			},
			line: "✘ https://api.open.cx did not answer within 10s", fix: fixNetwork},
		{name: "TLS intercepted",
			modify: func(in *Inputs) {
				in.Reach = func(context.Context) error {
					return &url.Error{Op: "Get", URL: in.BaseURL, Err: x509.UnknownAuthorityError{}}
				}
			},
			line: "✘ Cannot reach https://api.open.cx: its TLS certificate is not trusted", fix: "HTTPS_PROXY"},
		{name: "env key rejected",
			modify: func(in *Inputs) {
				in.KeySource = auth.SourceEnv
				in.Check = func(context.Context) error { return unauthorized() }
			},
			line: "✘ API key rejected (HTTP 401: Invalid API key)", fix: "check OPENCX_API_KEY (unset it to use a stored key), or run cxi auth login"},
		{name: "stored key forbidden",
			modify: func(in *Inputs) {
				in.Check = func(context.Context) error { return &api.Error{Kind: api.KindForbidden, Status: 403} }
			},
			line: "✘ API key rejected (HTTP 403)", fix: "run cxi auth login to store a new key"},
		{name: "rate limited",
			modify: func(in *Inputs) {
				in.Check = func(context.Context) error { return &api.Error{Kind: api.KindRateLimited, Status: 429} }
			},
			line: "✘ API key not checked: The API is rate limiting this key (HTTP 429). Wait a minute.", fix: "wait a minute, then run cxi doctor again"},
		{name: "server failing",
			modify: func(in *Inputs) {
				in.Check = func(context.Context) error { return &api.Error{Kind: api.KindServer, Status: 503} }
			},
			line: "✘ API key not checked: The OpenCX API failed with HTTP 503.", fix: "try again later"},
		{name: "gateway page",
			modify: func(in *Inputs) {
				in.Check = func(context.Context) error {
					return &api.Error{Kind: api.KindNotJSON, Status: 502, BaseURL: "https://api.open.cx", Excerpt: "502 Bad Gateway"}
				}
			},
			line: "✘ API key not checked: HTTP 502 from a gateway or proxy in front of https://api.open.cx, not an API answer.", fix: "try again later"},
		{name: "budget spent",
			modify: func(in *Inputs) { in.Budget = func() int { return 0 } },
			line:   "✘ Rate budget: none of 100 requests left this minute", fix: "wait a minute"},
		{name: "TERM=dumb",
			modify: func(in *Inputs) { in.ColorProfile, in.Getenv = "Ascii", vars("DISPLAY", ":0", "TERM", "dumb") },
			line:   "✘ Terminal colours: none (TERM=dumb)", fix: "set TERM to your terminal's type"},
		{name: "TERM unset",
			modify: func(in *Inputs) { in.ColorProfile, in.Getenv = "Ascii", vars("DISPLAY", ":0") },
			line:   "✘ Terminal colours: none (TERM is not set)", fix: "xterm-256color"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := healthy()
			tt.modify(&in)
			out, code := run(t, in)
			if code != command.ExitError {
				t.Errorf("exit %d, want %d", code, command.ExitError)
			}
			assertFailure(t, out, tt.line, tt.fix)
			if tt.absent != "" && strings.Contains(out, tt.absent) {
				t.Errorf("output has %q:\n%s", tt.absent, out)
			}
			if !strings.Contains(out, "1 of ") || !strings.Contains(out, " checks failed.\n") {
				t.Errorf("want exactly one failure:\n%s", out)
			}
			if strings.Contains(strings.ToLower(out), "press r") {
				t.Errorf("TUI advice in doctor:\n%s", out)
			}
		})
	}
}

// TestANativeClipboardThatCannotCopyIsAWarning: no native tool, or one
// without a screen, is a warning (!), not a failure, while nothing is
// known to stop OSC 52: cxi's copies still go that way. (Issue 10 point
// 15: these four were failures.)
func TestANativeClipboardThatCannotCopyIsAWarning(t *testing.T) {
	const osc52 = "; copies go by OSC 52 alone, if your terminal allows it"
	tests := []failing{
		{name: "no clipboard tool on Linux",
			modify: func(in *Inputs) { in.LookPath = tools() },
			line:   "! Native clipboard: no xclip, xsel or wl-copy found" + osc52, fix: "install xclip or xsel (X11), or rely on OSC 52"},
		{name: "no clipboard tool on Wayland",
			modify: func(in *Inputs) {
				in.LookPath = tools()
				in.Getenv = vars("WAYLAND_DISPLAY", "wayland-0", "TERM", "xterm")
			},
			line: "! Native clipboard: no xclip, xsel or wl-copy found" + osc52, fix: "install wl-clipboard (Wayland) or xclip, or rely on OSC 52"},
		{name: "xclip without a display",
			modify: func(in *Inputs) { in.Getenv = vars("TERM", "xterm-256color") },
			line:   "! Native clipboard: xclip is installed, but DISPLAY is not set: it has no screen to copy to" + osc52, fix: "run cxi in a desktop session (where DISPLAY is set), or rely on OSC 52"},
		{name: "no pbcopy on macOS",
			modify: func(in *Inputs) { in.GOOS, in.LookPath = "darwin", tools() },
			line:   "! Native clipboard: pbcopy not found" + osc52, fix: "PATH"},
		{name: "in tmux that lets OSC 52 through",
			modify: func(in *Inputs) {
				in.LookPath = tools()
				in.Getenv = vars("TMUX", "/tmp/tmux-1000/default,1234,0", "TERM", "tmux-256color")
				in.TmuxOption = func(string) (string, error) { return "on", nil }
			},
			line: "! Native clipboard: no xclip, xsel or wl-copy found" + osc52, fix: "install xclip or xsel (X11), or rely on OSC 52"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := healthy()
			tt.modify(&in)
			out, code := run(t, in)
			if code != command.ExitOK || !strings.HasSuffix(out, "\n7 of 8 checks passed; 1 warning, no failure.\n") {
				t.Errorf("exit %d, want 0 and one warning:\n%s", code, out)
			}
			assertFailure(t, out, tt.line, tt.fix)
		})
	}
}

// TestNoClipboardAtAllIsAFailure: with no native tool and a tmux that
// drops OSC 52, nothing copies: both are failures.
func TestNoClipboardAtAllIsAFailure(t *testing.T) {
	in := healthy()
	in.LookPath = tools()
	in.Getenv = vars("TMUX", "/tmp/tmux-1000/default,1234,0", "TERM", "tmux-256color")
	in.TmuxOption = func(string) (string, error) { return "external", nil }
	out, code := run(t, in)
	if code != command.ExitError || !strings.HasSuffix(out, "\n2 of 8 checks failed.\n") {
		t.Errorf("exit %d, want 1 and two failures:\n%s", code, out)
	}
	assertFailure(t, out, "✘ Native clipboard: no xclip, xsel or wl-copy found", "install xclip or xsel (X11)")
	if strings.Contains(out, "OSC 52 alone") {
		t.Errorf("OSC 52 is offered where tmux drops it:\n%s", out)
	}
	assertFailure(t, out, "✘ tmux: set-clipboard external, so programs in tmux cannot set the clipboard; cxi's copies reach no clipboard", "set-clipboard on")
}

// TestSummaryCounts: the last line's counts agree with their nouns.
func TestSummaryCounts(t *testing.T) {
	for _, tt := range []struct {
		checks, failed, warned int
		want                   string
	}{
		{8, 0, 0, "All 8 checks passed."},
		{8, 0, 2, "6 of 8 checks passed; 2 warnings, no failure."},
		{8, 1, 0, "1 of 8 checks failed."},
		{8, 2, 1, "2 of 8 checks failed; 1 warning."},
	} {
		if got := summary(tt.checks, tt.failed, tt.warned); got != tt.want {
			t.Errorf("summary(%d, %d, %d) = %q, want %q", tt.checks, tt.failed, tt.warned, got, tt.want)
		}
	}
}

// assertFailure finds the ✘ (or !) line starting with line, and the fix
// under it.
func assertFailure(t *testing.T, out, line, fix string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, line) {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "    fix: ") || !strings.Contains(lines[i+1], fix) {
			t.Fatalf("no fix line with %q under %q:\n%s", fix, l, out)
		}
		return
	}
	t.Fatalf("no line %q in:\n%s", line, out)
}

func TestNotFoundMeansAccepted(t *testing.T) {
	in := healthy()
	in.Check = func(context.Context) error { return &api.Error{Kind: api.KindNotFound, Status: 404} }
	out, code := run(t, in)
	if code != command.ExitOK || !strings.Contains(out, "✔ API key accepted by the API\n") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestChecksGetADeadline(t *testing.T) {
	in := healthy()
	deadline := func(ctx context.Context) error {
		if _, ok := ctx.Deadline(); !ok {
			return errors.New("no deadline")
		}
		return nil
	}
	in.Reach, in.Check = deadline, deadline
	if out, code := run(t, in); code != command.ExitOK {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestColourProfiles(t *testing.T) {
	// The profiles by termenv's own names, which Main passes on.
	for _, tt := range []struct{ profile, env, want string }{
		{termenv.TrueColor.Name(), "", "✔ Terminal colours: TrueColor (24-bit)\n"},
		{termenv.ANSI256.Name(), "", "✔ Terminal colours: ANSI256 (256 colours)\n"},
		{termenv.ANSI.Name(), "", "✔ Terminal colours: ANSI (16 colours)\n"},
		{termenv.Ascii.Name(), "NO_COLOR", "✔ Terminal colours: none, as NO_COLOR asks\n"},
		{termenv.Ascii.Name(), "", "✔ Terminal colours: none (output is not a terminal)\n"},
	} {
		in := healthy()
		in.ColorProfile = tt.profile
		in.Getenv = vars("DISPLAY", ":0", "TERM", "xterm-256color", tt.env, "1")
		out, code := run(t, in)
		if code != command.ExitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%s %s: exit %d:\n%s", tt.profile, tt.env, code, out)
		}
	}
	in := healthy()
	in.ColorProfile = ""
	if out, _ := run(t, in); strings.Contains(out, "Terminal colours") || !strings.Contains(out, "All 7 checks passed.") {
		t.Errorf("an unknown profile is skipped:\n%s", out)
	}
}

func TestNativeClipboardByOS(t *testing.T) {
	for _, tt := range []struct {
		goos  string
		tools []string
		env   []string
		want  string
	}{
		{"darwin", []string{"pbcopy"}, nil, "✔ Native clipboard: pbcopy\n"},
		{"windows", nil, nil, "✔ Native clipboard: the Windows clipboard\n"},
		{"linux", []string{"xsel"}, []string{"DISPLAY", ":1"}, "✔ Native clipboard: xsel\n"},
		{"linux", []string{"wl-copy", "wl-paste", "xclip"}, []string{"WAYLAND_DISPLAY", "wayland-0"}, "✔ Native clipboard: wl-copy\n"},
		// wl-copy without wl-paste: atotto falls back to xclip, which needs X.
		{"linux", []string{"wl-copy", "xclip"}, []string{"WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"}, "✔ Native clipboard: xclip\n"},
		{"linux", []string{"clip.exe", "powershell.exe"}, nil, "✔ Native clipboard: clip.exe\n"},
	} {
		in := healthy()
		in.GOOS, in.LookPath = tt.goos, tools(tt.tools...)
		in.Getenv = vars(append([]string{"TERM", "xterm-256color"}, tt.env...)...)
		out, code := run(t, in)
		if code != command.ExitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%s %v: exit %d:\n%s", tt.goos, tt.tools, code, out)
		}
	}
}

func TestOverSSH(t *testing.T) {
	for _, toolset := range [][]string{nil, {"xclip"}} {
		in := healthy()
		in.LookPath = tools(toolset...)
		in.Getenv = vars("SSH_CONNECTION", "10.0.0.2 50022 10.0.0.1 22", "TERM", "xterm-256color")
		out, code := run(t, in)
		if code != command.ExitOK {
			t.Fatalf("over SSH with %v: exit %d:\n%s", toolset, code, out)
		}
		if !strings.Contains(out, "✔ Over SSH: copies reach your computer only by OSC 52, if your terminal allows it\n") {
			t.Errorf("no SSH line:\n%s", out)
		}
		wantNative := "✔ Native clipboard: none, not needed over SSH; OSC 52 is the path\n"
		if toolset != nil {
			wantNative = "✔ Native clipboard: xclip, but over SSH that is the remote machine's; OSC 52 is the path\n"
		}
		if !strings.Contains(out, wantNative) {
			t.Errorf("native line: want %q in\n%s", wantNative, out)
		}
	}
	in := healthy()
	in.Getenv = vars("SSH_TTY", "/dev/pts/3", "DISPLAY", ":0", "TERM", "xterm")
	if out, _ := run(t, in); !strings.Contains(out, "✔ Over SSH") {
		t.Errorf("SSH_TTY alone is SSH:\n%s", out)
	}
}

func TestTmux(t *testing.T) {
	const fix = "add `set -g set-clipboard on` to ~/.tmux.conf, then run `tmux source-file ~/.tmux.conf`"
	tmuxEnv := []string{"TMUX", "/tmp/tmux-1000/default,1234,0", "TERM", "tmux-256color", "DISPLAY", ":0"}
	tests := []struct {
		name  string
		value string
		err   error
		env   []string
		ok    bool
		line  string
		fix   string
	}{
		{name: "on", value: "on\n", ok: true,
			line: "✔ tmux: set-clipboard on, so OSC 52 reaches tmux's buffer and your terminal"},
		{name: "external with xclip", value: "external",
			line: "✘ tmux: set-clipboard external, so programs in tmux cannot set the clipboard; only xclip copies", fix: fix},
		{name: "external over SSH", value: "external", env: []string{"SSH_CONNECTION", "10.0.0.2 50022 10.0.0.1 22"},
			line: "✘ tmux: set-clipboard external, so programs in tmux cannot set the clipboard; cxi's copies reach no clipboard", fix: fix},
		{name: "off", value: "off",
			line: "✘ tmux: set-clipboard off, so tmux drops OSC 52; only xclip copies", fix: fix},
		{name: "tmux fails", err: errors.New("no server running on /tmp/tmux-1000/default"),
			line: "✘ tmux: asking for set-clipboard failed: no server running on /tmp/tmux-1000/default", fix: "tmux show-options -gv set-clipboard"},
		{name: "hostile value", value: "\x1b]52;c;aGk=\x07weird",
			line: "✘ tmux: set-clipboard is \"weird\", not on", fix: fix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := healthy()
			in.Getenv = vars(append(append([]string{}, tmuxEnv...), tt.env...)...)
			var asked string
			in.TmuxOption = func(name string) (string, error) { asked = name; return tt.value, tt.err }
			out, code := run(t, in)
			if asked != "set-clipboard" {
				t.Errorf("asked tmux for %q", asked)
			}
			if tt.ok {
				if code != command.ExitOK || !strings.Contains(out, tt.line+"\n") {
					t.Fatalf("exit %d:\n%s", code, out)
				}
				return
			}
			if code != command.ExitError {
				t.Errorf("exit %d", code)
			}
			assertFailure(t, out, tt.line, tt.fix)
			if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\a') {
				t.Errorf("control characters in output: %q", out)
			}
		})
	}
}

func TestHostileBaseURLIsSanitized(t *testing.T) {
	in := healthy()
	in.BaseURL = "https://api.open.cx\x1b[2J\u202e"
	out, _ := run(t, in)
	if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\u202e') {
		t.Fatalf("escape in output: %q", out)
	}
}

func TestNilProbesAreSkipped(t *testing.T) {
	out, code := run(t, Inputs{HasKey: true, KeySource: auth.SourceEnv, GOOS: "windows"})
	want := `✔ API key found in OPENCX_API_KEY
✔ Native clipboard: the Windows clipboard
✔ Not over SSH: the native clipboard is this computer's
✔ Not in tmux: OSC 52 goes straight to the terminal
All 4 checks passed.
`
	if code != command.ExitOK || out != want {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}
