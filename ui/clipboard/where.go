package clipboard

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// OverSSH reports whether cxi runs in an SSH session, where the native
// clipboard and the browser are the remote machine's. Any of the three
// variables counts: sshd sets SSH_TTY only with a terminal, and which of
// them survive su, sudo or a tmux server started elsewhere varies. Missing
// one would trust the remote clipboard and say "copied" when nothing
// reached the user.
func OverSSH(getenv func(string) string) bool {
	return getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "" || getenv("SSH_CLIENT") != ""
}

// tmuxTimeout bounds the tmux query: a wedged tmux server must not hang
// cxi's start or cxi doctor.
const tmuxTimeout = 2 * time.Second

// TmuxShowOption returns a global tmux option's value, through
// `tmux show-options -gv NAME`: the TUI reads set-clipboard at each copy
// to know whether OSC 52 gets through, and cxi doctor checks it.
func TmuxShowOption(name string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "tmux", "show-options", "-gv", name).Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && len(exit.Stderr) > 0 {
			return "", errors.New(strings.TrimSpace(string(exit.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// TmuxSetClipboard is tmux's set-clipboard now, "" when tmux cannot be
// asked: a Copier's Tmux inside tmux.
func TmuxSetClipboard() string {
	v, err := TmuxShowOption("set-clipboard")
	if err != nil {
		return ""
	}
	return v
}
