// Package render is the only way text from the API reaches the screen: a
// sanitizer plus small helpers for values that may be absent. Every view
// goes through it, so no view can forget to sanitize.
package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Line makes untrusted text safe to draw on one line: escape sequences
// (CSI, OSC 52/8/title, DCS, APC) are removed, every control character and
// line break becomes a space or disappears, bidi overrides and zero-width
// format characters are dropped, and invalid UTF-8 becomes U+FFFD.
func Line(s string) string { return clean(s, false) }

// Block is Line for fields drawn over several lines (the handoff summary):
// it keeps '\n' and turns tabs into spaces, so wrapping stays predictable.
func Block(s string) string { return clean(s, true) }

func clean(s string, multiline bool) string {
	if s == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	// ansi.Strip removes whole sequences so their payload (an OSC 52
	// clipboard write, a window title) does not survive as text; the rune
	// filter below then catches what Strip lets through (C1, BEL, bidi).
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // the last rune written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if !multiline {
				b.WriteByte(' ')
			}
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			if multiline {
				b.WriteString("    ")
			} else {
				b.WriteByte(' ')
			}
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case unicode.IsControl(r), hides(r, prev, s[i:]):
			// dropped: C0, DEL, C1, and format characters (bidi controls,
			// zero-width characters, tag characters) that hide or reorder text
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// Hidden reports whether s holds a character the screen would not show
// because it hides or reorders text (see hides): a value with one would
// paste as something other than what was read.
func Hidden(s string) bool {
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if hides(r, prev, s[i:]) {
			return true
		}
		prev = r
	}
	return false
}

// hides reports whether r, after prev and before rest, is a format
// character Line drops: every one of Unicode's Cf and the blank letters of
// isInvisibleFormat, but for a zero-width joiner inside an emoji sequence
// (👩‍💻), which joins and hides nothing.
func hides(r, prev rune, rest string) bool {
	if r == '\u200D' && joinsEmoji(prev, rest) {
		return false
	}
	return unicode.Is(unicode.Cf, r) || isInvisibleFormat(r)
}

// joinsEmoji reports whether a zero-width joiner after prev and before
// rest stands between two emoji (after an emoji's variation selector or
// skin tone too), where it makes one symbol of them: 👨‍👩‍👧 is a family,
// not three people. Anywhere else it is dropped with the other
// zero-width characters.
func joinsEmoji(prev rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return (isPictograph(prev) || prev == '\uFE0F') && isPictograph(next)
}

// isInvisibleFormat reports the characters that can reorder or hide text
// (Trojan Source, CVE-2021-42574) or make widths unpredictable. Most are in
// Unicode's Cf category, which is dropped whole; they are listed to say
// which matter, with the blank letters that are not Cf.
func isInvisibleFormat(r rune) bool {
	switch {
	case r >= '\u202A' && r <= '\u202E', // LRE, RLE, PDF, LRO, RLO
		r >= '\u2066' && r <= '\u2069',              // LRI, RLI, FSI, PDI
		r == '\u061C', r == '\u200E', r == '\u200F', // ALM, LRM, RLM
		r >= '\u200B' && r <= '\u200D',              // zero-width space, non-joiner, joiner
		r == '\u2060', r == '\uFEFF', r == '\u00AD', // word joiner, BOM, soft hyphen
		r >= '\uFFF9' && r <= '\uFFFB',                             // interlinear annotation
		r >= 0xE0000 && r <= 0xE007F,                               // tag characters
		r == '\u115F', r == '\u1160', r == '\u3164', r == '\uFFA0', // Hangul fillers, drawn blank
		r == '\u034F': // combining grapheme joiner
		return true
	}
	return false
}
