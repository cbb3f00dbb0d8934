package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Width is the number of cells s may take on screen, erring wide. Text is
// measured a grapheme cluster at a time, each cluster as the wider of two
// counts: lipgloss's (one emoji's two cells for a ZWJ sequence such as
// 👩‍👩‍👧 or a flag such as 🇩🇪, as tmux 3.3 draws them too) and the
// terminal's own per code point (wcwidth, marks and format characters at
// none), where tmux joins what follows a zero-width joiner into the cell
// before it. The second is why: lipgloss measures a Devanagari name at 5
// cells that tmux, xterm and VTE draw in 10, and a full-width line holding
// it would wrap and scroll the whole screen; tmux 3.3 also draws a skin
// tone apart from its emoji (👍🏽 in 4). Counted per code point over the
// whole text, as before, a family of four took 8 cells where the terminal
// draws 2, and the right border stood 6 columns short.
func Width(s string) int {
	plain := ansi.Strip(s)
	emoji := false
	for _, r := range plain {
		if isPictograph(r) || (r >= 0xFE00 && r <= 0xFE0F) || r == 0x200D || (r >= 0xE0000 && r <= 0xE007F) {
			emoji = true // emoji sequences are measured as clusters
			break
		}
	}
	if !emoji {
		// Without emoji a cluster is never wider than its code points, so
		// the costly grapheme count can be skipped (View calls this per line).
		return codePointWidth(plain)
	}
	w := 0
	for plain != "" {
		c, cw := ansi.FirstGraphemeCluster(plain, ansi.GraphemeWidth)
		if c == "" {
			break
		}
		w += max(cw, codePointWidth(c))
		plain = plain[len(c):]
	}
	return w
}

// codePointWidth counts s as tmux draws it: each code point its wcwidth,
// none for combining marks and format characters (a joiner, a flag's tag
// letters) but the soft hyphen, and none for a code point other than ASCII
// right after a zero-width joiner, which tmux puts in the joiner's cell.
func codePointWidth(s string) int {
	w, joined := 0, false
	for _, r := range s {
		switch {
		case joined && r >= utf8.RuneSelf:
		case unicode.In(r, unicode.Mn, unicode.Me), unicode.Is(unicode.Cf, r) && r != 0xAD:
		default:
			w += runewidth.RuneWidth(r)
		}
		joined = r == 0x200D
	}
	return w
}

// Fit cuts plain text to at most w cells (by Width, with "…") and pads it
// with spaces to w cells by the same measure, for a table column. It cuts
// between grapheme clusters, so a ZWJ emoji (👨‍👩‍👧) or a Devanagari
// syllable is kept whole or dropped whole, never split.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) > w {
		s = clusters(s, w-1) + "…"
	}
	return s + strings.Repeat(" ", max(w-Width(s), 0))
}

// clusters is the longest start of plain text s whose grapheme clusters
// fit in w cells, each measured by Width. It reads no further than that,
// so a hostile ten-kilobyte name costs no more than a short one.
func clusters(s string, w int) string {
	used, end := 0, 0
	for end < len(s) {
		c, _ := ansi.FirstGraphemeCluster(s[end:], ansi.GraphemeWidth)
		if c == "" {
			break
		}
		cw := Width(c)
		if used+cw > w {
			break
		}
		used, end = used+cw, end+len(c)
	}
	return s[:end]
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

// Pad fits a styled line to exactly w cells by Width: clipped as ClipLine
// does, then padded with spaces. A panel built of lines padded this way
// keeps its right border in place on a line lipgloss counts narrower than
// the terminal draws it (Devanagari), where lipgloss's own padding would
// push the border out.
func Pad(line string, w int) string {
	line = ClipLine(line, w)
	return line + strings.Repeat(" ", max(w-Width(line), 0))
}

// isPictograph reports the emoji blocks: a cluster holding one may be
// drawn wider than its code points, and a zero-width joiner between two
// of them joins an emoji sequence (👩‍💻) rather than hiding text.
func isPictograph(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2300 && r <= 0x23FF || r >= 0x2B00 && r <= 0x2BFF
}

// Fill pads or cuts s to exactly height lines no wider than width, so
// that what is drawn below it never moves.
func Fill(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = ClipLine(l, width)
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// FitWords keeps a styled line within w cells by dropping whole words from
// its end, with a visible "…": a message cut mid-word ("Check the
// network o") or mid-number ("reviewed 3 of 16…" when it is 160) says
// something else than was meant. Only a first word wider than w is cut
// inside, as nothing else can be done with it.
func FitWords(line string, w int) string {
	if Width(line) <= w {
		return line
	}
	if w <= 1 {
		return ClipLine(line, w)
	}
	plain := ansi.Strip(line)
	keep := -1 // cells of the longest prefix that ends before a space and leaves room for "…"
	for i, r := range plain {
		if r != ' ' {
			continue
		}
		cells := Width(strings.TrimRight(plain[:i], " "))
		if cells > w-1 {
			break
		}
		keep = cells
	}
	if keep <= 0 {
		return ClipLine(ansi.Truncate(line, w, "…"), w)
	}
	return ClipLine(ansi.Truncate(line, keep, ""), keep) + "…"
}
