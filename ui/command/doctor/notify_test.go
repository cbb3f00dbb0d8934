package doctor

import (
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/notify"
)

// TestNotificationsThroughTmux: inside tmux, an OSC notification needs
// over_tmux and tmux's allow-passthrough; doctor says which is missing.
// Outside tmux, or with the bell, it has nothing to say.
func TestNotificationsThroughTmux(t *testing.T) {
	inTmux := func(w config.Watch, passthrough string, err error) Inputs {
		in := healthy()
		in.Getenv = vars("DISPLAY", ":0", "TERM", "screen-256color", "TMUX", "/tmp/tmux-1000/default,1,0")
		in.TmuxOption = func(name string) (string, error) {
			switch name {
			case "set-clipboard":
				return "on", nil
			case "allow-passthrough":
				return passthrough, err
			}
			return "", errors.New("unexpected option " + name)
		}
		in.Watch = w
		return in
	}
	cases := []struct {
		name string
		in   Inputs
		line string // "" for none
		code int
	}{
		{"outside tmux", func() Inputs { in := healthy(); in.Watch = config.Watch{Notify: notify.OSC9}; return in }(), "", command.ExitOK},
		{"the bell", inTmux(config.Watch{Notify: notify.Bell}, "off", nil), "", command.ExitOK},
		{"not over tmux", inTmux(config.Watch{Notify: notify.OSC9}, "off", nil),
			"! Notifications (osc9): off inside tmux, as over_tmux is not set", command.ExitOK},
		{"passthrough off", inTmux(config.Watch{Notify: notify.OSC777, OverTmux: true}, "off", nil),
			`✘ Notifications (osc777): tmux's allow-passthrough is "off", so tmux drops them`, 1},
		{"passthrough on", inTmux(config.Watch{Notify: notify.OSC9, OverTmux: true}, "on\n", nil),
			"✔ Notifications (osc9): through tmux's passthrough (allow-passthrough on)", command.ExitOK},
		{"tmux does not answer", inTmux(config.Watch{Notify: notify.OSC9, OverTmux: true}, "", errors.New("no server")),
			"✘ Notifications (osc9): asking tmux for allow-passthrough failed: no server", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, code := run(t, c.in)
			if code != c.code {
				t.Errorf("exit %d, want %d:\n%s", code, c.code, out)
			}
			if c.line == "" && strings.Contains(out, "Notifications") || c.line != "" && !strings.Contains(out, c.line+"\n") {
				t.Errorf("output:\n%s\nwant the line %q", out, c.line)
			}
		})
	}
}
