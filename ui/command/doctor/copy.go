package doctor

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/clipboard"
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
		ssh:  clipboard.OverSSH(in.Getenv),
		tmux: in.Getenv("TMUX") != "",
	}
	p.tool, p.needs = nativeTool(in)
	p.noScreen = p.needs != "" && in.Getenv(p.needs) == ""
	return p
}

// nativeWorks reports whether the native tool copies to the user's own
// clipboard: it exists, has a display, and runs on their machine.
func (p copyPaths) nativeWorks() bool { return p.tool != "" && !p.noScreen && !p.ssh }

// copyChecks are the native clipboard, SSH and tmux. tmux is asked first:
// whether it lets OSC 52 through decides what a native clipboard that does
// not work means.
func copyChecks(in Inputs) []result {
	p := detectCopyPaths(in)
	tmux, osc52Blocked := tmuxCheck(in, p)
	return []result{nativeCheck(in, p, !osc52Blocked), sshCheck(p), tmux}
}

// nativeCheck says whether the native clipboard copies here. Where it does
// not, OSC 52 may still (osc52: nothing is known to block it), so that is a
// warning; only where tmux drops OSC 52 too is it a failure.
func nativeCheck(in Inputs, p copyPaths, osc52 bool) result {
	tool := render.Line(p.tool)
	switch {
	case p.ssh && p.tool != "":
		return pass("Native clipboard: %s, but over SSH that is the remote machine's; OSC 52 is the path", tool)
	case p.ssh:
		return pass("Native clipboard: none, not needed over SSH; OSC 52 is the path")
	case p.tool != "" && !p.noScreen:
		return pass("Native clipboard: %s", tool)
	}
	fix, line := nativeMissing(in, p)
	switch {
	case !osc52:
		return failure(fix, "%s", line)
	case fix != "":
		fix += ", or rely on OSC 52"
	}
	return warning(fix, "%s; copies go by OSC 52 alone, if your terminal allows it", line)
}

// nativeMissing is why the native clipboard cannot copy here, and the fix.
func nativeMissing(in Inputs, p copyPaths) (fix, line string) {
	if p.tool != "" {
		return fmt.Sprintf("run cxi in a desktop session (where %s is set)", p.needs),
			fmt.Sprintf("Native clipboard: %s is installed, but %s is not set: it has no screen to copy to", render.Line(p.tool), p.needs)
	}
	switch in.GOOS {
	case "darwin":
		return "pbcopy comes with macOS: check that /usr/bin is on your PATH", "Native clipboard: pbcopy not found"
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris":
		fix := "install xclip or xsel (X11)"
		if in.Getenv("WAYLAND_DISPLAY") != "" {
			fix = "install wl-clipboard (Wayland) or xclip"
		}
		return fix, "Native clipboard: no xclip, xsel or wl-copy found"
	}
	return "", "Native clipboard: none for " + render.Line(in.GOOS)
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
// inside tmux; with off it ignores it altogether. blocked is true only
// when tmux is known to drop OSC 52 (external, off).
func tmuxCheck(in Inputs, p copyPaths) (r result, blocked bool) {
	if !p.tmux {
		return pass("Not in tmux: OSC 52 goes straight to the terminal"), false
	}
	const fix = "add `set -g set-clipboard on` to ~/.tmux.conf, then run `tmux source-file ~/.tmux.conf`"
	if in.TmuxOption == nil {
		return failure("run `tmux show-options -gv set-clipboard`; it should say on", "tmux: set-clipboard was not checked"), false
	}
	value, err := in.TmuxOption("set-clipboard")
	if err != nil {
		return failure("run `tmux show-options -gv set-clipboard`; it should say on",
			"tmux: asking for set-clipboard failed: %s", render.Line(err.Error())), false
	}
	value = strings.TrimSpace(value)
	if value == "on" {
		return pass("tmux: set-clipboard on, so OSC 52 reaches tmux's buffer and your terminal"), false
	}
	rest := "cxi's copies reach no clipboard"
	if p.nativeWorks() {
		rest = "only " + render.Line(p.tool) + " copies"
	}
	switch value {
	case "external":
		return failure(fix, "tmux: set-clipboard external, so programs in tmux cannot set the clipboard; %s", rest), true
	case "off":
		return failure(fix, "tmux: set-clipboard off, so tmux drops OSC 52; %s", rest), true
	}
	return failure(fix, "tmux: set-clipboard is %q, not on; OSC 52 may not get through", render.Line(value)), false
}
