package doctor

import (
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

const fixTERM = "set TERM to your terminal's type (most take xterm-256color), or NO_COLOR=1 if no colour is what you want"

// colourCheck names the colour profile cxi renders with. No colour is a
// failure only when nothing asked for it: TERM unset or dumb.
func colourCheck(in Inputs) (result, bool) {
	term := render.Line(in.Getenv("TERM"))
	switch in.ColorProfile {
	case "":
		return result{}, false
	case "TrueColor":
		return pass("Terminal colours: TrueColor (24-bit)"), true
	case "ANSI256":
		return pass("Terminal colours: ANSI256 (256 colours)"), true
	case "ANSI":
		return pass("Terminal colours: ANSI (16 colours)"), true
	case "Ascii":
		switch {
		case in.Getenv("NO_COLOR") != "":
			return pass("Terminal colours: none, as NO_COLOR asks"), true
		case term == "dumb":
			return failure(fixTERM, "Terminal colours: none (TERM=dumb)"), true
		case term == "" && in.GOOS != "windows":
			return failure(fixTERM, "Terminal colours: none (TERM is not set)"), true
		}
		return pass("Terminal colours: none (output is not a terminal)"), true
	}
	return pass("Terminal colours: %s", render.Line(strings.TrimSpace(in.ColorProfile))), true
}
