package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkdownText escapes sanitized text (Line or Block) so that a CommonMark
// renderer with GitHub's extensions (tables, strikethrough, task lists,
// bare URLs, www. and e-mail autolinks) shows it as the text it is: no
// link, image, HTML, entity, code, emphasis, heading, list, quote, fence,
// table or autolink can come from it, wherever it stands on a line.
//
// It escapes with backslashes, which Slack shows as they are, so only what
// can mean something is escaped, not all ASCII punctuation: ordinary text
// (handed_off, #884213, ZD-884213, 2026-11-25) stays readable. Always:
// \ ` * ~ [ ] < > & | @ (an e-mail address is an autolink in GitHub).
// In context: '_' unless between letters (where CommonMark reads no
// emphasis), ':' before "//" and '.' after "www" (bare links), and at the
// start of a line '=' (a setext underline), and '#', '-', '+' and the '.'
// or ')' after a number where a space or the line's end follows (headings,
// list items), '-' too on a line of dashes (a rule): "#17" stays as it is. Leading spaces and tabs of
// a line are dropped: Markdown drops them from a paragraph anyway, and four
// of them would start a code block.
func MarkdownText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = markdownLine(strings.TrimLeft(l, " \t"))
	}
	return strings.Join(lines, "\n")
}

func markdownLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	// The '.' or ')' that would make a leading number a list item.
	listMark := -1
	if n := len(s) - len(strings.TrimLeft(s, "0123456789")); n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') && endsMarker(s[n+1:]) {
		listMark = n
	}
	prev := rune(-1)
	for i, r := range s {
		if markdownEscapes(s, i, r, prev) || i == listMark {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// markdownEscapes reports whether r, at byte i of line s after prev (-1 at
// the line's start), needs a backslash.
// endsMarker reports whether rest, what follows a heading's or list
// item's marker, lets the marker be one: nothing, or a space or tab.
func endsMarker(rest string) bool {
	return rest == "" || rest[0] == ' ' || rest[0] == '\t'
}

func markdownEscapes(s string, i int, r, prev rune) bool {
	switch r {
	case '\\', '`', '*', '~', '[', ']', '<', '>', '&', '|', '@':
		return true
	case '#':
		return i == 0 && endsMarker(strings.TrimLeft(s, "#"))
	case '-', '+':
		return i == 0 && (endsMarker(s[1:]) || strings.Trim(s, "- \t") == "")
	case '=':
		return i == 0
	case '_':
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		return !(wordRune(prev) && i+1 < len(s) && wordRune(next))
	case ':':
		return strings.HasPrefix(s[i+1:], "//")
	case '.':
		return i >= 3 && strings.EqualFold(s[i-3:i], "www")
	}
	return false
}

// wordRune is a rune that keeps an underscore beside it from opening or
// closing emphasis: neither space nor punctuation in CommonMark's sense.
func wordRune(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// MarkdownCode is sanitized one-line text s as an inline code span, fenced
// with one backtick more than the longest run inside it, and padded with a
// space where it begins or ends with a backtick or a space (CommonMark
// strips one space from each side). s should not be empty: Or gives a dash.
func MarkdownCode(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.Trim(s, " ") != "" && (strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	return fence + s + fence
}
