package render

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Width is the number of cells s may take on screen, erring wide. lipgloss
// measures grapheme clusters, but most terminals (tmux, xterm, VTE) give
// every code point its own wcwidth: a Devanagari name lipgloss measures
// at 5 cells takes 10 there, and a full-width line holding it wraps and
// scrolls the whole screen. Counting both ways and taking the larger keeps
// a line inside the terminal whichever way it counts.
func Width(s string) int {
	plain := ansi.Strip(s)
	perRune, emoji := 0, false
	for _, r := range plain {
		if r >= 0x1F000 || (r >= 0xFE00 && r <= 0xFE0F) || r == 0x200D || (r >= 0x2600 && r <= 0x27BF) {
			emoji = true // emoji sequences can be wider as clusters
		}
		if unicode.In(r, unicode.Mn, unicode.Me) {
			continue
		}
		perRune += runewidth.RuneWidth(r)
	}
	if !emoji {
		// Without emoji a cluster is never wider than its code points, so
		// the costly grapheme count can be skipped (View calls this per line).
		return perRune
	}
	return max(perRune, ansi.StringWidth(plain))
}

// Fit cuts plain text to at most w cells (by Width, with "…") and pads it
// with spaces to w cells as lipgloss counts them, for a table column.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) > w {
		rs := []rune(s)
		// No rune takes less than zero cells and few take zero: a cap
		// bounds the loop below for a hostile ten-kilobyte name.
		if limit := 4*w + 8; len(rs) > limit {
			rs = rs[:limit]
		}
		for len(rs) > 0 && Width(string(rs))+1 > w {
			rs = rs[:len(rs)-1]
		}
		s = string(rs) + "…"
	}
	return s + strings.Repeat(" ", max(w-Width(s), 0))
}

// ClipLine keeps a styled line within w cells by Width, cutting cells off
// its right end as lipgloss counts them.
func ClipLine(line string, w int) string {
	over := Width(line) - w
	if over <= 0 {
		return line
	}
	return ansi.Truncate(line, max(ansi.StringWidth(line)-over, 0), "")
}
