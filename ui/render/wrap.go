package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks s into lines of at most w cells as Width counts them, the
// measure that clips and pads: lipgloss and x/ansi wrap by their own,
// narrower count, so a Devanagari paragraph they wrap runs past a panel's
// border in the terminal. Lines break at spaces and before a CJK letter
// (Chinese and Japanese put no spaces between words), never at a hyphen
// (ZD-884213 stays whole) and never inside a grapheme cluster (a ZWJ
// emoji such as 👩‍💻, a letter with its marks); a word longer than a line is
// cut between clusters. Escape sequences (a badge's colours) pass through
// at no width. s's own line breaks are kept.
func Wrap(s string, w int) []string {
	w = max(w, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return out
}

// piece is a grapheme cluster, or an escape sequence of no width.
type piece struct {
	text  string
	width int
}

// wrapper lays out one line's words greedily.
type wrapper struct {
	w     int
	lines []string
	line  strings.Builder
	lineW int
	space string // spaces since the last word: dropped where the line breaks
	word  []piece
	wordW int
}

func wrapLine(s string, w int) []string {
	wr := &wrapper{w: w}
	var state byte
	for len(s) > 0 {
		seq, _, n, next := ansi.DecodeSequence(s, state, nil)
		if n <= 0 || seq == "" {
			n, seq = 1, s[:1] // nothing decoded: take a byte, never loop forever
		}
		state, s = next, s[n:]
		switch {
		case seq[0] == ansi.ESC || isControl(seq):
			wr.word = append(wr.word, piece{text: seq})
		case seq == " ":
			wr.commit()
			wr.space += " "
		case breaksBefore(seq):
			wr.commit()
			wr.add(seq)
		default:
			wr.add(seq)
		}
	}
	wr.commit()
	if wr.lineW+len(wr.space) <= w {
		wr.line.WriteString(wr.space) // trailing spaces inside a style (a badge's padding)
	}
	return append(wr.lines, wr.line.String())
}

func (wr *wrapper) add(cluster string) {
	cw := Width(cluster)
	wr.word = append(wr.word, piece{text: cluster, width: cw})
	wr.wordW += cw
}

// commit puts the word under way on the line, or on the next one.
func (wr *wrapper) commit() {
	if len(wr.word) == 0 {
		return
	}
	sw := len(wr.space)
	switch {
	case wr.lineW+sw+wr.wordW <= wr.w:
		wr.line.WriteString(wr.space)
		wr.lineW += sw
	case wr.lineW > 0:
		wr.emit() // the spaces go with the break
	}
	// On an empty line, spaces that do not fit beside the word (an indent)
	// are dropped too.
	if wr.lineW+wr.wordW <= wr.w {
		for _, p := range wr.word {
			wr.line.WriteString(p.text)
		}
		wr.lineW += wr.wordW
	} else {
		for _, p := range wr.word { // a word wider than a line: cut between clusters
			if wr.lineW > 0 && wr.lineW+p.width > wr.w {
				wr.emit()
			}
			wr.line.WriteString(p.text)
			wr.lineW += p.width
		}
	}
	wr.word, wr.wordW, wr.space = wr.word[:0], 0, ""
}

func (wr *wrapper) emit() {
	wr.lines = append(wr.lines, wr.line.String())
	wr.line.Reset()
	wr.lineW = 0
}

// breaksBefore reports a cluster a line may start with though no space
// comes before it: a Han character, kana or a Hangul syllable.
func breaksBefore(cluster string) bool {
	r, _ := utf8.DecodeRuneInString(cluster)
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isControl(seq string) bool {
	r, _ := utf8.DecodeRuneInString(seq)
	return unicode.IsControl(r)
}
