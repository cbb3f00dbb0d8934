package doctor

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// copyPaths is what decides where a copy from cxi lands: the native
// clipboard tool (atotto/clipboard runs it) and OSC 52, which the terminal
// — through tmux, if any — turns into a clipboard write on the user's own
// machine.
type copyPaths struct {
	ssh      bool
	tmux     bool
	tool     string // the native tool atotto/clipboard would run, "" if none
	needs    string // the display variable the tool needs, "" if none
	noScreen bool   // the tool needs a display that is not set
}

// nativeTool mirrors atotto/clipboard's choice: wl-copy under Wayland,
// then xclip, xsel, Termux, and clip.exe under WSL.
func nativeTool(in Inputs) (tool, needs string) {
	has := func(name string) bool {
		if in.LookPath == nil {
			return false
		}
		_, err := in.LookPath(name)
		return err == nil
	}
	switch in.GOOS {
	case "windows":
		return "the Windows clipboard", ""
	case "darwin":
		if has("pbcopy") {
			return "pbcopy", ""
		}
		return "", ""
	case "plan9":
		return "/dev/snarf", ""
	}
	if in.Getenv("WAYLAND_DISPLAY") != "" && has("wl-copy") && has("wl-paste") {
		return "wl-copy", "WAYLAND_DISPLAY"
	}
	for _, t := range []string{"xclip", "xsel"} {
		if has(t) {
			return t, "DISPLAY"
		}
	}
	if has("termux-clipboard-set") {
		return "termux-clipboard-set", ""
	}
	if has("clip.exe") && has("powershell.exe") {
		return "clip.exe", ""
	}
	return "", ""
}

func detectCopyPaths(in Inputs) copyPaths {
	p := copyPaths{
		ssh:  in.Getenv("SSH_CONNECTION") != "" || in.Getenv("SSH_TTY") != "" || in.Getenv("SSH_CLIENT") != "",
		tmux: in.Getenv("TMUX") != "",
	}
	p.tool, p.needs = nativeTool(in)
	p.noScreen = p.needs != "" && in.Getenv(p.needs) == ""
	return p
}

// nativeWorks reports whether the native tool copies to the user's own
// clipboard: it exists, has a display, and runs on their machine.
func (p copyPaths) nativeWorks() bool { return p.tool != "" && !p.noScreen && !p.ssh }

// copyChecks are the native clipboard, SSH and tmux.
func copyChecks(in Inputs) []result {
	p := detectCopyPaths(in)
	return []result{nativeCheck(in, p), sshCheck(p), tmuxCheck(in, p)}
}

func nativeCheck(in Inputs, p copyPaths) result {
	tool := render.Line(p.tool)
	switch {
	case p.ssh && p.tool != "":
		return pass("Native clipboard: %s, but over SSH that is the remote machine's; OSC 52 is the path", tool)
	case p.ssh:
		return pass("Native clipboard: none, not needed over SSH; OSC 52 is the path")
	case p.tool != "" && p.noScreen:
		return failure(fmt.Sprintf("run cxi in a desktop session (where %s is set), or rely on OSC 52", p.needs),
			"Native clipboard: %s is installed, but %s is not set: it has no screen to copy to", tool, p.needs)
	case p.tool != "":
		return pass("Native clipboard: %s", tool)
	}
	switch in.GOOS {
	case "darwin":
		return failure("pbcopy comes with macOS: check that /usr/bin is on your PATH", "Native clipboard: pbcopy not found")
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris":
		fix := "install xclip or xsel (X11)"
		if in.Getenv("WAYLAND_DISPLAY") != "" {
			fix = "install wl-clipboard (Wayland), or xclip"
		}
		return failure(fix, "Native clipboard: no xclip, xsel or wl-copy found")
	}
	return failure("rely on OSC 52", "Native clipboard: none for %s", render.Line(in.GOOS))
}

func sshCheck(p copyPaths) result {
	if p.ssh {
		return pass("Over SSH: copies reach your computer only by OSC 52, if your terminal allows it")
	}
	return pass("Not over SSH: the native clipboard is this computer's")
}

// tmuxCheck asks tmux whether it lets OSC 52 through. With set-clipboard
// on, tmux takes the sequence into its buffer and forwards it to the
// terminal; with external (tmux's default) it ignores it from programs
// inside tmux; with off it ignores it altogether.
func tmuxCheck(in Inputs, p copyPaths) result {
	if !p.tmux {
		return pass("Not in tmux: OSC 52 goes straight to the terminal")
	}
	const fix = "add `set -g set-clipboard on` to ~/.tmux.conf, then run `tmux source-file ~/.tmux.conf`"
	if in.TmuxOption == nil {
		return failure("run `tmux show-options -gv set-clipboard`; it should say on", "tmux: set-clipboard was not checked")
	}
	value, err := in.TmuxOption("set-clipboard")
	if err != nil {
		return failure("run `tmux show-options -gv set-clipboard`; it should say on",
			"tmux: asking for set-clipboard failed: %s", render.Line(err.Error()))
	}
	value = strings.TrimSpace(value)
	if value == "on" {
		return pass("tmux: set-clipboard on, so OSC 52 reaches tmux's buffer and your terminal")
	}
	rest := "cxi's copies reach no clipboard"
	if p.nativeWorks() {
		rest = "only " + render.Line(p.tool) + " copies"
	}
	switch value {
	case "external":
		return failure(fix, "tmux: set-clipboard external, so programs in tmux cannot set the clipboard; %s", rest)
	case "off":
		return failure(fix, "tmux: set-clipboard off, so tmux drops OSC 52; %s", rest)
	}
	return failure(fix, "tmux: set-clipboard is %q, not on; OSC 52 may not get through", render.Line(value))
}
