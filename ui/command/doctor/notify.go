package doctor

import (
	"strings"

	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/render"
)

// notifyCheck says whether the nudge's desktop notifications ([watch]
// notify = "osc9" or "osc777") get out of tmux: only wrapped (over_tmux)
// and only with tmux's allow-passthrough on. Outside tmux, and for the
// bell (tmux's own business) or off, there is nothing to check: no line.
func notifyCheck(in Inputs) (result, bool) {
	w := in.Watch
	if in.Getenv("TMUX") == "" || w.Notify == notify.Bell || w.Notify == notify.Off {
		return result{}, false
	}
	const fix = "add `set -g allow-passthrough on` to ~/.tmux.conf, then run `tmux source-file ~/.tmux.conf`"
	mode := w.Notify.String()
	if !w.OverTmux {
		return warning(`set over_tmux = true in [watch] of config.toml, and `+fix,
			"Notifications (%s): off inside tmux, as over_tmux is not set", mode), true
	}
	if in.TmuxOption == nil {
		return failure("run `tmux show-options -gv allow-passthrough`; it should say on", "Notifications (%s): tmux's allow-passthrough was not checked", mode), true
	}
	value, err := in.TmuxOption("allow-passthrough")
	if err != nil {
		return failure("run `tmux show-options -gv allow-passthrough`; it should say on",
			"Notifications (%s): asking tmux for allow-passthrough failed: %s", mode, render.Line(err.Error())), true
	}
	switch value = strings.TrimSpace(value); value {
	case "on", "all":
		return pass("Notifications (%s): through tmux's passthrough (allow-passthrough %s)", mode, value), true
	}
	return failure(fix, "Notifications (%s): tmux's allow-passthrough is %q, so tmux drops them", mode, render.Line(value)), true
}
